"""Back-office URLs of the action plan and the funding catalogue (namespace ``actionplan``); the
calendar feed's address carries its own secret."""

from django.urls import path

from inducult.actionplan.views import backoffice
from inducult.regions.urls import MANAGE

PLAN = f"{MANAGE}action-plan/"

backoffice_patterns = [
    path(PLAN, backoffice.ActivityListView.as_view(), name="list"),
    path(f"{PLAN}timeline/", backoffice.TimelineView.as_view(), name="timeline"),
    path(f"{PLAN}new/", backoffice.ActivityCreateView.as_view(), name="activity_create"),
    path(f"{PLAN}<int:pk>/", backoffice.ActivityDetailView.as_view(), name="activity"),
    path(f"{PLAN}<int:pk>/edit/", backoffice.ActivityEditView.as_view(), name="activity_edit"),
    path(f"{PLAN}funding/", backoffice.InstrumentListView.as_view(), name="instruments"),
    path(f"{PLAN}funding/<int:pk>/", backoffice.InstrumentDetailView.as_view(), name="instrument"),
    path(f"{PLAN}funding/calls/<int:pk>/", backoffice.CallInstrumentRedirect.as_view(), name="call_instrument"),
    path(f"{PLAN}calendar/", backoffice.CalendarView.as_view(), name="calendar"),
    path(f"{PLAN}calendar/<str:token>.ics", backoffice.FeedView.as_view(), name="feed"),
]
