"""The interactive network view: its JSON (positions from the server's layout, filters by kind and
sector, flags, links) and who may see it; the island itself is drawn in Chromium (tests/e2e)."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import PRAGUE, EngagementFactory, EngagementParticipantFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def meeting(region, *organisations, on=datetime.date(2024, 6, 1)):
    engagement = EngagementFactory(
        region=region, starts_at=datetime.datetime.combine(on, datetime.time(10), tzinfo=PRAGUE)
    )
    for organisation in organisations:
        EngagementParticipantFactory(engagement=engagement, organisation=organisation)


@pytest.fixture
def network(region):
    centre = OrganisationFactory(region=region, name="Centre", kind="museum", sectors=["glass"])
    leaves = [OrganisationFactory(region=region, name=f"Leaf {i}", kind="school", sectors=["mining"]) for i in range(3)]
    for leaf in leaves:
        meeting(region, centre, leaf)
    return centre, leaves


def graph(client, region, **params):
    response = client.get(reverse("network:analytics_graph_json", args=[region.slug]), {"year": "2024", **params})
    assert response.status_code == 200
    return response.json()


def test_the_graph_has_every_organisation_with_a_position_and_the_ties(coordinator_client, region, network):
    centre, leaves = network
    data = graph(coordinator_client, region)
    nodes = {n["data"]["label"]: n for n in data["nodes"]}
    assert set(nodes) == {"Centre", "Leaf 0", "Leaf 1", "Leaf 2"}
    assert nodes["Centre"]["data"]["active"] is True
    assert nodes["Centre"]["data"]["size"] > nodes["Leaf 0"]["data"]["size"]
    assert nodes["Centre"]["data"]["url"] == reverse("network:organisation_detail", args=[region.slug, centre.pk])
    assert all(-1000 <= n["position"]["x"] <= 1000 and -1000 <= n["position"]["y"] <= 1000 for n in data["nodes"])
    assert sorted((e["data"]["source"], e["data"]["target"]) for e in data["edges"]) == sorted(
        tuple(sorted((str(centre.pk), str(leaf.pk)))) for leaf in leaves
    )


def test_filters_by_kind_and_sector_keep_only_ties_among_the_shown(coordinator_client, region, network):
    schools = graph(coordinator_client, region, kind="school")
    assert sorted(n["data"]["label"] for n in schools["nodes"]) == ["Leaf 0", "Leaf 1", "Leaf 2"]
    assert schools["edges"] == []  # the leaves never met each other
    glass = graph(coordinator_client, region, sector="glass")
    assert [n["data"]["label"] for n in glass["nodes"]] == ["Centre"]
    unknown = graph(coordinator_client, region, kind="spaceship", sector="cheese")  # ignored, not an error
    assert len(unknown["nodes"]) == 4


def test_the_view_and_its_data_are_for_the_coordinator_and_viewers_only(client, region, network, editor, viewer):
    page = reverse("network:analytics_graph", args=[region.slug])
    data = reverse("network:analytics_graph_json", args=[region.slug])
    client.force_login(editor)
    assert client.get(page).status_code == 403 and client.get(data).status_code == 403
    client.force_login(viewer)
    html = client.get(page, {"year": "2024", "kind": "school"}, headers={"accept-language": "en"}).content.decode()
    assert 'data-url="/manage/karlovy-vary/network/analytics/graph.json?year=2024&amp;kind=school"' in html
    assert "vendor/cytoscape/cytoscape.min.js" in html
