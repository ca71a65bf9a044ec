"""The reason of every status reads the same on the back-office dashboard, the public progress page,
progress.json and the annual report (issue #14), on the demo as it stands on 7 December, when M11
and T2 are at 3 of 5 and T3 at 1 of 2 with December meetings planned."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inducult.demo.loader import load_demo
from inducult.regions.models import Region, Role
from inducult.reports.services import annual
from tests.factories import UserFactory, grant
from tests.testids import elements

pytestmark = pytest.mark.django_db

# 7 December 2026, 10:00 in Prague: the day the contradiction was seen.
SEVENTH_DECEMBER = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def demo(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(timezone, "now", lambda: SEVENTH_DECEMBER)
    load_demo()
    return Region.objects.get(slug="karlovy-vary")


@pytest.fixture
def coordinator_client(client, demo):
    user = UserFactory(username="reason-coordinator")
    grant(user, demo, Role.COORDINATOR)
    client.force_login(user)
    return client


def page_reasons(client, url, language="en") -> dict[str, str]:
    response = client.get(url, headers={"accept-language": language})
    assert response.status_code == 200
    return {e.attrs["data-code"]: e.text for e in elements(response.content, "milestone-reason")}


EXPECTED = {
    "M11": "3 of 5 held; 2 more needed in 24 days; 2 planned: on track",
    "T2": "3 of 5 held; 2 more needed in 24 days; 2 planned: on track",
    "T3": "1 of 2 held; 1 more needed in 24 days; none planned: at risk",
}


def test_7_december_the_statuses_say_why_and_every_output_says_the_same(demo, coordinator_client, client):
    dashboard = page_reasons(coordinator_client, reverse("strategy:dashboard", args=[demo.slug]))
    public = page_reasons(client, reverse("progress:page", args=[demo.slug]))
    document = client.get(reverse("progress:json", args=[demo.slug])).json()
    feed = {m["code"]: m["reason"] for m in document["milestones"] if m["reason"]}
    report = annual.build_report(demo, 2026, "en")
    table = report.table("milestones")
    assert table.headers[-1] == "Why"
    in_report = {row[0]: row[-1] for row in table.rows if row[-1] != "—"}

    # M11 and T2 are on track only because the two meetings still planned for December cover what
    # is missing (they do not count: 3 held); T3 has none planned with the Region, so it is at risk.
    for code, sentence in EXPECTED.items():
        assert dashboard[code] == sentence
    assert dashboard == public == feed == in_report
    facts = {m["code"]: m["reason_facts"] for m in document["milestones"]}
    assert facts["M11"] == {
        "basis": "planned",
        "held": 3,
        "target": 5,
        "needed": 2,
        "days_left": 24,
        "planned": 2,
        "projected": 3,
    }
    assert (facts["T3"]["basis"], facts["T3"]["planned"]) == ("short", 0)
    # The at-risk reminder on the dashboard says why as well.
    response = coordinator_client.get(
        reverse("strategy:dashboard", args=[demo.slug]), headers={"accept-language": "en"}
    )
    at_risk = {e.attrs["data-code"]: e.text for e in elements(response.content, "at-risk-reason")}
    assert at_risk == {"T3": EXPECTED["T3"]}


def test_the_reasons_read_in_czech_and_german(demo, client):
    url = reverse("progress:page", args=[demo.slug])
    german = page_reasons(client, url, "de")
    czech = page_reasons(client, url, "cs")

    assert german["T3"] == "1 von 2 stattgefunden; noch 1 nötig in 24 Tagen; keines geplant: gefährdet"
    assert czech["T3"] == "Uskutečněno 1 z 2; za 24 dní je potřeba ještě 1; nic naplánováno: ohroženo"
    document = client.get(reverse("progress:json", args=[demo.slug])).json()
    t3 = next(m for m in document["milestones"] if m["code"] == "T3")
    assert t3["reason_translations"] == {"en": EXPECTED["T3"], "de": german["T3"], "cs": czech["T3"]}
