"""tests.queries: the query-count guard passes a read whose queries do not depend on the data and
fails one that reads a row at a time, or one over its bound, saying which queries grew."""

import pytest
from django.core.cache import cache

from inducult.regions.models import Region
from tests.factories import RegionFactory
from tests.queries import queries_at_two_sizes

pytestmark = pytest.mark.django_db


def add_regions(n):
    RegionFactory.create_batch(n)


def one_query():
    return [region.slug for region in Region.objects.order_by("slug")]


def a_query_per_region():
    return [Region.objects.get(pk=region.pk).slug for region in Region.objects.all()]


def test_a_read_of_one_query_passes_and_returns_both_results():
    measured = queries_at_two_sizes(add=add_regions, run=one_query, sizes=(2, 5), at_most=1)

    assert measured.queries == 1
    assert [len(slugs) for slugs in measured.results] == [2, 5]


def test_a_read_of_a_query_per_record_fails_naming_the_extra_queries():
    with pytest.raises(AssertionError) as failed:
        queries_at_two_sizes(add=add_regions, run=a_query_per_region, sizes=(2, 5), at_most=10)

    message = str(failed.value)
    assert message.startswith("3 queries with 2 records, 6 with 5; the larger run's queries beyond the smaller's:\n")
    assert message.count("\n") == 3  # the three more lookups of one region


def test_a_read_over_its_bound_fails_even_if_it_does_not_grow():
    with pytest.raises(AssertionError, match="^1 queries, more than the 0 allowed:\nSELECT "):
        queries_at_two_sizes(add=add_regions, run=one_query, at_most=0)


def test_each_measurement_starts_with_an_empty_cache():
    seen = []

    def run():
        seen.append(cache.get("kept"))
        cache.set("kept", "from the run before")

    queries_at_two_sizes(add=add_regions, run=run, at_most=0)

    assert seen == [None, None, None]  # the warm-up and the two measurements


def test_without_warm_up_the_run_happens_once_per_size():
    runs = []

    queries_at_two_sizes(add=add_regions, run=lambda: runs.append(Region.objects.count()), at_most=1, warm_up=False)

    assert runs == [3, 12]


def test_sizes_must_grow():
    with pytest.raises(ValueError, match=r"two growing sizes are needed, not \(3, 3\)"):
        queries_at_two_sizes(add=add_regions, run=one_query, sizes=(3, 3), at_most=1)
