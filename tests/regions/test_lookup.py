"""The region of a URL is read at most once a second per process, never kept inside a transaction,
forgotten at once when this process changes a region, and handed out as a copy."""

import pytest

from inducult.regions import lookup
from inducult.regions.models import Region


@pytest.fixture
def clock(monkeypatch):
    now = [5000.0]
    monkeypatch.setattr(lookup.time, "monotonic", lambda: now[0])
    lookup.forget()
    yield now
    lookup.forget()


@pytest.mark.django_db(transaction=True)
def test_a_region_is_kept_for_a_second_and_each_caller_gets_a_copy(region, clock, django_assert_num_queries):
    first = lookup.region_by_slug(region.slug)
    with django_assert_num_queries(0):
        second = lookup.region_by_slug(region.slug)
    assert first == second and first is not second
    second.name = "changed by one view"
    assert lookup.region_by_slug(region.slug).name == region.name

    Region.objects.filter(pk=region.pk).update(name="Changed elsewhere")  # another process, no signal
    assert lookup.region_by_slug(region.slug).name == region.name
    clock[0] += lookup.SECONDS + 0.01
    assert lookup.region_by_slug(region.slug).name == "Changed elsewhere"


@pytest.mark.django_db(transaction=True)
def test_a_save_or_deletion_here_is_seen_at_once_and_unknown_slugs_are_kept_as_unknown(region, clock):
    assert lookup.region_by_slug("no-such-region") is None
    region.slug = "renamed"
    region.save()
    assert lookup.region_by_slug("renamed").pk == region.pk
    assert lookup.region_by_slug("karlovy-vary") is None
    region.delete()
    assert lookup.region_by_slug("renamed") is None


@pytest.mark.django_db
def test_nothing_is_kept_inside_a_transaction(region, clock, django_assert_num_queries):
    lookup.region_by_slug(region.slug)
    with django_assert_num_queries(1):
        lookup.region_by_slug(region.slug)
