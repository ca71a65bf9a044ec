from django.urls import path

from inducult.heritage import event_views

app_name = "heritage_events"
urlpatterns = [
    path("", event_views.EventListView.as_view(), name="list"),
    path("new/", event_views.EventFormView.as_view(), name="create"),
    path("<int:pk>/edit/", event_views.EventFormView.as_view(), name="edit"),
    path("<int:pk>/review/", event_views.EventReviewView.as_view(), name="review"),
]
