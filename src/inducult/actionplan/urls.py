"""Back-office URLs of the action plan and the funding catalogue (namespace ``actionplan``); the
calendar feed's address carries its own secret."""

from django.urls import path

from inducult.actionplan import calendar_views, views
from inducult.regions.urls import MANAGE

PLAN = f"{MANAGE}action-plan/"

backoffice_patterns = [
    path(PLAN, views.ActivityListView.as_view(), name="list"),
    path(f"{PLAN}timeline/", views.TimelineView.as_view(), name="timeline"),
    path(f"{PLAN}new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path(f"{PLAN}<int:pk>/", views.ActivityDetailView.as_view(), name="activity"),
    path(f"{PLAN}<int:pk>/edit/", views.ActivityEditView.as_view(), name="activity_edit"),
    path(f"{PLAN}funding/", views.InstrumentListView.as_view(), name="instruments"),
    path(f"{PLAN}funding/<int:pk>/", views.InstrumentDetailView.as_view(), name="instrument"),
    path(f"{PLAN}funding/calls/<int:pk>/", calendar_views.CallInstrumentRedirect.as_view(), name="call_instrument"),
    path(f"{PLAN}calendar/", calendar_views.CalendarView.as_view(), name="calendar"),
    path(f"{PLAN}calendar/<str:token>.ics", calendar_views.FeedView.as_view(), name="feed"),
]
