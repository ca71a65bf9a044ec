"""Votes on the touring exhibition's showcases: one per visitor per stop, and a limit per client
so that one machine cannot flood the statistics."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction

from inducult.heritage.models import ExhibitionStop, Showcase, ShowcaseVote

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
