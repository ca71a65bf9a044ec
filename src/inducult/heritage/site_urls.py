from django.urls import path

from inducult.heritage import site_views

app_name = "heritage_sites"
urlpatterns = [
    path("", site_views.SiteAdminListView.as_view(), name="list"),
    path("<int:pk>/edit/", site_views.SiteEditView.as_view(), name="edit"),
]
