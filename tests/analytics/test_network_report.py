"""The network report read from the database (analytics.services.reports), `manage.py network_report`, and
the declared relationships between organisations that feed it."""

import datetime
import json
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from inducult.analytics.domain.network import AnalyticsOptions, Flag
from inducult.analytics.services.reports import network_report
from inducult.core.models import AuditAction, AuditEntry
from inducult.engagement.enums import EngagementStatus
from inducult.network.models import OrganisationRelationship
from tests.factories import (
    PRAGUE,
    EngagementFactory,
    EngagementParticipantFactory,
    OrganisationFactory,
    OrganisationRelationshipFactory,
    UserFactory,
)
from tests.queries import queries_at_two_sizes

# Every report here is of 2024, seen as of 31 December 2024 (today is later).
NOW = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=PRAGUE)


def meeting(region, *organisations, on=datetime.date(2024, 6, 1), hour=10, **fields):
    engagement = EngagementFactory(
        region=region, starts_at=datetime.datetime.combine(on, datetime.time(hour), tzinfo=PRAGUE), **fields
    )
    for organisation in organisations:
        EngagementParticipantFactory(engagement=engagement, organisation=organisation)
    return engagement


def report_2024(region, **kwargs):
    return network_report(region, year=2024, now=NOW, **kwargs)


def by_name(report):
    return {o.name: o for o in report.organisations}


# --- The service -----------------------------------------------------------------------------


def test_report_star_of_meetings_makes_the_centre_most_active_and_the_broker(region):
    centre = OrganisationFactory(region=region, name="Centre")
    leaves = [OrganisationFactory(region=region, name=f"Leaf {i}") for i in range(5)]
    for month, leaf in enumerate(leaves, 1):
        meeting(region, centre, leaf, on=datetime.date(2024, month, 10))
    report = report_2024(region)
    assert report.period.start == datetime.date(2024, 1, 1)
    assert report.as_of == datetime.date(2024, 12, 31)
    measures = by_name(report)
    assert [o.name for o in report.most_active()] == ["Centre"]
    assert measures["Centre"].activity_rank == 1
    assert measures["Centre"].engagements == 5
    assert measures["Centre"].partners == 5
    assert measures["Centre"].betweenness == pytest.approx(1.0)
    assert measures["Leaf 0"].partners == 1
    assert len(report.ties) == 5


def test_report_flags_an_organisation_unmet_for_thirteen_months_as_quiet(region):
    old, recent, other = (OrganisationFactory(region=region, name=n) for n in ("Old", "Recent", "Other"))
    never = OrganisationFactory(region=region, name="Never")
    meeting(region, old, other, on=datetime.date(2023, 11, 30))
    meeting(region, recent, other, on=datetime.date(2024, 3, 1))
    measures = by_name(report_2024(region))
    assert Flag.QUIET in measures["Old"].flags
    assert measures["Old"].last_engaged == datetime.date(2023, 11, 30)
    assert measures["Old"].engagements == 0  # the old meeting is not in the period's graph
    assert measures["Old"].partners == 0
    assert Flag.QUIET not in measures["Recent"].flags
    assert measures["Never"].flags == (Flag.QUIET, Flag.NEVER_ENGAGED)
    assert measures["Never"].last_engaged is None
    assert never.pk == measures["Never"].id


def test_report_quiet_months_is_the_callers_choice(region):
    a, b = OrganisationFactory(region=region, name="A"), OrganisationFactory(region=region, name="B")
    meeting(region, a, b, on=datetime.date(2024, 3, 1))
    assert Flag.QUIET not in by_name(report_2024(region))["A"].flags
    assert Flag.QUIET in by_name(report_2024(region, quiet_months=6))["A"].flags


def test_report_ignores_planned_and_deleted_engagements(region):
    a, b, c = (OrganisationFactory(region=region, name=n) for n in "ABC")
    meeting(region, a, b, on=datetime.date(2024, 5, 1), status=EngagementStatus.PLANNED)
    meeting(region, a, c, on=datetime.date(2024, 5, 2), deleted_at=timezone.now())
    report = report_2024(region)
    assert report.ties == ()
    assert all(o.engagements == 0 and o.last_engaged is None for o in report.organisations)
    assert report.most_active() == ()


def test_report_ignores_other_regions_and_archived_organisations(region, other_region):
    a, b = OrganisationFactory(region=region, name="A"), OrganisationFactory(region=region, name="B")
    archived = OrganisationFactory(region=region, name="Archived", archived_at=timezone.now())
    stranger = OrganisationFactory(region=other_region, name="Stranger")
    meeting(region, a, stranger, archived)  # a participant of another region, slipped past clean()
    meeting(other_region, a, b)  # an engagement of another region
    report = report_2024(region)
    assert set(by_name(report)) == {"A", "B"}
    assert report.ties == ()
    assert by_name(report)["A"].engagements == 1  # it did take part; it met no one of this region
    assert by_name(report)["B"].engagements == 0


def test_report_counts_engagements_by_the_regions_local_date(region):
    a, b = OrganisationFactory(region=region, name="A"), OrganisationFactory(region=region, name="B")
    c = OrganisationFactory(region=region, name="C")
    # 23:30 on 31 December in Prague is still 2024; 00:30 on 1 January is 2025 (23:30 UTC in 2024).
    meeting(region, a, b, on=datetime.date(2024, 12, 31), hour=23)
    meeting(region, a, c, on=datetime.date(2025, 1, 1), hour=0)
    report = report_2024(region)
    assert [(t.a, t.b) for t in report.ties] == [(a.pk, b.pk)]
    assert by_name(report)["A"].last_engaged == datetime.date(2024, 12, 31)


def test_report_as_of_today_in_the_current_year(region):
    a, b = OrganisationFactory(region=region, name="A"), OrganisationFactory(region=region, name="B")
    meeting(region, a, b, on=datetime.date(2025, 5, 1))
    report = network_report(region, year=2025, now=NOW)
    assert report.as_of == datetime.date(2025, 6, 1)
    assert report.period.end == datetime.date(2025, 12, 31)
    assert by_name(report)["A"].engagements == 1


def test_report_adds_declared_relationships_valid_in_the_period(region):
    a, b, c = (OrganisationFactory(region=region, name=n) for n in "ABC")
    OrganisationRelationshipFactory(source=a, target=b, kind="membership", valid_from=datetime.date(2020, 1, 1))
    OrganisationRelationshipFactory(source=a, target=c, valid_to=datetime.date(2023, 12, 31))  # ended before 2024
    report = report_2024(region)
    assert [(t.a, t.b, t.meetings, t.relationship_types) for t in report.ties] == [(a.pk, b.pk, 0, ("membership",))]
    # A declared relationship is a tie, not activity.
    assert report.most_active() == ()


def test_report_of_a_period_and_custom_options(region):
    a, b = OrganisationFactory(region=region, name="A"), OrganisationFactory(region=region, name="B")
    meeting(region, a, b, on=datetime.date(2024, 2, 1))
    meeting(region, a, b, on=datetime.date(2024, 9, 1))
    report = network_report(
        region,
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2024, 6, 30),
        now=NOW,
        options=AnalyticsOptions(most_active_share=1.0),
    )
    assert report.as_of == datetime.date(2024, 6, 30)
    assert by_name(report)["A"].engagements == 1
    # as_of defaults to the period's end, so the September meeting is not seen at all.
    assert by_name(report)["A"].last_engaged == datetime.date(2024, 2, 1)
    assert {o.name for o in report.most_active()} == {"A", "B"}
    with pytest.raises(ValueError):
        network_report(region, year=2024, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 2, 1))
    with pytest.raises(ValueError):
        network_report(region)


def test_report_last_engaged_sees_beyond_the_period_up_to_as_of(region):
    a, b = OrganisationFactory(region=region, name="A"), OrganisationFactory(region=region, name="B")
    meeting(region, a, b, on=datetime.date(2024, 2, 1))
    meeting(region, a, b, on=datetime.date(2024, 9, 1))
    report = network_report(
        region, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 6, 30), as_of=datetime.date(2024, 12, 31)
    )
    assert by_name(report)["A"].engagements == 1
    assert by_name(report)["A"].last_engaged == datetime.date(2024, 9, 1)


def _populate(region, size):
    orgs = [OrganisationFactory(region=region) for _ in range(size)]
    for i in range(size):
        meeting(region, orgs[i], orgs[(i + 1) % size], on=datetime.date(2024, 1 + i % 12, 5))
        meeting(region, orgs[i], on=datetime.date(2022, 1 + i % 12, 5))
    OrganisationRelationshipFactory(source=orgs[0], target=orgs[1])


def test_report_queries_do_not_grow_with_the_log(region):
    measured = queries_at_two_sizes(
        add=lambda n: _populate(region, n), run=lambda: report_2024(region), sizes=(3, 30), at_most=4
    )

    assert [len(report.organisations) for report in measured.results] == [3, 30]


# --- The relationship model ------------------------------------------------------------------


def test_relationship_to_itself_is_refused_with_a_reason(region, museum, english):
    relationship = OrganisationRelationship(source=museum, target=museum, kind="partnership")
    with pytest.raises(ValidationError) as refused:
        relationship.full_clean()
    assert refused.value.message_dict == {"target": ["An organisation cannot have a relationship with itself."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        relationship.save()


def test_relationship_ending_before_it_starts_is_refused(region, museum, english):
    other = OrganisationFactory(region=region)
    relationship = OrganisationRelationship(
        source=museum,
        target=other,
        kind="partnership",
        valid_from=datetime.date(2024, 5, 1),
        valid_to=datetime.date(2024, 4, 30),
    )
    with pytest.raises(ValidationError) as refused:
        relationship.full_clean()
    assert refused.value.message_dict == {"valid_to": ["The end must not be before the start."]}


def test_relationship_across_regions_is_refused(museum, other_region, english):
    stranger = OrganisationFactory(region=other_region)
    with pytest.raises(ValidationError) as refused:
        OrganisationRelationship(source=museum, target=stranger, kind="partnership").full_clean()
    assert refused.value.message_dict == {"target": ["The two organisations belong to different regions."]}


def test_relationship_overlapping_one_of_the_same_kind_is_refused(region, museum):
    other = OrganisationFactory(region=region)
    OrganisationRelationshipFactory(source=museum, target=other, valid_from=datetime.date(2020, 1, 1))
    overlapping = OrganisationRelationship(
        source=other, target=museum, kind="partnership", valid_from=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError) as refused:
        overlapping.full_clean()
    assert "kind" in refused.value.message_dict
    # Another kind, or the same kind at another time, is fine.
    OrganisationRelationship(source=other, target=museum, kind="supplier").full_clean()
    OrganisationRelationship(
        source=other, target=museum, kind="partnership", valid_to=datetime.date(2019, 12, 31)
    ).full_clean()


def test_admin_refuses_a_relationship_to_itself_and_audits_a_valid_one(english_client, region, museum):
    english_client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    address = reverse("admin:network_organisationrelationship_add")
    form = {"source": museum.pk, "target": museum.pk, "kind": "partnership", "note": ""}
    response = english_client.post(address, form)
    assert response.status_code == 200
    assert "An organisation cannot have a relationship with itself." in response.content.decode()
    other = OrganisationFactory(region=region)
    response = english_client.post(address, {**form, "target": other.pk})
    assert response.status_code == 302
    relationship = OrganisationRelationship.objects.get()
    entry = AuditEntry.objects.get(action=AuditAction.CREATE, object_id=str(relationship.pk))
    assert entry.region == region


# --- The command ----------------------------------------------------------------------------


def run(*args):
    out = StringIO()
    call_command("network_report", *args, stdout=out)
    return out.getvalue()


def test_command_json_gives_measures_flags_and_coverage(region):
    centre = OrganisationFactory(region=region, name="Centre", kind="museum")
    leaves = [OrganisationFactory(region=region, name=f"Leaf {i}", kind="school") for i in range(3)]
    quiet = OrganisationFactory(region=region, name="Quiet", kind="enterprise")
    for leaf in leaves:
        meeting(region, centre, leaf)
    data = json.loads(run("--region", region.slug, "--year", "2024", "--json"))
    assert data["region"] == region.slug
    assert data["year"] == 2024
    assert data["period"] == {"start": "2024-01-01", "end": "2024-12-31"}
    assert data["as_of"] == "2024-12-31"
    organisations = {o["name"]: o for o in data["organisations"]}
    assert set(organisations["Centre"]) >= {
        "id",
        "engagements",
        "partners",
        "weighted_degree",
        "betweenness",
        "community",
        "activity_rank",
        "last_engaged",
        "flags",
    }
    assert organisations["Centre"]["flags"] == ["most_active"]
    assert organisations["Centre"]["engagements"] == 3
    assert organisations["Centre"]["last_engaged"] == "2024-06-01"
    assert organisations["Quiet"]["flags"] == ["quiet", "never_engaged"]
    assert organisations["Quiet"]["id"] == quiet.pk
    assert data["coverage_by_kind"] == [
        {"key": "enterprise", "organisations": 1, "engaged": 0, "share": 0.0},
        {"key": "museum", "organisations": 1, "engaged": 1, "share": 1.0},
        {"key": "school", "organisations": 3, "engaged": 3, "share": 1.0},
    ]
    assert data["options"]["quiet_months"] == 12


def test_command_quiet_months_option(region):
    a, b = OrganisationFactory(region=region, name="A"), OrganisationFactory(region=region, name="B")
    meeting(region, a, b, on=datetime.date(2024, 3, 1))
    data = json.loads(run("--region", region.slug, "--year", "2024", "--json", "--quiet-months", "6"))
    assert data["options"]["quiet_months"] == 6
    assert all("quiet" in o["flags"] for o in data["organisations"])


def test_command_table_lists_most_active_then_quiet(region):
    centre = OrganisationFactory(region=region, name="Centre")
    leaf = OrganisationFactory(region=region, name="Leaf")
    OrganisationFactory(region=region, name="Silent", kind="school")
    meeting(region, centre, leaf)
    out = run("--region", region.slug, "--year", "2024")
    assert out.index("Most active") < out.index("Centre") < out.index("Quiet (no engagement in 12 months)")
    quiet_part = out[out.index("Quiet (") : out.index("All organisations")]
    assert "Silent" in quiet_part
    assert "never" in quiet_part
    assert "Coverage by kind" in out


def test_command_year_without_data_is_an_empty_report(region):
    OrganisationFactory(region=region, name="A")
    data = json.loads(run("--region", region.slug, "--year", "1995", "--json"))
    assert data["ties"] == []
    assert [o["engagements"] for o in data["organisations"]] == [0]


def test_command_unknown_region_lists_the_known_slugs(region, other_region):
    with pytest.raises(CommandError, match=r"No region with the slug 'nowhere'\. Known slugs: karlovy-vary, saxony\."):
        run("--region", "nowhere", "--year", "2024")


@pytest.mark.parametrize("year", ["1989", "2999"])
def test_command_refuses_a_year_out_of_range(region, year):
    with pytest.raises(CommandError, match=rf"The year must be between 1990 and \d{{4}}, got {year}\."):
        run("--region", region.slug, "--year", year)


def test_command_refuses_zero_quiet_months(region):
    with pytest.raises(CommandError, match="--quiet-months must be at least 1, got 0"):
        run("--region", region.slug, "--year", "2024", "--quiet-months", "0")
