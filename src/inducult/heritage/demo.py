"""Loading a demo's heritage: sites, festivals with their events, and the touring exhibition with its
showcases, stops and sample votes; validated and audited so the trail shows each record.

The demo app holds the data and passes it in as the records below. Idempotent: sites are found again
by their external id, festivals by slug, events by festival and title, the exhibition by title, its
showcases by title and its stops by venue; a record is only written when one of its fields differs,
and a stop's sample votes only while it has none, so a second run writes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from inducult.core.demo import ensure_record, tally
from inducult.heritage.models import Event, Exhibition, ExhibitionStop, Festival, Showcase, ShowcaseVote, Site
from inducult.network.models import Organisation


@dataclass(frozen=True)
class SiteRecord:
    external_id: str
    data: dict[str, Any]
    owner_key: str | None  # the demo organisation the same row describes, if any


@dataclass(frozen=True)
class EventRecord:
    festival: str  # the slug of the festival it belongs to
    site: str  # the external id of the site it takes place at
    data: dict[str, Any]  # its fields; "title" is the key it is found again by within the festival


@dataclass(frozen=True)
class ShowcaseRecord:
    title: str
    title_en: str
    sector: str
    is_sample: bool


@dataclass(frozen=True)
class StopRecord:
    venue: str
    occasion: str
    period: str
    site_name: str  # a word of the name of the region's site the stop is at; "" when at none
    visitors: int | None
    visitors_is_sample: bool
    voting_open: bool
    source: str
    is_sample: bool
    sample_votes: tuple[int, ...]  # made-up votes per showcase, in the showcases' order


@dataclass(frozen=True)
class ExhibitionRecord:
    data: dict[str, Any]  # the exhibition's fields; "title" is the key it is found again by
    showcases: tuple[ShowcaseRecord, ...]  # in their order
    stops: tuple[StopRecord, ...]


@transaction.atomic
def load_sites(
    *,
    region,
    records: Iterable[SiteRecord],
    organisations: Mapping[str, Organisation],
    actor=None,
    counts: Counter[str],
) -> None:
    """The sites, found again by their external id; a site's owner is the organisation of its
    ``owner_key``. Counts ``sites``, ``sites_created``, ``sites_updated`` and ``sites_hours_to_check``
    (sites whose stated opening hours the coordinator should read)."""
    for record in records:
        owner = organisations.get(record.owner_key) if record.owner_key else None
        _site, outcome = ensure_record(
            Site,
            lookup={"region": region, "external_id": record.external_id},
            data={**record.data, "organisation": owner},
            region=region,
            actor=actor,
        )
        tally(counts, "sites", outcome)
        counts["sites"] += 1
        counts["sites_hours_to_check"] += bool(record.data["opening_hours_review"])


def load_events(
    *,
    region,
    festivals: Iterable[Mapping[str, Any]],
    events: Iterable[EventRecord],
    actor=None,
    counts: Counter[str],
) -> None:
    """The festivals (their fields; "slug" is the key) and their events at the region's sites (loaded
    before). Counts ``festivals``, ``festivals_created``, ``festivals_updated``, ``public_events``,
    ``public_events_created`` and ``public_events_updated``."""
    by_slug: dict[str, Festival] = {}
    for data in festivals:
        fields = {k: v for k, v in data.items() if k != "slug"}
        by_slug[data["slug"]], outcome = ensure_record(
            Festival, lookup={"region": region, "slug": data["slug"]}, data=fields, region=region, actor=actor
        )
        tally(counts, "festivals", outcome)
        counts["festivals"] += 1
    sites = {s.external_id: s for s in Site.objects.filter(region=region)}
    for record in events:
        site = sites[record.site]
        data = {k: v for k, v in record.data.items() if k != "title"}  # the title is the key
        data = {**data, "site": site, "organisation": site.organisation}
        lookup = {"region": region, "festival": by_slug[record.festival], "title": record.data["title"]}
        _event, outcome = ensure_record(Event, lookup=lookup, data=data, region=region, actor=actor)
        tally(counts, "public_events", outcome)
        counts["public_events"] += 1


def load_exhibition(*, region, record: ExhibitionRecord, actor=None, counts: Counter[str]) -> None:
    """The touring exhibition, its showcases and stops, and the stops' sample votes (written once, while
    a stop has no votes). Counts ``exhibition_records_created``, ``exhibition_records_updated`` and
    ``sample_votes_created``."""

    def ensure(model, **kwargs):
        instance, outcome = ensure_record(model, region=region, actor=actor, **kwargs)
        tally(counts, "exhibition_records", outcome)
        return instance

    data = {k: v for k, v in record.data.items() if k != "title"}
    exhibition = ensure(Exhibition, lookup={"region": region, "title": record.data["title"]}, data=data)
    showcases = [
        ensure(
            Showcase,
            lookup={"exhibition": exhibition, "title": showcase.title},
            data={
                "translations": {"title": {"en": showcase.title_en}},
                "sector": showcase.sector,
                "order": order,
                "is_sample": showcase.is_sample,
            },
        )
        for order, showcase in enumerate(record.showcases)
    ]
    for stop_record in record.stops:
        site = None
        if stop_record.site_name:
            site = Site.objects.filter(region=region, name__icontains=stop_record.site_name).first()
        stop = ensure(
            ExhibitionStop,
            lookup={"exhibition": exhibition, "venue": stop_record.venue},
            data={
                "occasion": stop_record.occasion,
                "period": stop_record.period,
                "site": site,
                "visitors": stop_record.visitors,
                "visitors_is_sample": stop_record.visitors_is_sample,
                "voting_open": stop_record.voting_open,
                "source": stop_record.source,
                "is_sample": stop_record.is_sample,
            },
        )
        if not stop.votes.exists():
            votes = stop_record.sample_votes
            ShowcaseVote.objects.bulk_create(
                ShowcaseVote(stop=stop, showcase=showcase, voter=f"sample-{stop.pk}-{showcase.pk}-{n}", is_sample=True)
                for showcase, count in zip(showcases, votes, strict=True)
                for n in range(count)
            )
            counts["sample_votes_created"] += sum(votes)
