"""Loading a demo's funding catalogue and action plan through the business actions, so the trail
shows each record.

The demo app holds the data and passes it in as the records below. Idempotent: instruments, calls
and activities are found by their ``external_id`` (the record's key), and a record is only written
when one of its fields or links differs. A second run on the same day writes nothing. A sample call
is created dated relative to the day of the first load (the demo dates its records so); it is only
moved forward once it has closed, so that the demo keeps showing calls one could apply to.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from inducult.actionplan.models import Activity, FundingCall, FundingInstrument
from inducult.actionplan.services.activities import create_activity, update_activity
from inducult.actionplan.services.instruments import create_instrument, save_call, update_instrument
from inducult.core.demo import differences
from inducult.core.translated import TRANSLATED_FROM
from inducult.network.models import Organisation


@dataclass(frozen=True)
class InstrumentRecord:
    key: str
    data: dict
    en: dict = field(default_factory=dict)  # translations into English, by field
    de: dict = field(default_factory=dict)  # our translations into German, by field (marked as ours)
    original_language: str = "cs"  # what our translations were made from


@dataclass(frozen=True)
class CallRecord:
    key: str
    instrument: str  # the key of its instrument
    data: dict[str, Any]  # its fields, dated relative to the day of the load


@dataclass(frozen=True)
class ActivityRecord:
    key: str
    data: dict[str, Any]  # its fields without relations; "responsible_text" names partners the plan gives as text
    # (demo organisation key, name as the plan gives it): linked when the registry has it.
    responsible: tuple[tuple[str, str], ...]
    instruments: tuple[str, ...] = ()  # keys of the instruments named as its funding form


@dataclass(frozen=True)
class ActionPlanRecord:
    instruments: tuple[InstrumentRecord, ...]  # the funding catalogue
    calls: tuple[CallRecord, ...]
    activities: tuple[ActivityRecord, ...]


def _instrument_data(record: InstrumentRecord) -> dict:
    translations = {name: {"en": text} for name, text in record.en.items()}
    for name, text in record.de.items():
        translations.setdefault(name, {})["de"] = text
    if record.de:
        translations[TRANSLATED_FROM] = {"de": record.original_language}
    return {**record.data, "translations": translations}


def _load_instruments(*, region, records, actor, counts) -> dict[str, FundingInstrument]:
    existing = {i.external_id: i for i in FundingInstrument.objects.filter(region=region).exclude(external_id="")}
    by_key = {}
    for record in records:
        data = _instrument_data(record)
        instrument = existing.get(record.key)
        if instrument is None:
            instrument = create_instrument(region=region, actor=actor, data={"external_id": record.key, **data})
            counts["instruments_created"] += 1
        elif changed := differences(instrument, data):
            instrument = update_instrument(instrument=instrument, actor=actor, data=changed, version=instrument.version)
            counts["instruments_updated"] += 1
        by_key[record.key] = instrument
    counts["instruments"] = len(by_key)
    return by_key


def _load_calls(*, records, instruments, actor, today, counts) -> None:
    for call_record in records:
        instrument = instruments[call_record.instrument]
        data = call_record.data
        call = FundingCall.objects.filter(instrument=instrument, external_id=call_record.key).first()
        if call is None:
            save_call(instrument=instrument, actor=actor, data={"external_id": call_record.key, **data})
            counts["calls_created"] += 1
        elif call.closes_on is not None and call.closes_on < today:
            save_call(instrument=instrument, actor=actor, data=data, call=call)
            counts["calls_updated"] += 1
        else:
            # Keep its dates; bring any other field back to the record's.
            changed = differences(call, {k: v for k, v in data.items() if k not in ("opens_on", "closes_on")})
            if changed:
                save_call(instrument=instrument, actor=actor, data=changed, call=call)
                counts["calls_updated"] += 1
        counts["calls"] += 1


def _responsible(record, *, region, organisations) -> tuple[list[Organisation], str]:
    """The registry's organisations for the record's partners; the names of the others as text."""
    linked, unknown = [], []
    for key, name in record.responsible:
        org = organisations.get(key) or Organisation.objects.filter(region=region, name=name).first()
        if org is None:
            unknown.append(name)
        else:
            linked.append(org)
    text = ", ".join(filter(None, [*unknown, record.data["responsible_text"]]))
    return linked, text


def _load_activities(*, region, records, organisations, instruments, actor, counts) -> None:
    existing = {a.external_id: a for a in Activity.objects.filter(region=region).exclude(external_id="")}
    for record in records:
        data = dict(record.data)
        responsible, data["responsible_text"] = _responsible(record, region=region, organisations=organisations)
        relations = {"responsible": responsible, "instruments": [instruments[k] for k in record.instruments]}
        activity = existing.get(record.key)
        if activity is None:
            create_activity(region=region, actor=actor, data={"external_id": record.key, **data}, relations=relations)
            counts["activities_created"] += 1
        else:
            changed = differences(activity, data)
            changed_relations = {
                name: related
                for name, related in relations.items()
                if {o.pk for o in getattr(activity, name).all()} != {o.pk for o in related}
            }
            if changed or changed_relations:
                update_activity(
                    activity=activity, actor=actor, data=changed, relations=changed_relations, version=activity.version
                )
                counts["activities_updated"] += 1
        counts["activities"] += 1


@transaction.atomic
def load_action_plan(
    *,
    region,
    organisations: Mapping[str, Organisation],
    record: ActionPlanRecord,
    actor=None,
    today: datetime.date | None = None,
) -> dict[str, int]:
    """Load an action plan's funding instruments (with their calls) and its activities.

    ``organisations`` are the demo's organisations by their demo key (what
    ``network.demo.load_organisations`` returns); a partner missing there is looked up by name in the
    region, and kept as text when the registry does not have it. Returns counts of what was found and
    written.
    """
    if today is None:
        today = region.today()
    counts = dict.fromkeys(
        (
            "instruments",
            "instruments_created",
            "instruments_updated",
            "calls",
            "calls_created",
            "calls_updated",
            "activities",
            "activities_created",
            "activities_updated",
        ),
        0,
    )
    instruments = _load_instruments(region=region, records=record.instruments, actor=actor, counts=counts)
    _load_calls(records=record.calls, instruments=instruments, actor=actor, today=today, counts=counts)
    _load_activities(
        region=region,
        records=record.activities,
        organisations=organisations,
        instruments=instruments,
        actor=actor,
        counts=counts,
    )
    return counts
