"""Back-office URLs of the engagement log, under /manage/<region-slug>/engagements/."""

from django.urls import path  # noqa: F401 - the views come with the log's pages

app_name = "engagement"
urlpatterns: list = []
