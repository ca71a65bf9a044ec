"""The public progress page and progress.json: open to all, in cs/en/de, without personal data."""

import datetime
import json

import pytest
from django.urls import reverse

from inducult.engagement.enums import EngagementKind
from tests.factories import (
    CountRuleFactory,
    DeliverableRuleFactory,
    EngagementParticipantFactory,
    FollowUpTaskFactory,
    MilestoneFactory,
    PersonFactory,
)
from tests.queries import queries_at_two_sizes
from tests.strategy.conftest import at

pytestmark = pytest.mark.django_db

REASON_KEYS = {"reason", "reason_translations", "reason_facts"}  # added for issue #14; never renamed
MILESTONE_KEYS = {
    "code",
    "title",
    "title_translations",
    "translated_by_platform",
    "goal_codes",
    "is_standing_target",
    "first_year",
    "last_year",
    "rules",
    "target",
    "count",
    "status",
    *REASON_KEYS,
    "includes_samples",
}
COUNT_RULE_KEYS = {
    "type",
    "kinds",
    "minimum",
    "first_year",
    "last_year",
    "organisation_kind",
    "topic",
    "target",
    "count",
    "status",
    "deadline",
    "projected",
    "sample_count",
    *REASON_KEYS,
    "includes_samples",
}
DELIVERABLE_RULE_KEYS = {
    "type",
    "key",
    "title",
    "due",
    "target",
    "count",
    "status",
    "late",
    "sample_count",
    "includes_samples",
    *REASON_KEYS,
}


def page_url(region, year=None):
    base = reverse("progress:page", args=[region.slug])
    return base if year is None else f"{base}?year={year}"


def json_url(region, year=None):
    base = reverse("progress:json", args=[region.slug])
    return base if year is None else f"{base}?year={year}"


def get_json(client, region, year=None):
    response = client.get(json_url(region, year))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response, json.loads(response.content)


@pytest.fixture
def people_log(region, plan, meeting, authority):
    """A public and an internal meeting in 2024 with a named person taking part and owning a task."""
    person = PersonFactory(region=region, first_name="Jana", last_name="Dvořáková", email="jana@example.org")
    public = meeting(at(2024, 3, 1), public=True, title="Open meeting at the porcelain works", with_org=authority)
    internal = meeting(at(2024, 4, 1), title="Confidential talk with the mayor", with_org=authority)
    for engagement in (public, internal):
        EngagementParticipantFactory(engagement=engagement, organisation=None, person=person)
        FollowUpTaskFactory(engagement=engagement, owner=person, due_date=datetime.date(2024, 5, 1))
    return person


@pytest.mark.parametrize(("language", "heading"), [("en", "Strategy progress in 2024"), ("cs", "2024"), ("de", "2024")])
def test_public_page_is_open_to_everyone_in_each_language(client, region, plan, language, heading):
    response = client.get(page_url(region, 2024), headers={"accept-language": language})

    assert response.status_code == 200
    assert response["Content-Language"] == language
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert 'data-code="M1"' in html


def test_public_page_names_public_engagements_only_and_no_people(client, region, people_log):
    html = client.get(page_url(region, 2024), headers={"accept-language": "en"}).content.decode()

    assert "Open meeting at the porcelain works" in html
    assert "Confidential talk with the mayor" not in html
    assert "Dvořáková" not in html and "jana@example.org" not in html and "Jana" not in html
    assert "Sample" in html  # the factory's engagements are samples, and are labelled so


def test_public_page_with_an_invalid_year_falls_back_to_this_year(client, region, plan):
    response = client.get(page_url(region, "next"), headers={"accept-language": "en"})

    assert response.status_code == 200
    assert 'data-testid="year-error"' in response.content.decode()


def test_public_page_of_an_unknown_region_is_404(client):
    assert client.get("/r/nowhere/progress/").status_code == 404


def test_progress_json_contract(client, region, plan, people_log):
    response, document = get_json(client, region, 2024)

    assert list(document) == [
        "region",
        "year",
        "generated_at",
        "strategy",
        "version_label",
        "strategy_translations",
        "version_label_translations",
        "version_valid_from",
        "statuses",
        "licence",
        "licence_url",
        "source",
        "notes",
        "milestones",
    ]
    assert document["region"] == {"slug": region.slug, "name": region.name, "country": "CZ"}
    assert document["year"] == 2024
    assert document["version_label"] == "Original"
    assert document["version_label_translations"] == {}  # the plan's version has no other language
    assert document["licence"] == "CC BY-SA 4.0"
    assert [m["code"] for m in document["milestones"]] == ["M1", "M2", "T1"]
    for milestone in document["milestones"]:
        assert set(milestone) == MILESTONE_KEYS
        for rule in milestone["rules"]:
            assert set(rule) == (COUNT_RULE_KEYS if rule["type"] == "count" else DELIVERABLE_RULE_KEYS)
    m1, m2, t1 = document["milestones"]
    assert m1["goal_codes"] == ["SG1"]
    rule = {k: v for k, v in m1["rules"][0].items() if k not in REASON_KEYS}
    assert rule == {
        "type": "count",
        "kinds": ["bilateral_meeting"],
        "minimum": 3,
        "first_year": 2024,
        "last_year": 2024,
        "organisation_kind": None,
        "topic": None,
        "target": 3,
        "count": 2,
        "status": m1["status"],
        "deadline": "2024-12-31",
        "projected": None,
        "sample_count": 2,
        "includes_samples": True,
    }
    assert m1["rules"][0]["reason"] == "2 of 3 held by 31 December 2024: missed"
    assert m1["reason"] == m1["rules"][0]["reason"]
    assert m1["rules"][0]["reason_facts"] == {
        "basis": "year_over",
        "held": 2,
        "target": 3,
        "needed": 1,
        "days_left": None,
        "planned": 0,
        "projected": None,
    }
    assert set(m1["reason_translations"]) == {"cs", "en", "de"}
    assert (m1["target"], m1["count"]) == (3, 2)
    assert m2["rules"][0]["type"] == "deliverable" and m2["rules"][0]["due"] == "2024-06-30"
    assert (t1["is_standing_target"], t1["count"], t1["status"]) == (True, 2, "achieved")
    assert t1["rules"][0]["organisation_kind"] == "regional_authority"


def test_progress_json_sums_target_and_count_of_a_milestone_with_several_rules(client, region, plan, meeting):
    milestone = MilestoneFactory(version=plan, code="M7", first_year=2024, last_year=2024)
    CountRuleFactory(milestone=milestone, kinds=["bilateral_meeting"], minimum=3, first_year=2024, last_year=2024)
    CountRuleFactory(milestone=milestone, kinds=["workshop"], minimum=1, first_year=2024, last_year=2024)
    DeliverableRuleFactory(milestone=milestone, key="report", due_date=datetime.date(2024, 12, 1))
    meeting(at(2024, 2, 1))
    meeting(at(2024, 3, 1), kind=EngagementKind.WORKSHOP.value)

    _response, document = get_json(client, region, 2024)

    m7 = next(m for m in document["milestones"] if m["code"] == "M7")
    assert [(r["target"], r["count"]) for r in m7["rules"]] == [(3, 1), (1, 1), (1, 0)]
    assert (m7["target"], m7["count"]) == (5, 2)
    assert m7["status"] == "missed"  # worst of the rules: 2024 is over


def test_progress_json_gives_null_target_and_count_when_no_rule_applies(client, region, plan):
    _response, document = get_json(client, region, 2022)

    m1 = document["milestones"][0]
    assert (m1["status"], m1["target"], m1["count"]) == ("not_applicable", None, None)


def test_progress_json_has_no_personal_data_and_no_engagement_titles(client, region, people_log):
    response, _document = get_json(client, region, 2024)
    text = response.content.decode()

    for secret in ("Dvořáková", "jana@example.org", "Jana", "Confidential talk", "Open meeting", "Send the minutes"):
        assert secret not in text


def test_progress_json_defaults_to_the_current_year(client, region, plan):
    _response, document = get_json(client, region)

    assert document["year"] == region.today().year


@pytest.mark.parametrize("value", ["abc", "1989", "2101", "2024.5"])
def test_progress_json_refuses_an_invalid_year_with_a_json_error(client, region, plan, value):
    response = client.get(json_url(region, value))

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(response.content) == {
        "error": f"year must be a whole number between 1990 and 2100, got {value!r}"
    }


def test_progress_json_is_cacheable_open_data(client, region, plan):
    response, _document = get_json(client, region, 2024)

    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_progress_json_without_a_strategy_has_no_milestones(client, region):
    _response, document = get_json(client, region, 2024)

    assert (document["strategy"], document["version_label"], document["milestones"]) == (None, None, [])


def test_progress_json_query_count_does_not_grow_with_the_log(client, region, plan, meeting, authority):
    logged = []

    def add(n):
        for _ in range(n):
            meeting(at(2024, 1, 1) + datetime.timedelta(days=len(logged)), with_org=authority)
            logged.append(1)

    measured = queries_at_two_sizes(add=add, run=lambda: get_json(client, region, 2024), sizes=(5, 50), at_most=15)

    assert [document["strategy"] is not None for _response, document in measured.results] == [True, True]
