"""Business actions on cooperation, and the facts the pure rules (``domain.pairs``) work on.

Each action validates, writes and audits in one transaction. An activity is written together with
its engagement, created through the engagement log's own business actions (with both organisations
as participants), so it is audited there too and counts toward the strategy. Cooperations and
activities carry a ``version``: an edit names the version it started from and is refused
(``EditConflict``, nothing written) when someone saved in between.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inducult.cooperation.domain import pairs
from inducult.cooperation.enums import ENGAGEMENT_KIND, PARTNER_B_KIND, ActivityType, CooperationKind
from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.versioning import update_if_version
from inducult.engagement.enums import EngagementStatus, Visibility
from inducult.engagement.models import Engagement
from inducult.engagement.services import engagements as log
from inducult.network.models import Organisation

COOPERATION_EDITABLE = ("note", "source", "is_sample")


# --- cooperations ------------------------------------------------------------------------------


@transaction.atomic
def create_cooperation(*, region, actor, data: Mapping[str, Any]) -> Cooperation:
    """Record a cooperation; refused (ValidationError, nothing written) for a pair of the wrong
    kinds, of another region, the same organisation twice or a pair already recorded that year."""
    cooperation = Cooperation(region=region, **data)
    cooperation.full_clean()
    cooperation.save()
    after = audit.snapshot(cooperation, Cooperation.AUDITED_FIELDS)
    audit.record_created(actor=actor, instance=cooperation, values=after)
    return cooperation


@transaction.atomic
def update_cooperation(*, cooperation: Cooperation, actor, data: Mapping[str, Any], version: int) -> Cooperation:
    """Change the note, source or sample flag. The pair, kind and school year stay: their activities
    (and engagements) belong to them, so a different pair is a new cooperation."""
    fixed = set(data) - set(COOPERATION_EDITABLE)
    if fixed:
        raise ValueError(f"not editable on a cooperation: {sorted(fixed)}")
    before = audit.snapshot(cooperation, Cooperation.AUDITED_FIELDS)
    for name, value in data.items():
        setattr(cooperation, name, value)
    cooperation.full_clean()
    update_if_version(
        cooperation, version=version, values={name: getattr(cooperation, name) for name in COOPERATION_EDITABLE}
    )
    cooperation.refresh_from_db()
    changes = audit.diff(before, audit.snapshot(cooperation, Cooperation.AUDITED_FIELDS))
    if changes:
        audit.record(actor=actor, action=AuditAction.CHANGE, instance=cooperation, changes=changes)
    return cooperation


# --- activities --------------------------------------------------------------------------------


def default_title(cooperation: Cooperation, activity_type: str) -> str:
    return f"{ActivityType(activity_type).label}: {cooperation.partner_a.name} – {cooperation.partner_b.name}"[:300]


def _roles(cooperation: Cooperation) -> tuple[str, str]:
    a = _("school") if cooperation.is_school else _("creative")
    return a, _("enterprise")


def _engagement_data(activity: CooperationActivity, *, status: str) -> dict[str, Any]:
    return {
        "kind": ENGAGEMENT_KIND[ActivityType(activity.type)].value,
        "status": status,
        "starts_at": activity.cooperation.region.start_of_day(activity.date),
        "date_only": True,
        "anonymous_head_count": activity.pupils,
        "source": activity.source,
        "is_sample": activity.is_sample,
    }


def _errors_on(error: ValidationError, mapping: Mapping[str, str]) -> ValidationError:
    """An engagement's refusal, with its fields renamed to the activity's (starts_at → date)."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError({mapping.get(name, name): messages for name, messages in error.error_dict.items()})


ENGAGEMENT_TO_ACTIVITY_FIELDS = {"starts_at": "date", "anonymous_head_count": "pupils", "kind": "type"}


@transaction.atomic
def add_activity(
    *,
    cooperation: Cooperation,
    actor,
    data: Mapping[str, Any],
    status: str = EngagementStatus.PLANNED,
    title: str = "",
    visibility: str = Visibility.INTERNAL,
    goals: Iterable = (),
    engagement: Engagement | None = None,
) -> CooperationActivity:
    """Record an activity of a cooperation together with its engagement.

    Without ``engagement``, one is created through the engagement log's business actions (kind from
    the activity type, ``status``, the date, the pupils as anonymous head count, both organisations as
    participants). With one, that existing engagement of the log is linked instead: it must be of the
    region and the activity type's kind and not linked to another activity; both organisations are
    added to it when missing.
    """
    activity = CooperationActivity(cooperation=cooperation, **data)
    activity.full_clean(exclude=["engagement"])
    region = cooperation.region
    role_a, role_b = _roles(cooperation)
    if engagement is None:
        values = _engagement_data(activity, status=status)
        try:
            engagement = log.create_engagement(
                region=region,
                actor=actor,
                data={**values, "title": title or default_title(cooperation, activity.type), "visibility": visibility},
                goals=goals,
            )
        except ValidationError as error:
            raise _errors_on(error, ENGAGEMENT_TO_ACTIVITY_FIELDS) from None
    else:
        _check_link(activity, engagement)
    present = {p.organisation_id for p in engagement.participants.all() if p.person_id is None}
    for org, role in ((cooperation.partner_a, role_a), (cooperation.partner_b, role_b)):
        if org.pk not in present:
            log.add_participant(engagement=engagement, actor=actor, organisation=org, role=role)
    activity.engagement = engagement
    activity.save()
    after = audit.snapshot(activity, CooperationActivity.AUDITED_FIELDS)
    audit.record_created(
        actor=actor,
        instance=activity,
        region=region,
        summary=str(cooperation)[:200],
        values={**after, "engagement": engagement.pk},
    )
    return activity


def _check_link(activity: CooperationActivity, engagement: Engagement) -> None:
    errors = []
    if engagement.region_id != activity.cooperation.region_id:
        errors.append(_("The engagement belongs to another region."))
    if engagement.deleted_at is not None:
        errors.append(_("The engagement has been deleted."))
    if CooperationActivity.objects.filter(engagement=engagement).exists():
        errors.append(_("The engagement is already an activity of a cooperation."))
    wanted = ENGAGEMENT_KIND[ActivityType(activity.type)]
    if engagement.kind != wanted:
        errors.append(
            _("The engagement is a “%(kind)s”; this activity needs a “%(wanted)s”.")
            % {"kind": engagement.get_kind_display(), "wanted": wanted.label}
        )
    if engagement.local_date != activity.date:
        errors.append(_("The engagement is on another date than the activity."))
    if errors:
        raise ValidationError({"engagement": errors})


@transaction.atomic
def update_activity(
    *,
    activity: CooperationActivity,
    actor,
    data: Mapping[str, Any],
    version: int,
    status: str | None = None,
) -> CooperationActivity:
    """Change an activity (its type, date, pupils, feedback, source, sample flag) and bring its
    engagement along (kind, date, status, head count). ``status`` None leaves the engagement's."""
    unknown = set(data) - set(CooperationActivity.AUDITED_FIELDS)
    if unknown:
        raise ValueError(f"not editable on an activity: {sorted(unknown)}")
    before = audit.snapshot(activity, CooperationActivity.AUDITED_FIELDS)
    for name, value in data.items():
        setattr(activity, name, value)
    activity.full_clean(exclude=["engagement"])
    update_if_version(
        activity,
        version=version,
        values={name: getattr(activity, name) for name in CooperationActivity.AUDITED_FIELDS},
    )
    # Locked: the engagement's version cannot move between this read and its update below, so the
    # only conflict this edit can meet is the activity's own (which the page knows how to show).
    engagement = Engagement.all_objects.select_for_update().get(pk=activity.engagement_id)
    wanted = _engagement_data(activity, status=status or engagement.status)
    changed = {k: v for k, v in wanted.items() if getattr(engagement, k) != v}
    if changed:
        try:
            log.update_engagement(engagement=engagement, actor=actor, data=changed, version=engagement.version)
        except ValidationError as error:
            raise _errors_on(error, ENGAGEMENT_TO_ACTIVITY_FIELDS) from None
    activity.refresh_from_db()
    changes = audit.diff(before, audit.snapshot(activity, CooperationActivity.AUDITED_FIELDS))
    if changes:
        audit.record(
            actor=actor,
            action=AuditAction.CHANGE,
            instance=activity,
            region=activity.cooperation.region,
            summary=str(activity.cooperation)[:200],
            changes=changes,
        )
    return activity


# --- facts for the pure rules ------------------------------------------------------------------


def org_facts(org: Organisation) -> pairs.OrgFacts:
    point = None
    if org.latitude is not None and org.longitude is not None:
        point = (float(org.latitude), float(org.longitude))
    return pairs.OrgFacts(
        id=org.pk, name=org.name, kind=org.kind, sectors=frozenset(org.sectors), town=org.town or "", point=point
    )


def enterprises_of(region):
    return Organisation.objects.active().filter(region=region, kind=PARTNER_B_KIND)


def past_pairs(region) -> dict[tuple[int, int], list[int]]:
    """Every (partner A, enterprise) pair that has cooperated, with its school years."""
    pairs: dict[tuple[int, int], list[int]] = {}
    for a, b, year in Cooperation.objects.filter(region=region).values_list("partner_a", "partner_b", "school_year"):
        pairs.setdefault((a, b), []).append(year)
    return pairs


def suggestions_for(
    partner: Organisation, *, sectors: Iterable[str] = ()
) -> list[tuple[Organisation, pairs.Suggestion]]:
    """The region's enterprises ranked for a school or a creative (``pairs.suggest_enterprises``)."""
    enterprises = {org.pk: org for org in enterprises_of(partner.region_id)}
    ranked = pairs.suggest_enterprises(
        org_facts(partner),
        [org_facts(org) for org in enterprises.values()],
        past=set(past_pairs(partner.region_id)),
        sectors=sectors,
    )
    return [(enterprises[s.enterprise.id], s) for s in ranked]


def school_years(region) -> list[int]:
    return list(
        Cooperation.objects.filter(region=region)
        .order_by("-school_year")
        .values_list("school_year", flat=True)
        .distinct()
    )


def year_summary(region, school_year: int) -> pairs.YearSummary:
    """One school year of the region added up (two queries)."""
    cooperations = [
        pairs.CooperationFacts(id=c[0], kind=c[1], partner_a=c[2], partner_b=c[3], is_sample=c[4])
        for c in Cooperation.objects.filter(region=region, school_year=school_year).values_list(
            "id", "kind", "partner_a", "partner_b", "is_sample"
        )
    ]
    activities = [
        pairs.ActivityFacts(
            cooperation_id=a[0], type=a[1], held=a[2] == EngagementStatus.HELD, pupils=a[3], is_sample=a[4]
        )
        for a in CooperationActivity.objects.live()
        .filter(cooperation__region=region, cooperation__school_year=school_year)
        .values_list("cooperation_id", "type", "engagement__status", "pupils", "is_sample")
    ]
    return pairs.school_year_summary(cooperations, activities, school_kind=CooperationKind.SCHOOL_ENTERPRISE)
