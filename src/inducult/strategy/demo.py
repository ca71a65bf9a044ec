"""Loading a demo's strategy (its version, goals, milestones with their rules, standing targets) and
sample deliverables, validated and audited so the trail shows each record.

The demo app holds the data and passes it in as the records below. Idempotent: the strategy is found
again by its title, its version by the day it is valid from, goals and milestones by code, count rules
by their position in the milestone, deliverable rules by key, sample deliverables by rule and title; a
record is only written when one of its fields or links differs, so a second run writes nothing.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from inducult.core import audit
from inducult.core.demo import ensure_record, tally
from inducult.core.translated import TRANSLATED_FROM
from inducult.strategy.models import (
    CountRule,
    Deliverable,
    DeliverableRule,
    Milestone,
    StrategicGoal,
    Strategy,
    StrategyVersion,
)


@dataclass(frozen=True)
class GoalRecord:
    code: str
    title: str  # the goal's main clause
    description: str  # the goal as the strategy writes it
    title_en: str
    description_en: str
    source: str
    # Our German translation of the original, by field ({"title": …, "description": …}).
    de: Mapping[str, str] | None = None


@dataclass(frozen=True)
class CountRuleRecord:
    kinds: tuple[str, ...]
    minimum: int
    first_year: int
    last_year: int | None
    organisation_kind: str = ""


@dataclass(frozen=True)
class DeliverableRuleRecord:
    key: str
    title: str
    title_en: str
    due_date: datetime.date
    title_de: str = ""  # our German translation


@dataclass(frozen=True)
class MilestoneRecord:
    code: str
    title: str
    description: str
    title_en: str
    description_en: str
    goals: tuple[str, ...]  # codes of GOALS, exactly as the milestone names them
    first_year: int
    last_year: int | None
    rules: tuple[CountRuleRecord | DeliverableRuleRecord, ...]
    source: str
    is_standing_target: bool = False
    de: Mapping[str, str] | None = None  # our German translation, by field


@dataclass(frozen=True)
class StrategyRecord:
    strategy: Mapping[str, Any]  # the strategy's fields; "title" is the key it is found again by
    version: Mapping[str, Any]  # the version's fields; "valid_from" is its key within the strategy
    goals: tuple[GoalRecord, ...]  # in their order
    milestones: tuple[MilestoneRecord, ...]  # milestones, then standing targets, in their order
    # The language of the original texts: what our German translations were made from.
    original_language: str = "cs"


@dataclass(frozen=True)
class SampleDeliverable:
    rule_key: str
    dated: datetime.date
    title: str
    evidence_url: str


def translations(english: Mapping[str, str], german: Mapping[str, str] | None, original: str) -> dict:
    """The ``translations`` of a record: the source's English, our German marked as ours
    (docs/decisions/0018-translation-fallback-and-marks.md)."""
    result: dict[str, dict[str, str]] = {field: {"en": text} for field, text in english.items() if text}
    for field, text in (german or {}).items():
        if text:
            result.setdefault(field, {})["de"] = text
    if any(text for text in (german or {}).values()):
        result[TRANSLATED_FROM] = {"de": original}
    return result


def _goal_data(record: GoalRecord, order: int, original: str) -> dict:
    return {
        "title": record.title,
        "description": record.description,
        "order": order,
        "translations": translations(
            {"title": record.title_en, "description": record.description_en}, record.de, original
        ),
        "source": record.source,
    }


def _milestone_data(record: MilestoneRecord, order: int, original: str) -> dict:
    return {
        "title": record.title,
        "description": record.description,
        "first_year": record.first_year,
        "last_year": record.last_year,
        "is_standing_target": record.is_standing_target,
        "order": order,
        "translations": translations(
            {"title": record.title_en, "description": record.description_en}, record.de, original
        ),
        "source": record.source,
    }


def _count_rule_data(record: CountRuleRecord) -> dict:
    return {
        "kinds": list(record.kinds),
        "minimum": record.minimum,
        "first_year": record.first_year,
        "last_year": record.last_year,
        "organisation_kind": record.organisation_kind,
        "topic": None,
    }


def _deliverable_rule_data(record: DeliverableRuleRecord, order: int, original: str) -> dict:
    return {
        "title": record.title,
        "due_date": record.due_date,
        "order": order,
        "translations": translations({"title": record.title_en}, {"title": record.title_de}, original),
    }


def load_strategy(*, region, record: StrategyRecord, actor=None, counts: Counter[str]) -> StrategyVersion:
    """The strategy, its version, goals, milestones with their rules, and standing targets; returns
    the version. Counts ``goals``, ``milestones``, ``standing_targets`` and, for every record written,
    ``strategy_records_created`` or ``strategy_records_updated``."""

    def ensure(model, **kwargs):
        instance, outcome = ensure_record(model, region=region, actor=actor, **kwargs)
        tally(counts, "strategy_records", outcome)
        return instance

    data = dict(record.strategy)
    strategy = ensure(Strategy, lookup={"region": region, "title": data.pop("title")}, data=data)
    data = dict(record.version)
    version = ensure(StrategyVersion, lookup={"strategy": strategy, "valid_from": data.pop("valid_from")}, data=data)
    goals: dict[str, StrategicGoal] = {}
    for order, goal in enumerate(record.goals, start=1):
        goals[goal.code] = ensure(
            StrategicGoal,
            lookup={"version": version, "code": goal.code},
            data=_goal_data(goal, order, record.original_language),
        )
    counts["goals"] += len(goals)
    for order, item in enumerate(record.milestones, start=1):
        milestone = ensure(
            Milestone,
            lookup={"version": version, "code": item.code},
            data=_milestone_data(item, order, record.original_language),
            links={"goals": [goals[code] for code in item.goals]},
        )
        count_rules = [r for r in item.rules if isinstance(r, CountRuleRecord)]
        deliverable_rules = [r for r in item.rules if isinstance(r, DeliverableRuleRecord)]
        for position, rule in enumerate(count_rules, start=1):
            ensure(CountRule, lookup={"milestone": milestone, "order": position}, data=_count_rule_data(rule))
        for position, rule in enumerate(deliverable_rules, start=1):
            ensure(
                DeliverableRule,
                lookup={"milestone": milestone, "key": rule.key},
                data=_deliverable_rule_data(rule, position, record.original_language),
            )
        counts["standing_targets" if item.is_standing_target else "milestones"] += 1
    return version


def load_sample_deliverables(
    *,
    region,
    version: StrategyVersion,
    records: Iterable[SampleDeliverable],
    source: str,
    actor=None,
    counts: Counter[str],
) -> None:
    """Made-up deliverables for the version's deliverable rules, marked as samples with ``source``;
    one already there (by rule and title) is left as it is. Counts ``sample_deliverables`` and
    ``sample_deliverables_created``."""
    rules = {r.key: r for r in DeliverableRule.objects.filter(milestone__version=version)}
    # The sample history decides which rules were delivered and which not: every rule's record is a sample.
    for rule in rules.values():
        ensure_record(
            DeliverableRule, lookup={"pk": rule.pk}, data={"history_is_sample": True}, region=region, actor=actor
        )
    for record in records:
        rule = rules[record.rule_key]
        counts["sample_deliverables"] += 1
        if Deliverable.objects.filter(rule=rule, is_sample=True, title=record.title).exists():
            continue
        deliverable = Deliverable(
            rule=rule,
            title=record.title,
            dated=record.dated,
            evidence_url=record.evidence_url,
            source=source,
            is_sample=True,
        )
        deliverable.full_clean()
        deliverable.save()
        audit.record_created(
            actor=actor,
            instance=deliverable,
            region=region,
            values=audit.snapshot(deliverable, ("title", "dated", "evidence_url", "is_sample")),
        )
        counts["sample_deliverables_created"] += 1
