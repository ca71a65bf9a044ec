"""URLs of the strategy tracker: the dashboard (namespace ``strategy``), the versions
(``strategy_versions``) and the public progress (``progress``; the /open/… path is a stable
contract: do not rename it)."""

from django.urls import path

from inducult.regions.urls import MANAGE, OPEN, PUBLIC
from inducult.strategy.views import opendata, public
from inducult.strategy.views.backoffice import dashboard, versions

STRATEGY = f"{MANAGE}strategy/"
VERSIONS = f"{STRATEGY}versions/"
MILESTONE = f"{VERSIONS}<int:pk>/milestones/<int:milestone_pk>/"

backoffice_patterns = [
    path(STRATEGY, dashboard.DashboardView.as_view(), name="dashboard"),
]

version_patterns = [
    path(VERSIONS, versions.VersionListView.as_view(), name="list"),
    path(f"{VERSIONS}compare/", versions.CompareView.as_view(), name="compare"),
    path(f"{VERSIONS}<int:pk>/", versions.VersionDetailView.as_view(), name="detail"),
    path(f"{VERSIONS}<int:pk>/actualise/", versions.ActualiseView.as_view(), name="actualise"),
    path(f"{VERSIONS}<int:pk>/goals/<int:goal_pk>/", versions.GoalEditView.as_view(), name="goal_edit"),
    path(f"{VERSIONS}<int:pk>/milestones/add/", versions.MilestoneEditView.as_view(), name="milestone_add"),
    path(MILESTONE, versions.MilestoneEditView.as_view(), name="milestone_edit"),
    path(f"{MILESTONE}remove/", versions.RemoveView.as_view(), name="milestone_remove"),
    path(f"{MILESTONE}rules/<slug:rule_type>/add/", versions.RuleEditView.as_view(), name="rule_add"),
    path(f"{MILESTONE}rules/<slug:rule_type>/<int:rule_pk>/", versions.RuleEditView.as_view(), name="rule_edit"),
    path(
        f"{MILESTONE}rules/<slug:rule_type>/<int:rule_pk>/remove/",
        versions.RemoveView.as_view(),
        name="rule_remove",
    ),
]

public_patterns = [
    path(f"{PUBLIC}progress/", public.ProgressPageView.as_view(), name="page"),
    path(f"{OPEN}progress.json", opendata.ProgressJsonView.as_view(), name="json"),
]
