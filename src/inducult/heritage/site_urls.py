from django.urls import path

from inducult.heritage import photo_views, site_views

app_name = "heritage_sites"
urlpatterns = [
    path("", site_views.SiteAdminListView.as_view(), name="list"),
    path("<int:pk>/edit/", site_views.SiteEditView.as_view(), name="edit"),
    path("<int:pk>/photos/", photo_views.SitePhotosView.as_view(), name="photos"),
]
