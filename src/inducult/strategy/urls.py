"""URLs of the strategy tracker: the dashboard (namespace ``strategy``), the versions
(``strategy_versions``) and the public progress (``progress``; the /open/… path is a stable
contract: do not rename it)."""

from django.urls import path

from inducult.regions.urls import MANAGE, OPEN, PUBLIC
from inducult.strategy import public_views, version_views, views

STRATEGY = f"{MANAGE}strategy/"
VERSIONS = f"{STRATEGY}versions/"
MILESTONE = f"{VERSIONS}<int:pk>/milestones/<int:milestone_pk>/"

backoffice_patterns = [
    path(STRATEGY, views.DashboardView.as_view(), name="dashboard"),
]

version_patterns = [
    path(VERSIONS, version_views.VersionListView.as_view(), name="list"),
    path(f"{VERSIONS}compare/", version_views.CompareView.as_view(), name="compare"),
    path(f"{VERSIONS}<int:pk>/", version_views.VersionDetailView.as_view(), name="detail"),
    path(f"{VERSIONS}<int:pk>/actualise/", version_views.ActualiseView.as_view(), name="actualise"),
    path(f"{VERSIONS}<int:pk>/goals/<int:goal_pk>/", version_views.GoalEditView.as_view(), name="goal_edit"),
    path(f"{VERSIONS}<int:pk>/milestones/add/", version_views.MilestoneEditView.as_view(), name="milestone_add"),
    path(MILESTONE, version_views.MilestoneEditView.as_view(), name="milestone_edit"),
    path(f"{MILESTONE}remove/", version_views.RemoveView.as_view(), name="milestone_remove"),
    path(f"{MILESTONE}rules/<slug:rule_type>/add/", version_views.RuleEditView.as_view(), name="rule_add"),
    path(f"{MILESTONE}rules/<slug:rule_type>/<int:rule_pk>/", version_views.RuleEditView.as_view(), name="rule_edit"),
    path(
        f"{MILESTONE}rules/<slug:rule_type>/<int:rule_pk>/remove/",
        version_views.RemoveView.as_view(),
        name="rule_remove",
    ),
]

public_patterns = [
    path(f"{PUBLIC}progress/", public_views.ProgressPageView.as_view(), name="page"),
    path(f"{OPEN}progress.json", public_views.ProgressJsonView.as_view(), name="json"),
]
