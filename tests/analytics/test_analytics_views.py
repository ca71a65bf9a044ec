"""The network analytics page and its SVG picture: who may see them, what they say, sorting, escaping."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.urls import reverse

from inducult.analytics.domain.network import layout
from inducult.analytics.presentation import network_svg
from inducult.analytics.services.reports import network_report
from tests.factories import PRAGUE, EngagementFactory, EngagementParticipantFactory, OrganisationFactory
from tests.queries import queries_at_two_sizes

pytestmark = pytest.mark.usefixtures("english_client")

SVG = "{http://www.w3.org/2000/svg}"


def url(region, name="analytics"):
    return reverse(f"network:{name}", args=[region.slug])


def meeting(region, *organisations, on=datetime.date(2024, 6, 1)):
    engagement = EngagementFactory(
        region=region, starts_at=datetime.datetime.combine(on, datetime.time(10), tzinfo=PRAGUE)
    )
    for organisation in organisations:
        EngagementParticipantFactory(engagement=engagement, organisation=organisation)


@pytest.fixture
def star(region):
    """Centre met three leaves in 2024; Dormant last took part in 2022; Never never did."""
    centre = OrganisationFactory(region=region, name="Centre", kind="museum", town="Sokolov")
    leaves = [OrganisationFactory(region=region, name=f"Leaf {i}", kind="school", town="Cheb") for i in range(3)]
    dormant = OrganisationFactory(region=region, name="Dormant", kind="enterprise", town="")
    OrganisationFactory(region=region, name="Never", kind="enterprise", town="Aš")
    for month, leaf in enumerate(leaves, 3):
        meeting(region, centre, leaf, on=datetime.date(2024, month, 1))
    meeting(region, dormant, leaves[0], on=datetime.date(2022, 5, 4))
    return centre


def parse_svg(body):
    return ET.fromstring(body)  # noqa: S314 - our own output, parsed to prove it well-formed


def names(response):
    return [row["o"].name for row in response.context["rows"]]


# --- Permissions ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["analytics", "analytics_svg"])
@pytest.mark.parametrize(("persona", "status"), [("coordinator", 200), ("viewer", 200), ("editor", 403)])
def test_analytics_permission(client, region, request, name, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(region, name)).status_code == status


@pytest.mark.parametrize("name", ["analytics", "analytics_svg"])
def test_analytics_refuses_outsiders_and_sends_anonymous_to_sign_in(client, region, outsider, name):
    response = client.get(url(region, name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL) + "?next=")
    client.force_login(outsider)
    assert client.get(url(region, name)).status_code == 403


def test_nav_links_analytics_for_viewers_only(client, region, viewer, editor):
    client.force_login(viewer)
    assert url(region) in client.get(reverse("network:organisation_list", args=[region.slug])).content.decode()
    client.force_login(editor)
    html = client.get(reverse("network:organisation_list", args=[region.slug])).content.decode()
    assert url(region) not in html


# --- The page ------------------------------------------------------------------------------


def test_analytics_page_shows_active_quiet_measures_and_coverage(coordinator_client, region, star):
    response = coordinator_client.get(url(region), {"year": "2024"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Network analytics 2024" in html
    assert [r["o"].name for r in response.context["most_active"]] == ["Centre"]
    detail = reverse("network:organisation_detail", args=[region.slug, star.pk])
    assert f'<a href="{detail}">Centre</a>' in html
    quiet = {r["o"].name: r["last_engaged"] for r in response.context["quiet"]}
    assert quiet == {"Never": "never", "Dormant": "4 May 2022"}
    assert "Quiet stakeholders: no engagement in the last 12 months" in html
    # The full table: every organisation, with its measures and flags.
    assert len(response.context["rows"]) == 6
    assert '<span class="badge">most active</span>' in html
    assert '<span class="badge">never engaged</span>' in html
    # Coverage by kind (with the kinds' labels) and by municipality ("unknown" for none).
    for kind, organisations, engaged, share in [
        ("Enterprise", 2, 0, "0%"),
        ("Museum", 1, 1, "100%"),
        ("School", 3, 3, "100%"),
    ]:
        assert f'<th scope="row">{kind}</th><td>{organisations}</td><td>{engaged}</td><td>{share}</td>' in html
    assert [c["organisations"] for c in response.context["coverage_by_kind"]] == [2, 1, 3]
    towns = {c["label"]: c["engaged"] for c in response.context["coverage_by_municipality"]}
    assert towns == {"unknown": 0, "Aš": 0, "Cheb": 3, "Sokolov": 1}
    assert "Coverage by kind of organisation" in html
    assert f'src="{url(region, "analytics_svg")}?year=2024&amp;quiet=12"' in html
    assert "approximated" not in response.context or not response.context["approximated"]


def test_analytics_page_quiet_months_and_bad_input(coordinator_client, region, star):
    response = coordinator_client.get(url(region), {"year": "2024", "quiet": "1"})
    assert "Quiet stakeholders: no engagement in the last month" in response.content.decode()
    assert {r["o"].name for r in response.context["quiet"]} == {
        "Centre",
        "Leaf 0",
        "Leaf 1",
        "Leaf 2",
        "Dormant",
        "Never",
    }
    response = coordinator_client.get(url(region), {"year": "abc", "quiet": "0"})
    assert response.status_code == 200
    errors = [str(e) for e in response.context["query"].errors]
    assert len(errors) == 2
    assert "“abc” is not a year between 1990" in errors[0]
    assert "“0” is not a number of months between 1 and 120" in errors[1]


def test_analytics_page_sorts_by_query_parameter(coordinator_client, region, star):
    params = {"year": "2024"}
    assert names(coordinator_client.get(url(region), params))[0] == "Centre"  # by rank
    assert names(coordinator_client.get(url(region), {**params, "sort": "name"})) == [
        "Centre",
        "Dormant",
        "Leaf 0",
        "Leaf 1",
        "Leaf 2",
        "Never",
    ]
    assert names(coordinator_client.get(url(region), {**params, "sort": "-name"}))[0] == "Never"
    by_partners = names(coordinator_client.get(url(region), {**params, "sort": "partners"}))
    assert by_partners[0] == "Centre"
    assert set(by_partners[-2:]) == {"Dormant", "Never"}
    by_last = names(coordinator_client.get(url(region), {**params, "sort": "-last_engaged"}))
    assert by_last[:2] == ["Never", "Dormant"]
    response = coordinator_client.get(url(region), {**params, "sort": "bogus"})
    assert response.context["query"].sort == "rank"
    html = coordinator_client.get(url(region), {**params, "sort": "name"}).content.decode()
    assert 'aria-sort="ascending"><a href="?year=2024&amp;sort=-name">Organisation</a>' in html


def test_analytics_page_of_a_year_without_data(coordinator_client, region):
    response = coordinator_client.get(url(region), {"year": "1995"})
    assert response.status_code == 200
    assert "This region has no organisations yet." in response.content.decode()
    assert "No organisation took part in a held engagement in 1995." in response.content.decode()


def test_analytics_page_queries_are_bounded(coordinator_client, region, django_assert_max_num_queries):
    def add(n):  # a ring of n organisations, each meeting the next
        orgs = OrganisationFactory.create_batch(n, region=region)
        for i in range(n):
            meeting(region, orgs[i], orgs[(i + 1) % n])

    # The report's data version (three aggregates), when it is not kept the report's four queries, and
    # how many of the engagements behind it are samples (one).
    measured = queries_at_two_sizes(
        add=add, run=lambda: coordinator_client.get(url(region), {"year": "2024"}), sizes=(3, 25), at_most=13
    )
    with django_assert_max_num_queries(8):  # kept: the version only
        kept = coordinator_client.get(url(region), {"year": "2024"})

    assert [response.status_code for response in (*measured.results, kept)] == [200, 200, 200]


def test_a_kept_report_is_replaced_as_soon_as_the_data_changes(coordinator_client, region, star):
    from django.core.cache import cache

    cache.clear()
    before = coordinator_client.get(url(region), {"year": "2024"}).content.decode()
    assert "Newcomer" not in before
    newcomer = OrganisationFactory(region=region, name="Newcomer", kind="museum")
    meeting(region, star, newcomer, on=datetime.date(2024, 9, 1))
    assert "Newcomer" in coordinator_client.get(url(region), {"year": "2024"}).content.decode()


# --- The picture ---------------------------------------------------------------------------


def test_analytics_svg_is_well_formed_and_draws_the_network(coordinator_client, region, star):
    response = coordinator_client.get(url(region, "analytics_svg"), {"year": "2024"})
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    root = parse_svg(response.content)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Network of organisations in Karlovarský kraj, 2024"
    circles = root.findall(f"{SVG}circle")
    assert len(circles) == 6
    assert len(root.findall(f"{SVG}line")) == 3
    centre = next(c for c in circles if c.get("data-id") == str(star.pk))
    assert centre.get("stroke") == "#000000"  # the most active are outlined
    assert centre.find(f"{SVG}title").text.startswith("Centre: weighted degree")
    assert float(centre.get("r")) == max(float(c.get("r")) for c in circles)
    assert "style=" not in response.content.decode()


def test_analytics_svg_escapes_names(coordinator_client, region):
    evil = OrganisationFactory(region=region, name='<script>alert("x")</script> & Co')
    other = OrganisationFactory(region=region, name="Plain")
    meeting(region, evil, other)
    body = coordinator_client.get(url(region, "analytics_svg"), {"year": "2024"}).content.decode()
    assert "<script>" not in body
    assert "&lt;script&gt;" in body
    root = parse_svg(body)
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert any(t and t.startswith('<script>alert("x")</script> & Co') for t in titles)
    page = coordinator_client.get(url(region), {"year": "2024"}).content.decode()
    assert "<script>alert" not in page


def test_analytics_svg_limits_the_ties_drawn(region):
    orgs = [OrganisationFactory(region=region, name=f"O{i}") for i in range(6)]
    for i, a in enumerate(orgs):
        for b in orgs[i + 1 :]:
            meeting(region, a, b)
    report = network_report(region, year=2024)
    assert len(report.ties) == 15
    root = parse_svg(str(network_svg(report, layout(report), title="t", description="d", tie_limit=4)))
    assert len(root.findall(f"{SVG}line")) == 4


def test_analytics_svg_of_an_empty_region(coordinator_client, region):
    response = coordinator_client.get(url(region, "analytics_svg"), {"year": "2024"})
    root = parse_svg(response.content)
    assert root.findall(f"{SVG}circle") == []
    assert root.find(f"{SVG}text").text == "No organisations."


def test_ending_a_declared_relationship_changes_the_kept_report_at_once(region):
    from django.core.cache import cache

    from inducult.analytics.services.reports import kept_report
    from inducult.network.services.relationships import create_relationship, end_relationship

    cache.clear()
    museum = OrganisationFactory(region=region, name="Museum", kind="museum")
    works = OrganisationFactory(region=region, name="Works", kind="enterprise")
    tie = create_relationship(
        actor=None, source=museum, target=works, kind="partnership", valid_from=datetime.date(2020, 1, 1)
    )
    year = datetime.date.today().year
    assert kept_report(region, year=year)[0].ties

    end_relationship(actor=None, relationship=tie, on=datetime.date(2020, 6, 30))

    assert not kept_report(region, year=year)[0].ties  # not the cached report of a moment ago
