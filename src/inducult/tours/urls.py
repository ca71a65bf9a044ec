"""URLs of the tour planner (namespace ``tours``): the public planner and published tours, and
publishing a plan from the back office."""

from django.urls import path

from inducult.regions.urls import MANAGE, PUBLIC
from inducult.tours.views.backoffice import PublishView
from inducult.tours.views.public import PlanIcsView, PlannerView, ProductView

public_patterns = [
    path(f"{PUBLIC}tours/", PlannerView.as_view(), name="planner"),
    path(f"{PUBLIC}tours/plan.ics", PlanIcsView.as_view(), name="plan_ics"),
    path(f"{PUBLIC}tours/p/<slug:product_slug>/", ProductView.as_view(), name="product"),
]

backoffice_patterns = [
    path(f"{MANAGE}tours/publish/", PublishView.as_view(), name="publish"),
]
