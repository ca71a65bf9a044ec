"""The records of progress.json (``/open/<region>/progress.json``) and of the API's strategy progress
(``/api/v1/<region>/progress/``): one builder, so that both give the same figures and the same words.
Field names are a contract: add fields, never rename them. No engagement is named here.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import translation

from inducult.core import opendata
from inducult.strategy import models as sm
from inducult.strategy.domain.progress import Reason, Status, explain, explain_milestone
from inducult.strategy.services import progress as service
from inducult.strategy.services.reasons import reason_sentence, reason_translations

NOTES = [
    "Progress is computed, never stored: a count rule counts held engagements of its kinds in the calendar "
    "year of the region's time zone; a deliverable rule is met by a dated document with evidence.",
    "A milestone's status is the worst status of its rules that apply in the year (missed < at_risk < "
    "not_started < on_track < achieved); not_applicable if no rule applies.",
    "A milestone's target and count are the sums of the targets and counts of its rules that apply in the "
    "year (null if none applies); each rule carries its own target, count and status.",
    "sample_count says how many counted engagements are made-up samples for demonstration.",
    "reason says in one sentence (English; reason_translations in cs, en, de) why a rule or milestone has its "
    "status, and reason_facts gives the facts that decide it: basis (which clause decided: reached, pace, "
    "months_left, january, planned, short, year_over, not_yet, delivered, due_passed, due_soon, due_later, "
    "other_year), held, target, needed, days_left (to the deadline, null once passed), planned (planned "
    "engagements still ahead: they never count, but when they cover what is needed the rule is on_track) and "
    "projected. A milestone's reason is that of its first rule with the milestone's status.",
    "A deliverable rule's sample_count says how many of its recorded deliverables are made-up samples.",
    "includes_samples (of a rule, of a milestone) says that its count or status rests on made-up sample records: "
    "counted sample engagements, a sample deliverable, or a record of delivery (its absence included) that is "
    "a sample history.",
    "strategy_translations and version_label_translations give the strategy's title and the version's label "
    "in other languages (keyed by language), as title_translations does for each milestone.",
    "The strategy version is the one in force today for the current year and on 31 December for other years.",
]


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def reason_fields(reason: Reason | None) -> dict[str, Any]:
    """The reason of a status: one sentence (English, and in every language) and its facts."""
    if reason is None:
        return {"reason": None, "reason_translations": {}, "reason_facts": None}
    with translation.override("en"):
        sentence = reason_sentence(reason)
    return {
        "reason": sentence,
        "reason_translations": reason_translations(reason),
        "reason_facts": {
            "basis": reason.basis.value,
            "held": reason.held,
            "target": reason.target,
            "needed": reason.needed,
            "days_left": reason.days_left,
            "planned": reason.planned,
            "projected": reason.projected,
        },
    }


def rule_record(result: service.RuleResult) -> dict[str, Any]:
    progress = result.progress
    rule = result.rule
    reason = reason_fields(explain(progress))
    if isinstance(rule, sm.CountRule):
        return {
            "type": "count",
            "kinds": list(rule.kinds),
            "minimum": rule.minimum,
            "first_year": rule.first_year,
            "last_year": rule.last_year,
            "organisation_kind": rule.organisation_kind or None,
            "topic": rule.topic.name if rule.topic_id else None,
            "target": progress.target,
            "count": progress.count,
            "status": progress.status.value,
            "deadline": _iso(progress.deadline),
            "projected": progress.projected,
            "sample_count": result.sample_count,
            **reason,
            "includes_samples": result.includes_samples,
        }
    return {
        "type": "deliverable",
        "key": rule.key,
        "title": rule.title,
        "due": _iso(rule.due_date),
        "target": progress.target,
        "count": progress.count,
        "status": progress.status.value,
        "late": progress.late,
        **reason,
        "sample_count": result.sample_count,
        "includes_samples": result.includes_samples,
    }


def milestone_record(result: service.MilestoneResult) -> dict[str, Any]:
    milestone = result.milestone
    return {
        "code": milestone.code,
        "title": milestone.title,
        "title_translations": milestone.translations_of("title"),
        # Languages of title_translations that are the platform's own translation, not the strategy's
        # wording, each with the language it was made from (docs/decisions/0018).
        "translated_by_platform": milestone.translated_by_us(),
        "goal_codes": list(result.goal_codes),
        "is_standing_target": milestone.is_standing_target,
        "first_year": milestone.first_year,
        "last_year": milestone.last_year,
        "rules": [rule_record(r) for r in result.rules],
        "target": result.target,
        "count": result.count,
        "status": result.status.value,
        **reason_fields(explain_milestone(result.progress)),
        "includes_samples": result.includes_samples,
    }


def json_document(progress: service.RegionProgress, generated_at: datetime.datetime) -> dict[str, Any]:
    region = progress.region
    version = progress.version
    return {
        "region": {"slug": region.slug, "name": region.name, "country": region.country},
        "year": progress.year,
        "generated_at": generated_at.astimezone(datetime.UTC).isoformat(),
        "strategy": version.strategy.title if version else None,
        "version_label": version.label if version else None,
        # The strategy's title and the version's label in other languages, as the milestones' titles
        # (a reader without theirs falls back to English before the original; decision 0018).
        "strategy_translations": version.strategy.translations_of("title") if version else {},
        "version_label_translations": version.translations_of("label") if version else {},
        "version_valid_from": _iso(version.valid_from) if version else None,
        "statuses": [s.value for s in Status],
        "licence": opendata.LICENCE,
        "licence_url": opendata.LICENCE_URL,
        "source": version.source if version else "",
        "notes": NOTES,
        "milestones": [milestone_record(m) for m in progress.milestones],
    }
