"""Every create form takes effect once (issue #15: a double click created two people, engagements,
events, activities, practices). Each form is opened as rendered, filled in and sent twice as the
browser sends it: one record, and the second sending lands where the first did. Sent at the same
moment from two connections, still one (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from inducult.actionplan.models import Activity
from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.core import submissions
from inducult.core.models import SubmittedForm
from inducult.engagement.models import Engagement
from inducult.heritage.models import Event
from inducult.network.models import Membership, Organisation, OrganisationRelationship, Person
from inducult.practices.models import GoodPractice
from inducult.strategy.models import CountRule, DeliverableRule, Milestone, StrategyVersion
from tests.concurrency import SharedDatabase, at_once
from tests.factories import (
    CooperationFactory,
    GoodPracticeFactory,
    MilestoneFactory,
    OrganisationFactory,
    PersonFactory,
    StrategyFactory,
    StrategyVersionFactory,
)
from tests.submitted import submitted
from tests.testids import elements


@dataclass
class Case:
    """A create form: where it is (``page``, with ``args`` naming the fixture's records), its
    ``data-testid``, what a person fills in (``@school``: the fixture's record), and the records it
    creates (``created``, given the fixture's records)."""

    page: str
    args: tuple
    form: str
    values: dict[str, Any]
    created: Any


CASES = {
    "person": Case(
        "network:person_create",
        (),
        "person-form",
        {"last_name": "Dvořák", "lawful_basis": "legitimate_interests"},
        lambda r: Person.objects,
    ),
    "organisation": Case(
        "network:organisation_create",
        (),
        "organisation-form",
        {"name": "Sklárna Nové Sedlo", "kind": "enterprise"},
        lambda r: Organisation.objects.filter(name="Sklárna Nové Sedlo"),
    ),
    "membership": Case(
        "network:person_detail",
        ("person",),
        "membership-form",
        {"membership-organisation": "@school", "membership-role": "členka rady"},
        lambda r: Membership.objects.filter(role="členka rady"),
    ),
    "relationship": Case(
        "network:organisation_detail",
        ("school",),
        "relationship-form",
        {"target": "@enterprise", "valid_from": "2024-09-01"},
        lambda r: OrganisationRelationship.objects,
    ),
    "engagement": Case(
        "engagement:create",
        (),
        "engagement-form",
        {"kind": "workshop", "title": "Workshop o průmyslovém dědictví"},
        lambda r: Engagement.objects,
    ),
    "event": Case(
        "heritage_events:create",
        (),
        "event-form",
        {"title": "Den otevřených dveří", "date": "2027-05-08", "place_text": "Náměstí v Krásně"},
        lambda r: Event.objects,
    ),
    "activity": Case(
        "actionplan:activity_create",
        (),
        "activity-form",
        {"work_package": "WP3", "title": "Festival industriální kultury"},
        lambda r: Activity.objects,
    ),
    "cooperation": Case(
        "cooperation:create",
        (),
        "cooperation-form",
        {"partner_a": "@school", "partner_b": "@enterprise", "school_year": "2020/2021"},
        lambda r: Cooperation.objects.filter(school_year=2020),
    ),
    "cooperation activity": Case(
        "cooperation:activity_create",
        ("cooperation",),
        "cooperation-form",
        {"date": "2020-03-18"},
        lambda r: CooperationActivity.objects.filter(date=datetime.date(2020, 3, 18)),
    ),
    "practice": Case(
        "practices:create",
        (),
        "practice-form",
        {"title": "Noc techniky", "theme": "@theme", "summary": "Otevřené provozy na jednu noc."},
        lambda r: GoodPractice.objects.filter(title="Noc techniky"),
    ),
    "milestone": Case(
        "strategy_versions:milestone_add",
        ("version",),
        "strategy-form",
        {"code": "M9", "title": "Stezka technických památek", "first_year": "2025"},
        lambda r: Milestone.objects.filter(code="M9"),
    ),
    "count rule": Case(
        "strategy_versions:rule_add",
        ("version", "milestone", "count"),
        "strategy-form",
        {"kinds": "bilateral_meeting", "minimum": "2"},
        lambda r: CountRule.objects,
    ),
    "deliverable rule": Case(
        "strategy_versions:rule_add",
        ("version", "milestone", "deliverable"),
        "strategy-form",
        {"key": "akcni-plan", "title": "Akční plán", "due_date": "2021-12-31"},
        lambda r: DeliverableRule.objects,
    ),
    "actualisation": Case(
        "strategy_versions:actualise",
        ("version",),
        "actualise-form",
        {"label": "Aktualizace 2025", "valid_from": "2025-01-01"},
        lambda r: StrategyVersion.objects.filter(label="Aktualizace 2025"),
    ),
}


@pytest.fixture
def records(region, museum):
    school = OrganisationFactory(region=region, name="SPŠ Ostrov", kind="school", town="Ostrov")
    enterprise = OrganisationFactory(region=region, name="Witte Nejdek", kind="enterprise")
    version = StrategyVersionFactory(strategy=StrategyFactory(region=region), valid_from=datetime.date(2019, 1, 1))
    practice = GoodPracticeFactory(region=region)
    return {
        "school": school,
        "enterprise": enterprise,
        "person": PersonFactory(region=region, last_name="Svobodová"),
        "cooperation": CooperationFactory(partner_a=school, partner_b=enterprise),
        "version": version,
        "milestone": MilestoneFactory(version=version, first_year=2020, last_year=None),
        "theme": practice.theme,
    }


def _value(value: str, records) -> str:
    """A value as entered; ``@name`` is the fixture's record of that name (its id)."""
    if not value.startswith("@"):
        return value
    record = records[value[1:]]
    return record if isinstance(record, str) else str(record.pk)


def opened(client: Client, case: Case, region, records) -> tuple[str, dict]:
    """The form's address and what the browser sends for it, filled in with the case's values."""
    args = [region.slug, *(records[a].pk if a in records else a for a in case.args)]
    page = reverse(case.page, args=args)
    html = client.get(page).content.decode()
    (form,) = elements(html, case.form)
    data = submitted(html, case.form)
    data.update({name: [_value(value, records)] for name, value in case.values.items()})
    return form.attrs.get("action") or page, data


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(CASES))
def test_a_create_form_sent_twice_creates_one_record(name, region, coordinator, records, client):
    case = CASES[name]
    client.force_login(coordinator)
    before = case.created(records).count()
    action, data = opened(client, case, region, records)
    assert data[submissions.FIELD]  # the form carries its one-time token

    first = client.post(action, data)
    second = client.post(action, data)

    assert first.status_code == 302, [e.text for e in elements(first.content, "field-error")] or first.context.get(
        "form"
    ).errors
    assert case.created(records).count() == before + 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]


@pytest.mark.django_db
def test_a_form_refused_for_its_errors_can_be_sent_again_corrected(region, coordinator, records, client):
    client.force_login(coordinator)
    action, data = opened(client, CASES["person"], region, records)

    refused = client.post(action, {**data, "last_name": [""]})
    taken = client.post(action, data)

    assert refused.status_code == 200
    assert taken.status_code == 302
    assert Person.objects.filter(last_name="Dvořák").count() == 1


@pytest.mark.django_db
def test_two_renderings_of_a_form_are_two_records(region, coordinator, records, client):
    client.force_login(coordinator)
    for _ in range(2):
        action, data = opened(client, CASES["engagement"], region, records)
        assert client.post(action, data).status_code == 302

    assert Engagement.objects.count() == 2


@pytest.mark.django_db
def test_claims_are_kept_a_day(region, coordinator, records, client):
    old = SubmittedForm.objects.create(token="0" * 32, url="/x/")
    SubmittedForm.objects.filter(pk=old.pk).update(created_at=old.created_at - datetime.timedelta(days=2))
    client.force_login(coordinator)
    action, data = opened(client, CASES["person"], region, records)

    client.post(action, data)

    assert list(SubmittedForm.objects.values_list("token", flat=True)) == data[submissions.FIELD]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", ["person", "milestone"])
def test_a_create_form_sent_twice_at_the_same_moment_creates_one_record(name, region, coordinator, records, tmp_path):
    case = CASES[name]
    first, second = Client(HTTP_ACCEPT_LANGUAGE="en"), Client(HTTP_ACCEPT_LANGUAGE="en")
    first.force_login(coordinator)
    second.force_login(coordinator)
    action, data = opened(first, case, region, records)
    before = case.created(records).count()
    database = SharedDatabase(tmp_path / "copy.sqlite3", case.created(records).model)
    database.prepare()

    landed = at_once(database, *(lambda c=client: c.post(action, data)["Location"] for client in (first, second)))

    assert landed[0] == landed[1]
    assert at_once(database, lambda: case.created(records).count()) == [before + 1]
