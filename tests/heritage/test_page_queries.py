"""Query-count guards on the heritage pages (tests.queries): the public site list, a site's page, the
map's markers, the event calendar, an event's page, a festival's page, the exhibition's page and the
back office's site and event lists, each measured with 3 and with 12 of the records it shows. Every
record comes with what a page may read beside it (its site, organiser, festival, photos, votes), so
that a page reading those one row at a time is caught."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    FestivalFactory,
    OrganisationFactory,
    ShowcaseFactory,
    ShowcaseVoteFactory,
    SiteFactory,
    SitePhotoFactory,
)
from tests.queries import queries_at_two_sizes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the photos' files


def public(name, region, *args):
    return reverse(f"heritage_public:{name}", args=[region.slug, *args])


def add_sites(region, n):
    """n visitor sites open every day, each run by an organisation and with a photo."""
    for _ in range(n):
        site = SiteFactory(region=region, organisation=OrganisationFactory(region=region), open_daily=True)
        SitePhotoFactory(site=site)


def add_events(region, n, **fields):
    """n approved events in the coming weeks, each at its own site and with its own organiser."""
    soon = timezone.now() + datetime.timedelta(days=1)
    for i in range(n):
        EventFactory(
            region=region,
            starts_at=soon + datetime.timedelta(days=i),
            ends_at=None,
            organisation=OrganisationFactory(region=region),
            **fields,
        )


@pytest.mark.parametrize("open_on", [False, True], ids=["all", "open_on"])
def test_public_site_list_queries_do_not_grow_with_sites(client, region, open_on):
    # Without a day the database filters and pages; with one the finder reads the hours of every site.
    query = {"open_on": (region.today() + datetime.timedelta(days=7)).isoformat()} if open_on else {}

    measured = queries_at_two_sizes(
        add=lambda n: add_sites(region, n), run=lambda: client.get(public("site_list", region), query), at_most=5
    )

    assert [len(response.context["rows"]) for response in measured.results] == [3, 12]


def test_site_page_queries_do_not_grow_with_its_photos(client, region):
    site = SiteFactory(region=region, organisation=OrganisationFactory(region=region), open_daily=True)

    measured = queries_at_two_sizes(
        add=lambda n: SitePhotoFactory.create_batch(n, site=site),
        run=lambda: client.get(public("site", region, site.pk)),
        at_most=5,
    )

    assert [len(response.context["photos"]) for response in measured.results] == [3, 12]


def test_map_markers_queries_do_not_grow_with_sites(client, region):
    measured = queries_at_two_sizes(
        add=lambda n: add_sites(region, n), run=lambda: client.get(public("map_markers", region)), at_most=5
    )

    assert [json.loads(response.content)["count"] for response in measured.results] == [3, 12]


def test_event_calendar_queries_do_not_grow_with_events(client, region):
    festival = FestivalFactory(region=region)

    measured = queries_at_two_sizes(
        add=lambda n: add_events(region, n, festival=festival),
        run=lambda: client.get(public("event_list", region)),
        at_most=5,
    )

    assert [len(response.context["rows"]) for response in measured.results] == [3, 12]


def test_event_calendar_month_queries_do_not_grow_with_events(client, region):
    def add(n):
        for day in range(1, n + 1):
            EventFactory(region=region, starts_at=datetime.datetime(2027, 9, day, 18, tzinfo=datetime.UTC))

    measured = queries_at_two_sizes(
        add=add, run=lambda: client.get(public("event_list", region), {"month": "2027-09"}), at_most=5
    )

    assert [len(response.context["rows"]) for response in measured.results] == [3, 12]


def test_event_page_queries_do_not_grow_with_the_festivals_and_sites_events(client, region):
    festival = FestivalFactory(region=region)
    site = SiteFactory(region=region, organisation=OrganisationFactory(region=region))
    event = EventFactory(region=region, site=site, festival=festival, organisation=site.organisation)

    measured = queries_at_two_sizes(
        add=lambda n: EventFactory.create_batch(n, region=region, site=site, festival=festival),
        run=lambda: client.get(public("event", region, event.pk)),
        at_most=5,
    )

    assert [response.context["event"] for response in measured.results] == [event, event]


def test_festival_page_queries_do_not_grow_with_its_programme(client, region):
    festival = FestivalFactory(region=region)

    measured = queries_at_two_sizes(
        add=lambda n: add_events(region, n, festival=festival),
        run=lambda: client.get(public("festival", region, festival.slug)),
        at_most=5,
    )

    assert [(len(r.context["programme"]), len(r.context["markers"])) for r in measured.results] == [(3, 3), (12, 12)]


def test_exhibition_page_queries_do_not_grow_with_showcases_stops_and_votes(client, region):
    exhibition = ExhibitionFactory(region=region)

    def add(n):
        for _ in range(n):
            stop = ExhibitionStopFactory(
                exhibition=exhibition, site=SiteFactory(region=region), event=EventFactory(region=region)
            )
            showcase = ShowcaseFactory(exhibition=exhibition, lender=OrganisationFactory(region=region))
            ShowcaseVoteFactory(stop=stop, showcase=showcase)

    measured = queries_at_two_sizes(
        add=add, run=lambda: client.get(public("exhibition", region, exhibition.pk)), at_most=10
    )

    assert [(len(r.context["showcases"]), r.context["total_votes"]) for r in measured.results] == [(3, 3), (12, 12)]


def test_backoffice_site_list_queries_do_not_grow_with_sites(coordinator_client, region):
    measured = queries_at_two_sizes(
        add=lambda n: add_sites(region, n),
        run=lambda: coordinator_client.get(reverse("heritage_sites:list", args=[region.slug])),
        at_most=10,
    )

    assert [[row["photos"] for row in r.context["rows"]] for r in measured.results] == [[1] * 3, [1] * 12]


@pytest.mark.parametrize("persona", ["coordinator", "editor"])
def test_backoffice_event_list_queries_do_not_grow_with_events(client, region, museum, persona, request):
    client.force_login(request.getfixturevalue(persona))

    def add(n):  # the editor's organisation's events, waiting for approval and approved
        for status in ("submitted", "approved"):
            EventFactory.create_batch(n, region=region, organisation=museum, status=status)

    measured = queries_at_two_sizes(
        add=add, run=lambda: client.get(reverse("heritage_events:list", args=[region.slug])), at_most=10
    )

    assert [(len(r.context["waiting"]), len(r.context["others"])) for r in measured.results] == [(3, 3), (12, 12)]
