"""Public URLs of the engagement log. The /open/… paths are stable contracts: do not rename them."""

from django.urls import path

from inducult.engagement import public_views

app_name = "engagement_public"
urlpatterns = [
    path("open/<slug:region_slug>/engagements.ics", public_views.EngagementsIcsView.as_view(), name="ics"),
]
