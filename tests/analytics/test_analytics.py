"""Known answers for the network analytics on small graphs, and invariants on generated ones."""

import json
import math
import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inducult.analytics.domain.layout import spring_positions
from inducult.analytics.domain.network import (
    AnalyticsError,
    AnalyticsOptions,
    EngagementFacts,
    Flag,
    OrganisationFacts,
    Period,
    RelationshipFacts,
    SelfRelationshipError,
    UnknownOrganisationError,
    analyse,
    layout,
    months_before,
    recency_weight,
)

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))
AS_OF = date(2025, 12, 31)
DAY = date(2025, 6, 1)
KINDS = ["museum", "enterprise", "school", "municipality", "lag"]


def org(id, kind="museum", municipality="Sokolov", name=None):
    return OrganisationFacts(id=id, kind=kind, municipality=municipality, name=name or f"Org {id:02d}")


def met(id, *org_ids, on=DAY):
    return EngagementFacts(id=id, date=on, organisation_ids=frozenset(org_ids))


def pairs(edges, on=DAY):
    """One engagement per pair, all on the same day, so every tie weighs the same."""
    return [met(i, a, b, on=on) for i, (a, b) in enumerate(edges, 1)]


def run(orgs, engagements, relationships=(), *, period=YEAR, as_of=AS_OF, **options):
    return analyse(orgs, engagements, relationships, period=period, as_of=as_of, options=AnalyticsOptions(**options))


def by_id(report):
    return {o.id: o for o in report.organisations}


def test_star_centre_brokers_everything_and_is_the_most_active():
    orgs = [org(i) for i in range(1, 11)]
    report = run(orgs, pairs((1, leaf) for leaf in range(2, 11)))
    measures = by_id(report)
    assert measures[1].betweenness == pytest.approx(1.0)
    assert all(measures[leaf].betweenness == 0 for leaf in range(2, 11))
    assert [o.id for o in report.most_active()] == [1]  # 10 % of 10 organisations
    assert measures[1].partners == 9
    weight = recency_weight(DAY, as_of=AS_OF, half_life_months=12)
    assert measures[1].weighted_degree == pytest.approx(9 * weight)
    assert measures[1].activity_rank == 1


def test_path_betweenness_has_the_textbook_values():
    report = run([org(i) for i in range(1, 6)], pairs([(1, 2), (2, 3), (3, 4), (4, 5)]))
    # Pairs with a node strictly inside their path, over the (5-1)(5-2)/2 = 6 pairs of the others.
    expected = {1: 0, 2: 3 / 6, 3: 4 / 6, 4: 3 / 6, 5: 0}
    assert {i: o.betweenness for i, o in by_id(report).items()} == pytest.approx(expected)


def two_cliques_and_a_bridge():
    left, right = range(1, 6), range(6, 11)
    edges = [(a, b) for group in (left, right) for a in group for b in group if a < b]
    return [org(i) for i in range(1, 11)], pairs([*edges, (5, 6)])


def test_two_cliques_make_two_communities_and_the_bridge_ends_broker():
    orgs, engagements = two_cliques_and_a_bridge()
    report = run(orgs, engagements)
    assert report.communities == ((1, 2, 3, 4, 5), (6, 7, 8, 9, 10))
    assert {o.id: o.community for o in report.organisations} == {i: 1 if i <= 5 else 2 for i in range(1, 11)}
    top = sorted(report.organisations, key=lambda o: -o.betweenness)[:2]
    assert {o.id for o in top} == {5, 6}
    assert top[0].betweenness == pytest.approx(top[1].betweenness)


def test_betweenness_prefers_two_strong_ties_to_one_weak_one():
    # 1 and 3 met once; both met 2 four times. The path through 2 is shorter (1/4 + 1/4 < 1).
    engagements = [met(1, 1, 3), *(met(10 + i, 1, 2) for i in range(4)), *(met(20 + i, 2, 3) for i in range(4))]
    report = run([org(1), org(2), org(3)], engagements)
    assert by_id(report)[2].betweenness == pytest.approx(1.0)


def test_recency_weight_halves_at_the_half_life():
    as_of = date(2025, 3, 15)
    assert recency_weight(as_of, as_of=as_of, half_life_months=12) == 1
    assert recency_weight(date(2024, 3, 15), as_of=as_of, half_life_months=12) == 0.5
    assert recency_weight(date(2024, 9, 15), as_of=as_of, half_life_months=6) == 0.5
    assert recency_weight(date(2023, 3, 15), as_of=as_of, half_life_months=12) == pytest.approx(0.25, abs=1e-3)


def test_a_tie_weighs_the_recency_of_its_meetings():
    as_of = date(2025, 3, 15)
    period = Period(date(2024, 1, 1), as_of)
    report = run(
        [org(1), org(2)], [met(1, 1, 2, on=as_of), met(2, 1, 2, on=date(2024, 3, 15))], period=period, as_of=as_of
    )
    (tie,) = report.ties
    assert (tie.a, tie.b, tie.weight, tie.meetings, tie.last_met) == (1, 2, 1.5, 2, as_of)


def test_months_before_clamps_to_the_end_of_the_month():
    assert months_before(date(2025, 3, 31), 1) == date(2025, 2, 28)
    assert months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)
    assert months_before(date(2025, 1, 15), 13) == date(2023, 12, 15)


@pytest.mark.parametrize(
    ("last", "quiet"),
    [(date(2024, 12, 30), False), (date(2024, 12, 29), True), (date(2025, 6, 30), False)],
    ids=["exactly-six-months", "a-day-more", "on-as-of"],
)
def test_quiet_after_no_engagement_for_n_months(last, quiet):
    as_of = date(2025, 6, 30)  # six months before is 30 December 2024
    report = run([org(1)], [met(1, 1, on=last)], period=Period(date(2024, 1, 1), as_of), as_of=as_of, quiet_months=6)
    (measures,) = report.organisations
    assert (Flag.QUIET in measures.flags) is quiet
    assert Flag.NEVER_ENGAGED not in measures.flags
    assert measures.last_engaged == last


def test_an_organisation_that_never_took_part_is_quiet_and_never_engaged():
    report = run([org(1), org(2), org(3)], [met(1, 1, 2)])
    assert by_id(report)[3].flags == (Flag.QUIET, Flag.NEVER_ENGAGED)
    assert by_id(report)[3].last_engaged is None


def test_quietness_looks_before_the_period_and_ignores_what_comes_after_as_of():
    engagements = [met(1, 1, on=date(2024, 12, 31)), met(2, 2, on=date(2026, 1, 5))]
    report = run([org(1), org(2)], engagements)
    assert by_id(report)[1].last_engaged == date(2024, 12, 31)
    assert Flag.QUIET not in by_id(report)[1].flags  # exactly twelve months before 31 December 2025
    assert by_id(report)[1].engagements == 0  # but not in the period
    assert by_id(report)[2].flags == (Flag.QUIET, Flag.NEVER_ENGAGED)  # after as_of: not happened yet


def test_a_relationship_with_itself_is_rejected():
    with pytest.raises(SelfRelationshipError) as raised:
        RelationshipFacts(a=3, b=3, type="partner")
    assert raised.value.organisation_id == 3


def test_a_relationship_that_ends_before_it_starts_is_rejected():
    with pytest.raises(AnalyticsError, match="ends 2024-01-01 before it starts 2025-01-01"):
        RelationshipFacts(a=1, b=2, type="partner", valid_from=date(2025, 1, 1), valid_to=date(2024, 1, 1))


@pytest.mark.parametrize("where", ["engagement", "relationship"])
def test_an_unknown_organisation_is_rejected(where):
    engagements = [met(7, 1, 99)] if where == "engagement" else []
    relationships = [RelationshipFacts(1, 99, "partner")] if where == "relationship" else []
    with pytest.raises(UnknownOrganisationError, match="organisation 99"):
        run([org(1)], engagements, relationships)


def test_the_same_id_with_different_data_is_rejected():
    with pytest.raises(AnalyticsError, match="engagement 1 is given twice"):
        run([org(1), org(2)], [met(1, 1), met(1, 2)])
    with pytest.raises(AnalyticsError, match="organisation 1 is given twice"):
        run([org(1), org(1, kind="school")], [])


def test_a_single_organisation_engagement_makes_no_tie_but_counts_as_activity():
    report = run([org(1), org(2)], [met(1, 1), met(2, 1, 2, on=date(2025, 2, 1))])
    measures = by_id(report)
    assert [(t.a, t.b, t.meetings) for t in report.ties] == [(1, 2, 1)]
    assert measures[1].engagements == 2
    assert measures[1].activity > measures[2].activity
    alone = run([org(1)], [met(1, 1)])
    assert alone.ties == ()
    assert alone.organisations[0].engagements == 1
    assert alone.organisations[0].flags == (Flag.MOST_ACTIVE,)
    assert alone.coverage_by_kind[0].engaged == 1


def test_relationships_count_only_when_valid_in_the_period():
    relationships = [
        RelationshipFacts(1, 2, "member_of", valid_from=date(2020, 1, 1), valid_to=date(2024, 12, 31)),  # before
        RelationshipFacts(1, 3, "partner", valid_from=date(2026, 1, 1)),  # after
        RelationshipFacts(1, 4, "partner", valid_from=date(2025, 12, 1), valid_to=date(2026, 6, 30)),  # overlaps
        RelationshipFacts(1, 5, "supplier", valid_to=date(2025, 1, 1)),  # its last day is the first of the period
    ]
    report = run([org(i) for i in range(1, 6)], [], relationships)
    assert [(t.a, t.b, t.relationship_types, t.meetings) for t in report.ties] == [
        (1, 4, ("partner",), 0),
        (1, 5, ("supplier",), 0),
    ]
    ties = {t.b: t.weight for t in report.ties}
    assert ties[4] == 1  # still valid on as_of: like a meeting on as_of
    assert ties[5] == pytest.approx(recency_weight(date(2025, 1, 1), as_of=AS_OF, half_life_months=12))


def test_a_relationship_starting_after_as_of_is_not_yet_there():
    relationship = RelationshipFacts(4, 1, "partner", valid_from=date(2025, 7, 1))
    report = run([org(1), org(4)], [], [relationship], as_of=date(2025, 6, 30))
    assert report.ties == ()


def test_a_relationship_is_not_activity():
    report = run([org(1), org(2), org(3)], [met(1, 3)], [RelationshipFacts(1, 2, "partner")])
    assert by_id(report)[1].weighted_degree == 1
    assert report.most_active() == (by_id(report)[3],)
    assert by_id(report)[1].flags == (Flag.QUIET, Flag.NEVER_ENGAGED)


def test_coverage_by_kind_and_municipality():
    orgs = [
        org(1, "museum", "Sokolov"),
        org(2, "museum", "Loket"),
        org(3, "school", "Sokolov"),
        org(4, "school", "Sokolov"),
        org(5, "enterprise", ""),
    ]
    engagements = [met(1, 1, 3), met(2, 5, on=date(2024, 6, 1))]  # the second is before the period
    report = run(orgs, engagements)
    kinds = [(c.key, c.organisations, c.engaged, c.share) for c in report.coverage_by_kind]
    assert kinds == [("enterprise", 1, 0, 0.0), ("museum", 2, 1, 0.5), ("school", 2, 1, 0.5)]
    towns = [(c.key, c.organisations, c.engaged) for c in report.coverage_by_municipality]
    assert towns == [("", 1, 0), ("Loket", 1, 0), ("Sokolov", 3, 2)]


def test_most_active_is_a_share_with_a_minimum_and_ties_cut_by_name():
    # 30 organisations meeting in pairs on the same day: all equally active. 10 % of 30 is 3, not
    # the 4 that 0.1 * 30 = 3.0000000000000004 would round up to.
    orgs = [org(i, name=f"Org {31 - i:02d}") for i in range(1, 31)]
    report = run(orgs, pairs((i, i + 1) for i in range(1, 30, 2)))
    assert [o.name for o in report.most_active()] == ["Org 01", "Org 02", "Org 03"]
    assert [o.id for o in report.most_active()] == [30, 29, 28]
    assert len(run(orgs, [], most_active_share=0.1).most_active()) == 0  # nobody engaged
    assert len(run(orgs[:3], pairs([(1, 2)]), most_active_share=0, most_active_minimum=1).most_active()) == 1


def test_no_organisations_and_no_facts():
    report = run([], [])
    assert report.organisations == report.ties == report.communities == report.coverage_by_kind == ()
    assert layout(report) == {}


def test_the_report_is_json():
    orgs, engagements = two_cliques_and_a_bridge()
    data = json.loads(json.dumps(run(orgs, engagements, [RelationshipFacts(1, 10, "partner")]).to_data()))
    first = data["organisations"][0]
    assert set(first) == {
        "id",
        "name",
        "kind",
        "municipality",
        "engagements",
        "activity",
        "partners",
        "weighted_degree",
        "betweenness",
        "community",
        "activity_rank",
        "last_engaged",
        "flags",
    }
    assert first["flags"] == ["most_active"]
    assert first["last_engaged"] == "2025-06-01"
    assert data["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert data["coverage_by_kind"] == [{"key": "museum", "organisations": 10, "engaged": 10, "share": 1.0}]
    assert data["ties"][-1]["relationship_types"] == [] and data["ties"][0]["relationship_types"] == []
    assert ["partner"] in [t["relationship_types"] for t in data["ties"]]


def test_large_graphs_are_measured_on_the_backbone_with_sampled_pivots():
    orgs, engagements = two_cliques_and_a_bridge()
    engagements[-1] = met(engagements[-1].id, 5, 6, on=date(2025, 1, 2))  # the bridge: older, the weakest tie
    options = {"backbone_edge_limit": 5, "backbone_ties": 4, "exact_betweenness_limit": 4, "betweenness_pivots": 4}
    report = run(orgs, engagements, **options)
    assert report.approximations == {"backbone_ties": 4, "betweenness_pivots": 4}
    # Neither 5 nor 6 counts the bridge among its four strongest ties, but the spanning forest keeps
    # it, so its ends still broker and the communities hold.
    top = sorted(report.organisations, key=lambda o: -o.betweenness)[:2]
    assert {o.id for o in top} == {5, 6}
    assert report.communities == ((1, 2, 3, 4, 5), (6, 7, 8, 9, 10))
    assert run(orgs, engagements, **options) == report
    assert run(orgs, engagements).approximations == {}


def test_layout_is_seeded_bounded_and_keeps_cliques_together():
    orgs, engagements = two_cliques_and_a_bridge()
    report = run(orgs, engagements)
    positions = layout(report)
    assert positions == layout(report)
    assert set(positions) == set(range(1, 11))
    assert max(abs(c) for p in positions.values() for c in p) == pytest.approx(1.0)
    inside = [math.dist(positions[a], positions[b]) for a in range(1, 6) for b in range(a + 1, 6)]
    across = [math.dist(positions[a], positions[b]) for a in range(1, 6) for b in range(6, 11)]
    assert max(inside) < min(across) or sum(inside) / len(inside) < sum(across) / len(across) / 2


def test_layout_of_one_and_of_isolated_organisations():
    assert spring_positions([7], []) == {7: (0.0, 0.0)}
    positions = spring_positions([1, 2, 3], [])
    assert len(set(positions.values())) == 3


ENGAGEMENTS = st.lists(
    st.tuples(
        st.dates(date(2023, 1, 1), date(2026, 3, 1)),
        st.frozensets(st.integers(1, 8), min_size=1, max_size=4),
    ),
    max_size=25,
)
RELATIONSHIPS = st.lists(
    st.tuples(st.integers(1, 8), st.integers(1, 8), st.none() | st.dates(date(2023, 1, 1), date(2026, 1, 1))).filter(
        lambda r: r[0] != r[1]
    ),
    max_size=5,
)


@settings(deadline=None, max_examples=60)
@given(ENGAGEMENTS, RELATIONSHIPS, st.randoms(use_true_random=False))
def test_invariants_on_generated_networks(drawn, drawn_relationships, shuffler):
    orgs = [org(i, KINDS[i % len(KINDS)], f"Town {i % 3}") for i in range(1, 9)]
    engagements = [met(i, *ids, on=day) for i, (day, ids) in enumerate(drawn, 1)]
    relationships = [RelationshipFacts(a, b, "partner", valid_from=start) for a, b, start in drawn_relationships]
    report = run(orgs, engagements, relationships)

    # The order of the facts does not matter.
    for facts in (orgs, engagements, relationships):
        shuffler.shuffle(facts)
    assert run(orgs, engagements, relationships) == report

    measures = report.organisations
    assert sum(o.weighted_degree for o in measures) == pytest.approx(2 * sum(t.weight for t in report.ties))
    assert all(0 <= o.betweenness <= 1 + 1e-9 for o in measures)
    assert sorted(i for c in report.communities for i in c) == list(range(1, 9))
    assert [o.activity_rank for o in measures] == list(range(1, 9))
    engaged = sum(1 for o in measures if o.engagements)
    assert len(report.most_active()) == min(1, engaged)  # 10 % of 8 organisations is one
    assert sum(c.engaged for c in report.coverage_by_kind) == engaged
    assert sum(c.organisations for c in report.coverage_by_municipality) == 8
    for o in measures:
        assert (Flag.NEVER_ENGAGED in o.flags) == (o.last_engaged is None)
        assert (Flag.QUIET in o.flags) == (o.last_engaged is None or o.last_engaged < date(2024, 12, 31))
        assert o.last_engaged is None or o.last_engaged <= AS_OF
    json.dumps(report.to_data())


def test_larger_network_is_deterministic():
    rng = random.Random(3)
    orgs = [org(i, KINDS[i % 5], f"Town {i % 7}") for i in range(60)]
    engagements = [
        met(e, *rng.sample(range(60), rng.randint(1, 5)), on=date(2025, rng.randint(1, 12), rng.randint(1, 28)))
        for e in range(300)
    ]
    options = {"exact_betweenness_limit": 30, "betweenness_pivots": 20, "backbone_edge_limit": 200}
    first = run(orgs, engagements, **options)
    assert first.approximations == {"backbone_ties": 10, "betweenness_pivots": 20}
    assert run(list(reversed(orgs)), list(reversed(engagements)), **options) == first
    assert layout(first) == layout(run(orgs, engagements, **options))
