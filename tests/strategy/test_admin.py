import pytest
from django.urls import reverse

from inducult.core.models import AuditEntry
from inducult.strategy.models import Milestone
from tests.factories import (
    CountRuleFactory,
    DeliverableFactory,
    StrategicGoalFactory,
    StrategyVersionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def admin_client(english_client):
    english_client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return english_client


@pytest.mark.parametrize("name", ["strategy", "strategyversion", "milestone", "deliverable"])
def test_admin_changelists_and_add_pages_open_for_superusers(admin_client, region, name):
    CountRuleFactory(milestone__version__strategy__region=region)
    DeliverableFactory(rule__milestone__version__strategy__region=region)

    assert admin_client.get(reverse(f"admin:strategy_{name}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:strategy_{name}_add")).status_code == 200


def test_admin_is_closed_to_staff_who_are_not_superusers(client, region):
    client.force_login(UserFactory(username="staff", is_staff=True))

    assert client.get(reverse("admin:strategy_milestone_changelist")).status_code == 403


def milestone_form(version, **overrides):
    data = {
        "version": version.pk,
        "code": "M1",
        "title": "Organizace minimálně jedné diskuzní skupiny",
        "first_year": "2019",
        "last_year": "2019",
        "order": "1",
        "translations": "{}",
        "count_rules-TOTAL_FORMS": "1",
        "count_rules-INITIAL_FORMS": "0",
        "count_rules-0-order": "1",
        "count_rules-0-kinds": '["focus_group"]',
        "count_rules-0-minimum": "1",
        "count_rules-0-first_year": "2019",
        "count_rules-0-last_year": "2019",
        "deliverable_rules-TOTAL_FORMS": "0",
        "deliverable_rules-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_admin_add_milestone_with_a_count_rule_is_audited(admin_client, region):
    goal = StrategicGoalFactory(version__strategy__region=region, code="SG4")

    response = admin_client.post(reverse("admin:strategy_milestone_add"), milestone_form(goal.version, goals=[goal.pk]))

    assert response.status_code == 302, response.context["adminform"].form.errors
    milestone = Milestone.objects.get()
    assert [r.kinds for r in milestone.count_rules.all()] == [["focus_group"]]
    assert list(milestone.goals.all()) == [goal]
    assert set(AuditEntry.objects.values_list("object_type", flat=True)) == {"strategy.milestone", "strategy.countrule"}


def test_admin_refuses_a_count_rule_with_an_unknown_kind(admin_client, region):
    version = StrategyVersionFactory(strategy__region=region)

    response = admin_client.post(
        reverse("admin:strategy_milestone_add"), milestone_form(version, **{"count_rules-0-kinds": '["coffee"]'})
    )

    assert response.status_code == 200
    assert "Unknown engagement kind(s): coffee. Allowed: focus_group, bilateral_meeting" in response.content.decode()
    assert not Milestone.objects.exists()


def test_admin_refuses_goals_of_another_strategy_version(admin_client, region):
    version = StrategyVersionFactory(strategy__region=region)
    foreign = StrategicGoalFactory(version__strategy__region=region, code="SG9")

    response = admin_client.post(reverse("admin:strategy_milestone_add"), milestone_form(version, goals=[foreign.pk]))

    assert response.status_code == 200
    assert "A milestone can only serve goals of its own strategy version, not SG9." in response.content.decode()
