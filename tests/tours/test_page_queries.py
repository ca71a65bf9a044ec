"""Query-count guards on the tour planner's pages (tests.queries): the form, a plan, and a published
tour's page, each measured with 3 and with 12 sites (or places of the tour)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import SiteFactory, TourProductFactory, TourProductStopFactory, TourStartFactory
from tests.queries import queries_at_two_sizes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


@pytest.fixture(autouse=True)
def quick_search(settings):
    settings.INDUCULT_TOUR_SEARCH_MS = 200
    settings.INDUCULT_ROUTING_ENGINE = ""  # travel times estimated from the distance: no server


def add_sites(region, n):
    """n museums open 9:00–17:00 every day, with a 30-minute visit."""
    for _ in range(n):
        SiteFactory(region=region, open_daily=True, visit_minutes=30)


def spread_out(region):
    # Distinct points, so that every site is a place of its own on the route.
    for i, site in enumerate(region.sites.order_by("id")):
        site.latitude += Decimal(i) * Decimal("0.002")
        site.longitude += Decimal(i) * Decimal("0.003")
        site.save(update_fields=["latitude", "longitude"])


def test_planner_form_queries_do_not_grow_with_sites_and_starting_points(client, region):
    def add(n):
        add_sites(region, n)
        TourStartFactory.create_batch(n, region=region)

    measured = queries_at_two_sizes(
        add=add, run=lambda: client.get(reverse("tours:planner", args=[region.slug])), at_most=5
    )

    assert [len(response.context["form"].fields["must"].choices) for response in measured.results] == [3, 12]


def test_a_plans_queries_do_not_grow_with_sites(client, region):
    start = TourStartFactory(region=region)
    day = region.today() + datetime.timedelta(days=7)
    wishes = {"start": f"start-{start.pk}", "day": day.isoformat(), "day_from": "08:00", "day_to": "20:00"}

    def add(n):
        add_sites(region, n)
        spread_out(region)

    measured = queries_at_two_sizes(
        add=add,
        run=lambda: client.get(reverse("tours:planner", args=[region.slug]), {**wishes, "mode": "car"}),
        at_most=10,
    )

    planned = [len(response.context["stops"]) for response in measured.results]
    assert planned[0] == 3 and planned[1] > 3  # a day of 12 hours holds more than three 30-minute visits


def test_published_tour_page_queries_do_not_grow_with_its_places(client, region):
    product = TourProductFactory(region=region)

    def add(n):
        for _ in range(n):
            TourProductStopFactory(product=product, site=SiteFactory(region=region, open_daily=True))

    measured = queries_at_two_sizes(
        add=add, run=lambda: client.get(reverse("tours:product", args=[region.slug, product.slug])), at_most=5
    )

    assert [len(re.findall(r'<li data-site="\d+">', response.content.decode())) for response in measured.results] == [
        3,
        12,
    ]
