"""Votes on the touring exhibition's showcases: one per visitor per stop, and a limit per client
so that one machine cannot flood the statistics."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count

from inducult.heritage.domain.exhibition_stats import by_stop, shares
from inducult.heritage.models import Exhibition, ExhibitionStop, Showcase, ShowcaseVote

VOTES_PER_CLIENT = 30  # votes from one address …
VOTE_WINDOW_SECONDS = 600  # … in ten minutes: enough for a school class behind one address


class VoteRefused(Exception):
    """The vote was not counted; ``reason`` says why (already voted, too many votes, closed)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def voter_key(token: str) -> str:
    """The stored identity of a visitor: a keyed hash of their cookie, never the cookie itself."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{token}".encode()).hexdigest()


def _within_limit(client: str) -> bool:
    key = f"heritage:votes:{hashlib.sha256(client.encode()).hexdigest()[:32]}"
    cache.add(key, 0, VOTE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, VOTE_WINDOW_SECONDS)
        count = 1
    return count <= VOTES_PER_CLIENT


def cast_vote(*, stop: ExhibitionStop, showcase: Showcase, token: str, client: str) -> ShowcaseVote:
    if not stop.voting_open:
        raise VoteRefused("closed")
    if showcase.exhibition_id != stop.exhibition_id:
        raise VoteRefused("foreign")
    if not _within_limit(client):
        raise VoteRefused("too_many")
    try:
        with transaction.atomic():
            return ShowcaseVote.objects.create(stop=stop, showcase=showcase, voter=voter_key(token))
    except IntegrityError:
        raise VoteRefused("already") from None


def statistics(exhibition: Exhibition) -> tuple[list, dict]:
    """The votes of the whole exhibition (shares per showcase) and per stop, from the stored votes."""
    showcases = list(exhibition.showcases.all())
    ids = [s.pk for s in showcases]
    pairs = list(ShowcaseVote.objects.filter(stop__exhibition=exhibition).values_list("stop_id", "showcase_id"))
    return shares(ids, [showcase for _stop, showcase in pairs]), by_stop(ids, pairs)


def sample_votes(exhibition: Exhibition) -> Counter[tuple[int, int]]:
    """How many of the stored votes are made-up samples, by (stop id, showcase id)."""
    rows = (
        ShowcaseVote.objects.filter(stop__exhibition=exhibition, is_sample=True)
        .values_list("stop_id", "showcase_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return Counter({(stop, showcase): n for stop, showcase, n in rows})


def _samples_of(samples: Counter[tuple[int, int]], *, stop: int | None = None, showcase: int | None = None) -> int:
    return sum(
        n for (a, b), n in samples.items() if (stop is None or a == stop) and (showcase is None or b == showcase)
    )


def exhibition_record(exhibition: Exhibition) -> dict[str, Any]:
    """One exhibition as exhibitions.json gives it: showcases, stops with visitors and votes, and
    which figures are samples."""
    overall, per_stop = statistics(exhibition)
    samples = sample_votes(exhibition)
    return {
        "id": exhibition.pk,
        "title": exhibition.title,
        # Other languages of the titles (a reader without theirs falls back to English; decision 0018).
        "title_translations": exhibition.translations_of("title"),
        "is_sample": exhibition.is_sample,
        "source": exhibition.source,
        "showcases": [
            {
                "id": s.pk,
                "title": s.title,
                "title_translations": s.translations_of("title"),
                "sector": s.sector,
                "lender": s.lender.name if s.lender else None,
                "is_sample": s.is_sample,
            }
            for s in exhibition.showcases.all()
        ],
        "stops": [
            {
                "id": stop.pk,
                "venue": stop.venue,
                "occasion": stop.occasion,
                "starts_on": stop.starts_on.isoformat() if stop.starts_on else None,
                "ends_on": stop.ends_on.isoformat() if stop.ends_on else None,
                "period": stop.period,
                "visitors": stop.visitors,
                "visitors_is_sample": stop.visitors_is_sample,
                "votes": [
                    {
                        "showcase_id": s.showcase_id,
                        "votes": s.votes,
                        "sample_votes": samples[stop.pk, s.showcase_id],
                    }
                    for s in per_stop.get(stop.pk, [])
                ],
                "source": stop.source,
                "is_sample": stop.is_sample,
                "sample_votes": _samples_of(samples, stop=stop.pk),
            }
            for stop in exhibition.stops.all()
        ],
        "votes": [
            {
                "showcase_id": s.showcase_id,
                "votes": s.votes,
                "percent": s.percent,
                "sample_votes": _samples_of(samples, showcase=s.showcase_id),
            }
            for s in overall
        ],
        "votes_include_samples": bool(samples),
        "sample_votes": sum(samples.values()),
    }
