"""A visitor's day from sites, hours and wishes: known answers on small days, and every rule a visitor
relies on (hours unknown never planned, visits inside opening hours, must-see, reasons for what is left out)."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inducult.tours.domain.day_plan import (
    DayPlanError,
    SiteOption,
    Wishes,
    site_value,
)
from inducult.tours.domain.day_plan import (
    plan_day as _plan_day,
)
from inducult.tours.planning import Problem, Vertex, Window, check

H = 60  # minutes in an hour


def plan_day(sites, w, travel, time_limit=0.2):
    """A short search: these days have at most a handful of sites."""
    return _plan_day(sites, w, travel, time_limit=time_limit)


HOTEL = (50.0, 12.0)


def point(km_east: float) -> tuple[float, float]:
    """A point km_east kilometres east of the hotel (at 50°N one degree of longitude is ~71.5 km)."""
    return (50.0, 12.0 + km_east / 71.47)


def flat_travel(minutes_per_km=1.0):
    """Travel at 60 km/h along a line: minutes = km, so tests can reason about times."""

    def travel(points):
        xs = [(p[1] - 12.0) * 71.47 for p in points]
        return [[abs(a - b) * minutes_per_km for b in xs] for a in xs], "estimate", ""

    return travel


def site(id, km, *, hours=((9 * H, 17 * H),), visit=60, kind="museum", sectors=("glass",), state="open", **extra):
    return SiteOption(
        id=id,
        name=f"Site {id}",
        kind=kind,
        point=point(km) if km is not None else None,
        sectors=tuple(sectors),
        state=state,
        intervals=tuple(hours) if state == "open" else (),
        visit_minutes=visit,
        **extra,
    )


def wishes(**overrides):
    values = {"start_name": "Hotel", "start_point": HOTEL, "day_start": 9 * H, "day_end": 17 * H}
    values.update(overrides)
    return Wishes(**values)


def test_a_day_visits_what_fits_in_time_order_with_arrival_wait_and_departure():
    # Site 1 is open only in the morning, site 2 only from 11:00: the order is forced.
    sites = [site(1, 10, hours=((9 * H, 10 * H + 30),)), site(2, 20, hours=((11 * H, 17 * H),), visit=90)]
    day = plan_day(sites, wishes(), flat_travel())
    first, second = day.stops
    assert (first.site_id, first.arrive, first.wait, first.start, first.leave) == pytest.approx(
        (1, 9 * H + 10, 0, 9 * H + 10, 10 * H + 10)
    )
    assert (second.site_id, second.arrive, second.wait, second.start, second.leave) == pytest.approx(
        (2, 10 * H + 20, 40, 11 * H, 12 * H + 30)
    )
    assert day.back_at == pytest.approx(12 * H + 50) and day.return_minutes == pytest.approx(20)
    assert (day.travel_minutes, day.wait_minutes, day.visit_minutes) == pytest.approx((40, 40, 150))
    assert day.left_out == () and day.check_hours == ()


def test_visits_end_by_closing_time_and_respect_a_lunch_break():
    # Open 9–12 and 13–17; a 200-minute visit fits only in the afternoon interval.
    lunch = site(1, 5, hours=((9 * H, 12 * H), (13 * H, 17 * H)), visit=200)
    day = plan_day([lunch], wishes(), flat_travel())
    (stop,) = day.stops
    assert stop.start == 13 * H and stop.leave == 16 * H + 20


def test_unknown_hours_and_appointments_are_never_planned_but_listed_to_check():
    sites = [site(1, 5, state="unknown"), site(2, 5, state="by_appointment"), site(3, 5, state="open_hours_unknown")]
    day = plan_day(sites, wishes(), flat_travel())
    assert day.stops == () and [s.id for s in day.check_hours] == [1, 2, 3]


@pytest.mark.parametrize(
    ("option", "reason"),
    [
        (site(1, 5, state="closed"), "closed"),
        (site(1, None), "no_location"),
        (site(1, 5, hours=((18 * H, 21 * H),)), "outside_your_day"),
        (site(1, 5, hours=((9 * H, 9 * H + 30),), visit=60), "too_short_open"),
        (site(1, 5, sectors=("mining",)), "not_your_interest"),
    ],
)
def test_what_is_left_out_says_why(option, reason):
    day = plan_day([option], wishes(interests={"glass": 2}), flat_travel())
    assert [(item.site_id, item.reason) for item in day.left_out] == [(1, reason)]


def test_wheelchair_users_get_only_sites_stated_accessible():
    sites = [site(1, 5, wheelchair="yes"), site(2, 6, wheelchair="partly"), site(3, 7, wheelchair="no"), site(4, 8)]
    day = plan_day(sites, wishes(wheelchair=True), flat_travel())
    assert sorted(day.site_ids) == [1, 2]
    assert {(i.site_id, i.reason) for i in day.left_out} == {(3, "wheelchair"), (4, "wheelchair")}


def test_the_budget_picks_the_more_valuable_site_and_says_the_other_had_no_time():
    # Two sites in opposite directions, 3 hours each way apart: only one fits the day.
    sites = [site(1, -100, kind="venue"), site(2, 100, kind="unesco_component")]
    day = plan_day(sites, wishes(day_end=9 * H + 270), flat_travel())
    assert day.site_ids == [2]
    assert [(i.site_id, i.reason) for i in day.left_out] == [(1, "no_time")]


def test_a_must_see_is_planned_even_if_worth_less_and_an_impossible_one_is_explained():
    sites = [site(1, -100, kind="venue"), site(2, 100, kind="unesco_component")]
    day = plan_day(sites, wishes(day_end=9 * H + 270, must_see=frozenset({1})), flat_travel())
    assert day.site_ids == [1] and day.stops[0].must_see

    far = [site(3, 400)]
    day = plan_day(far, wishes(must_see=frozenset({3})), flat_travel())
    assert [(i.site_id, i.reason, i.detail) for i in day.left_out] == [
        (3, "must_see_unreachable", {"because": "no_time"})
    ]


def test_value_weighs_interest_events_and_language():
    glass = site(1, 5, sectors=("glass", "porcelain"), attractiveness=4)
    assert site_value(glass, wishes()) == 4
    assert site_value(glass, wishes(interests={"porcelain": 3, "glass": 1})) == 12
    assert site_value(site(2, 5, event_today=True), wishes()) == 4 + 2  # museum 4, event half of it
    german = wishes(language="de")
    assert site_value(site(3, 5, tour_languages=("cs", "de")), german) == 4
    assert site_value(site(4, 5, tour_languages=("cs",)), german) == pytest.approx(2.4)
    assert site_value(site(5, 5), german) == 4  # languages not stated: not counted against it


def test_a_day_that_ends_before_it_starts_is_refused():
    with pytest.raises(DayPlanError):
        plan_day([site(1, 5)], wishes(day_start=17 * H, day_end=9 * H), flat_travel())


def brute_force_best(sites, w, travel):
    """The best value over every order of every subset, by the independent checker."""
    options = [s for s in sites if s.state == "open"]
    points = [w.start_point] + [s.point for s in options]
    matrix = travel(points)[0]
    vertices = [Vertex(name="start")] + [
        Vertex(
            score=site_value(s, w),
            service=s.visit_minutes,
            windows=tuple(
                Window(max(o, w.day_start), min(c, w.day_end) - s.visit_minutes)
                for o, c in s.intervals
                if max(o, w.day_start) <= min(c, w.day_end) - s.visit_minutes
            ),
            name=s.name,
        )
        for s in options
    ]
    problem = Problem(vertices, matrix, start=0, end=0, start_time=w.day_start, end_time=w.day_end)
    best = 0.0
    indices = range(1, len(vertices))
    for r in range(len(vertices)):
        for subset in itertools.permutations(indices, r):
            result = check(problem, [0, *subset, 0])
            if result.ok:
                best = max(best, result.score)
    return best


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(-60, 60),  # km east
            st.integers(9, 14),  # opens at
            st.integers(1, 6),  # open for hours
            st.sampled_from([30, 60, 90]),
            st.sampled_from(["museum", "venue", "show_mine", "technical_monument"]),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_small_days_reach_the_best_value_and_pass_the_check(rows):
    sites = [
        site(i, km, hours=((opens * H, min(opens + length, 20) * H),), visit=visit, kind=kind)
        for i, (km, opens, length, visit, kind) in enumerate(rows, 1)
    ]
    w = wishes(day_end=15 * H)
    day = plan_day(sites, w, flat_travel(), time_limit=0.2)
    assert day.value == pytest.approx(brute_force_best(sites, w, flat_travel()))
    for stop in day.stops:
        option = next(s for s in sites if s.id == stop.site_id)
        assert any(o <= stop.start and stop.leave <= c for o, c in option.intervals)
    assert day.back_at <= w.day_end + 1e-6


def test_two_must_sees_that_cannot_fit_together_are_named_as_the_conflict():
    # Each fits the day alone; together they are 200 km and two long visits apart.
    sites = [site(1, -100, visit=120), site(2, 100, visit=120)]
    day = plan_day(sites, wishes(day_end=9 * H + 400, must_see=frozenset({1, 2})), flat_travel())
    (planned,) = day.stops
    (left,) = day.left_out
    assert left.reason == "must_see_unreachable"
    assert left.detail == {"because": "conflict", "with": [planned.name]}
