import datetime
import json

import pytest
import vobject
from django.test import Client
from django.urls import reverse

from inducult.core.models import AuditAction, AuditEntry
from inducult.network.models import Membership, Person
from inducult.network.services import people as people_services
from inducult.network.services.people import add_membership, create_person
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory
from tests.queries import queries_at_two_sizes
from tests.refusals import assert_refusal_shown, refusing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


def url(name, *args):
    return reverse(f"network:{name}", args=["karlovy-vary", *args])


def person_data(person=None, **overrides):
    data = {
        "title": "",
        "first_name": "Jana",
        "last_name": "Dvořáková",
        "email": "jana@example.org",
        "phone": "",
        "language": "cs",
        "lawful_basis": "legitimate_interests",
        "consent_date": "",
        "notes": "",
    }
    if person is not None:
        data.update(
            first_name=person.first_name, last_name=person.last_name, email=person.email, version=str(person.version)
        )
    data.update(overrides)
    return data


@pytest.fixture
def jana(region, coordinator, museum):
    person = create_person(
        region=region,
        actor=coordinator,
        data={
            "first_name": "Jana",
            "last_name": "Dvořáková",
            "email": "jana@example.org",
            "lawful_basis": "consent",
            "consent_date": datetime.date(2024, 5, 1),
        },
    )
    add_membership(person=person, organisation=museum, actor=coordinator, role="ředitelka")
    return person


def test_people_pages_are_for_coordinators_only(client, editor, viewer, jana):
    for user in (editor, viewer):
        client.force_login(user)
        for name, args in (("person_list", ()), ("person_detail", (jana.pk,)), ("people_vcard", ())):
            assert client.get(url(name, *args)).status_code == 403


def test_person_list_search_ignores_diacritics(coordinator_client, region, jana):
    PersonFactory(region=region, first_name="Petr", last_name="Novák")
    response = coordinator_client.get(url("person_list"), {"q": "dvorakova"})
    assert [row["person"] for row in response.context["rows"]] == [jana]
    assert "ředitelka" in response.content.decode()


def test_person_list_query_count_does_not_grow_with_rows(coordinator_client, region, museum):
    measured = queries_at_two_sizes(
        add=lambda n: MembershipFactory.create_batch(n, person__region=region, organisation=museum),
        run=lambda: coordinator_client.get(url("person_list")),
        sizes=(3, 30),
        at_most=10,
    )

    assert [len(response.context["rows"]) for response in measured.results] == [3, 30]


def test_create_person_requires_consent_date_for_consent(coordinator_client):
    response = coordinator_client.post(url("person_create"), person_data(lawful_basis="consent"))
    assert response.status_code == 200
    assert response.context["form"].errors == {"consent_date": ["Consent needs the date it was given."]}
    assert not Person.objects.exists()
    response = coordinator_client.post(
        url("person_create"), person_data(lawful_basis="consent", consent_date="2025-01-31")
    )
    person = Person.objects.get()
    assert response["Location"] == url("person_detail", person.pk)
    assert person.consent_date == datetime.date(2025, 1, 31)


def test_person_edit_conflict_keeps_first_save_then_retry_succeeds(coordinator, jana):
    first, second = Client(HTTP_ACCEPT_LANGUAGE="en"), Client(HTTP_ACCEPT_LANGUAGE="en")
    first.force_login(coordinator)
    second.force_login(coordinator)
    stale = person_data(jana, lawful_basis="consent", consent_date="2024-05-01")
    assert first.post(url("person_edit", jana.pk), {**stale, "phone": "111"}).status_code == 302
    refused = second.post(url("person_edit", jana.pk), {**stale, "phone": "222"})
    assert refused.status_code == 409
    assert "Someone else saved this person after you started editing" in refused.content.decode()
    jana.refresh_from_db()
    assert jana.phone == "111"
    retry = second.post(url("person_edit", jana.pk), {**stale, "phone": "222", "version": str(jana.version)})
    assert retry.status_code == 302
    jana.refresh_from_db()
    assert jana.phone == "222"


def test_add_and_end_membership(coordinator_client, region, jana):
    school = OrganisationFactory(region=region, name="SPŠ Karlovy Vary", kind="school")
    response = coordinator_client.post(
        url("membership_create", jana.pk),
        {"membership-organisation": school.pk, "membership-role": "učitelka", "membership-start_date": "2020-09-01"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=school)
    assert membership.role == "učitelka"
    bad = coordinator_client.post(url("membership_end", membership.pk), {f"end-{membership.pk}-end_date": "2019-01-01"})
    assert bad.status_code == 400
    assert "The end must not be before the start (2020-09-01)." in bad.content.decode()
    ok = coordinator_client.post(url("membership_end", membership.pk), {f"end-{membership.pk}-end_date": "2024-06-30"})
    assert ok.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2024, 6, 30)
    assert AuditEntry.objects.filter(object_type="network.membership", object_id=str(membership.pk)).count() == 2


def test_membership_cannot_use_organisation_of_another_region(coordinator_client, other_region, jana):
    foreign = OrganisationFactory(region=other_region)
    response = coordinator_client.post(
        url("membership_create", jana.pk), {"membership-organisation": foreign.pk, "membership-role": "x"}
    )
    assert response.status_code == 400
    assert "organisation" in response.context["membership_form"].errors
    assert not Membership.objects.filter(organisation=foreign).exists()


def test_person_json_export_contains_data_and_is_audited(coordinator_client, jana):
    assert coordinator_client.get(url("person_export", jana.pk)).status_code == 405
    response = coordinator_client.post(url("person_export", jana.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(f'attachment; filename="person-{jana.pk}-')
    data = json.loads(response.content)
    assert data["person"]["last_name"] == "Dvořáková"
    assert data["person"]["consent_date"] == "2024-05-01"
    assert data["memberships"][0]["role"] == "ředitelka"
    assert AuditEntry.objects.filter(object_id=str(jana.pk), action=AuditAction.EXPORT).count() == 1


def test_person_vcard_download_parses(coordinator_client, jana):
    response = coordinator_client.get(url("person_vcard", jana.pk))
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Jana Dvořáková"
    assert card.email.value == "jana@example.org"
    assert card.org.value == ["Hornické muzeum Krásno"]
    assert card.title.value == "ředitelka"


def test_people_vcard_lists_everyone_not_erased(coordinator_client, region, coordinator, jana):
    other = PersonFactory(region=region, first_name="Petr", last_name="Svoboda")
    gone = PersonFactory(region=region, first_name="Eva", last_name="Smazaná")
    coordinator_client.post(url("person_erase", gone.pk))
    cards = list(vobject.readComponents(coordinator_client.get(url("people_vcard")).content.decode()))
    assert sorted(c.fn.value for c in cards) == ["Jana Dvořáková", str(other)]


def test_erase_shows_confirmation_then_removes_personal_data_everywhere(coordinator_client, jana):
    confirm = coordinator_client.get(url("person_erase", jana.pk))
    assert confirm.status_code == 200
    assert "This cannot be undone." in confirm.content.decode()
    coordinator_client.post(url("person_export", jana.pk))
    response = coordinator_client.post(url("person_erase", jana.pk), follow=True)
    assert f"Erased person #{jana.pk}" in response.content.decode()
    jana.refresh_from_db()
    assert (jana.first_name, jana.last_name, jana.email, jana.erased_at is not None) == ("", "", "", True)
    assert jana.memberships.get().role == "ředitelka"
    for entry in AuditEntry.objects.all():
        assert "Dvořáková" not in f"{entry.object_repr} {entry.summary} {entry.search_text} {entry.changes}"
    assert coordinator_client.get(url("person_vcard", jana.pk)).status_code == 404
    assert coordinator_client.get(url("person_edit", jana.pk)).status_code == 404


def test_person_of_another_region_is_404(coordinator_client, other_region):
    foreign = PersonFactory(region=other_region)
    for name in ("person_detail", "person_edit", "person_vcard", "person_erase"):
        assert coordinator_client.get(url(name, foreign.pk)).status_code == 404
    assert coordinator_client.post(url("person_export", foreign.pk)).status_code == 404


def test_create_person_shows_a_refusal_keyed_by_a_field_the_form_lacks(coordinator_client, monkeypatch):
    message = "This person cannot be added to the region."
    monkeypatch.setattr(people_services, "create_person", refusing("region", message))
    response = coordinator_client.post(url("person_create"), person_data())
    assert_refusal_shown(response, response.context["form"], message)
    assert not Person.objects.exists()


def test_edit_person_shows_a_refusal_keyed_by_a_field_the_form_lacks(coordinator_client, jana, monkeypatch):
    message = "The search text of this person was refused."
    monkeypatch.setattr(people_services, "update_person", refusing("search_text", message))
    data = person_data(jana, lawful_basis="consent", consent_date="2024-05-01", phone="111")
    response = coordinator_client.post(url("person_edit", jana.pk), data)
    assert_refusal_shown(response, response.context["form"], message)
    jana.refresh_from_db()
    assert jana.phone == ""


def test_add_membership_shows_a_refusal_keyed_by_a_field_the_form_lacks(coordinator_client, region, jana, monkeypatch):
    message = "The person and the organisation belong to different regions."
    monkeypatch.setattr(people_services, "add_membership", refusing("person", message))
    school = OrganisationFactory(region=region, kind="school")
    response = coordinator_client.post(
        url("membership_create", jana.pk),
        {"membership-organisation": school.pk, "membership-role": "učitelka", "membership-start_date": "2020-09-01"},
    )
    # A refused role is a 400 with the person's page, as for a role the form itself refuses.
    assert_refusal_shown(response, response.context["membership_form"], message, status=400)
    assert not Membership.objects.filter(organisation=school).exists()


def test_end_membership_shows_a_refusal_keyed_by_a_field_the_form_lacks(coordinator_client, jana, monkeypatch):
    message = "This role cannot be ended."
    monkeypatch.setattr(people_services, "end_membership", refusing("role", message))
    membership = jana.memberships.get()
    response = coordinator_client.post(
        url("membership_end", membership.pk), {f"end-{membership.pk}-end_date": "2024-06-30"}
    )
    end_form = next(row["end_form"] for row in response.context["membership_rows"] if row["membership"] == membership)
    assert_refusal_shown(response, end_form, message, status=400)
    membership.refresh_from_db()
    assert membership.end_date is None
