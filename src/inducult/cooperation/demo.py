"""Loading a demo's cooperations and their activities through the business actions, so the trail shows
each record (an activity is an engagement of the log).

The demo app holds the data and passes it in as the records below. Idempotent: cooperations are found
by their pair, kind and school year, activities by type and date, the partners only the cooperations
name by their name; a second run writes nothing, except that an activity whose date has passed since
becomes held.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import KW_ONLY, dataclass
from typing import Any

from django.db import transaction

from inducult.cooperation.enums import ActivityType
from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.cooperation.services.cooperations import (
    add_activity,
    create_cooperation,
    update_activity,
    update_cooperation,
)
from inducult.core.demo import differences
from inducult.engagement.enums import EngagementStatus, Visibility
from inducult.network.models import Organisation
from inducult.network.services.organisations import create_organisation
from inducult.strategy.models import StrategicGoal


@dataclass(frozen=True)
class ActivityRecord:
    type: str
    date: datetime.date
    _: KW_ONLY
    pupils: int | None = None
    teacher_feedback: str = ""
    pupil_feedback: str = ""
    source: str
    is_sample: bool
    public: bool = False


@dataclass(frozen=True)
class CooperationRecord:
    kind: str
    partner_a: str  # demo key
    partner_b: str
    school_year: int
    activities: tuple[ActivityRecord, ...]
    _: KW_ONLY
    note: str = ""
    source: str
    is_sample: bool
    goal: str  # the code of the strategic goal its activities serve


def _partner(data: Mapping[str, Any], *, region, actor, counts) -> Organisation:
    org = Organisation.objects.filter(region=region, name=data["name"]).first()
    if org is None:
        org = create_organisation(region=region, actor=actor, data=dict(data))
        counts["organisations_created"] += 1
    return org


def _goal(region, code: str, year: int):
    """The goal of this code in the region's strategy version valid in that calendar year, if any."""
    return (
        StrategicGoal.objects.filter(
            version__strategy__region=region, version__valid_from__lte=datetime.date(year, 12, 31), code=code
        )
        .order_by("-version__valid_from")
        .first()
    )


def _status(day: datetime.date, today: datetime.date) -> str:
    return (EngagementStatus.HELD if day < today else EngagementStatus.PLANNED).value


def _load_activity(cooperation, record: ActivityRecord, goal_code: str, *, titles, actor, today, counts) -> None:
    status = _status(record.date, today)
    data = {
        "type": record.type,
        "date": record.date,
        "pupils": record.pupils,
        "teacher_feedback": record.teacher_feedback,
        "pupil_feedback": record.pupil_feedback,
        "source": record.source,
        "is_sample": record.is_sample,
    }
    activity = (
        CooperationActivity.objects.filter(cooperation=cooperation, type=record.type, date=record.date)
        .select_related("engagement")
        .first()
    )
    if activity is None:
        goal = _goal(cooperation.region, goal_code, record.date.year)
        add_activity(
            cooperation=cooperation,
            actor=actor,
            data=data,
            status=status,
            title=f"{titles[ActivityType(record.type)]}: {cooperation.partner_a.name} – {cooperation.partner_b.name}",
            visibility=(Visibility.PUBLIC if record.public else Visibility.INTERNAL).value,
            goals=[goal] if goal else [],
        )
        counts["activities_created"] += 1
    elif activity.engagement.deleted_at is None:
        changed = differences(activity, data)
        if changed or activity.engagement.status != status:
            update_activity(activity=activity, actor=actor, data=changed, version=activity.version, status=status)
            counts["activities_updated"] += 1
    counts["activities"] += 1


@transaction.atomic
def load_cooperation(
    *,
    region,
    organisations: Mapping[str, Organisation],
    records: Iterable[CooperationRecord],
    partners: Mapping[str, Mapping[str, Any]],
    titles: Mapping[str, str],
    actor=None,
    today: datetime.date | None = None,
) -> dict[str, int]:
    """Load cooperations and their activities.

    ``organisations`` are the demo's organisations by demo key (``network.demo.load_organisations``);
    ``partners`` the organisations, by demo key, that only the cooperations name (their fields: found
    by name, created when missing). A record whose organisation is missing from both is skipped.
    ``titles`` give each activity type's engagement title, which the pair's names follow. ``today``
    (default: today in the region) decides which activities are held. Returns counts of what was
    found and written."""
    if today is None:
        today = region.today()
    counts = dict.fromkeys(
        (
            "organisations_created",
            "cooperations",
            "cooperations_created",
            "cooperations_updated",
            "activities",
            "activities_created",
            "activities_updated",
            "skipped",
        ),
        0,
    )
    orgs = dict(organisations)
    for key, data in partners.items():
        orgs[key] = _partner(data, region=region, actor=actor, counts=counts)
    for record in records:
        a, b = orgs.get(record.partner_a), orgs.get(record.partner_b)
        if a is None or b is None:
            counts["skipped"] += 1
            continue
        data = {"note": record.note, "source": record.source, "is_sample": record.is_sample}
        cooperation = Cooperation.objects.filter(
            region=region, kind=record.kind, partner_a=a, partner_b=b, school_year=record.school_year
        ).first()
        if cooperation is None:
            cooperation = create_cooperation(
                region=region,
                actor=actor,
                data={"kind": record.kind, "partner_a": a, "partner_b": b, "school_year": record.school_year, **data},
            )
            counts["cooperations_created"] += 1
        elif changed := differences(cooperation, data):
            cooperation = update_cooperation(
                cooperation=cooperation, actor=actor, data=changed, version=cooperation.version
            )
            counts["cooperations_updated"] += 1
        counts["cooperations"] += 1
        for activity in record.activities:
            _load_activity(cooperation, activity, record.goal, titles=titles, actor=actor, today=today, counts=counts)
    return counts
