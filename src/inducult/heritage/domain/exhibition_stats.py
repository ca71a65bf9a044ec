"""Which showcases interested visitors most: counts and shares of the votes, overall and per stop.
Pure: no Django imports; the views and open data hand in plain pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Share:
    showcase_id: int
    votes: int
    percent: float  # of the votes counted, 0 when there are none


def shares(showcase_ids: Sequence[int], votes: Iterable[int]) -> list[Share]:
    """Votes per showcase (every showcase listed, also those nobody chose), most chosen first, ties
    in the showcases' own order. Votes for a showcase not listed are an error, not silently dropped."""
    counts = Counter(votes)
    unknown = set(counts) - set(showcase_ids)
    if unknown:
        raise ValueError(f"votes for showcases not in the exhibition: {sorted(unknown)}")
    total = sum(counts.values())
    position = {pk: n for n, pk in enumerate(showcase_ids)}
    result = [Share(pk, counts[pk], round(100 * counts[pk] / total, 1) if total else 0.0) for pk in showcase_ids]
    return sorted(result, key=lambda s: (-s.votes, position[s.showcase_id]))


def by_stop(showcase_ids: Sequence[int], pairs: Iterable[tuple[int, int]]) -> dict[int, list[Share]]:
    """``pairs`` of (stop id, showcase id) → the shares at each stop that has votes."""
    per_stop: dict[int, list[int]] = {}
    for stop_id, showcase_id in pairs:
        per_stop.setdefault(stop_id, []).append(showcase_id)
    return {stop_id: shares(showcase_ids, votes) for stop_id, votes in per_stop.items()}
