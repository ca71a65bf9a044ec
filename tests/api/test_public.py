"""The API's public data through real requests: region-scoped (another region's id is a 404), only
what the public pages show (approved events, active sites), the open data's sample flags, filters,
pages and ETags; progress exactly as progress.json gives it."""

from __future__ import annotations

import datetime
import json

import pytest

from inducult.heritage.enums import EventStatus
from tests.factories import (
    CountRuleFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    MilestoneFactory,
    ShowcaseFactory,
    SiteFactory,
)

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    response = client.get(path, params)
    return response, (response.json() if response["Content-Type"].startswith("application/json") else None)


def test_sites_list_the_regions_active_sites_with_their_flags(client, region, other_region):
    inside = SiteFactory(region=region, name="Hornické muzeum", is_sample=False, source="Reference list KV001")
    beyond = SiteFactory(region=region, name="Schneeberg", outside_region=True, is_sample=True)
    SiteFactory(region=region, name="Archived", archived_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    SiteFactory(region=other_region, name="Elsewhere")

    response, body = get(client, f"/api/v1/{region.slug}/sites/")

    assert response.status_code == 200
    assert body["count"] == 2
    assert body["sample_count"] == 1
    by_name = {site["name"]: site for site in body["results"]}
    assert set(by_name) == {"Hornické muzeum", "Schneeberg"}
    assert by_name["Hornické muzeum"]["is_sample"] is False
    assert by_name["Hornické muzeum"]["source"] == "Reference list KV001"
    assert by_name["Schneeberg"]["outside_region"] is True
    assert by_name["Schneeberg"]["is_sample"] is True
    assert by_name["Schneeberg"]["outside_region_notes"]
    assert by_name["Hornické muzeum"]["url"].endswith(f"/r/{region.slug}/sites/{inside.pk}/")
    assert response["Access-Control-Allow-Origin"] == "*"

    _, only_beyond = get(client, f"/api/v1/{region.slug}/sites/", outside_region="true")
    assert [site["id"] for site in only_beyond["results"]] == [beyond.pk]
    _, no_samples = get(client, f"/api/v1/{region.slug}/sites/", is_sample="false")
    assert [site["id"] for site in no_samples["results"]] == [inside.pk]


def test_a_site_reads_as_in_the_open_data(client, region):
    site = SiteFactory(region=region, name="Jáchymov", sectors=["mining"], town="Jáchymov")
    geojson = client.get(f"/open/{region.slug}/sites.geojson").json()
    open_record = next(f["properties"] for f in geojson["features"] if f["id"] == site.pk)

    response, body = get(client, f"/api/v1/{region.slug}/sites/{site.pk}/")

    assert response.status_code == 200
    assert body == open_record


def test_site_filters_by_kind_sector_and_town(client, region):
    mine = SiteFactory(region=region, kind="show_mine", sectors=["mining"], town="Krásno")
    SiteFactory(region=region, kind="museum", sectors=["porcelain"], town="Karlovy Vary")

    for params in ({"kind": "show_mine"}, {"sector": "mining"}, {"town": "krásno"}):
        _, body = get(client, f"/api/v1/{region.slug}/sites/", **params)
        assert [site["id"] for site in body["results"]] == [mine.pk], params


def test_a_bad_filter_is_a_400_naming_it(client, region):
    response, body = get(client, f"/api/v1/{region.slug}/sites/", kind="castle")
    assert response.status_code == 400
    assert set(body) == {"kind"}
    response, body = get(client, f"/api/v1/{region.slug}/events/", starts_from="1066-10-14")
    assert response.status_code == 400
    assert set(body) == {"starts_from"}


def test_another_regions_record_is_not_found_under_this_region(client, region, other_region):
    site = SiteFactory(region=other_region)
    event = EventFactory(region=other_region)
    exhibition = ExhibitionFactory(region=other_region)
    for path in (f"sites/{site.pk}/", f"events/{event.pk}/", f"exhibitions/{exhibition.pk}/"):
        assert client.get(f"/api/v1/{region.slug}/{path}").status_code == 404, path
        assert client.get(f"/api/v1/{other_region.slug}/{path}").status_code == 200, path


def test_an_unknown_region_is_not_found(client, db):
    response, body = get(client, "/api/v1/atlantis/sites/")
    assert response.status_code == 404
    assert body["detail"]


def test_only_approved_events_are_public(client, region):
    approved = EventFactory(region=region, title="Museum night")
    waiting = EventFactory(region=region, status=EventStatus.SUBMITTED)
    rejected = EventFactory(region=region, status=EventStatus.REJECTED)

    _, body = get(client, f"/api/v1/{region.slug}/events/")

    assert [event["id"] for event in body["results"]] == [approved.pk]
    assert body["results"][0]["title"] == "Museum night"
    assert body["results"][0]["is_sample"] is True
    for hidden in (waiting, rejected):
        assert client.get(f"/api/v1/{region.slug}/events/{hidden.pk}/").status_code == 404


def test_events_filter_by_days_site_and_samples(client, region):
    tz = region.tz
    early = EventFactory(region=region, starts_at=datetime.datetime(2027, 5, 1, 18, tzinfo=tz), is_sample=False)
    late = EventFactory(region=region, starts_at=datetime.datetime(2027, 9, 1, 18, tzinfo=tz))

    _, body = get(client, f"/api/v1/{region.slug}/events/", starts_from="2027-06-01")
    assert [e["id"] for e in body["results"]] == [late.pk]
    _, body = get(client, f"/api/v1/{region.slug}/events/", starts_until="2027-05-01")
    assert [e["id"] for e in body["results"]] == [early.pk]
    _, body = get(client, f"/api/v1/{region.slug}/events/", site=late.site_id)
    assert [e["id"] for e in body["results"]] == [late.pk]
    _, body = get(client, f"/api/v1/{region.slug}/events/", is_sample="false")
    assert [e["id"] for e in body["results"]] == [early.pk]


def test_exhibitions_carry_their_sample_figures(client, region):
    exhibition = ExhibitionFactory(region=region)
    ShowcaseFactory(exhibition=exhibition, title="Porcelain")
    ExhibitionStopFactory(exhibition=exhibition, venue="Loket", visitors=1200, visitors_is_sample=True)
    exhibitions_json = client.get(f"/open/{region.slug}/exhibitions.json").json()

    _, body = get(client, f"/api/v1/{region.slug}/exhibitions/{exhibition.pk}/")

    assert body["stops"][0]["visitors"] == 1200
    assert body["stops"][0]["visitors_is_sample"] is True
    assert body["showcases"][0]["title"] == "Porcelain"
    assert body in exhibitions_json["exhibitions"]


def test_lists_come_in_pages(client, region):
    for n in range(5):
        SiteFactory(region=region, name=f"Site {n:02d}")

    _, first = get(client, f"/api/v1/{region.slug}/sites/", page_size=2)
    assert first["count"] == 5
    assert [s["name"] for s in first["results"]] == ["Site 00", "Site 01"]
    second = client.get(first["next"]).json()
    assert [s["name"] for s in second["results"]] == ["Site 02", "Site 03"]
    assert second["previous"]
    response, _ = get(client, f"/api/v1/{region.slug}/sites/", page=9)
    assert response.status_code == 404


def test_an_unchanged_answer_is_a_304_and_a_changed_one_is_not(client, region):
    site = SiteFactory(region=region, name="Before")
    path = f"/api/v1/{region.slug}/sites/{site.pk}/"
    first = client.get(path)
    etag = first["ETag"]
    assert etag

    again = client.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""

    site.name = "After"
    site.save()
    changed = client.get(path, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed.json()["name"] == "After"


def test_progress_is_exactly_progress_json(client, region):
    milestone = MilestoneFactory(version__strategy__region=region, first_year=2020, last_year=None)
    CountRuleFactory(milestone=milestone, first_year=2020, last_year=None)

    for params in ({}, {"year": "2025"}):
        open_document = client.get(f"/open/{region.slug}/progress.json", params).json()
        response, body = get(client, f"/api/v1/{region.slug}/progress/", **params)
        assert response.status_code == 200
        for document in (open_document, body):
            document.pop("generated_at")
        assert body == open_document
        assert body["milestones"][0]["rules"][0]["type"] == "count"
        assert "includes_samples" in body["milestones"][0]


def test_progress_of_a_year_out_of_range_is_a_400(client, region):
    response, body = get(client, f"/api/v1/{region.slug}/progress/", year="1800")
    assert response.status_code == 400
    assert set(body) == {"year"}


def test_nothing_is_written_through_the_api(client, region):
    site = SiteFactory(region=region)
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(
            f"/api/v1/{region.slug}/sites/{site.pk}/", data=json.dumps({"name": "x"}), content_type="application/json"
        )
        assert response.status_code == 405, method


@pytest.mark.parametrize("collection", ["people", "activities", "analytics"])
def test_non_public_data_is_not_in_the_anonymous_api(client, region, collection):
    # People, the action plan and network measures are back-office data that the API does not give out
    # (decision 0019); the registry and the log need a token (test_tokens.py).
    assert client.get(f"/api/v1/{region.slug}/{collection}/").status_code == 404
    assert client.get(f"/api/v1/{region.slug}/{collection}/1/").status_code == 404
    for collection in ("organisations", "engagements"):
        assert client.get(f"/api/v1/{region.slug}/{collection}/").status_code == 401


def test_a_region_slug_is_read_from_the_address_only(client, region, other_region):
    SiteFactory(region=other_region, name="Annaberg")
    SiteFactory(region=region, name="Loket")
    for slug, names in ((region.slug, ["Loket"]), (other_region.slug, ["Annaberg"])):
        _, body = get(client, f"/api/v1/{slug}/sites/")
        assert [site["name"] for site in body["results"]] == names
