"""Heritage's demo loader: sites by external id with their owners, festivals and their events at those
sites, and the touring exhibition with its showcases, stops and sample votes; written once, audited."""

import datetime
import zoneinfo
from collections import Counter

import pytest

from inducult.core.models import AuditEntry
from inducult.heritage.demo import (
    EventRecord,
    ExhibitionRecord,
    ShowcaseRecord,
    SiteRecord,
    StopRecord,
    load_events,
    load_exhibition,
    load_sites,
)
from inducult.heritage.models import Event, ExhibitionStop, Festival, Showcase, ShowcaseVote, Site
from tests.factories import OrganisationFactory, SiteFactory

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def _site(external_id, name, *, review="", owner=None):
    data = {
        "name": name,
        "kind": "museum",
        "town": "Krásno",
        "opening_hours": None,
        "opening_hours_text": "",
        "opening_hours_review": review,
        "is_sample": False,
    }
    return SiteRecord(external_id=external_id, data=data, owner_key=owner)


def test_load_sites_finds_them_by_external_id_with_the_owner_of_the_same_row(region):
    museum = OrganisationFactory(region=region, name="Muzeum")
    records = [_site("KV001", "Důl", owner="museum"), _site("KV002", "Štola", review="Hours unclear")]
    counts = Counter()

    for _run in range(2):
        load_sites(region=region, records=records, organisations={"museum": museum}, counts=counts)

    sites = {s.external_id: s for s in Site.objects.filter(region=region)}
    assert (sites["KV001"].organisation, sites["KV002"].organisation) == (museum, None)
    assert counts == {"sites": 4, "sites_created": 2, "sites_hours_to_check": 2}
    assert AuditEntry.objects.filter(object_type="heritage.site", action="create").count() == 2


FESTIVAL = {
    "slug": "zari",
    "name": "Září",
    "starts_on": datetime.date(2026, 9, 1),
    "ends_on": datetime.date(2026, 9, 30),
    "is_sample": True,
}


def _event(title):
    start = datetime.datetime(2026, 9, 5, 10, tzinfo=PRAGUE)
    data = {"title": title, "starts_at": start, "ends_at": start + datetime.timedelta(hours=6), "status": "approved"}
    return EventRecord(festival="zari", site="KV001", data=data)


def test_load_events_puts_each_event_in_its_festival_at_its_site_and_with_its_organiser(region):
    owner = OrganisationFactory(region=region, name="Muzeum")
    site = SiteFactory(region=region, external_id="KV001", organisation=owner)
    counts = Counter()

    load_events(region=region, festivals=[FESTIVAL], events=[_event("Den otevřených dveří")], counts=counts)

    event = Event.objects.get()
    assert (event.title, event.festival.slug, event.site, event.organisation) == (
        "Den otevřených dveří",
        "zari",
        site,
        owner,
    )
    assert counts == {"festivals": 1, "festivals_created": 1, "public_events": 1, "public_events_created": 1}


def test_load_events_a_second_time_writes_nothing_and_brings_a_changed_event_back(region):
    SiteFactory(region=region, external_id="KV001")
    load_events(region=region, festivals=[FESTIVAL], events=[_event("Noc")], counts=Counter())
    Event.objects.update(status="submitted")
    counts = Counter()

    load_events(region=region, festivals=[FESTIVAL], events=[_event("Noc")], counts=counts)
    load_events(region=region, festivals=[FESTIVAL], events=[_event("Noc")], counts=counts)

    assert Event.objects.get().status == "approved"
    assert Festival.objects.count() == 1
    assert counts == {"festivals": 2, "public_events": 2, "public_events_updated": 1}


def _stop(venue, *, site_name="", votes=(3, 1)):
    return StopRecord(
        venue=venue,
        occasion="Muzejní noc",
        period="2019",
        site_name=site_name,
        visitors=100,
        visitors_is_sample=True,
        voting_open=True,
        source="Test",
        is_sample=False,
        sample_votes=votes,
    )


EXHIBITION = ExhibitionRecord(
    data={"title": "Putovní výstava", "source": "Test"},
    showcases=(
        ShowcaseRecord("Porcelán", "Porcelain", "porcelain", False),
        ShowcaseRecord("Sklo", "Glass", "glass", True),
    ),
    stops=(_stop("Žatec"), _stop("Statek Bernard", site_name="Bernard", votes=(0, 2))),
)


def test_load_exhibition_writes_showcases_in_order_stops_at_their_sites_and_sample_votes(region):
    bernard = SiteFactory(region=region, name="Statek Bernard")
    counts = Counter()

    load_exhibition(region=region, record=EXHIBITION, counts=counts)

    assert list(Showcase.objects.values_list("title", "order", "is_sample")) == [
        ("Porcelán", 0, False),
        ("Sklo", 1, True),
    ]
    stops = {s.venue: s for s in ExhibitionStop.objects.all()}
    assert (stops["Žatec"].site, stops["Statek Bernard"].site) == (None, bernard)
    assert ShowcaseVote.objects.filter(stop=stops["Žatec"], showcase__title="Porcelán").count() == 3
    assert set(ShowcaseVote.objects.values_list("is_sample", flat=True)) == {True}
    assert counts == {"exhibition_records_created": 1 + 2 + 2, "sample_votes_created": 6}


def test_load_exhibition_a_second_time_writes_no_record_and_no_vote(region):
    load_exhibition(region=region, record=EXHIBITION, counts=Counter())
    entries = AuditEntry.objects.count()
    counts = Counter()

    load_exhibition(region=region, record=EXHIBITION, counts=counts)

    assert counts == {}
    assert ShowcaseVote.objects.count() == 6
    assert AuditEntry.objects.count() == entries
