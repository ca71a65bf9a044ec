"""Back-office URLs for strategy versions (actualisations and their differences),
under /manage/<region-slug>/strategy/versions/."""

from django.urls import path  # noqa: F401 - the views come with the version pages

app_name = "strategy_versions"
urlpatterns: list = []
