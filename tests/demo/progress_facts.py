"""Rows → facts for the pure progress engine, for tests only (the progress service is written
elsewhere; these tests check the demo data against the engine directly)."""

from __future__ import annotations

import datetime
import zoneinfo

from inducult.engagement.models import Engagement
from inducult.strategy.domain import progress
from inducult.strategy.models import Deliverable, Milestone

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def engagement_facts(region) -> list[progress.EngagementFact]:
    query = Engagement.objects.filter(region=region).prefetch_related("participants__organisation", "topics")
    return [
        progress.EngagementFact(
            id=e.pk,
            kind=e.kind,
            starts_at=e.starts_at,
            held=e.status == "held",
            organisation_kinds={p.organisation.kind for p in e.participants.all() if p.organisation_id},
            topics={t.name for t in e.topics.all()},
        )
        for e in query
    ]


def deliverable_facts(version) -> list[progress.DeliverableFact]:
    return [
        progress.DeliverableFact(id=d.pk, rule_key=d.rule.key, dated=d.dated, evidence=d.evidence)
        for d in Deliverable.objects.filter(rule__milestone__version=version).select_related("rule")
    ]


def engine_rules(milestone: Milestone) -> list:
    rules: list = [
        progress.CountRule(
            kinds=rule.kinds,
            minimum=rule.minimum,
            first_year=rule.first_year,
            last_year=rule.last_year,
            organisation_kind=rule.organisation_kind or None,
            topic=rule.topic.name if rule.topic_id else None,
        )
        for rule in milestone.count_rules.all()
    ]
    rules += [progress.DeliverableRule(key=r.key, due=r.due_date) for r in milestone.deliverable_rules.all()]
    return rules


def statuses(version, *, year: int, now: datetime.datetime) -> dict[str, str]:
    """Every milestone's status in ``year`` as seen at ``now``: {"M1": "achieved", …}."""
    region = version.strategy.region
    facts = engagement_facts(region)
    documents = deliverable_facts(version)
    result = {}
    for milestone in version.milestones.prefetch_related("count_rules__topic", "deliverable_rules"):
        evaluated = progress.evaluate(engine_rules(milestone), facts, documents, year=year, tz=PRAGUE, now=now)
        result[milestone.code] = str(evaluated.status)
    return result
