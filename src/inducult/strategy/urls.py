"""Back-office URLs of the strategy tracker, under /manage/<region-slug>/strategy/."""

from django.urls import path  # noqa: F401 - the views come with the dashboard

app_name = "strategy"
urlpatterns: list = []
