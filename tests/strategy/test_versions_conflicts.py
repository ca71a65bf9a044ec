"""Two people edit the same goal, milestone or rule of the newest version (issue #15: the second
silently overwrote the first). Both open the form as rendered; the first saves; the second is refused
with a conflict page naming what differs, and nothing of theirs is written. Saving the reviewed form
again is a deliberate overwrite and succeeds."""

import pytest
from django.test import Client
from django.urls import reverse

from inducult.core.versioning import EditConflict
from inducult.strategy.models import CountRule, DeliverableRule, Milestone, StrategicGoal
from inducult.strategy.services import versions
from tests.strategy.versions_conftest import small_strategy
from tests.submitted import submitted
from tests.testids import elements

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(region):
    return small_strategy(region)


def _editor(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _opened(client: Client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return submitted(response.content.decode(), "strategy-form")


def _race(user, url: str, first_change: dict, second_change: dict):
    """Both open ``url``; the first saves ``first_change``, then the second saves ``second_change``
    from the form it opened before. Returns the second's response."""
    first, second = _editor(user), _editor(user)
    first_form, second_form = _opened(first, url), _opened(second, url)
    assert first.post(url, {**first_form, **first_change}).status_code == 302
    return second.post(url, {**second_form, **second_change}), {**second_form, **second_change}


def _differing(response) -> dict[str, tuple[str, str]]:
    html = response.content.decode()
    assert len(elements(html, "conflict")) == 1
    labels = [e.text for e in elements(html, "conflict-label")]
    stored = [e.text for e in elements(html, "conflict-stored")]
    mine = [e.text for e in elements(html, "conflict-mine")]
    return {label: (s, m) for label, s, m in zip(labels, stored, mine, strict=True)}


def test_second_editor_of_a_goal_gets_a_conflict_and_writes_nothing(small, coordinator):
    url = reverse("strategy_versions:goal_edit", args=["karlovy-vary", small.version.pk, small.sg1.pk])

    refused, _data = _race(
        coordinator, url, {"title": "Najít potenciál"}, {"title": "Hledat příležitosti", "description": "Moje"}
    )

    assert refused.status_code == 409
    assert _differing(refused) == {
        "Title": ("Najít potenciál", "Hledat příležitosti"),
        "Description": ("—", "Moje"),
    }
    goal = StrategicGoal.objects.get(pk=small.sg1.pk)
    assert (goal.title, goal.description, goal.edit_version) == ("Najít potenciál", "", 2)


def test_second_editor_of_a_milestone_gets_a_conflict_then_saves_deliberately(small, coordinator):
    url = reverse("strategy_versions:milestone_edit", args=["karlovy-vary", small.version.pk, small.m11.pk])

    refused, data = _race(coordinator, url, {"title": "Šest setkání ročně"}, {"title": "Sedm", "last_year": "2025"})

    assert refused.status_code == 409
    assert _differing(refused) == {"Title": ("Šest setkání ročně", "Sedm"), "Last year": ("—", "2025")}
    milestone = Milestone.objects.get(pk=small.m11.pk)
    assert (milestone.title, milestone.last_year) == ("Šest setkání ročně", None)
    # The refused page carries the user's values at the stored version: saving it again overwrites.
    again = submitted(refused.content.decode(), "strategy-form")
    assert again["title"] == ["Sedm"] and again["version"] == ["2"]
    second = _editor(coordinator)
    assert second.post(url, again).status_code == 302
    milestone.refresh_from_db()
    assert (milestone.title, milestone.last_year, milestone.edit_version) == ("Sedm", 2025, 3)


def test_second_editor_of_a_count_rule_gets_a_conflict(small, coordinator):
    rule = CountRule.objects.get(milestone=small.m11)
    url = reverse(
        "strategy_versions:rule_edit", args=["karlovy-vary", small.version.pk, small.m11.pk, "count", rule.pk]
    )

    refused, _data = _race(coordinator, url, {"minimum": "6"}, {"minimum": "7"})

    assert refused.status_code == 409
    assert _differing(refused) == {"At least": ("6", "7")}
    rule.refresh_from_db()
    assert (rule.minimum, rule.edit_version) == (6, 2)


def test_second_editor_of_a_deliverable_rule_gets_a_conflict(small, coordinator):
    rule = DeliverableRule.objects.get(milestone=small.m8)
    url = reverse(
        "strategy_versions:rule_edit", args=["karlovy-vary", small.version.pk, small.m8.pk, "deliverable", rule.pk]
    )

    refused, _data = _race(coordinator, url, {"title": "Aktualizace 2020"}, {"title": "Druhá verze"})

    assert refused.status_code == 409
    assert _differing(refused) == {"Title": ("Aktualizace 2020", "Druhá verze")}
    rule.refresh_from_db()
    assert rule.title == "Aktualizace 2020"


def test_a_change_of_a_milestones_goals_alone_moves_its_lock_on(small, coordinator):
    versions.update_milestone(milestone=small.m11, actor=coordinator, data={}, goals=[small.sg1], version=1)

    with pytest.raises(EditConflict):
        versions.update_milestone(
            milestone=Milestone.objects.get(pk=small.m11.pk), actor=coordinator, data={"title": "X"}, version=1
        )
    assert Milestone.objects.get(pk=small.m11.pk).title == "Pět setkání ročně"


def test_an_admins_edit_of_a_rule_moves_its_lock_on(small, admin_client):
    from django.contrib.admin.sites import site

    from inducult.strategy.admin import MilestoneAdmin

    assert isinstance(site._registry[Milestone], MilestoneAdmin)
    rule = CountRule.objects.get(milestone=small.m11)
    url = reverse("admin:strategy_milestone_change", args=[small.m11.pk])
    form = submitted(admin_client.get(url).content.decode())
    prefix = next(k.removesuffix("-0-minimum") for k in form if k.endswith("-0-minimum"))
    form[f"{prefix}-0-minimum"] = ["9"]

    response = admin_client.post(url, form)

    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.minimum, rule.edit_version) == (9, 2)
    assert Milestone.objects.get(pk=small.m11.pk).edit_version == 2
