"""Public URLs of the strategy's progress. The /open/… paths are stable contracts: do not rename them."""

from django.urls import path

from inducult.strategy import public_views

app_name = "progress"
urlpatterns = [
    path("r/<slug:region_slug>/progress/", public_views.ProgressPageView.as_view(), name="page"),
    path("open/<slug:region_slug>/progress.json", public_views.ProgressJsonView.as_view(), name="json"),
]
