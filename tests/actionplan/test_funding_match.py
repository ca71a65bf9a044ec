"""Matching activities with funding instruments: a hand-made catalogue with known answers, the
reasons at their boundaries, and invariants on generated catalogues."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inducult.actionplan.domain.funding_match import (
    ActivityFacts,
    CallFacts,
    InstrumentFacts,
    ReasonCode,
    activities_for_instrument,
    match,
    rank_instruments,
)

TODAY = date(2026, 1, 15)
START = date(2026, 4, 1)

# WP2: a trail along the mining towns, run by a municipality and a museum.
TRAIL = ActivityFacts(
    id=1,
    title="Industrial heritage trail",
    themes=frozenset({"tourism", "industrial_heritage"}),
    applicant_kinds=frozenset({"municipality", "museum"}),
    start=START,
    end=date(2027, 3, 31),
    work_package="WP2",
)


def instrument(id, name, themes=(), kinds=(), start=None, end=None, calls=()):
    return InstrumentFacts(
        id=id,
        name=name,
        themes=frozenset(themes),
        eligible_kinds=frozenset(kinds),
        start=start,
        end=end,
        calls=tuple(CallFacts(opens, closes) for opens, closes in calls),
    )


HERITAGE = instrument(
    1,
    "IROP Heritage",
    {"industrial_heritage", "tourism"},
    {"municipality"},
    date(2021, 1, 1),
    date(2027, 12, 31),
    [(date(2026, 1, 1), date(2026, 3, 31))],
)
CROSS_BORDER = instrument(
    2,
    "Interreg small projects",
    {"tourism", "cross_border"},
    {"municipality", "lag"},
    date(2022, 1, 1),
    None,
    [(None, None)],
)
TWIN = replace(CROSS_BORDER, id=7, name="Another cross-border fund")
MUSEUMS = instrument(
    3,
    "Museum programme",
    {"industrial_heritage"},
    {"museum"},
    date(2026, 1, 1),
    date(2026, 12, 31),
    [(None, date(2026, 2, 28))],
)
INNOVATION = instrument(4, "Innovation voucher", {"innovation", "tourism"}, {"enterprise"}, calls=[(None, None)])
EXPIRED = instrument(5, "Old programme", {"tourism"}, {"municipality"}, date(2014, 1, 1), date(2025, 12, 31))
YOUTH = instrument(6, "Regional youth grant", {"youth"})
CATALOGUE = [YOUTH, EXPIRED, INNOVATION, MUSEUMS, TWIN, CROSS_BORDER, HERITAGE]


def ranked(activity=TRAIL, instruments=CATALOGUE, **kwargs):
    return [(m.instrument_id, m.score) for m in rank_instruments(activity, instruments, today=TODAY, **kwargs)]


def reason(m, code):
    (found,) = [r for r in m.reasons if r.code == code]
    return found.data


def test_the_catalogue_is_ranked_by_score_then_name():
    # Museum programme: half the themes (25), a museum may apply (20), 275 of the activity's 365 days
    # (15 * 275 / 365 = 11.3), a call closing in February (15): 71.
    # The youth grant has no call at all: no fit, unscored (it would have been 35), listed last.
    assert ranked() == [(1, 100), (7, 75), (2, 75), (3, 71), (6, 0)]
    youth = rank_instruments(TRAIL, CATALOGUE, today=TODAY)[-1]
    assert (youth.without_call, youth.fits, youth.excluded) == (True, False, False)
    assert all(m.fits for m in rank_instruments(TRAIL, CATALOGUE, today=TODAY)[:-1])


def test_excluded_instruments_come_last_when_asked_for():
    assert ranked(include_excluded=True)[-2:] == [(4, 0), (5, 0)]
    excluded = rank_instruments(TRAIL, CATALOGUE, today=TODAY, include_excluded=True)[-2:]
    assert [m.excluded for m in excluded] == [True, True]
    assert reason(excluded[0], ReasonCode.NO_ELIGIBLE_APPLICANT) == {
        "applicant_kinds": ["municipality", "museum"],
        "eligible_kinds": ["enterprise"],
    }
    assert reason(excluded[1], ReasonCode.PERIOD_ENDS_BEFORE_ACTIVITY) == {
        "ends": date(2025, 12, 31),
        "activity_starts": START,
    }


def test_the_best_match_shows_every_positive_reason():
    (best, *_) = rank_instruments(TRAIL, CATALOGUE, today=TODAY)
    assert best.codes() == (
        ReasonCode.THEME,
        ReasonCode.APPLICANT_KIND,
        ReasonCode.PERIOD_OVERLAP,
        ReasonCode.OPEN_CALL_BEFORE_START,
    )
    assert reason(best, ReasonCode.THEME) == {"shared": ["industrial_heritage", "tourism"]}
    assert reason(best, ReasonCode.APPLICANT_KIND) == {"eligible": ["municipality"], "restricted": True}
    assert reason(best, ReasonCode.PERIOD_OVERLAP) == {
        "start": START,
        "end": date(2027, 3, 31),
        "covered_days": 365,
        "days": 365,
    }
    assert reason(best, ReasonCode.OPEN_CALL_BEFORE_START) == {"opens": date(2026, 1, 1), "closes": date(2026, 3, 31)}
    assert not any(r.negative for r in best.reasons)


def test_negative_reasons_appear_exactly_when_they_should():
    youth = match(TRAIL, YOUTH, today=TODAY)
    assert youth.codes() == (
        ReasonCode.NO_SHARED_THEME,
        ReasonCode.APPLICANT_KIND,
        ReasonCode.PERIOD_OVERLAP,
        ReasonCode.NO_CALL_BEFORE_START,
    )
    assert reason(youth, ReasonCode.APPLICANT_KIND) == {"eligible": [], "restricted": False}
    assert not youth.excluded
    innovation = match(TRAIL, INNOVATION, today=TODAY)
    assert ReasonCode.THEME in innovation.codes() and innovation.excluded and innovation.score == 0


@pytest.mark.parametrize(
    ("opens", "closes", "fits"),
    [
        (date(2026, 3, 1), START, True),  # closes on the start day: apply the day before
        (date(2026, 3, 1), START - timedelta(days=1), True),
        (START - timedelta(days=1), date(2026, 5, 1), True),  # opens the day before the start
        (START, date(2026, 5, 1), False),  # opens on the start day: too late
        (None, TODAY, True),  # closes today
        (None, TODAY - timedelta(days=1), False),  # closed yesterday
        (None, None, True),  # rolling
        (date(2026, 6, 1), None, False),  # opens after the start
    ],
)
def test_a_call_must_be_open_to_an_application_before_the_start(opens, closes, fits):
    m = match(TRAIL, instrument(9, "X", calls=[(opens, closes)]), today=TODAY)
    assert (ReasonCode.OPEN_CALL_BEFORE_START in m.codes()) is fits
    assert (ReasonCode.NO_CALL_BEFORE_START in m.codes()) is not fits


def test_no_call_fits_once_the_activity_has_started():
    rolling = instrument(9, "X", calls=[(None, None)])
    assert ReasonCode.NO_CALL_BEFORE_START in match(TRAIL, rolling, today=START).codes()
    assert ReasonCode.OPEN_CALL_BEFORE_START in match(TRAIL, rolling, today=START - timedelta(days=1)).codes()


def test_the_nearest_deadline_is_shown():
    calls = [(None, None), (None, date(2026, 3, 1)), (None, date(2026, 2, 1)), (None, date(2026, 1, 1))]
    m = match(TRAIL, instrument(9, "X", calls=calls), today=TODAY)
    assert reason(m, ReasonCode.OPEN_CALL_BEFORE_START) == {"opens": None, "closes": date(2026, 2, 1)}


@pytest.mark.parametrize(
    ("start", "end", "code", "covered"),
    [
        (None, None, ReasonCode.PERIOD_OVERLAP, 365),
        (None, START, ReasonCode.PERIOD_OVERLAP, 1),  # ends on the activity's first day
        (None, START - timedelta(days=1), ReasonCode.PERIOD_ENDS_BEFORE_ACTIVITY, None),
        (date(2027, 3, 31), None, ReasonCode.PERIOD_OVERLAP, 1),  # starts on its last day
        (date(2027, 4, 1), None, ReasonCode.PERIOD_STARTS_AFTER_ACTIVITY, None),
        (date(2026, 10, 1), date(2026, 10, 31), ReasonCode.PERIOD_OVERLAP, 31),
    ],
)
def test_period_overlap_with_open_ended_instruments(start, end, code, covered):
    m = match(TRAIL, instrument(9, "X", start=start, end=end), today=TODAY)
    assert m.codes()[2] == code
    assert m.excluded is (covered is None)
    if covered is not None:
        assert reason(m, code)["covered_days"] == covered


def test_an_activity_without_themes_or_responsible_organisations_is_not_excluded():
    idea = replace(TRAIL, themes=frozenset(), applicant_kinds=frozenset())
    m = match(idea, HERITAGE, today=TODAY)
    assert m.codes()[:2] == (ReasonCode.NO_SHARED_THEME, ReasonCode.APPLICANT_UNKNOWN)
    assert not m.excluded
    assert m.score == 30  # the period and the call


def test_empty_inputs():
    assert rank_instruments(TRAIL, [], today=TODAY) == []
    assert activities_for_instrument(HERITAGE, [], today=TODAY) == []


def test_the_reverse_query_ranks_activities():
    school = replace(
        TRAIL, id=2, title="Glass workshop for pupils", themes=frozenset({"youth"}), applicant_kinds={"school"}
    )
    museum = replace(TRAIL, id=3, title="Mining museum tours", applicant_kinds={"museum"}, work_package="WP4")
    fits = activities_for_instrument(MUSEUMS, [school, museum, TRAIL], today=TODAY)
    assert [(m.activity_id, m.score) for m in fits] == [(1, 71), (3, 71)]
    with_excluded = activities_for_instrument(MUSEUMS, [school, museum, TRAIL], today=TODAY, include_excluded=True)
    assert [m.activity_id for m in with_excluded] == [1, 3, 2]


def test_bad_facts_are_rejected():
    with pytest.raises(ValueError, match="not the string 'tourism'"):
        replace(TRAIL, themes="tourism")
    with pytest.raises(ValueError, match="ends 2025-01-01 before it starts"):
        replace(TRAIL, end=date(2025, 1, 1))
    with pytest.raises(ValueError, match="cannot close"):
        CallFacts(date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(ValueError, match="InstrumentFacts 1 is given twice"):
        rank_instruments(TRAIL, [HERITAGE, replace(HERITAGE, name="Other")], today=TODAY)


THEMES = ["tourism", "industrial_heritage", "youth", "innovation", "crafts"]
KINDS = ["museum", "municipality", "school", "enterprise", "lag", "association"]
DAY = st.dates(date(2025, 1, 1), date(2028, 12, 31))
CODES = st.frozensets(st.sampled_from(THEMES), max_size=4)
APPLICANTS = st.frozensets(st.sampled_from(KINDS), max_size=3)


@st.composite
def activities(draw, id=1):
    start = draw(DAY)
    return ActivityFacts(
        id=id,
        title=f"Activity {draw(st.integers(0, 3))}",
        themes=draw(CODES),
        applicant_kinds=draw(APPLICANTS),
        start=start,
        end=start + timedelta(days=draw(st.integers(0, 800))),
    )


@st.composite
def instruments(draw, id=1):
    start, end = draw(st.none() | DAY), draw(st.none() | DAY)
    if start and end and end < start:
        start, end = end, start
    calls = []
    for _ in range(draw(st.integers(0, 3))):
        opens, closes = draw(st.none() | DAY), draw(st.none() | DAY)
        if opens and closes and closes < opens:
            opens, closes = closes, opens
        calls.append(CallFacts(opens, closes))
    return InstrumentFacts(
        id=id,
        name=f"Instrument {draw(st.integers(0, 3))}",
        themes=draw(CODES),
        eligible_kinds=draw(APPLICANTS),
        start=start,
        end=end,
        calls=tuple(calls),
    )


PROPERTIES = settings(deadline=None, max_examples=200)


@PROPERTIES
@given(activities(), instruments(), st.sampled_from(THEMES + ["new_theme"]), DAY)
def test_a_shared_theme_never_lowers_the_score(activity, instrument, theme, today):
    before = match(activity, instrument, today=today)
    shared = match(
        replace(activity, themes=activity.themes | {theme}),
        replace(instrument, themes=instrument.themes | {theme}),
        today=today,
    )
    assert shared.score >= before.score
    assert shared.excluded == before.excluded
    assert ReasonCode.THEME in shared.codes()
    # Nor does a theme the instrument alone gains, nor another call.
    assert match(activity, replace(instrument, themes=instrument.themes | {theme}), today=today).score >= before.score
    more_calls = replace(instrument, calls=(*instrument.calls, CallFacts(None, None)))
    assert match(activity, more_calls, today=today).score >= before.score


@PROPERTIES
@given(
    st.lists(st.integers(1, 50).flatmap(lambda i: activities(id=i)), max_size=5, unique_by=lambda a: a.id),
    st.lists(st.integers(1, 50).flatmap(lambda i: instruments(id=i)), max_size=5, unique_by=lambda i: i.id),
    DAY,
)
def test_the_reverse_query_agrees_with_the_forward_one(all_activities, catalogue, today):
    forward = {
        (m.activity_id, m.instrument_id): m
        for a in all_activities
        for m in rank_instruments(a, catalogue, today=today, include_excluded=True)
    }
    reverse = {
        (m.activity_id, m.instrument_id): m
        for i in catalogue
        for m in activities_for_instrument(i, all_activities, today=today, include_excluded=True)
    }
    assert forward == reverse
    assert len(forward) == len(all_activities) * len(catalogue)
    for a in all_activities:
        ranked_matches = rank_instruments(a, catalogue, today=today)
        assert not any(m.excluded for m in ranked_matches)
        assert [m.score for m in ranked_matches] == sorted((m.score for m in ranked_matches), reverse=True)
        assert all(0 <= m.score <= 100 for m in ranked_matches)
        assert rank_instruments(a, list(reversed(catalogue)), today=today) == ranked_matches
