from django.urls import path

from inducult.actionplan import calendar_views, views

app_name = "actionplan"
urlpatterns = [
    path("", views.ActivityListView.as_view(), name="list"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("<int:pk>/", views.ActivityDetailView.as_view(), name="activity"),
    path("<int:pk>/edit/", views.ActivityEditView.as_view(), name="activity_edit"),
    path("funding/", views.InstrumentListView.as_view(), name="instruments"),
    path("funding/<int:pk>/", views.InstrumentDetailView.as_view(), name="instrument"),
    path("funding/calls/<int:pk>/", calendar_views.CallInstrumentRedirect.as_view(), name="call_instrument"),
    path("calendar/", calendar_views.CalendarView.as_view(), name="calendar"),
    path("calendar/<str:token>.ics", calendar_views.FeedView.as_view(), name="feed"),
]
