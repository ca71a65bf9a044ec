"""The public day planner: a GET form whose address is the plan's share link; the plan respects each
site's hours on the date, lists what was left out and why and what needs its hours checked; .ics
export read back by an independent parser; bad input named."""

import datetime
import re
from decimal import Decimal

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.models import Site
from tests.factories import SiteFactory, TourStartFactory

pytestmark = pytest.mark.django_db

SATURDAY = datetime.date(2026, 7, 11)


@pytest.fixture(autouse=True)
def quick_search(settings):
    settings.INDUCULT_TOUR_SEARCH_MS = 200
    settings.INDUCULT_ROUTING_ENGINE = ""


@pytest.fixture(autouse=True)
def today(monkeypatch):
    from inducult.regions.models import Region

    monkeypatch.setattr(Region, "today", lambda self, now=None: datetime.date(2026, 7, 1))


def hours(*intervals, weekdays=range(7)):
    season = oh.Season(
        start=oh.MonthDay(1, 1),
        end=oh.MonthDay(12, 31),
        weekdays=frozenset(weekdays),
        intervals=tuple(oh.Interval(datetime.time(a), datetime.time(b)) for a, b in intervals),
    )
    return oh.to_dict(oh.OpeningHours(kind="regular", seasons=(season,)))


@pytest.fixture
def start(region):
    return TourStartFactory(
        region=region,
        name="Karlovy Vary – centrum",
        latitude=Decimal("50.2306"),
        longitude=Decimal("12.8725"),
        translations={"name": {"en": "Karlovy Vary town centre"}},
        position=0,
    )


@pytest.fixture
def sites(region):
    return {
        "museum": SiteFactory(
            region=region,
            name="Porcelain museum",
            sectors=["porcelain"],
            latitude=Decimal("50.20"),
            longitude=Decimal("12.85"),
            opening_hours=hours((10, 12), (13, 17)),
            visit_minutes=90,
        ),
        "mine": SiteFactory(
            region=region,
            name="Show mine",
            kind="show_mine",
            sectors=["mining"],
            latitude=Decimal("50.10"),
            longitude=Decimal("12.71"),
            opening_hours=hours((9, 16)),
            visit_minutes=120,
        ),
        "closed": SiteFactory(
            region=region,
            name="Glassworks closed on Saturdays",
            sectors=["glass"],
            latitude=Decimal("50.23"),
            longitude=Decimal("12.87"),
            opening_hours=hours((9, 17), weekdays=range(5)),
        ),
        "unknown": SiteFactory(region=region, name="Hours not stated", sectors=["porcelain"], opening_hours=None),
    }


def planner(region, **params):
    base = {"start": "", "day": SATURDAY.isoformat(), "day_from": "09:00", "day_to": "17:30", "mode": "car"}
    base.update(params)
    return reverse("tours:planner", args=[region.slug]), base


def get(url, params, language="en"):
    return Client(headers={"accept-language": language}).get(url, params)


def test_the_form_works_without_a_plan_and_offers_the_starting_points(region, start, sites):
    page = get(reverse("tours:planner", args=[region.slug]), {}).content.decode()
    assert 'data-testid="planner-form"' in page and 'data-testid="plan"' not in page
    assert "Karlovy Vary town centre" in page and "Porcelain museum" in page


def test_a_plan_respects_the_hours_of_the_day_and_says_what_was_left_out(region, start, sites):
    url, params = planner(region, start=f"start-{start.pk}")
    response = get(url, params)
    page = re.sub(r"\s+", " ", response.content.decode())
    planned = [int(pk) for pk in re.findall(r'data-testid="stop" data-site="(\d+)"', page)]
    assert sorted(planned) == sorted([sites["museum"].pk, sites["mine"].pk])
    # The museum (10–12, 13–17, a 90-minute visit) is visited inside one interval.
    museum = re.search(rf'data-site="{sites["museum"].pk}">.*?<strong>(\d\d:\d\d)–(\d\d:\d\d)</strong>', page)
    begin, end = museum.groups()
    assert any(opens <= begin and end <= closes for opens, closes in (("10:00", "12:00"), ("13:00", "17:00")))
    assert 'data-reason="closed"' in page and "Glassworks closed on Saturdays</a>: Closed on that day." in page
    assert 'data-testid="plan-check-hours"' in page and "Hours not stated" in page
    assert "estimated from the distance" in page
    assert "https://tile.openstreetmap.org" in response["Content-Security-Policy"]


def test_the_share_link_reproduces_the_plan(region, start, sites):
    url, params = planner(region, start=f"start-{start.pk}", interest_mining="0")
    page = get(url, params).content.decode()
    share = re.search(r'href="([^"]+)" data-testid="share-link"', page).group(1).replace("&amp;", "&")
    again = Client(headers={"accept-language": "en"}).get(share).content.decode()
    stops = re.findall(r'data-testid="stop" data-site="(\d+)"', page)
    assert stops == re.findall(r'data-testid="stop" data-site="(\d+)"', again) == [str(sites["museum"].pk)]
    assert 'data-reason="not_your_interest"' in page  # the mine: mining weighted 0


def test_the_plan_as_ics_is_read_by_an_independent_parser(region, start, sites):
    url, params = planner(region, start=f"start-{start.pk}")
    response = get(reverse("tours:plan_ics", args=[region.slug]), params)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
    assert {str(e["SUMMARY"]) for e in events} == {"Porcelain museum", "Show mine"}
    for event in events:
        start_at = event.decoded("DTSTART")
        assert start_at.date() == SATURDAY and str(start_at.tzinfo) == "Europe/Prague"
        assert event.decoded("DTEND") > start_at


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"day": "11.7."}, "Give the day as a date, e.g. 2026-07-11."),
        ({"day": "2026-06-01"}, "That day has passed"),
        ({"day_from": "17:00", "day_to": "17:30"}, "Leave at least an hour between the start and the end of your day."),
        ({"day_from": "17:00", "day_to": "09:00"}, "Your day would end (09:00) before it starts (17:00)"),
        ({"day_to": "25:00"}, "Give a time such as 17:30."),
        ({"must": "999999"}, "999999 is not a site of this region that can be planned"),
        ({"start": "start-999999"}, "That starting point is not among this region's"),
        ({"start": "point", "latitude": "48.85", "longitude": "2.35"}, "km from the nearest site of the region"),
        ({"start": "point", "latitude": "", "longitude": ""}, "Give both the latitude and the longitude of your start"),
        ({"start": "point", "latitude": "12.87", "longitude": "50.23"}, "Latitude and longitude swapped?"),
    ],
)
def test_bad_input_is_named_and_no_plan_is_shown(region, start, sites, params, message):
    url, base = planner(region, start=f"start-{start.pk}")
    page = get(url, {**base, **params}).content.decode().replace("&#x27;", "'")
    assert message in page and 'data-testid="plan"' not in page
    ics = get(reverse("tours:plan_ics", args=[region.slug]), {**base, **params})
    assert ics.status_code == 400
    assert message in ics.content.decode()  # the same words as the page, under the field's label
    assert not re.search(r"(^|; )(day|day_from|day_to|latitude|longitude|must|start|__all__):", ics.content.decode())


def test_a_planner_failure_after_valid_wishes_is_logged_and_told_plainly(region, start, sites, monkeypatch, caplog):
    from inducult.tours.views import public as views

    def broken(*args, **kwargs):
        raise views.DayPlanError("the planned route failed the feasibility check: vertex 3")

    monkeypatch.setattr(views, "plan_day", broken)
    url, params = planner(region, start=f"start-{start.pk}")
    with caplog.at_level("ERROR", logger="inducult.tours.views.public"):
        page = get(url, params).content.decode()
        ics = get(reverse("tours:plan_ics", args=[region.slug]), params)
    assert "No plan could be made for these wishes. Please try again" in page
    assert ics.status_code == 400 and "feasibility" not in ics.content.decode()
    assert any("vertex 3" in (r.exc_text or "") for r in caplog.records if r.name == "inducult.tours.views.public")


def test_starting_at_a_site_or_at_an_own_point(region, sites):
    url, params = planner(region, start=f"site-{sites['mine'].pk}")
    assert str(sites["mine"].pk) in re.findall(r'data-site="(\d+)"', get(url, params).content.decode())
    url, params = planner(region, start="point", latitude="50.23", longitude="12.87")
    assert 'data-testid="plan"' in get(url, params).content.decode()


def test_the_planner_speaks_czech_and_german(region, start, sites):
    url, params = planner(region, start=f"start-{start.pk}")
    assert "Naplánovat můj den" in get(url, params, "cs").content.decode()
    assert "Meinen Tag planen" in get(url, params, "de").content.decode()


def publish(client, region, page_html, **fields):
    query = re.search(r'name="query" value="([^"]*)"', page_html).group(1).replace("&amp;", "&")
    sites = re.findall(r'name="sites" value="(\d+)"', page_html)
    data = {"query": query, "sites": sites, "title": "Porcelain and mines, one day", "slug": "", "description": ""}
    data.update(fields)
    return client.post(reverse("tours:publish", args=[region.slug]), data)


def test_the_coordinator_publishes_a_planned_day_as_a_tour_with_its_own_page(region, start, sites, coordinator):
    client = Client(headers={"accept-language": "en"})
    client.force_login(coordinator)
    url, params = planner(region, start=f"start-{start.pk}")
    page = client.get(url, params).content.decode()
    assert 'data-testid="publish"' in page
    planned = re.findall(r'name="sites" value="(\d+)"', page)

    response = publish(client, region, page, description="Porcelain in the morning <b>and</b> a mine.")
    assert response.status_code == 302
    product_url = response["Location"]
    assert product_url == reverse("tours:product", args=[region.slug, "porcelain-and-mines-one-day"])

    product = get(product_url, {}).content.decode()
    assert re.findall(r'<li data-site="(\d+)">', product) == planned
    assert "Porcelain in the morning &lt;b&gt;and&lt;/b&gt; a mine." in product
    assert '"@type": "TouristTrip"' in product and '"position": 1' in product
    # Its date form sends the planner the tour's wishes with its places as must-sees.
    must = re.findall(r'<input type="hidden" name="must" value="(\d+)">', product)
    assert must == planned
    assert "Porcelain and mines, one day" in get(reverse("portal:region_home", args=[region.slug]), {}).content.decode()

    again = publish(client, region, page)  # the same short name again
    assert again.status_code == 302 and again["Location"].startswith(url)
    assert "Another tour of this region has the short name" in client.get(again["Location"]).content.decode()


def test_a_tour_whose_place_was_archived_still_plans_with_the_others(region, start, sites, coordinator):
    client = Client(headers={"accept-language": "en"})
    client.force_login(coordinator)
    url, params = planner(region, start=f"start-{start.pk}")
    page = client.get(url, params).content.decode()
    planned = re.findall(r'name="sites" value="(\d+)"', page)
    assert len(planned) >= 2
    product_url = publish(client, region, page)["Location"]
    gone = Site.objects.get(pk=planned[0])
    gone.archived_at = timezone.now()
    gone.save(update_fields=["archived_at"])

    product = get(product_url, {}).content.decode()
    must = re.findall(r'<input type="hidden" name="must" value="(\d+)">', product)
    assert must == planned[1:]
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', product))
    plan = get(url, {**hidden, "must": must, "day": SATURDAY.isoformat()}).content.decode()
    assert 'data-testid="plan"' in plan and "not a site of this region" not in plan


def test_only_the_coordinator_may_publish(region, start, sites, editor, viewer):
    url, params = planner(region, start=f"start-{start.pk}")
    for user in (editor, viewer):
        client = Client(headers={"accept-language": "en"})
        client.force_login(user)
        page = client.get(url, params).content.decode()
        assert 'data-testid="publish"' not in page
        assert client.post(reverse("tours:publish", args=[region.slug]), {"query": "", "title": "x"}).status_code == 403
    assert 'data-testid="publish"' not in get(url, params).content.decode()


def test_a_day_with_nothing_open_says_so_and_offers_the_nearest_day_with_openings(region, start):
    # Open Monday to Friday only: on Saturday 11 July nothing is open. One day away, the planner looks
    # ahead first (Sunday: closed), then back (Friday: open).
    SiteFactory(region=region, name="Weekday museum", opening_hours=hours((9, 17), weekdays=range(5)))
    url, params = planner(region, start=f"start-{start.pk}")  # Saturday 11 July 2026
    page = re.sub(r"\s+", " ", get(url, params).content.decode())
    assert 'data-testid="empty-plan"' in page
    assert "The nearest day with places open for your wishes: Friday 10 July 2026." in page
    link = re.search(r'data-testid="nearest-day">.*?<a href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert "day=2026-07-10" in link
    assert re.findall(r'data-testid="stop" data-site="(\d+)"', get(link, {}).content.decode())
