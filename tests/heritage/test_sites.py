"""Sites: validation, the finder's filters (open on a day: never guessed), the public pages with
their JSON-LD, and the demo's sites from the reference list."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.models import Site
from inducult.heritage.services.finder import find_sites
from tests.factories import OrganisationFactory, SiteFactory

pytestmark = pytest.mark.django_db

SATURDAY_IN_JULY = datetime.date(2026, 7, 11)
MONDAY_IN_JULY = datetime.date(2026, 7, 13)
JANUARY_DAY = datetime.date(2026, 1, 14)


def summer_hours(weekdays=(2, 3, 4, 5, 6)):
    season = oh.Season(
        start=oh.MonthDay(3, 1),
        end=oh.MonthDay(11, 30),
        weekdays=frozenset(weekdays),
        intervals=(oh.Interval(datetime.time(9), datetime.time(12)), oh.Interval(datetime.time(13), datetime.time(17))),
    )
    return oh.to_dict(oh.OpeningHours(kind="regular", seasons=(season,)))


def test_opening_hours_that_end_before_they_start_are_refused_with_the_reason(region):
    data = summer_hours()
    data["seasons"][0]["intervals"][0] = {"opens": "12:00", "closes": "09:00"}
    site = SiteFactory.build(region=region, opening_hours=data)

    with pytest.raises(ValidationError) as error:
        site.full_clean()

    assert "opening_hours" in error.value.message_dict
    assert "12:00" in error.value.message_dict["opening_hours"][0]


def test_coordinates_come_in_pairs_and_the_owner_from_the_same_region(region, other_region):
    site = SiteFactory.build(region=region, latitude=None, organisation=OrganisationFactory(region=other_region))

    with pytest.raises(ValidationError) as error:
        site.full_clean()

    assert set(error.value.message_dict) >= {"latitude", "organisation"}


def test_finder_open_on_a_day_never_guesses_unknown_hours(region):
    open_saturdays = SiteFactory(region=region, name="Krásno", opening_hours=summer_hours())
    closed_saturdays = SiteFactory(region=region, name="Weekdays", opening_hours=summer_hours(weekdays=(0, 1)))
    unknown = SiteFactory(region=region, name="Unknown", opening_hours=None, opening_hours_text="see website")
    by_appointment = SiteFactory(
        region=region, name="Appointment", opening_hours=oh.to_dict(oh.OpeningHours.by_appointment())
    )

    saturday = find_sites(region, open_on=SATURDAY_IN_JULY)
    january = find_sites(region, open_on=JANUARY_DAY)

    assert [f.site for f in saturday.matches] == [open_saturdays]
    assert saturday.matches[0].day.intervals[0].opens == datetime.time(9)
    assert {f.site for f in saturday.check_hours} == {unknown, by_appointment}
    assert closed_saturdays not in {f.site for f in saturday.matches + saturday.check_hours}
    assert january.matches == []
    assert [f.site for f in find_sites(region, open_on=MONDAY_IN_JULY).matches] == [closed_saturdays]


def test_finder_filters_by_sector_kind_access_and_tour_language(region):
    porcelain = SiteFactory(region=region, sectors=["porcelain"], wheelchair="yes", tour_languages=["cs", "de"])
    SiteFactory(region=region, sectors=["mining"], kind="show_mine", tour_languages=["cs"])
    SiteFactory(
        region=region, sectors=["porcelain"], wheelchair="partly", archived_at=datetime.datetime.now(datetime.UTC)
    )

    assert [f.site for f in find_sites(region, sector="porcelain").matches] == [porcelain]
    assert [f.site.kind for f in find_sites(region, kind="show_mine").matches] == ["show_mine"]
    assert [f.site for f in find_sites(region, wheelchair=True).matches] == [porcelain]
    assert [f.site for f in find_sites(region, language="de").matches] == [porcelain]


def page(client, url, language="de"):
    return client.get(url, headers={"accept-language": language})


def test_site_list_keeps_filters_in_the_url_and_says_what_is_open(client, region):
    SiteFactory(region=region, name="Porcelánka", sectors=["porcelain"], opening_hours=summer_hours())
    SiteFactory(region=region, name="Důl", sectors=["mining"], opening_hours=summer_hours())
    url = reverse("heritage_public:site_list", args=[region.slug])

    html = page(client, f"{url}?sector=porcelain&open_on=2026-07-11", "en").content.decode()

    assert "Porcelánka" in html and "Důl" not in html
    assert "Open 09:00–12:00, 13:00–17:00" in html
    assert 'value="2026-07-11"' in html


def test_a_mistyped_filter_is_named_and_the_others_still_apply(client, region):
    SiteFactory(region=region, name="Porcelánka", sectors=["porcelain"])
    url = reverse("heritage_public:site_list", args=[region.slug])

    html = page(client, f"{url}?sector=porcelain&open_on=11.7.", "en").content.decode()

    assert "Give the day as a date, e.g. 2026-07-11." in html
    assert "Porcelánka" in html


def test_site_page_has_json_ld_with_geo_and_opening_hours(client, region):
    site = SiteFactory(
        region=region,
        name="Hornické muzeum Krásno",
        translations={"name": {"de": "Bergbaumuseum Krásno"}},
        opening_hours=summer_hours(),
        opening_hours_text="March–November, Wed–Sun 9:00–12:00 and 13:00–17:00",
        description="</script><script>alert(1)</script>",
    )

    response = page(client, reverse("heritage_public:site", args=[region.slug, site.pk]))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Bergbaumuseum Krásno" in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1  # the description could not close the data block
    document = json.loads(blocks[0])
    assert document["@type"] == "Museum"
    assert document["name"] == "Bergbaumuseum Krásno"
    assert document["geo"] == {"@type": "GeoCoordinates", "latitude": 50.23, "longitude": 12.87}
    days = {day for spec in document["openingHoursSpecification"] for day in spec["dayOfWeek"]}
    assert "https://schema.org/Saturday" in days and "https://schema.org/Monday" not in days
    assert "&lt;/script&gt;" in html  # and the page shows it as text


def test_site_page_names_the_tour_languages_the_site_records(client, region):
    site = SiteFactory(region=region, tour_languages=["cs", "de"])

    html = page(client, reverse("heritage_public:site", args=[region.slug, site.pk]), "en").content.decode()

    assert re.search(r'<dd data-testid="tour-languages">(.*?)</dd>', html).group(1) == "Czech, German"


def test_site_page_without_tour_languages_says_nothing_of_tours(client, region):
    # The page once said "Guided tours in: {'bidi': False, 'code': 'cs', …}" here: the base template's
    # language list had overwritten the site's (issue #14).
    site = SiteFactory(region=region, tour_languages=[])

    html = page(client, reverse("heritage_public:site", args=[region.slug, site.pk]), "en").content.decode()

    assert 'data-testid="tour-languages"' not in html
    assert "Guided tours in" not in html
    assert "{&#x27;" not in html


def test_unknown_hours_are_shown_as_unknown_with_the_sources_words(client, region):
    site = SiteFactory(region=region, opening_hours=None, opening_hours_text="Occasional tours of the 12th level.")

    html = page(client, reverse("heritage_public:site", args=[region.slug, site.pk]), "en").content.decode()

    assert "Opening hours unknown" in html
    assert "Occasional tours of the 12th level." in html
    assert "openingHoursSpecification" not in html


def test_archived_or_other_regions_sites_are_not_found(client, region, other_region):
    archived = SiteFactory(region=region, archived_at=datetime.datetime.now(datetime.UTC))
    foreign = SiteFactory(region=other_region)

    assert page(client, reverse("heritage_public:site", args=[region.slug, archived.pk])).status_code == 404
    assert page(client, reverse("heritage_public:site", args=[region.slug, foreign.pk])).status_code == 404


def test_demo_loads_every_place_of_the_reference_list_as_a_site():
    from inducult.demo import records
    from inducult.demo.loader import load_demo

    first = load_demo(today=datetime.date(2026, 12, 1))
    again = load_demo(today=datetime.date(2026, 12, 1))

    rows = records.sites()
    places = {row_id for row_id, row in rows.items() if row["kind"] not in ("organisation", "event")}
    sites = {s.external_id: s for s in Site.objects.filter(region__slug="karlovy-vary")}
    assert set(sites) == places
    assert (first.sites, first.sites_created, again.sites_created, again.sites_updated) == (
        len(places),
        len(places),
        0,
        0,
    )
    assert not any(s.is_sample for s in sites.values())
    assert all(s.source.startswith(f"Reference list karlovy-vary-sites.csv, row {k}") for k, s in sites.items())
    # Stated hours are kept word for word; structured where readable, flagged with a reason where not.
    for row_id, site in sites.items():
        assert site.opening_hours_text == rows[row_id]["opening_season_hours"].strip()
        assert (site.opening_hours is None) == bool(site.opening_hours_review)
        if site.opening_hours is not None:
            oh.validate(oh.from_dict(site.opening_hours))
    assert first.sites_hours_to_check == sum(1 for s in sites.values() if s.opening_hours_review)
    unesco = {k for k, s in sites.items() if s.kind == "unesco_component"}
    assert unesco == {"KV006", "KV011", "KV012", "KV013", "KV014", "KV039"}
    assert sites["KV015"].kind == "technical_monument"  # only "associated" with the UNESCO property
    assert sites["KV041"].kind == "former_industrial_site" and not sites["KV041"].is_visitor_site
    # Krásno is a branch of Muzeum Sokolov, which runs it (its row and KV017's say so).
    assert (
        sites["KV001"].organisation is not None and sites["KV001"].organisation.name == "Muzeum Sokolov (zámek Sokolov)"
    )


def geojson_url(region):
    return reverse("heritage_public:sites_geojson", args=[region.slug])


def test_sites_geojson_is_an_rfc_7946_feature_collection(client, region):
    site = SiteFactory(
        region=region,
        name="Porcelánka",
        translations={"name": {"en": "Porcelain works"}},
        opening_hours=summer_hours(),
        opening_hours_text="March–November",
    )
    nowhere = SiteFactory(region=region, name="Somewhere", latitude=None, longitude=None)
    SiteFactory(region=region, archived_at=datetime.datetime.now(datetime.UTC))
    region.languages = ["cs", "en", "de"]
    region.save()

    response = client.get(geojson_url(region))
    document = json.loads(response.content)

    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert document["type"] == "FeatureCollection" and document["licence"] == "CC BY-SA 4.0"
    features = {f["id"]: f for f in document["features"]}
    assert set(features) == {site.pk, nowhere.pk}
    point = features[site.pk]
    assert point["geometry"] == {"type": "Point", "coordinates": [12.87, 50.23]}  # longitude first
    # No German name: German falls back to English before Czech (decision 0018).
    assert point["properties"]["names"] == {"cs": "Porcelánka", "en": "Porcelain works", "de": "Porcelain works"}
    assert point["properties"]["opening_hours"]["kind"] == "regular"
    assert point["properties"]["opening_hours_text"] == "March–November"
    assert point["properties"]["is_sample"] is True
    assert point["properties"]["url"].endswith(f"/r/{region.slug}/sites/{site.pk}/")
    assert features[nowhere.pk]["geometry"] is None


def test_sites_geojson_answers_304_on_revalidation_and_changes_when_a_site_does(client, region):
    site = SiteFactory(region=region)
    first = client.get(geojson_url(region))
    etag, modified = first["ETag"], first["Last-Modified"]

    assert client.get(geojson_url(region), headers={"if-none-match": etag}).status_code == 304
    assert client.get(geojson_url(region), headers={"if-modified-since": modified}).status_code == 304

    site.name = "Renamed"
    site.save()
    again = client.get(geojson_url(region), headers={"if-none-match": etag})
    assert again.status_code == 200 and "Renamed" in again.content.decode()


def test_sites_geojson_is_compressed_for_clients_that_accept_it(client, region):
    for _ in range(30):
        SiteFactory(region=region)

    response = client.get(geojson_url(region), headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    import gzip

    assert json.loads(gzip.decompress(response.content))["type"] == "FeatureCollection"


def test_sites_csv_has_the_contract_header_and_defuses_formulas(client, region):
    SiteFactory(region=region, name='=HYPERLINK("http://x")', sectors=["glass", "porcelain"])

    response = client.get(reverse("heritage_public:sites_csv", args=[region.slug]))
    lines = response.content.decode().splitlines()

    assert lines[0].startswith("id,external_id,name,kind,kind_label,sectors,town,address,latitude,longitude")
    assert "'=HYPERLINK" in lines[1]
    assert "glass; porcelain" in lines[1]


def markers_of(client, html, language="en"):
    """Follow the map page's markers URL as its script does."""
    url = re.search(r'data-markers-url="([^"]+)"', html).group(1).replace("&amp;", "&")
    response = client.get(url, headers={"accept-language": language})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return json.loads(response.content)["markers"]


def test_map_page_points_to_its_markers_and_allows_only_the_tile_server_for_images(client, region, settings):
    settings.INDUCULT_MAP_TILES = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    shown = SiteFactory(region=region, name="Porcelánka <b>", sectors=["porcelain"])
    SiteFactory(region=region, name="Bez polohy", sectors=["porcelain"], latitude=None, longitude=None)
    SiteFactory(region=region, name="Důl", sectors=["mining"])

    response = page(client, reverse("heritage_public:map", args=[region.slug]) + "?sector=porcelain", "en")
    html = response.content.decode()

    assert "site-map-data" not in html  # thousands of markers would make the page megabytes long
    markers = markers_of(client, html)
    assert [(m["id"], m["name"], m["lat"], m["lon"]) for m in markers] == [(shown.pk, "Porcelánka <b>", 50.23, 12.87)]
    assert markers[0]["url"] == reverse("heritage_public:site", args=[region.slug, shown.pk])
    assert "1 site has no known location and is only in the list." in html
    assert "Bez polohy" in html  # but it is in the list
    csp = response["Content-Security-Policy"]
    assert "img-src 'self' data: https://*.tiles.example.org" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    other = page(client, reverse("heritage_public:site_list", args=[region.slug]))
    assert "tiles.example.org" not in other["Content-Security-Policy"]


def test_tile_origin_of_url_templates():
    from inducult.core.views.maps import tile_origin

    assert tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert tile_origin("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png") == "https://*.tile.example.org:8443"
    assert tile_origin("/tiles/{z}/{x}/{y}.png") == ""  # same origin: 'self' covers it


def test_markers_follow_the_filters_the_language_and_the_data(client, region):
    museum = SiteFactory(region=region, name="Muzeum", kind="museum", sectors=["porcelain"])
    SiteFactory(region=region, name="Důl", sectors=["mining"])
    url = reverse("heritage_public:map_markers", args=[region.slug])

    czech = json.loads(client.get(url + "?sector=porcelain&lang=cs").content)
    english = json.loads(client.get(url + "?sector=porcelain&lang=en").content)
    assert [m["id"] for m in czech["markers"]] == [museum.pk] and czech["count"] == 1
    assert (czech["markers"][0]["kind"], english["markers"][0]["kind"]) == (
        "Muzeum",
        "Museum",
    )  # labels in the page's language

    first = client.get(url + "?lang=en")
    assert len(json.loads(first.content)["markers"]) == 2
    again = client.get(url + "?lang=en", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    SiteFactory(region=region, name="Sklárna", sectors=["glass"])
    after_edit = client.get(url + "?lang=en", headers={"if-none-match": first["ETag"]})
    assert after_edit.status_code == 200 and len(json.loads(after_edit.content)["markers"]) == 3


def test_the_list_is_paged_and_keeps_the_filters(client, region, monkeypatch):
    from inducult.heritage.views.public import sites as public_views

    monkeypatch.setattr(public_views, "LIST_PAGE_SIZE", 2)
    for n in range(5):
        SiteFactory(region=region, name=f"Sklárna {n}", sectors=["glass"])
    SiteFactory(region=region, name="Důl", sectors=["mining"])
    url = reverse("heritage_public:site_list", args=[region.slug])

    html = page(client, url + "?sector=glass", "en").content.decode()
    assert "5 sites." in html and html.count('data-testid="site"') == 2
    assert "?sector=glass&amp;page=2" in html and "Page 1 of 3" in html
    last = page(client, url + "?sector=glass&page=3", "en").content.decode()
    assert last.count('data-testid="site"') == 1 and "Sklárna 4" in last
