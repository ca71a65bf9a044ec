"""The pure rules: school years, ranked suggestions and the per-year summary, with known answers."""

import datetime

import pytest

from inducult.cooperation.domain import pairs
from inducult.cooperation.domain.pairs import ActivityFacts, CooperationFacts, OrgFacts

SOKOLOV = (50.18, 12.64)
KRASLICE = (50.3239, 12.5175)  # about 18 km from Sokolov
KLASTEREC = (50.3886, 13.1834)  # about 44 km from Sokolov


def test_school_year_label_and_bounds():
    assert pairs.school_year_label(2019) == "2019/2020"
    assert pairs.school_year_bounds(2019) == (datetime.date(2019, 9, 1), datetime.date(2020, 8, 31))


@pytest.mark.parametrize(
    ("day", "year"),
    [(datetime.date(2019, 9, 1), 2019), (datetime.date(2020, 8, 31), 2019), (datetime.date(2020, 1, 15), 2019)],
)
def test_school_year_of(day, year):
    assert pairs.school_year_of(day) == year


@pytest.mark.parametrize(
    ("text", "year"),
    [("2019/2020", 2019), ("2019/20", 2019), ("2019-2020", 2019), ("2019", 2019), ("2019/2021", None), ("x", None)],
)
def test_parse_school_year(text, year):
    assert pairs.parse_school_year(text) == year


def test_suggestions_rank_sector_then_nearness_then_past():
    school = OrgFacts(1, "ISŠTE Sokolov", "school", point=SOKOLOV, town="Sokolov")
    mine_near = OrgFacts(10, "Mine", "enterprise", frozenset({"mining"}), "Sokolov", SOKOLOV)
    music = OrgFacts(11, "Amati", "enterprise", frozenset({"musical_instruments"}), "Kraslice", KRASLICE)
    porcelain = OrgFacts(12, "Thun", "enterprise", frozenset({"porcelain"}), "Klášterec", KLASTEREC)
    ranked = pairs.suggest_enterprises(school, [porcelain, music, mine_near], past={(1, 12)}, sectors={"porcelain"})
    assert [s.enterprise.id for s in ranked] == [12, 10, 11]
    thun, mine, amati = ranked
    # Thun: sector 3 + nearness 2 * (1 - 44.x/50) + worked with this school 1.5.
    assert thun.shared_sectors == ("porcelain",)
    assert thun.worked_with_partner is True
    assert 43 < thun.distance_km < 46
    assert thun.score == pytest.approx(3 + 2 * (1 - thun.distance_km / 50) + 1.5, abs=0.001)
    assert [r.code for r in thun.reasons] == ["sector", "distance", "past_with_partner"]
    assert mine.distance_km == 0.0 and mine.score == 2.0
    assert amati.score == pytest.approx(2 * (1 - amati.distance_km / 50), abs=0.001)


def test_suggestions_fall_back_to_the_same_town_without_locations():
    school = OrgFacts(1, "SPŠ Loket", "school", town="Loket")
    here = OrgFacts(10, "Loket works", "enterprise", town="loket")
    elsewhere = OrgFacts(11, "Cheb works", "enterprise", town="Cheb", point=(50.08, 12.37))
    ranked = pairs.suggest_enterprises(school, [elsewhere, here])
    assert [s.enterprise.id for s in ranked] == [10, 11]
    assert ranked[0].reasons == (pairs.Reason("same_town", town="loket"),)
    assert ranked[1].reasons == (pairs.Reason("no_location"),)
    assert ranked[1].score == 0.0


def test_suggestions_use_the_partners_sectors_and_credit_experience_with_others():
    creative = OrgFacts(1, "Studio", "creative", frozenset({"glass"}))
    glass = OrgFacts(10, "Moser", "enterprise", frozenset({"glass"}))
    experienced = OrgFacts(11, "Thun", "enterprise", frozenset({"porcelain"}))
    ranked = pairs.suggest_enterprises(creative, [experienced, glass], past={(2, 11), (3, 11)})
    assert [(s.enterprise.id, s.score) for s in ranked] == [(10, 3.0), (11, 0.5)]
    assert ranked[1].reasons[-1] == pairs.Reason("past_with_others", count=2)


def test_school_year_summary_counts_held_and_planned_and_pupils():
    cooperations = [
        CooperationFacts(1, "school_enterprise", partner_a=100, partner_b=200),
        CooperationFacts(2, "school_enterprise", partner_a=100, partner_b=201, is_sample=True),
        CooperationFacts(3, "creative_industry", partner_a=300, partner_b=200),
    ]
    activities = [
        ActivityFacts(1, "excursion", held=True, pupils=20),
        ActivityFacts(1, "trial_job_interview", held=True, pupils=None),
        ActivityFacts(2, "excursion", held=True, pupils=15, is_sample=True),
        ActivityFacts(2, "workshop", held=False, pupils=30),
        ActivityFacts(3, "design_workshop", held=True),
        ActivityFacts(99, "excursion", held=True, pupils=400),  # of another year: ignored
    ]
    summary = pairs.school_year_summary(cooperations, activities, school_kind="school_enterprise")
    assert summary.cooperations == {"school_enterprise": 2, "creative_industry": 1}
    assert summary.held == {"excursion": 2, "trial_job_interview": 1, "design_workshop": 1}
    assert summary.planned == {"workshop": 1}
    assert summary.pupils == 35
    assert summary.held_without_count == 1
    assert (summary.schools, summary.creatives, summary.enterprises) == (1, 1, 2)
    assert summary.samples == 2
    assert (summary.held_total, summary.planned_total, summary.cooperations_total) == (4, 1, 3)
