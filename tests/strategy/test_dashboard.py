"""The back-office dashboard: who may see it, the year selector, milestones, reminders, the chart."""

import datetime
import re

import pytest
from django.urls import reverse

from inducult.engagement.enums import EngagementKind
from inducult.strategy.services import progress as service
from tests.factories import (
    CountRuleFactory,
    EngagementParticipantFactory,
    FollowUpTaskFactory,
    MilestoneFactory,
    PersonFactory,
    TopicFactory,
)
from tests.queries import queries_at_two_sizes
from tests.strategy.conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


def url(region, year=None):
    base = reverse("strategy:dashboard", args=[region.slug])
    return base if year is None else f"{base}?year={year}"


@pytest.fixture
def this_year(region):
    return region.today().year


@pytest.fixture
def yearly(plan, this_year):
    """M5: five bilateral meetings this year."""
    milestone = MilestoneFactory(version=plan, code="M5", title="Five meetings", first_year=this_year, last_year=None)
    CountRuleFactory(milestone=milestone, kinds=["bilateral_meeting"], minimum=5, first_year=this_year, last_year=None)
    return milestone


@pytest.mark.parametrize("persona", ["coordinator", "editor", "viewer"])
def test_dashboard_is_shown_to_everyone_in_the_back_office(client, region, plan, persona, request):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(url(region))

    assert response.status_code == 200
    assert response.templates[0].name == "strategy/dashboard.html"


def test_dashboard_sends_anonymous_visitors_to_sign_in(client, region, plan):
    response = client.get(url(region))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_dashboard_refuses_coordinators_of_another_region(client, region, plan, outsider):
    client.force_login(outsider)

    assert client.get(url(region)).status_code == 403


def test_dashboard_of_an_unknown_region_is_404(coordinator_client):
    assert coordinator_client.get("/manage/nowhere/strategy/").status_code == 404


def test_dashboard_defaults_to_the_current_year(coordinator_client, region, plan, this_year):
    response = coordinator_client.get(url(region))

    assert response.context["year"] == this_year
    assert f"Strategy progress in {this_year}" in response.content.decode()


def test_dashboard_shows_a_past_year_with_its_milestones(coordinator_client, region, plan, meeting):
    meeting(at(2024, 3, 1), title="Meeting with the porcelain makers")

    response = coordinator_client.get(url(region, 2024))
    html = response.content.decode()

    assert response.context["year"] == 2024
    assert re.search(r'data-code="M1" data-status="missed"', html)
    assert '<progress value="1" max="3"' in html
    assert "Meeting with the porcelain makers" in html
    assert "2 engagements were missing at the end of 2024." in html


@pytest.mark.parametrize("value", ["abc", "1800", "20245", " "])
def test_dashboard_with_an_invalid_year_says_so_and_shows_this_year(coordinator_client, region, plan, value, this_year):
    response = coordinator_client.get(url(region, value))

    assert response.context["year"] == this_year
    assert f"is not a year between 1990 and 2100; showing {this_year} instead." in response.content.decode()


def test_dashboard_year_selector_offers_the_strategy_years(coordinator_client, region, plan, this_year):
    response = coordinator_client.get(url(region))

    assert response.context["years"] == list(range(this_year + 1, 2018, -1))


def test_dashboard_says_what_is_still_needed_and_where_the_pace_leads(
    coordinator_client, region, yearly, meeting, this_year
):
    held = meeting(at(this_year, 1, 2))

    html = coordinator_client.get(url(region)).content.decode()

    m5 = next(m for m in service.region_progress(region, this_year).milestones if m.milestone.code == "M5")
    assert [e.id for e in m5.rules[0].shown] == [held.pk]
    rule = m5.rules[0].progress
    assert f"4 more engagements needed by 31 December {this_year}." in html
    assert f"At the pace so far you will reach {rule.projected}." in html
    assert "1 of 5" in html


def test_dashboard_without_a_strategy_says_so(coordinator_client, region):
    html = coordinator_client.get(url(region)).content.decode()

    assert 'data-testid="no-strategy"' in html


def test_dashboard_shows_the_chart_with_titles_and_a_table(coordinator_client, region, plan, meeting):
    meeting(at(2024, 3, 1))
    meeting(at(2024, 3, 2), kind=EngagementKind.WORKSHOP.value)

    response = coordinator_client.get(url(region, 2024))
    html = response.content.decode()

    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "<title>March: 1 × Bilateral meeting</title>" in html
    assert response.context["chart_table"]["total"] == 2


def test_dashboard_reminds_of_overdue_tasks_with_the_owner_for_the_coordinator(
    client, region, plan, meeting, coordinator, viewer
):
    owner = PersonFactory(region=region, first_name="Jana", last_name="Dvořáková")
    FollowUpTaskFactory(engagement=meeting(at(2024, 3, 1)), title="Send the photos", owner=owner,
                        due_date=datetime.date(2024, 4, 1))  # fmt: skip

    client.force_login(coordinator)
    as_coordinator = client.get(url(region)).content.decode()
    client.force_login(viewer)
    as_viewer = client.get(url(region)).content.decode()

    assert "Send the photos" in as_coordinator and "Dvořáková" in as_coordinator
    assert "Send the photos" in as_viewer and "Dvořáková" not in as_viewer


def test_dashboard_lists_upcoming_planned_engagements(coordinator_client, region, plan, meeting, this_year):
    meeting(at(this_year + 1, 2, 1), held=False, title="Round table on spa products")

    html = coordinator_client.get(url(region)).content.decode()

    assert "Round table on spa products" in html


def _log(region, meeting, authority, topic, n, offset):
    for day in range(n):
        engagement = meeting(at(2024, 1, 1) + datetime.timedelta(days=offset + day), with_org=authority)
        engagement.topics.add(topic)
        FollowUpTaskFactory(engagement=engagement, due_date=datetime.date(2024, 1, 1))
        EngagementParticipantFactory(engagement=engagement, organisation=None, person=PersonFactory(region=region))
        meeting(at(2030, 1, 1) + datetime.timedelta(days=offset + day), held=False)


def test_dashboard_query_count_is_the_same_for_5_and_50_engagements(
    coordinator_client, region, plan, meeting, authority
):
    topic = TopicFactory(region=region)
    milestone = MilestoneFactory(version=plan, code="M9", first_year=2024, last_year=2024)
    CountRuleFactory(milestone=milestone, kinds=["bilateral_meeting"], minimum=1, topic=topic,
                     first_year=2024, last_year=2024)  # fmt: skip
    logged = []

    def add(n):
        _log(region, meeting, authority, topic, n, len(logged))
        logged.extend(range(n))

    measured = queries_at_two_sizes(
        add=add, run=lambda: coordinator_client.get(url(region, 2024)), sizes=(5, 50), at_most=30
    )

    assert [response.status_code for response in measured.results] == [200, 200]


def test_dashboard_links_counted_engagements_to_the_log(coordinator_client, region, plan, meeting):
    held = meeting(at(2024, 3, 1), title="Meeting with the porcelain makers")

    html = coordinator_client.get(url(region, 2024)).content.decode()

    detail = reverse("engagement:detail", args=[region.slug, held.pk])
    assert f'<a href="{detail}">Meeting with the porcelain makers</a>' in html


def test_dashboard_of_another_year_links_to_this_years_milestones_at_risk(coordinator_client, region, plan, this_year):
    response = coordinator_client.get(url(region, 2024))

    assert response.context["reminders"].at_risk is None
    assert f'<a href="?year={this_year}">Milestones at risk in {this_year}</a>' in response.content.decode()


def test_a_milestone_serving_two_goals_is_shown_once_and_named_under_the_second(coordinator_client, region, plan):
    from tests.factories import StrategicGoalFactory

    second = StrategicGoalFactory(version=plan, code="SG2", title="Tell the story", order=2)
    plan.milestones.get(code="M1").goals.add(second)

    html = coordinator_client.get(url(region, 2024)).content.decode()

    assert html.count('data-testid="milestone" data-code="M1"') == 1
    sg2 = html[html.index('data-code="SG2"') :]
    assert re.search(r'data-testid="see-also" data-code="M1"><a href="#milestone-M1">M1: ', sg2)
    assert "(shown under SG1)" in sg2
    assert 'id="milestone-M1"' in html[: html.index('data-code="SG2"')]
