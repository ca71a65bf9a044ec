"""Strategy versions: actualisation as a deep copy, editing the newest version, and the difference
between two versions.

Actualising copies the version's vision, notes, goals, milestones, their goal links and their rules
(count and deliverable rules). Deliverables are not copied: a deliverable is dated evidence that a
rule of *that* version was met, a fact of the past, and it stays with the rule it was recorded
under. Years before the actualisation's ``valid_from`` are judged by the version then in force.

Only the newest version of a strategy may be edited (goals, milestones, rules). Older versions
have been in force and are part of the history that reports and comparisons rely on; changing them
would rewrite what the coordinator was measured against. The newest version may already be in
force: correcting it is allowed, and every edit is audited with its before and after.

``snapshot`` reads a version into plain frozen dataclasses; ``diff_versions`` compares two such
snapshots and is pure (no database, no translation): goals and milestones are matched by code.
``describe_rule`` renders a rule for people ("≥ 5 bilateral meetings a year, 2021 and later").
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.versioning import update_if_version, version_field
from inducult.engagement.enums import EngagementKind
from inducult.network.enums import OrganisationKind
from inducult.strategy.models import (
    CountRule,
    Deliverable,
    DeliverableRule,
    Milestone,
    StrategicGoal,
    StrategyVersion,
)

GOAL_FIELDS = ("code", "title", "description", "order", "translations", "source")
MILESTONE_FIELDS = (
    "code",
    "title",
    "description",
    "first_year",
    "last_year",
    "is_standing_target",
    "order",
    "translations",
    "source",
)
COUNT_RULE_FIELDS = ("order", "kinds", "minimum", "first_year", "last_year", "organisation_kind", "topic")
DELIVERABLE_RULE_FIELDS = ("key", "title", "due_date", "order", "translations", "history_is_sample")


class VersionNotEditable(ValidationError):
    """Only the newest version of a strategy can be changed."""


# ----------------------------------------------------------------------------------------------
# Snapshots and the pure difference


@dataclass(frozen=True, order=True)
class CountRuleSnapshot:
    kinds: tuple[str, ...]
    minimum: int
    first_year: int
    last_year: int | None
    organisation_kind: str = ""
    topic: str = ""


@dataclass(frozen=True, order=True)
class DeliverableRuleSnapshot:
    key: str
    title: str
    due_date: datetime.date


RuleSnapshot = CountRuleSnapshot | DeliverableRuleSnapshot


@dataclass(frozen=True)
class GoalSnapshot:
    code: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class MilestoneSnapshot:
    code: str
    title: str
    description: str = ""
    first_year: int = 0
    last_year: int | None = None
    is_standing_target: bool = False
    goals: tuple[str, ...] = ()  # goal codes, sorted
    rules: tuple[RuleSnapshot, ...] = ()  # count rules first, each group sorted


@dataclass(frozen=True)
class VersionSnapshot:
    label: str
    valid_from: datetime.date
    vision: str
    goals: tuple[GoalSnapshot, ...] = ()
    milestones: tuple[MilestoneSnapshot, ...] = ()


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class ItemChange:
    """A goal or milestone added, removed or changed; ``fields`` lists what differs (for added and
    removed items: every field, with None on the missing side)."""

    kind: str  # "goal" or "milestone"
    code: str
    change: str  # "added", "removed" or "changed"
    title: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class VersionDiff:
    a: VersionSnapshot
    b: VersionSnapshot
    version_fields: tuple[FieldChange, ...] = ()
    goals: tuple[ItemChange, ...] = ()
    milestones: tuple[ItemChange, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.version_fields or self.goals or self.milestones)

    def counts(self) -> dict[str, int]:
        result = {"added": 0, "removed": 0, "changed": 0}
        for item in (*self.goals, *self.milestones):
            result[item.change] += 1
        return result


_GOAL_COMPARED = ("title", "description")
_MILESTONE_COMPARED = ("title", "description", "first_year", "last_year", "is_standing_target", "goals", "rules")


def _fields(before, after, names) -> tuple[FieldChange, ...]:
    changes = []
    for name in names:
        old = getattr(before, name) if before is not None else None
        new = getattr(after, name) if after is not None else None
        if old != new:
            changes.append(FieldChange(name, old, new))
    return tuple(changes)


def _compare(kind: str, old_items, new_items, names) -> tuple[ItemChange, ...]:
    old = {item.code: item for item in old_items}
    new = {item.code: item for item in new_items}
    changes = []
    # The order of the newer version, then what it dropped, in the older version's order.
    for code in [*new, *(c for c in old if c not in new)]:
        before, after = old.get(code), new.get(code)
        if before is None:
            changes.append(ItemChange(kind, code, "added", after.title, _fields(None, after, names)))
        elif after is None:
            changes.append(ItemChange(kind, code, "removed", before.title, _fields(before, None, names)))
        else:
            fields = _fields(before, after, names)
            if fields:
                changes.append(ItemChange(kind, code, "changed", after.title, fields))
    return tuple(changes)


def diff_versions(a: VersionSnapshot, b: VersionSnapshot) -> VersionDiff:
    """What changed from ``a`` to ``b``: goals and milestones matched by code. Pure."""
    return VersionDiff(
        a=a,
        b=b,
        version_fields=_fields(a, b, ("vision",)),
        goals=_compare("goal", a.goals, b.goals, _GOAL_COMPARED),
        milestones=_compare("milestone", a.milestones, b.milestones, _MILESTONE_COMPARED),
    )


def rule_snapshot(rule: CountRule | DeliverableRule) -> RuleSnapshot:
    if isinstance(rule, CountRule):
        return CountRuleSnapshot(
            kinds=tuple(sorted(rule.kinds)),
            minimum=rule.minimum,
            first_year=rule.first_year,
            last_year=rule.last_year,
            organisation_kind=rule.organisation_kind or "",
            topic=rule.topic.name if rule.topic_id else "",
        )
    return DeliverableRuleSnapshot(key=rule.key, title=rule.title, due_date=rule.due_date)


def snapshot(version: StrategyVersion) -> VersionSnapshot:
    """The version as plain data (three queries whatever its size)."""
    goals = tuple(GoalSnapshot(g.code, g.title, g.description) for g in version.goals.all())
    milestones = []
    query = version.milestones.prefetch_related("goals", "count_rules__topic", "deliverable_rules")
    for m in query:
        count_rules = sorted(rule_snapshot(r) for r in m.count_rules.all())
        deliverable_rules = sorted(rule_snapshot(r) for r in m.deliverable_rules.all())
        milestones.append(
            MilestoneSnapshot(
                code=m.code,
                title=m.title,
                description=m.description,
                first_year=m.first_year,
                last_year=m.last_year,
                is_standing_target=m.is_standing_target,
                goals=tuple(sorted(g.code for g in m.goals.all())),
                rules=(*count_rules, *deliverable_rules),
            )
        )
    return VersionSnapshot(version.label, version.valid_from, version.vision, goals, tuple(milestones))


def _years(first: int, last: int | None) -> str:
    if last is None:
        return _("%(year)s and later") % {"year": first}
    if last == first:
        return _("in %(year)s") % {"year": first}
    return _("%(first)s–%(last)s") % {"first": first, "last": last}


def describe_rule(rule: RuleSnapshot | CountRule | DeliverableRule) -> str:
    """A rule as a sentence: "≥ 5 × Bilateral meeting a year, 2021 and later"."""
    # A stored rule's title in the reader's language; a snapshot (of a comparison) keeps the original.
    title = rule.localized("title") if isinstance(rule, DeliverableRule) else None
    if isinstance(rule, CountRule | DeliverableRule):
        rule = rule_snapshot(rule)
    if isinstance(rule, DeliverableRuleSnapshot):
        return _("Deliverable “%(title)s” (%(key)s) due %(due)s") % {
            "title": title or rule.title,
            "key": rule.key,
            "due": rule.due_date.isoformat(),
        }
    labels = dict(EngagementKind.choices)
    kinds = _(" or ").join(str(labels.get(k, k)) for k in rule.kinds)
    text = _("≥ %(minimum)s × %(kinds)s a year, %(years)s") % {
        "minimum": rule.minimum,
        "kinds": kinds,
        "years": _years(rule.first_year, rule.last_year),
    }
    if rule.organisation_kind:
        org = dict(OrganisationKind.choices).get(rule.organisation_kind, rule.organisation_kind)
        text += _("; with a participant of kind %(kind)s") % {"kind": org}
    if rule.topic:
        text += _("; on topic “%(topic)s”") % {"topic": rule.topic}
    return text


def rule_description(rule) -> str:
    """What a rule asks for, in the words the version comparison uses ("≥ 5 × Bilateral meeting a
    year, 2021 and later"); a deliverable by its title, since its due date has a sentence of its own."""
    if isinstance(rule, DeliverableRule):
        return rule.localized("title")
    return describe_rule(rule)


def display_value(name: str, value: Any) -> str:
    """A snapshot field for the comparison page."""
    if value is None or value == "" or value == ():
        return "—"
    if name == "rules":
        return "\n".join(describe_rule(rule) for rule in value)
    if name == "goals":
        return ", ".join(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


# ----------------------------------------------------------------------------------------------
# Actualisation


def newest_version(strategy) -> StrategyVersion | None:
    return strategy.versions.order_by("-valid_from").first()


def is_editable(version: StrategyVersion) -> bool:
    newest = newest_version(version.strategy)
    return newest is not None and newest.pk == version.pk


def _require_editable(version: StrategyVersion) -> None:
    if not is_editable(version):
        raise VersionNotEditable(
            _("Only the newest version of a strategy can be changed; %(label)s has been followed by another.")
            % {"label": version.label}
        )


def _values(instance, fields) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in fields}


@transaction.atomic
def create_actualisation(
    *, version: StrategyVersion, actor, label: str, valid_from: datetime.date, notes: str | None = None
) -> StrategyVersion:
    """A new version of ``version``'s strategy in force from ``valid_from``: a deep copy of its
    vision, goals, milestones, goal links and rules (not its deliverables). One audit entry records
    the copy. ``valid_from`` must come after every existing version's."""
    label = (label or "").strip()
    errors = {}
    if not label:
        errors["label"] = _("Give the actualisation a label, e.g. “2021 actualisation”.")
    newest = newest_version(version.strategy)
    if valid_from is None:
        errors["valid_from"] = _("Give the day the actualisation comes into force.")
    elif valid_from <= newest.valid_from:
        errors["valid_from"] = _("An actualisation must come into force after %(date)s (%(label)s).") % {
            "date": newest.valid_from.isoformat(),
            "label": newest.label,
        }
    if errors:
        raise ValidationError(errors)
    copy = StrategyVersion(
        strategy=version.strategy,
        label=label,
        valid_from=valid_from,
        vision=version.vision,
        based_on=version,
        notes=version.notes if notes is None else notes,
        translations={k: v for k, v in version.translations.items() if k != "label"},
        source=version.source,
    )
    copy.full_clean()
    copy.save()
    goals = {}
    for goal in version.goals.all():
        goals[goal.pk] = StrategicGoal.objects.create(version=copy, **_values(goal, GOAL_FIELDS))
    rules = 0
    milestones = version.milestones.prefetch_related("goals", "count_rules", "deliverable_rules")
    for milestone in milestones:
        new = Milestone.objects.create(version=copy, **_values(milestone, MILESTONE_FIELDS))
        new.goals.set([goals[g.pk] for g in milestone.goals.all()])
        for rule in milestone.count_rules.all():
            CountRule.objects.create(milestone=new, **_values(rule, COUNT_RULE_FIELDS))
            rules += 1
        for rule in milestone.deliverable_rules.all():
            DeliverableRule.objects.create(milestone=new, **_values(rule, DELIVERABLE_RULE_FIELDS))
            rules += 1
    audit.record_created(
        actor=actor,
        instance=copy,
        region=version.strategy.region,
        summary=_("Actualisation of %(label)s: %(goals)d goals, %(milestones)d milestones, %(rules)d rules copied")
        % {"label": version.label, "goals": len(goals), "milestones": len(milestones), "rules": rules},
        values={"label": copy.label, "valid_from": copy.valid_from, "based_on": version},
    )
    return copy


# ----------------------------------------------------------------------------------------------
# Editing the newest version


def _rule_labels(milestone: Milestone) -> list[str]:
    return [describe_rule(r) for r in milestone.rules]


def _save(
    instance,
    *,
    actor,
    data: dict[str, Any],
    action: AuditAction,
    links: dict | None = None,
    version: int | None = None,
) -> None:
    """Apply ``data`` (and many-to-many ``links``), validate, save and audit before/after. A change
    of a stored record is written only if it is still at ``version`` (``core.versioning``: else
    `EditConflict`, nothing written)."""
    links = links or {}
    creating = instance.pk is None
    if not creating and version is None:
        raise TypeError("A change of a stored record needs the version the edit began at.")
    before = {} if creating else audit.snapshot(instance, data)
    link_before = {} if creating else {n: sorted(o.code for o in getattr(instance, n).all()) for n in links}
    for name, value in data.items():
        setattr(instance, name, value)
    instance.full_clean()
    if isinstance(instance, Milestone) and "goals" in links:
        instance.check_goals(links["goals"])
    if creating:
        instance.save()
    else:
        update_if_version(instance, version=version, values={name: getattr(instance, name) for name in data})
        instance.refresh_from_db(fields=[version_field(type(instance))])
    for name, related in links.items():
        getattr(instance, name).set(related)
    after = {**audit.snapshot(instance, data), **{n: sorted(o.code for o in r) for n, r in links.items()}}
    changes = audit.created(after) if creating else audit.diff({**before, **link_before}, after)
    if changes or creating:
        audit.record(actor=actor, action=action, instance=instance, changes=changes)


@transaction.atomic
def update_goal(*, goal: StrategicGoal, actor, data: dict[str, Any], version: int) -> StrategicGoal:
    """Change a goal of the newest version, if it is still at ``version`` (else `EditConflict`)."""
    _require_editable(goal.version)
    _save(goal, actor=actor, data=data, action=AuditAction.CHANGE, version=version)
    return goal


@transaction.atomic
def add_milestone(*, version: StrategyVersion, actor, data: dict[str, Any], goals=()) -> Milestone:
    _require_editable(version)
    milestone = Milestone(version=version)
    _save(milestone, actor=actor, data=data, action=AuditAction.CREATE, links={"goals": list(goals)})
    return milestone


@transaction.atomic
def update_milestone(*, milestone: Milestone, actor, data: dict[str, Any], version: int, goals=None) -> Milestone:
    """Change a milestone of the newest version (and the goals it serves), if it is still at
    ``version`` (else `EditConflict`): a change of its goals alone moves its version on too."""
    _require_editable(milestone.version)
    links = {} if goals is None else {"goals": list(goals)}
    _save(milestone, actor=actor, data=data, action=AuditAction.CHANGE, links=links, version=version)
    return milestone


def _refuse_if_evidence(deliverables) -> None:
    count = deliverables.count()
    if count:
        raise ValidationError(
            ngettext(
                "%(count)d deliverable is recorded as evidence here; remove it first or keep the rule.",
                "%(count)d deliverables are recorded as evidence here; remove them first or keep the rule.",
                count,
            )
            % {"count": count}
        )


@transaction.atomic
def remove_milestone(*, milestone: Milestone, actor) -> None:
    """Delete a milestone of the newest version with its rules; refused while a deliverable (evidence)
    is recorded for one of them, as deleting the milestone would delete the evidence too."""
    _require_editable(milestone.version)
    _refuse_if_evidence(Deliverable.objects.filter(rule__milestone=milestone))
    region = milestone.region
    before = {"code": milestone.code, "title": milestone.title, "rules": _rule_labels(milestone)}
    audit.record_deleted(actor=actor, instance=milestone, region=region, values=before)
    milestone.delete()


@transaction.atomic
def save_rule(
    *, rule: CountRule | DeliverableRule, actor, data: dict[str, Any], version: int | None = None
) -> CountRule | DeliverableRule:
    """Create (``rule.pk`` None) or change a count or deliverable rule of the newest version; a
    change only if the rule is still at ``version`` (else `EditConflict`)."""
    _require_editable(rule.milestone.version)
    if rule.pk is None and "order" not in data:
        siblings = type(rule).objects.filter(milestone=rule.milestone)
        data = {**data, "order": max((r.order for r in siblings), default=0) + 1}
    action = AuditAction.CREATE if rule.pk is None else AuditAction.CHANGE
    _save(rule, actor=actor, data=data, action=action, version=version)
    return rule


@transaction.atomic
def remove_rule(*, rule: CountRule | DeliverableRule, actor) -> None:
    _require_editable(rule.milestone.version)
    if isinstance(rule, DeliverableRule):
        _refuse_if_evidence(rule.deliverables.all())
    audit.record_deleted(
        actor=actor,
        instance=rule,
        region=rule.region,
        summary=str(rule.milestone)[:200],
        values={"rule": describe_rule(rule)},
    )
    rule.delete()
