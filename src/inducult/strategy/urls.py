"""Back-office URLs of the strategy tracker, under /manage/<region-slug>/strategy/."""

from django.urls import path

from inducult.strategy import views

app_name = "strategy"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
]
