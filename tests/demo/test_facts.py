"""What the demo shows about its sites and organisations is what the sources say (issue #14): no
opening day nobody stated, no seat or history of a company taken from one of its plants, places
outside the Karlovy Vary Region said to be outside it, on their pages and in the open data."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from inducult.demo import records
from inducult.demo.loader import load_demo
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.models import Site
from inducult.heritage.presentation import day_text
from inducult.network.models import Organisation
from inducult.regions.models import Region
from tests.contracts.demo_records import DEMO_TODAY
from tests.factories import UserFactory, grant
from tests.testids import marked, texts

MONDAY_IN_DECEMBER = datetime.date(2026, 12, 7)
# The reference list notes these places as outside the Karlovy Vary Region (its README and the "town"
# column): the UNESCO parts Krupka and Mědník, the lime kiln at Háj, Klášterec nad Ohří and Žatec
# (Ústí nad Labem Region), Chodová Planá (Plzeň Region).
OUTSIDE = {"KV013", "KV014", "KV015", "KV026", "KV027", "KV036", "KV037", "KV038", "KV039"}
NOTE = {
    "en": "Outside the region (Karlovarský kraj): listed because it belongs to the same industrial story.",
    "cs": "Mimo region (Karlovarský kraj): uvedeno, protože patří k témuž průmyslovému příběhu.",
    "de": "Außerhalb der Region (Karlovarský kraj): aufgeführt, weil es zur selben Industriegeschichte gehört.",
}


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(today=DEMO_TODAY)
        yield Region.objects.get(slug="karlovy-vary")
        transaction.set_rollback(True)


@pytest.fixture
def region(loaded, db):
    return loaded


def site(region, row_id: str) -> Site:
    return Site.objects.get(region=region, external_id=row_id)


def get(client, url, language="en"):
    response = client.get(url, headers={"accept-language": language})
    assert response.status_code == 200, url
    return response


# --- Opening days nobody stated -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "cs", "de"])
def test_the_klasterec_porcelain_museum_is_not_shown_open_on_a_monday_in_december(
    client, region, monkeypatch, language
):
    # The source: "Year-round 9:00–17:00, October–March until 15:00" — hours, but no days.
    monkeypatch.setattr(Region, "today", lambda self, now=None: MONDAY_IN_DECEMBER)
    museum = site(region, "KV027")

    html = get(client, reverse("heritage_public:site", args=[region.slug, museum.pk]), language).content.decode()

    [today] = texts(html, "today")
    with translation.override(language):
        unknown = day_text(oh.DayHours(oh.State.UNKNOWN))
        open_all_day = day_text(oh.DayHours(oh.State.OPEN, (oh.Interval(datetime.time(9), datetime.time(15)),)))
    assert today.endswith(unknown) and open_all_day not in today
    assert "Year-round 9:00–17:00, October–March until 15:00" in texts(html, "hours")[0]


def test_the_finder_does_not_list_it_among_the_sites_open_that_monday(client, region):
    museum = site(region, "KV027")
    url = reverse("heritage_public:site_list", args=[region.slug]) + f"?open_on={MONDAY_IN_DECEMBER.isoformat()}"

    html = get(client, url).content.decode()

    assert str(museum.pk) not in {m.attrs["data-pk"] for m in marked(html, "site")}
    assert str(museum.pk) in {m.attrs["data-pk"] for m in marked(html, "check-site")}


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "it states hours but not the days of the week they apply to"),
        ("cs", "uvádí hodiny, ale ne dny v týdnu, kdy platí"),
        ("de", "es nennt Uhrzeiten, aber nicht die Wochentage, an denen sie gelten"),
    ],
)
def test_the_coordinator_reads_why_its_hours_are_to_check_in_their_language(client, region, language, reason):
    coordinator = UserFactory()
    grant(coordinator, region)
    client.force_login(coordinator)
    museum = site(region, "KV027")

    form = get(client, reverse("heritage_sites:edit", args=[region.slug, museum.pk]), language).content.decode()
    listing = get(client, reverse("heritage_sites:list", args=[region.slug]) + "?check=1", language).content.decode()

    [review] = texts(form, "hours-review")
    assert reason in review
    row = next(m for m in marked(listing, "site-row") if m.attrs["data-pk"] == str(museum.pk))
    assert reason in row.text
    # Every reason of the list's rows reads in the page's language, none left in English.
    if language != "en":
        for other in marked(listing, "site-row"):
            assert not any(word in other.text for word in (" it ", "stated", "the parser")), other.text


# --- Organisations: facts of the body, not of its plants ------------------------------------------


def test_thun_1794_takes_neither_a_seat_nor_a_history_from_its_plants(client, region):
    thun = Organisation.objects.get(region=region, name="Thun 1794 a.s.")

    assert (thun.town, thun.address, thun.latitude, thun.longitude) == ("", "", None, None)
    assert "still operating" not in thun.description and "Nová Role" not in thun.description
    assert thun.description.startswith("Responsible for creating a new visitor centre in Klášterec nad Ohří")
    # Both plants stay sites run by it, each with what its own row says.
    assert {s.external_id for s in thun.sites.all()} == {"KV025", "KV026"}
    html = get(client, reverse("portal:organisation", args=[region.slug, thun.pk])).content.decode()
    assert "Klášterec nad Ohří" not in "".join(texts(html, "organisation-facts"))


@pytest.mark.parametrize(
    ("row_id", "runs_it"),
    [
        ("KV001", "Muzeum Sokolov (zámek Sokolov)"),  # "Branch of Muzeum Sokolov"
        ("KV002", "Muzeum Sokolov (zámek Sokolov)"),  # "operated by Muzeum Sokolov"
        ("KV003", "Muzeum Sokolov (zámek Sokolov)"),
        ("KV005", "Muzeum Karlovy Vary (Karlovarské muzeum)"),  # "branch of Muzeum Karlovy Vary"
        ("KV007", None),  # "operated by the town of Abertamy": not in the registry
        ("KV008", None),  # "operated by Služby Boží Dar s.r.o.": not in the registry
        ("KV016", None),  # "run by the town cultural centre"
        ("KV037", None),  # "run by Chmelařství, družstvo Žatec"
        ("KV017", "Muzeum Sokolov (zámek Sokolov)"),
    ],
)
def test_a_place_is_run_by_the_body_its_source_names(client, region, row_id, runs_it):
    place = site(region, row_id)

    html = get(client, reverse("heritage_public:site", args=[region.slug, place.pk])).content.decode()

    assert (place.organisation.name if place.organisation else None) == runs_it
    run_by = texts(html, "run-by")
    if runs_it:
        with translation.override("en"):
            assert run_by == [f"Run by {place.organisation.display_name}"]
    else:
        assert run_by == []


def test_every_place_whose_source_names_its_operator_is_run_by_that_body_or_by_none(region):
    # "operated by Muzeum Sokolov", "run by the town cultural centre", "Branch of Muzeum Sokolov"; not
    # "no longer a branch of Muzeum Karlovy Vary".
    named = re.compile(r"\b(?<!no longer a )(?:operated by|run by|operator|branch of) ([^;,.]+)", re.IGNORECASE)
    checked = 0
    for place in Site.objects.filter(region=region).select_related("organisation"):
        operators = named.findall(place.description)
        if not operators or place.organisation is None:
            continue
        checked += 1
        body = re.sub(r"\s*\(.*\)$", "", place.organisation.name)  # "Muzeum Sokolov (zámek Sokolov)"
        assert any(body in operator for operator in operators), (place.external_id, body, operators)
    assert checked >= 4


def test_the_science_park_is_not_called_a_creative_incubator(region):
    from inducult.actionplan.models import Activity

    park = Activity.objects.get(region=region, title="Vědeckotechnický park (VTP)")
    assert park.translations["description"]["en"] == "Building a science and technology park."
    assert "translated from the Czech" in park.source


# --- Places outside the region --------------------------------------------------------------------


def test_the_demo_marks_exactly_the_places_the_reference_list_puts_outside_the_region(region):
    flagged = set(Site.objects.filter(region=region, outside_region=True).values_list("external_id", flat=True))
    assert flagged == OUTSIDE
    rows = records.sites()
    assert all("Region)" in rows[row_id]["town"] for row_id in OUTSIDE)


@pytest.mark.parametrize("language", ["en", "cs", "de"])
def test_a_place_outside_the_region_says_so_on_its_page_in_the_list_and_on_the_map(client, region, language):
    outside, inside = site(region, "KV037"), site(region, "KV017")  # Žatec hop museum, Muzeum Sokolov

    page = get(client, reverse("heritage_public:site", args=[region.slug, outside.pk]), language).content.decode()
    other = get(client, reverse("heritage_public:site", args=[region.slug, inside.pk]), language).content.decode()
    listing = get(client, reverse("heritage_public:site_list", args=[region.slug]), language).content.decode()
    markers = json.loads(
        get(client, reverse("heritage_public:map_markers", args=[region.slug]) + f"?lang={language}").content
    )["markers"]

    assert texts(page, "outside-region") == [NOTE[language]]
    assert texts(other, "outside-region") == []
    rows = {m.attrs["data-pk"]: m for m in marked(listing, "site")}
    assert NOTE[language] in rows[str(outside.pk)].text and NOTE[language] not in rows[str(inside.pk)].text
    by_id = {m["id"]: m for m in markers}
    assert (by_id[outside.pk]["outside_region"], by_id[inside.pk]["outside_region"]) == (NOTE[language], "")


def test_the_open_data_say_which_places_lie_outside_the_region(client, region):
    geojson = json.loads(get(client, reverse("heritage_public:sites_geojson", args=[region.slug])).content)
    table = get(client, reverse("heritage_public:sites_csv", args=[region.slug])).content.decode()
    museum = site(region, "KV027")
    jsonld_page = get(client, reverse("heritage_public:site", args=[region.slug, museum.pk]), "de").content.decode()

    properties = {f["properties"]["external_id"]: f["properties"] for f in geojson["features"]}
    assert {k for k, p in properties.items() if p["outside_region"] is True} == OUTSIDE
    assert properties["KV027"]["outside_region_notes"] == NOTE
    assert properties["KV017"]["outside_region"] is False and properties["KV017"]["outside_region_notes"] == {}
    assert properties["KV027"]["town"] == "Klášterec nad Ohří"  # the fields that were there are unchanged
    csv_rows = {row["external_id"]: row for row in csv.DictReader(io.StringIO(table))}
    assert {k for k, row in csv_rows.items() if row["outside_region"] == "true"} == OUTSIDE
    start = jsonld_page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    document = json.loads(jsonld_page[start : jsonld_page.index("</script>", start)])
    assert document["additionalProperty"] == [
        {"@type": "PropertyValue", "propertyID": "outside_region", "name": NOTE["de"], "value": True}
    ]
