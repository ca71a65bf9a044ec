"""The cooperation pages: who may see and change what, the forms, suggestions and the public summary."""

import datetime

import pytest
from django.urls import reverse

from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.cooperation.services import cooperations
from inducult.engagement.enums import EngagementStatus
from inducult.network.enums import OrganisationKind
from tests.factories import CooperationFactory, OrganisationFactory
from tests.queries import queries_at_two_sizes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]

FEEDBACK = "Petr Novák říká, že pohovor byl skvělý"


@pytest.fixture
def cooperation(region, school, enterprise):
    cooperation = CooperationFactory(region=region, partner_a=school, partner_b=enterprise, school_year=2019)
    cooperations.add_activity(
        cooperation=cooperation,
        actor=None,
        data={"type": "excursion", "date": datetime.date(2019, 10, 16), "pupils": 22, "pupil_feedback": FEEDBACK},
        status=EngagementStatus.HELD,
    )
    return cooperation


def url(name, region, *args):
    return reverse(f"cooperation:{name}", args=[region.slug, *args])


@pytest.mark.parametrize("persona", ["coordinator", "editor", "viewer"])
def test_everyone_in_the_back_office_reads(client, request, region, cooperation, persona):
    client.force_login(request.getfixturevalue(persona))
    for name, args in (("list", ()), ("detail", (cooperation.pk,)), ("summary", ()), ("suggestions", ())):
        assert client.get(url(name, region, *args)).status_code == 200


@pytest.mark.parametrize("persona", ["editor", "viewer", "outsider"])
def test_only_the_coordinator_records(client, request, region, cooperation, persona):
    client.force_login(request.getfixturevalue(persona))
    for name, args in (("create", ()), ("edit", (cooperation.pk,)), ("activity_create", (cooperation.pk,))):
        assert client.get(url(name, region, *args)).status_code == 403
        assert client.post(url(name, region, *args), {}).status_code == 403


def test_outsiders_and_the_public_do_not_enter_the_back_office(client, region, cooperation, outsider):
    assert client.get(url("list", region)).status_code == 302
    client.force_login(outsider)
    assert client.get(url("detail", region, cooperation.pk)).status_code == 403


def test_detail_shows_feedback_to_the_back_office(client, viewer, region, cooperation):
    client.force_login(viewer)
    response = client.get(url("detail", region, cooperation.pk))
    assert FEEDBACK in response.content.decode()


def test_the_coordinator_records_a_cooperation(coordinator_client, region, school, enterprise):
    response = coordinator_client.post(
        url("create", region),
        {"kind": "school_enterprise", "partner_a": school.pk, "partner_b": enterprise.pk, "school_year": "2020/21"},
    )
    cooperation = Cooperation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", region, cooperation.pk)
    assert cooperation.school_year == 2020


def test_a_bad_pair_is_refused_in_the_form_with_the_reason(coordinator_client, region, school, enterprise, creative):
    response = coordinator_client.post(
        url("create", region),
        {"kind": "creative_industry", "partner_a": school.pk, "partner_b": enterprise.pk, "school_year": "2020/2021"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["partner_a"] == [
        "ISŠTE Sokolov is not a creative professional or studio; a creative–industry cooperation needs a creative on "
        "this side."
    ]
    assert not Cooperation.objects.exists()


def test_the_coordinator_adds_an_activity_and_implausible_pupils_are_refused(coordinator_client, region, cooperation):
    data = {"type": "workshop", "date": "2020-02-20", "status": "held", "pupils": "900"}
    response = coordinator_client.post(url("activity_create", region, cooperation.pk), data)
    assert response.status_code == 200
    assert response.context["form"].errors["pupils"] == [
        "More than 500 pupils in one activity is not plausible; check the number."
    ]
    data["pupils"] = "15"
    response = coordinator_client.post(url("activity_create", region, cooperation.pk), data)
    assert response.status_code == 302
    activity = CooperationActivity.objects.get(type="workshop")
    assert (activity.pupils, activity.engagement.status) == (15, "held")


def test_editing_an_activity_with_an_old_version_is_a_conflict(coordinator_client, region, cooperation):
    activity = cooperation.activities.get()
    edit = url("activity_edit", region, cooperation.pk, activity.pk)
    data = {"type": "excursion", "date": "2019-10-16", "status": "held", "pupils": "23", "version": "1"}
    assert coordinator_client.post(edit, data).status_code == 302
    data["pupils"] = "24"
    response = coordinator_client.post(edit, data)
    assert response.status_code == 409
    activity.refresh_from_db()
    assert activity.pupils == 23
    # The page names the field that differs, with the saved value next to the one submitted.
    assert [(d["stored"], d["mine"]) for d in response.context["differing"]] == [("23", "24")]
    assert "Their values are shown next to yours" in response.context["conflict_message"]
    assert response.context["form"]["version"].value() == "2"  # saving again overwrites deliberately


def test_editing_a_cooperation_with_an_old_version_shows_what_was_saved_meanwhile(
    coordinator_client, region, cooperation
):
    edit = url("edit", region, cooperation.pk)
    data = {"note": "First", "source": "", "version": str(cooperation.version)}
    assert coordinator_client.post(edit, data).status_code == 302
    data["note"] = "Second"
    response = coordinator_client.post(edit, data)
    assert response.status_code == 409
    assert [(d["stored"], d["mine"]) for d in response.context["differing"]] == [("First", "Second")]
    cooperation.refresh_from_db()
    assert cooperation.note == "First"


def test_suggestions_for_a_school(client, viewer, region, school, enterprise):
    far = OrganisationFactory(region=region, name="Far works", kind=OrganisationKind.ENTERPRISE, town="Cheb")
    client.force_login(viewer)
    response = client.get(url("suggestions", region) + f"?school={school.pk}")
    rows = response.context["rows"]
    assert [row["enterprise"] for row in rows] == [enterprise, far]
    assert rows[0]["reasons"] == ["In the same town (Sokolov)"]


def test_list_query_count_does_not_grow_with_cooperations(client, viewer, region, cooperation):
    client.force_login(viewer)

    measured = queries_at_two_sizes(  # the fixture's cooperation, then five more
        add=lambda n: CooperationFactory.create_batch(n, partner_a__region=region, partner_b__region=region),
        run=lambda: client.get(url("list", region)),
        sizes=(0, 5),
        at_most=10,
    )

    assert [response.status_code for response in measured.results] == [200, 200]


def test_public_summary_shows_counts_and_no_feedback(client, region, cooperation):
    index = client.get(reverse("cooperation:public_index", args=[region.slug]))
    assert index.status_code == 200
    assert "1 cooperation, 1 activity held, 22 pupils taking part." in index.content.decode()
    response = client.get(reverse("cooperation:public_year", args=[region.slug, 2019]))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["summary"].pupils == 22
    assert "ISŠTE Sokolov" in html and "Sokolovská uhelná" in html
    assert FEEDBACK not in html and "Petr" not in html
    assert '<span class="badge sample" data-testid="sample-mark">' in html  # the pair is a sample, and says so


def test_public_summary_of_a_year_without_cooperation_is_not_found(client, region):
    assert client.get(reverse("cooperation:public_year", args=[region.slug, 2005])).status_code == 404


def test_the_coordinators_forms_render(coordinator_client, region, cooperation, school):
    activity = cooperation.activities.get()
    for name, args in (
        ("create", ()),
        ("edit", (cooperation.pk,)),
        ("activity_create", (cooperation.pk,)),
        ("activity_edit", (cooperation.pk, activity.pk)),
    ):
        assert coordinator_client.get(url(name, region, *args)).status_code == 200
    response = coordinator_client.get(url("summary", region) + "?year=2019")
    assert response.context["summary"].pupils == 22
    response = coordinator_client.get(url("suggestions", region) + f"?school={school.pk}")
    assert "Record a cooperation" in response.content.decode()
