"""Embeds for partners' websites: framable, in the snippet's language, pre-filtered; every other
page stays unframable; the snippet generator writes the one line to paste."""

import datetime
import html
import json
import re
import zoneinfo

import pytest
from django.urls import reverse

from inducult.heritage.models import Event
from tests.factories import EventFactory, FestivalFactory, SiteFactory

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


@pytest.fixture
def festival(region):
    festival = FestivalFactory(
        region=region, slug="zari", name="Průmyslové září", translations={"name": {"de": "Industrieller September"}}
    )
    site = SiteFactory(region=region, name="Důl")
    for title, status in (("Veřejná akce", "approved"), ("Čeká", "submitted")):
        EventFactory(
            region=region,
            title=title,
            starts_at=datetime.datetime(2027, 9, 11, 10, tzinfo=PRAGUE),
            ends_at=None,
            site=site,
            festival=festival,
            status=status,
        )
    return festival


def test_embedded_map_is_framable_in_the_snippets_language_and_prefiltered(client, region, settings):
    settings.INDUCULT_MAP_TILES = "https://tiles.example.org/{z}/{x}/{y}.png"
    porcelain = SiteFactory(region=region, name="Porcelánka", sectors=["porcelain"])
    SiteFactory(region=region, name="Důl", sectors=["mining"])

    response = client.get(reverse("heritage_embed:map", args=[region.slug]) + "?sector=porcelain&lang=de")
    page = response.content.decode()

    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors *" in csp and "https://tiles.example.org" in csp and "unsafe-inline" not in csp
    assert '<html lang="de"' in page and "Karte der unten aufgeführten Orte" in page
    url = re.search(r'data-markers-url="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert "lang=de" in url and "sector=porcelain" in url
    markers = json.loads(client.get(url).content)["markers"]
    assert [m["id"] for m in markers] == [porcelain.pk]
    assert 'target="_blank" rel="noopener"' in page


def test_other_pages_may_not_be_framed(client, region):
    response = client.get(reverse("heritage_public:map", args=[region.slug]))

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_embedded_festival_programme_lists_approved_events_only(client, region, festival):
    page = client.get(reverse("heritage_embed:festival", args=[region.slug, festival.slug]) + "?lang=de")
    text = page.content.decode()

    assert "Industrieller September" in text
    assert "Veřejná akce" in text and "Čeká" not in text
    assert "frame-ancestors *" in page["Content-Security-Policy"]


def test_embedded_site_events(client, region, festival):
    site = Event.objects.get(title="Veřejná akce").site

    text = client.get(reverse("heritage_embed:site_events", args=[region.slug, site.pk])).content.decode()

    assert "Veřejná akce" in text and "Čeká" not in text


def test_snippet_generator_writes_one_iframe_line(client, region, festival):
    builder = reverse("heritage_embed:builder", args=[region.slug])

    map_snippet = client.get(builder + "?what=map&sector=porcelain&lang=de").context["snippet"]
    festival_snippet = client.get(builder + f"?what=festival&festival={festival.slug}&lang=en").context["snippet"]

    src = html.unescape(re.search(r'src="([^"]+)"', map_snippet).group(1))
    assert src.startswith("http://testserver/embed/karlovy-vary/map/?")
    assert "sector=porcelain" in src and "lang=de" in src
    assert 'title="Karte des Industrieerbes"' in map_snippet and "style=" not in map_snippet
    assert "/embed/karlovy-vary/festivals/zari/?lang=en" in festival_snippet
    assert map_snippet.startswith("<iframe ") and map_snippet.endswith("></iframe>")
