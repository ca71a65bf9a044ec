"""Public URLs of the tour planner."""

from django.urls import path

from inducult.tours import views

app_name = "tours"
urlpatterns = [
    path("r/<slug:region_slug>/tours/", views.PlannerView.as_view(), name="planner"),
    path("r/<slug:region_slug>/tours/plan.ics", views.PlanIcsView.as_view(), name="plan_ics"),
    path("r/<slug:region_slug>/tours/p/<slug:product_slug>/", views.ProductView.as_view(), name="product"),
    path("manage/<slug:region_slug>/tours/publish/", views.PublishView.as_view(), name="publish"),
]
