import datetime
import zoneinfo
from collections import Counter

import pytest
from django.utils import timezone

from inducult.core.models import AuditEntry
from inducult.demo import sample_history
from inducult.demo.loader import load_demo
from inducult.engagement.models import Engagement, FollowUpTask
from inducult.strategy.models import Deliverable, StrategyVersion
from inducult.strategy.services import progress
from tests.demo.progress_facts import statuses

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
DEC_1_2026 = datetime.date(2026, 12, 1)
NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=PRAGUE)


def _version():
    return StrategyVersion.objects.get(strategy__region__slug="karlovy-vary")


def _samples():
    """The sample history's engagements (the cooperation demo's activities are engagements of their own)."""
    return Engagement.objects.filter(region__slug="karlovy-vary", is_sample=True, cooperation_activity__isnull=True)


def test_sample_history_keys_are_unique_and_years_run_2019_to_today():
    records = sample_history.sample_engagements(datetime.date(2028, 6, 1))

    keys = [(r.kind, r.when) for r in records]
    assert len(keys) == len(set(keys))
    assert {r.when.year for r in records} == set(range(2019, 2029))


def test_sample_history_is_the_same_whatever_the_load_day_except_its_years():
    early = sample_history.sample_engagements(datetime.date(2026, 2, 1))
    late = sample_history.sample_engagements(datetime.date(2026, 12, 31))

    assert early == late


@pytest.mark.django_db
def test_sample_history_every_sample_is_labelled_with_its_source():
    load_demo(today=DEC_1_2026)

    samples = _samples()
    assert samples.count() == len(sample_history.sample_engagements(DEC_1_2026)) == 67
    assert set(samples.values_list("source", flat=True)) == {sample_history.SOURCE}
    assert "not a real event" in sample_history.SOURCE
    assert {d.is_sample for d in Deliverable.objects.all()} == {True}
    assert all(d.evidence_url.startswith("https://example.org/") for d in Deliverable.objects.all())


@pytest.mark.django_db
def test_sample_history_keeps_the_real_discussion_group_apart():
    load_demo(today=DEC_1_2026)

    (real,) = Engagement.objects.filter(region__slug="karlovy-vary", is_sample=False, cooperation_activity__isnull=True)
    assert real.starts_at == datetime.datetime(2018, 10, 4, tzinfo=PRAGUE)
    assert "section 5.1" in real.source
    assert not _samples().filter(starts_at__year=2018).exists()


@pytest.mark.django_db
def test_sample_history_held_before_today_planned_from_today():
    load_demo(today=DEC_1_2026)

    planned = _samples().filter(status="planned")
    assert [timezone.localtime(e.starts_at, PRAGUE).date() for e in planned.order_by("starts_at")] == [
        datetime.date(2026, 12, d) for d in (3, 8, 10, 14, 17)
    ]
    assert not _samples().filter(status="held", starts_at__gte=datetime.datetime(2026, 12, 1, tzinfo=PRAGUE)).exists()


@pytest.mark.django_db
def test_sample_history_counts_per_year_and_kind():
    load_demo(today=DEC_1_2026)

    counts = Counter((timezone.localtime(e.starts_at, PRAGUE).year, e.kind) for e in _samples().filter(status="held"))
    assert [counts[(y, "bilateral_meeting")] for y in range(2019, 2027)] == [6, 3, 5, 5, 6, 5, 5, 3]
    assert [counts[(y, "focus_group")] for y in range(2019, 2027)] == [1, 1, 0, 1, 1, 1, 1, 0]


@pytest.mark.django_db
def test_sample_history_second_run_writes_nothing():
    load_demo(today=DEC_1_2026)
    audit_count = AuditEntry.objects.count()
    versions = dict(_samples().values_list("pk", "version"))

    summary = load_demo(today=DEC_1_2026)

    assert summary.changed is False
    assert (summary.samples_created, summary.samples_updated, summary.sample_deliverables_created) == (0, 0, 0)
    assert AuditEntry.objects.count() == audit_count
    assert dict(_samples().values_list("pk", "version")) == versions


@pytest.mark.django_db
def test_sample_history_a_later_load_holds_what_was_planned():
    load_demo(today=datetime.date(2026, 10, 21))
    meeting = _samples().get(starts_at=datetime.datetime(2026, 11, 10, 10, tzinfo=PRAGUE))
    assert meeting.status == "planned"

    summary = load_demo(today=DEC_1_2026)

    meeting.refresh_from_db()
    assert (summary.samples_created, summary.samples_updated) == (0, 1)
    assert meeting.status == "held"
    assert meeting.outcomes.startswith("Ukázkový záznam")


@pytest.mark.django_db
def test_sample_history_is_audited_through_the_domain_functions():
    load_demo(today=DEC_1_2026)

    sample_ids = {str(pk) for pk in _samples().values_list("pk", flat=True)}
    created = set(
        AuditEntry.objects.filter(object_type="engagement.engagement", action="create").values_list(
            "object_id", flat=True
        )
    )
    assert sample_ids <= created
    assert AuditEntry.objects.filter(object_type="engagement.engagementparticipant").count() > 100


@pytest.mark.django_db
def test_sample_history_has_overdue_tasks_owned_by_sample_people_and_topics():
    load_demo(today=DEC_1_2026)

    tasks = FollowUpTask.objects.filter(engagement__is_sample=True).select_related("owner")
    overdue = [t for t in tasks if t.due_date < DEC_1_2026 and not t.is_done]
    assert len(tasks) == 4
    assert len(overdue) == 3
    assert all(t.owner.is_sample for t in tasks)
    topic_names = set(_samples().values_list("topics__name", flat=True))
    assert {"porcelán", "cestovní ruch", "školy a firmy"} <= topic_names


@pytest.mark.django_db
def test_sample_history_regional_authority_takes_part_in_some_meetings():
    load_demo(today=DEC_1_2026)

    with_region = _samples().filter(participants__organisation__kind="regional_authority").distinct()
    assert with_region.count() == 14
    assert set(with_region.values_list("participants__organisation__name", flat=True)) >= {"Karlovarský kraj"}


@pytest.mark.django_db
def test_sample_history_statuses_per_year_at_1_december_2026():
    load_demo(today=DEC_1_2026)
    version = _version()

    by_year = {year: statuses(version, year=year, now=NOW) for year in range(2019, 2027)}

    def standing(year):
        return [by_year[year][code] for code in ("T1", "T2", "T3", "T4")]

    assert {s for code, s in by_year[2019].items() if s != "not_applicable"} == {"achieved"}
    assert by_year[2020]["M6"] == by_year[2020]["M8"] == "missed"
    assert by_year[2020]["M5"] == by_year[2020]["M7"] == by_year[2020]["M9"] == "achieved"
    assert standing(2020) == ["achieved", "missed", "achieved", "achieved"]
    assert standing(2021) == ["missed", "achieved", "achieved", "achieved"]
    assert by_year[2021]["M10"] == "missed"
    assert standing(2022) == standing(2023) == standing(2025) == ["achieved"] * 4
    assert standing(2024) == ["achieved", "achieved", "missed", "achieved"]
    # T1 and T2 miss only what is planned ahead (focus group 3 Dec; bilaterals 8 and 17 Dec): on track.
    # T3 in December: one meeting with the Region held (20 Oct), none planned.
    assert standing(2026) == ["on_track", "on_track", "at_risk", "achieved"]
    assert (by_year[2026]["M10"], by_year[2026]["M11"]) == ("on_track", "on_track")
    seen = {s for year in by_year.values() for s in year.values()}
    assert {"achieved", "missed", "on_track", "at_risk"} <= seen


@pytest.mark.django_db
def test_sample_history_progress_service_reads_the_planned_samples_ahead_at_1_december_2026():
    load_demo(today=DEC_1_2026)
    version = _version()

    current = progress.region_progress(version.strategy.region, 2026, now=NOW)
    by_code = {m.milestone.code: m for m in current.milestones}
    assert {code: str(by_code[code].status) for code in ("T1", "T2", "T3", "T4")} == {
        code: status for code, status in statuses(version, year=2026, now=NOW).items() if code.startswith("T")
    }
    (focus_group,) = by_code["T1"].rules
    (bilaterals,) = by_code["T2"].rules
    (region_meetings,) = by_code["T3"].rules
    assert (focus_group.progress.count, focus_group.progress.scheduled) == (0, 1)
    assert (bilaterals.progress.count, bilaterals.progress.scheduled) == (3, 2)
    assert (region_meetings.progress.count, region_meetings.progress.scheduled) == (1, 0)
    # The planned bilaterals are read, but never counted nor shown as counted.
    assert sorted(e.local_date.month for e in bilaterals.shown) == [9, 10, 11]
    assert all(e.local_date < NOW.date() for e in bilaterals.shown)
    past = progress.region_progress(version.strategy.region, 2025, now=NOW)
    assert all(r.progress.scheduled == 0 for m in past.milestones for r in m.rules)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # Aug–Nov: T2's missing meetings are all planned ahead (module docstring of demo.sample_history).
        (datetime.date(2026, 8, 17), ["on_track", "on_track", "on_track", "achieved"]),
        (datetime.date(2026, 10, 21), ["on_track", "on_track", "on_track", "achieved"]),
        (datetime.date(2026, 11, 16), ["on_track", "on_track", "on_track", "achieved"]),
        # December: on_track and at_risk side by side (later December days lie after the real date
        # these tests were written on, which load_demo refuses).
        (DEC_1_2026, ["on_track", "on_track", "at_risk", "achieved"]),
        (datetime.date(2026, 6, 15), ["on_track", "on_track", "on_track", "achieved"]),
        (datetime.date(2026, 3, 2), ["on_track", "on_track", "on_track", "on_track"]),
    ],
)
def test_sample_history_current_year_statuses_by_load_day(day, expected):
    load_demo(today=day)
    now = datetime.datetime.combine(day, datetime.time(9), tzinfo=PRAGUE)

    result = statuses(_version(), year=day.year, now=now)

    assert [result[code] for code in ("T1", "T2", "T3", "T4")] == expected


@pytest.mark.django_db
def test_sample_history_all_four_statuses_at_1_december_2026():
    """One load on 1 December shows them all: the planned December samples keep T1 and T2 on track
    (rule (d) of decision 0006), T3 is at risk, the past years are achieved or missed."""
    load_demo(today=DEC_1_2026)
    seen = set()
    for year in range(2019, 2027):
        seen |= set(statuses(_version(), year=year, now=NOW).values())

    assert {"achieved", "on_track", "at_risk", "missed"} <= seen


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 12, 1, 9, 0, tzinfo=PRAGUE),
        datetime.datetime(2027, 1, 1, 0, 30, tzinfo=PRAGUE),  # UTC is still in 2026
        datetime.datetime(2026, 6, 15, 18, 0, tzinfo=PRAGUE),
    ],
)
def test_load_demo_without_a_today_takes_the_real_date(moment, monkeypatch):
    # `make run` loads the demo with no `today`: the clock decides what is held and what planned.
    # The clock is pinned here, so the test says the same on any day it runs.
    monkeypatch.setattr(timezone, "now", lambda: moment.astimezone(datetime.UTC))
    load_demo()
    samples = _samples()

    held = samples.filter(status="held")
    planned = samples.filter(status="planned")
    assert held.exists() and planned.exists()
    assert max(e.starts_at for e in held) <= moment
    assert min(e.starts_at for e in planned) > moment
    seen = set()
    for year in range(2019, moment.year + 1):
        seen |= set(statuses(_version(), year=year, now=moment).values())
    assert {"achieved", "missed"} <= seen
    assert set(statuses(_version(), year=moment.year, now=moment).values()) & {"on_track", "at_risk", "achieved"}


def test_load_demo_refuses_a_today_after_the_real_date(db):
    with pytest.raises(ValueError, match="after the real date"):
        load_demo(today=timezone.localdate() + datetime.timedelta(days=2))
