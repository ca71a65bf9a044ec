"""Back-office URLs for strategy versions (actualisations and their differences),
under /manage/<region-slug>/strategy/versions/."""

from django.urls import path

from inducult.strategy import version_views as views

app_name = "strategy_versions"
urlpatterns = [
    path("", views.VersionListView.as_view(), name="list"),
    path("compare/", views.CompareView.as_view(), name="compare"),
    path("<int:pk>/", views.VersionDetailView.as_view(), name="detail"),
    path("<int:pk>/actualise/", views.ActualiseView.as_view(), name="actualise"),
    path("<int:pk>/goals/<int:goal_pk>/", views.GoalEditView.as_view(), name="goal_edit"),
    path("<int:pk>/milestones/add/", views.MilestoneEditView.as_view(), name="milestone_add"),
    path("<int:pk>/milestones/<int:milestone_pk>/", views.MilestoneEditView.as_view(), name="milestone_edit"),
    path("<int:pk>/milestones/<int:milestone_pk>/remove/", views.RemoveView.as_view(), name="milestone_remove"),
    path(
        "<int:pk>/milestones/<int:milestone_pk>/rules/<slug:rule_type>/add/",
        views.RuleEditView.as_view(),
        name="rule_add",
    ),
    path(
        "<int:pk>/milestones/<int:milestone_pk>/rules/<slug:rule_type>/<int:rule_pk>/",
        views.RuleEditView.as_view(),
        name="rule_edit",
    ),
    path(
        "<int:pk>/milestones/<int:milestone_pk>/rules/<slug:rule_type>/<int:rule_pk>/remove/",
        views.RemoveView.as_view(),
        name="rule_remove",
    ),
]
