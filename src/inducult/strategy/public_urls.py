"""Public URLs of the strategy's progress. The /open/… paths are stable contracts: do not rename them."""

from django.urls import path  # noqa: F401 - the views come with the public progress page

app_name = "progress"
urlpatterns: list = []
