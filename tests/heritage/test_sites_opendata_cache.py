"""sites.geojson and sites.csv from the cache: built once per version of the data, plain and gzip,
and any change to the region's sites (an edit, archiving, a deletion, a new site) shows at once.
How any kept document is stored and built is tested in tests/core/test_kept.py."""

import datetime
import gzip
import json
from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from inducult.core.views import kept
from inducult.heritage.models import Site
from inducult.heritage.services import opendata
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sites(region):
    return [SiteFactory(region=region, name=f"Site {n:02d}") for n in range(12)]


@pytest.fixture
def record_calls():
    """Counts the records built: one per site each time a document is built."""
    with mock.patch.object(opendata, "record", wraps=opendata.record) as spy:
        yield spy


def geojson_url(region):
    return reverse("heritage_public:sites_geojson", args=[region.slug])


def csv_url(region):
    return reverse("heritage_public:sites_csv", args=[region.slug])


def names(response) -> list[str]:
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    return [f["properties"]["name"] for f in json.loads(content)["features"]]


def test_a_second_request_is_served_without_building_the_records_again(
    client, region, sites, record_calls, django_assert_max_num_queries
):
    first = client.get(geojson_url(region))
    assert record_calls.call_count == len(sites)

    # The region (read once, by the locale middleware, for RegionMixin too) and the fingerprint; no
    # rows of sites. (Inside the test's transaction the fingerprint's counts are never kept: below.)
    with django_assert_max_num_queries(2):
        second = client.get(geojson_url(region))

    assert record_calls.call_count == len(sites)
    assert second.status_code == 200 and second.content == first.content


def test_plain_and_gzip_bodies_are_the_same_document_built_once(client, region, sites, record_calls):
    plain = client.get(geojson_url(region))
    compressed = client.get(geojson_url(region), headers={"accept-encoding": "gzip, deflate"})

    assert record_calls.call_count == len(sites)  # both variants stored by the first build
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content)
    assert names(plain) == [s.name for s in sites]
    for response in (plain, compressed):
        assert response["Content-Type"] == "application/geo+json; charset=utf-8"
        assert "Accept-Encoding" in response["Vary"]
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Cache-Control"] == "public, max-age=300"
        assert response["Last-Modified"]
    # A compressed body is another representation: its ETag is weak, and it still revalidates.
    assert compressed["ETag"] == "W/" + plain["ETag"]
    revalidated = client.get(
        geojson_url(region), headers={"accept-encoding": "gzip", "if-none-match": compressed["ETag"]}
    )
    assert revalidated.status_code == 304


def test_an_edit_shows_at_once(client, region, sites):
    client.get(geojson_url(region), headers={"accept-encoding": "gzip"})
    sites[3].name = "Renamed porcelain works"
    sites[3].save()

    assert "Renamed porcelain works" in names(client.get(geojson_url(region), headers={"accept-encoding": "gzip"}))
    assert "Renamed porcelain works" in names(client.get(geojson_url(region)))


def test_an_edit_through_the_back_office_update_shows_at_once(client, region, sites):
    client.get(geojson_url(region))
    # The back office saves with a versioned UPDATE that stamps updated_at itself (heritage.services.sites).
    Site.objects.filter(pk=sites[0].pk).update(name="Zeche Updated", updated_at=timezone.now())

    assert "Zeche Updated" in names(client.get(geojson_url(region)))


def test_archiving_deleting_and_adding_sites_show_at_once(client, region, sites):
    client.get(geojson_url(region))
    sites[0].archived_at = datetime.datetime.now(datetime.UTC)
    sites[0].save()
    assert sites[0].name not in names(client.get(geojson_url(region)))

    sites[1].delete()
    assert sites[1].name not in names(client.get(geojson_url(region)))

    SiteFactory(region=region, name="Brand new mine")
    assert "Brand new mine" in names(client.get(geojson_url(region)))


def test_archiving_changes_the_fingerprint(region, sites):
    before = opendata.fingerprint(region)[0]
    sites[5].archived_at = datetime.datetime.now(datetime.UTC)
    sites[5].save()

    assert opendata.fingerprint(region)[0] != before


def test_renaming_the_region_shows_at_once(client, region, sites):
    client.get(geojson_url(region))
    region.name = "Karlovy Vary Region"
    region.save()

    assert json.loads(client.get(geojson_url(region)).content)["region"]["name"] == "Karlovy Vary Region"


def test_site_urls_follow_the_host_asked_for(client, region, sites):
    def urls(host):
        response = client.get(geojson_url(region), headers={"host": host})
        return {f["properties"]["url"].split("/r/")[0] for f in json.loads(response.content)["features"]}

    assert urls("localhost") == {"http://localhost"}
    assert urls("127.0.0.1") == {"http://127.0.0.1"}
    assert urls("localhost") == {"http://localhost"}


def test_an_edit_replaces_the_cached_version_instead_of_adding_one(client, region, sites):
    # Each process keeps one version per document and host: old ones would otherwise pile up in memory.
    client.get(geojson_url(region))
    pointer = kept.pointer_key(opendata.NAMESPACE, opendata.document("geojson", region), "http://testserver/")
    old = cache.get(pointer)
    assert old and cache.get(f"{old}:plain") is not None and cache.get(f"{old}:gzip") is not None

    sites[0].name = "Renamed"
    sites[0].save()
    client.get(geojson_url(region))

    assert cache.get(pointer) not in (None, old)
    assert cache.get(f"{old}:plain") is None and cache.get(f"{old}:gzip") is None


def test_csv_is_cached_too_and_keeps_its_headers(client, region, sites, record_calls):
    first = client.get(csv_url(region))
    compressed = client.get(csv_url(region), headers={"accept-encoding": "gzip"})

    assert record_calls.call_count == len(sites)
    assert gzip.decompress(compressed.content) == first.content
    assert first.content.decode().splitlines()[0].startswith("id,external_id,name,kind")
    for response in (first, compressed):
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="sites-{region.slug}.csv"'

    sites[2].name = "Edited in the CSV"
    sites[2].save()
    assert "Edited in the CSV" in client.get(csv_url(region)).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_counts_are_kept_for_a_second_and_forgotten_by_every_write_of_this_process(
    client, region, sites, monkeypatch, django_assert_num_queries
):
    from inducult.heritage.domain import opening_hours as oh
    from inducult.heritage.services import sites as site_actions
    from inducult.regions import lookup

    opendata.forget()
    lookup.forget()
    clock = [1000.0]
    monkeypatch.setattr(opendata.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(lookup.time, "monotonic", lambda: clock[0])
    client.get(geojson_url(region))
    with django_assert_num_queries(0):  # the region and the counts are kept for a second
        client.get(geojson_url(region))

    # A write that bypasses the model (as another process's would) shows once the second is over.
    Site.objects.filter(pk=sites[0].pk).update(name="Zeche Raw", updated_at=timezone.now())
    assert "Zeche Raw" not in names(client.get(geojson_url(region)))
    clock[0] += opendata.COUNTS_SECONDS + 0.01
    assert "Zeche Raw" in names(client.get(geojson_url(region)))

    # Writes through this process show at once: a save, a deletion, the back office's versioned UPDATE.
    sites[1].name = "Saved at once"
    sites[1].save()
    assert "Saved at once" in names(client.get(geojson_url(region)))
    sites[2].delete()
    assert sites[2].name not in names(client.get(geojson_url(region)))
    site = Site.objects.get(pk=sites[3].pk)
    site_actions.update_site(
        site=site,
        actor=None,
        data={"website": "https://example.org/new"},
        hours=oh.OpeningHours.unknown(),
        version=site.version,
    )
    websites = [f["properties"]["website"] for f in json.loads(client.get(geojson_url(region)).content)["features"]]
    assert "https://example.org/new" in websites

    # A renamed region shows at once in this process too.
    region.name = "Renamed region"
    region.save()
    assert json.loads(client.get(geojson_url(region)).content)["region"]["name"] == "Renamed region"
    opendata.forget()
    lookup.forget()
