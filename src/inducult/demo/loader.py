"""Loading the Karlovy Vary demo region: the order in which each app's own ``demo.py`` writes the
demo's data, and the summary of what was written.

Each app's loader writes its records through its business actions (or validated and audited, where
a record has none), so the trail shows each; the data they are given is this app's (``records``,
``strategy_records``, ``sample_history`` …). Every loader is idempotent: it finds its records again by
a stable key and writes only what differs, so a second run writes no rows and no audit entries.
Records the coordinator added beside the demo's are left alone.
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.db import transaction

from inducult.actionplan.demo import load_action_plan
from inducult.cooperation.demo import load_cooperation
from inducult.core.demo import CREATED, UPDATED
from inducult.demo import (
    actionplan_records,
    cooperation_records,
    event_records,
    exhibition_records,
    practice_records,
    records,
    sample_history,
    site_records,
    strategy_records,
)
from inducult.demo.summary import Summary
from inducult.engagement.demo import load_real_engagements, load_sample_engagements
from inducult.heritage.demo import load_events, load_exhibition, load_sites
from inducult.network.demo import load_organisations, load_people
from inducult.practices.demo import load_practices
from inducult.regions.demo import ensure_region
from inducult.strategy.demo import load_sample_deliverables, load_strategy
from inducult.tours.demo import load_tour_starts


def _written(counts: dict[str, int]) -> tuple[int, int]:
    """Created and updated records in a loader's counts ("created", "calls_created", …)."""
    return tuple(sum(v for k, v in counts.items() if k.rsplit("_", 1)[-1] == word) for word in ("created", "updated"))


@transaction.atomic
def load_demo(*, actor=None, today: datetime.date | None = None) -> Summary:
    """Load the demo region, its registry, strategy, heritage, tours, action plan, practices,
    cooperations and sample history, in that order. Everything or nothing: a failure half-way
    leaves the database as it was.

    ``today`` (default: today in the region's time zone) decides which sample engagements are held
    and which planned; it may be earlier than the real date (tests pin it), never later, since a
    held engagement cannot lie in the future."""
    region, outcome = ensure_region(records.REGION, actor=actor)
    real_today = region.today()
    if today is None:
        today = real_today
    elif today > real_today:
        raise ValueError(f"today={today.isoformat()} is after the real date {real_today.isoformat()}")
    # Every loader writes in the region as the actor, and counts what it wrote (see demo.summary).
    counts: Counter[str] = Counter()
    shared = {"region": region, "actor": actor, "counts": counts}
    organisations = load_organisations(records=records.organisation_records(), **shared)
    load_people(records=records.sample_people(), organisations=organisations, **shared)
    version = load_strategy(record=strategy_records.RECORD, **shared)
    load_real_engagements(records=strategy_records.REAL_ENGAGEMENTS, **shared)
    load_sites(records=site_records.site_records(), organisations=organisations, **shared)
    festivals = (event_records.SEPTEMBER_2018, event_records.SAMPLE_FESTIVAL)
    load_events(festivals=festivals, events=event_records.sample_events(region.tz), **shared)
    load_exhibition(record=exhibition_records.exhibition(), **shared)
    load_tour_starts(records=site_records.tour_starts(), **shared)
    plan = load_action_plan(
        region=region, organisations=organisations, record=actionplan_records.plan(today), actor=actor, today=today
    )
    practices = load_practices(
        region=region,
        organisations=organisations,
        records=practice_records.KARLOVY_VARY,
        partner_region=practice_records.PARTNER_REGION,
        partner_records=(practice_records.PARTNER,),
        actor=actor,
    )
    cooperation = load_cooperation(
        region=region,
        organisations=organisations,
        records=cooperation_records.COOPERATIONS,
        partners={cooperation_records.DESIGNERS_KEY: cooperation_records.DESIGNERS},
        titles=cooperation_records.TITLES,
        actor=actor,
        today=today,
    )
    load_sample_engagements(
        records=sample_history.sample_engagements(today),
        source=sample_history.SOURCE,
        topics=sample_history.TOPICS,
        goals={goal.code: goal for goal in version.goals.all()},
        organisations=organisations,
        today=today,
        **shared,
    )
    load_sample_deliverables(
        version=version, records=sample_history.DELIVERABLES, source=sample_history.DELIVERABLE_SOURCE, **shared
    )
    summary = Summary(region_created=outcome == CREATED, region_updated=outcome == UPDATED, **counts)
    summary.action_plan_created, summary.action_plan_updated = _written(plan)
    summary.practices_created, summary.practices_updated = _written(practices)
    summary.cooperation_created, summary.cooperation_updated = _written(cooperation)
    return summary
