import re

import pytest
from django.urls import reverse

from inducult.core.models import AuditAction, AuditEntry
from inducult.network.models import Organisation
from inducult.network.services import organisations as organisation_services
from tests.factories import OrganisationFactory
from tests.queries import queries_at_two_sizes
from tests.refusals import assert_refusal_shown, refusing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


def url(name, *args):
    return reverse(f"network:{name}", args=["karlovy-vary", *args])


def names(response):
    return [row["org"].name for row in response.context["rows"]]


def form_data(org=None, **overrides):
    data = {
        "name": org.name if org else "Porcelánka Loket",
        "short_name": "",
        "kind": "enterprise",
        "sectors": ["porcelain"],
        "town": org.town if org else "Loket",
        "address": "",
        "latitude": "",
        "longitude": "",
        "website": "",
        "email": "",
        "phone": "",
        "description": "",
        "tags": "",
        "influence": "",
        "interest": "",
        "position": "",
        "source": "",
        "name_en": "",
        "name_de": "",
        "description_en": "",
        "description_de": "",
    }
    if org is not None:
        data["version"] = str(org.version)
    data.update(overrides)
    return data


def test_list_search_without_diacritics_finds_porcelanka(coordinator_client, region):
    OrganisationFactory(region=region, name="Porcelánka Thun")
    OrganisationFactory(region=region, name="Sklárna Moser")
    response = coordinator_client.get(url("organisation_list"), {"q": "porcelan"})
    assert response.status_code == 200
    assert names(response) == ["Porcelánka Thun"]
    assert "1 organisation found" in response.content.decode()


def test_list_filters_by_kind_sector_town_and_tag(coordinator_client, region):
    OrganisationFactory(region=region, name="A", kind="school", sectors=["glass"], town="Cheb", tags=["tours"])
    OrganisationFactory(region=region, name="B", kind="museum", sectors=["glass"], town="Cheb", tags=["tours"])
    OrganisationFactory(region=region, name="C", kind="school", sectors=["mining"], town="Cheb", tags=["tours"])
    OrganisationFactory(region=region, name="D", kind="school", sectors=["glass"], town="Aš", tags=["tours"])
    OrganisationFactory(region=region, name="E", kind="school", sectors=["glass"], town="Cheb", tags=["other"])
    response = coordinator_client.get(
        url("organisation_list"), {"kind": "school", "sector": "glass", "town": "Cheb", "tag": "tours"}
    )
    assert names(response) == ["A"]


def test_list_hides_archived_by_default_and_shows_them_on_request(coordinator_client, region, museum):
    OrganisationFactory(region=region, name="Gone", archived_at="2024-01-01T00:00:00Z")
    assert names(coordinator_client.get(url("organisation_list"))) == [museum.name]
    assert names(coordinator_client.get(url("organisation_list"), {"archived": "yes"})) == ["Gone"]
    assert sorted(names(coordinator_client.get(url("organisation_list"), {"archived": "all"}))) == [
        "Gone",
        museum.name,
    ]


def test_list_sorts_by_name_descending_and_town(coordinator_client, region):
    OrganisationFactory(region=region, name="Alfa", town="Sokolov")
    OrganisationFactory(region=region, name="Beta", town="Aš")
    assert names(coordinator_client.get(url("organisation_list"), {"sort": "-name"})) == ["Beta", "Alfa"]
    assert names(coordinator_client.get(url("organisation_list"), {"sort": "town"})) == ["Beta", "Alfa"]
    assert names(coordinator_client.get(url("organisation_list"), {"sort": "bogus"})) == ["Alfa", "Beta"]


def test_list_paginates_by_fifty_and_keeps_filters_in_page_links(coordinator_client, region):
    for i in range(55):
        OrganisationFactory(region=region, name=f"Glass {i:02d}", sectors=["glass"])
    response = coordinator_client.get(url("organisation_list"), {"sector": "glass"})
    assert len(response.context["rows"]) == 50
    assert response.context["page_obj"].paginator.count == 55
    html = response.content.decode()
    assert "?sector=glass&amp;page=2" in html
    second = coordinator_client.get(url("organisation_list"), {"sector": "glass", "page": "2"})
    assert names(second) == [f"Glass {i:02d}" for i in range(50, 55)]


def test_list_shows_sample_and_archived_badges(coordinator_client, region):
    OrganisationFactory(region=region, name="Old", is_sample=True, archived_at="2024-01-01T00:00:00Z")
    html = coordinator_client.get(url("organisation_list"), {"archived": "all"}).content.decode()
    assert '<span class="badge sample" data-testid="sample-mark">Sample</span>' in html
    assert 'class="badge archived"' in html


def test_list_query_count_does_not_grow_with_rows(client, coordinator, region, other_region):
    client.force_login(coordinator)

    measured = queries_at_two_sizes(
        add=lambda n: OrganisationFactory.create_batch(n, region=region, sectors=["glass", "mining"], tags=["a", "b"]),
        run=lambda: client.get(url("organisation_list")),
        sizes=(3, 30),
        at_most=10,
    )

    assert [len(response.context["rows"]) for response in measured.results] == [3, 30]


def test_viewer_sees_list_but_no_new_button(client, viewer, museum):
    client.force_login(viewer)
    response = client.get(url("organisation_list"))
    assert response.status_code == 200
    assert url("organisation_create") not in response.content.decode()


def test_viewer_cannot_create_organisation(client, viewer):
    client.force_login(viewer)
    assert client.get(url("organisation_create")).status_code == 403
    assert client.post(url("organisation_create"), form_data()).status_code == 403
    assert not Organisation.objects.filter(name="Porcelánka Loket").exists()


def test_anonymous_is_redirected_to_sign_in(client, museum):
    response = client.get(url("organisation_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_create_organisation_records_audit_and_redirects(coordinator_client, region, coordinator):
    response = coordinator_client.post(
        url("organisation_create"),
        form_data(tags=" tours, Tours ,guided,, ", name_en="Porcelain works", latitude="50,186", longitude="12.74"),
    )
    org = Organisation.objects.get(name="Porcelánka Loket")
    assert response.status_code == 302
    assert response["Location"] == url("organisation_detail", org.pk)
    assert org.region == region
    assert org.tags == ["tours", "guided"]
    assert org.translations == {"name": {"en": "Porcelain works"}}
    assert str(org.latitude) == "50.186000"
    entry = AuditEntry.objects.get(object_type="network.organisation", object_id=str(org.pk))
    assert entry.action == AuditAction.CREATE
    assert entry.actor == coordinator


def test_create_warns_about_duplicate_until_create_anyway_is_ticked(coordinator_client, region):
    existing = OrganisationFactory(region=region, name="Porcelánka Loket, a.s.", town="Loket")
    first = coordinator_client.post(url("organisation_create"), form_data(name="Porcelanka Loket"))
    assert first.status_code == 200
    assert first.context["duplicates"] == [existing]
    html = first.content.decode()
    assert url("organisation_detail", existing.pk) in html
    assert 'name="create_anyway"' in html
    assert Organisation.objects.count() == 1
    second = coordinator_client.post(url("organisation_create"), form_data(name="Porcelanka Loket", create_anyway="on"))
    assert second.status_code == 302
    assert Organisation.objects.count() == 2


def test_create_rejects_coordinates_out_of_range_with_specific_messages(coordinator_client):
    response = coordinator_client.post(url("organisation_create"), form_data(latitude="91", longitude="-181"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["latitude"] == ["Latitude must be between -90 and 90 degrees, e.g. 50.2305."]
    assert errors["longitude"] == ["Longitude must be between -180 and 180 degrees, e.g. 12.6632."]
    assert not Organisation.objects.filter(name="Porcelánka Loket").exists()


def test_create_requires_both_coordinates_or_neither(coordinator_client):
    response = coordinator_client.post(url("organisation_create"), form_data(latitude="50.1"))
    assert response.context["form"].errors == {"longitude": ["Give the longitude too, or clear the latitude."]}
    response = coordinator_client.post(url("organisation_create"), form_data(longitude="12.1"))
    assert response.context["form"].errors == {"latitude": ["Give the latitude too, or clear the longitude."]}


def test_detail_shows_labels_tags_and_history(coordinator_client, region, coordinator):
    coordinator_client.post(url("organisation_create"), form_data(tags="tours", website="https://example.org"))
    org = Organisation.objects.get(name="Porcelánka Loket")
    response = coordinator_client.get(url("organisation_detail", org.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enterprise" in html
    assert "Porcelain and ceramics" in html
    assert 'href="https://example.org"' in html
    assert "tours" in html
    assert [row["entry"].action for row in response.context["history"]] == ["create"]


def test_detail_hides_people_names_from_viewers(client, viewer, region, museum):
    from tests.factories import MembershipFactory, PersonFactory

    person = PersonFactory(region=region, first_name="Karel", last_name="Tajný")
    MembershipFactory(person=person, organisation=museum)
    client.force_login(viewer)
    html = client.get(url("organisation_detail", museum.pk)).content.decode()
    assert "Tajný" not in html
    assert "1 current role" in html


def test_edit_saves_and_records_change(coordinator_client, museum):
    response = coordinator_client.post(url("organisation_edit", museum.pk), form_data(museum, phone="+420 123"))
    assert response.status_code == 302
    museum.refresh_from_db()
    assert museum.phone == "+420 123"
    assert museum.version == 2
    entry = AuditEntry.objects.get(object_id=str(museum.pk), action=AuditAction.CHANGE)
    assert entry.changes["phone"] == ["", "+420 123"]


def test_edit_conflict_keeps_first_edit_and_shows_message_then_second_save_succeeds(client, coordinator, museum):
    from django.test import Client

    first, second = Client(HTTP_ACCEPT_LANGUAGE="en"), Client(HTTP_ACCEPT_LANGUAGE="en")
    first.force_login(coordinator)
    second.force_login(coordinator)
    first.get(url("organisation_edit", museum.pk))
    second.get(url("organisation_edit", museum.pk))
    assert first.post(url("organisation_edit", museum.pk), form_data(museum, phone="111")).status_code == 302

    refused = second.post(url("organisation_edit", museum.pk), form_data(museum, phone="222"))
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "Someone else saved this organisation after you started editing" in html
    assert "by coordinator" in html
    assert 'value="222"' in html
    assert [d["name"] for d in refused.context["differing"]] == ["phone"]
    assert refused.context["differing"][0]["stored"] == "111"
    assert 'name="version" value="2"' in html
    museum.refresh_from_db()
    assert museum.phone == "111"

    retried = second.post(url("organisation_edit", museum.pk), form_data(museum, phone="222"))
    assert retried.status_code == 302
    museum.refresh_from_db()
    assert museum.phone == "222"


def test_editor_edits_own_organisation_only(client, editor, region, museum):
    other = OrganisationFactory(region=region)
    client.force_login(editor)
    assert client.get(url("organisation_edit", museum.pk)).status_code == 200
    assert client.post(url("organisation_edit", museum.pk), form_data(museum, phone="5")).status_code == 302
    assert client.get(url("organisation_edit", other.pk)).status_code == 403
    assert client.post(url("organisation_edit", other.pk), form_data(other, phone="5")).status_code == 403
    other.refresh_from_db()
    assert other.phone == ""


def test_editor_cannot_archive(client, editor, museum):
    client.force_login(editor)
    assert client.post(url("organisation_archive", museum.pk)).status_code == 403
    museum.refresh_from_db()
    assert museum.archived_at is None


def test_archive_and_restore_are_audited_and_post_only(coordinator_client, museum):
    assert coordinator_client.get(url("organisation_archive", museum.pk)).status_code == 405
    response = coordinator_client.post(url("organisation_archive", museum.pk))
    assert response.status_code == 302
    museum.refresh_from_db()
    assert museum.archived_at is not None
    assert names(coordinator_client.get(url("organisation_list"))) == []
    detail = coordinator_client.get(url("organisation_detail", museum.pk)).content.decode()
    assert url("organisation_restore", museum.pk) in detail
    coordinator_client.post(url("organisation_restore", museum.pk))
    museum.refresh_from_db()
    assert museum.archived_at is None
    assert names(coordinator_client.get(url("organisation_list"))) == [museum.name]
    actions = list(
        AuditEntry.objects.filter(object_id=str(museum.pk))
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    )
    assert actions == [AuditAction.ARCHIVE, AuditAction.RESTORE]


def test_archive_form_asks_for_confirmation(coordinator_client, museum):
    html = coordinator_client.get(url("organisation_detail", museum.pk)).content.decode()
    assert re.search(r'action="[^"]*/archive/"[^>]*data-confirm="[^"]+"', html)


def test_organisation_of_another_region_is_404_through_this_region(coordinator_client, other_region):
    foreign = OrganisationFactory(region=other_region)
    for name in ("organisation_detail", "organisation_edit"):
        assert coordinator_client.get(url(name, foreign.pk)).status_code == 404
    assert coordinator_client.post(url("organisation_archive", foreign.pk)).status_code == 404


def test_editor_cannot_change_the_coordinators_assessment(client, editor, museum):
    museum.influence = 3
    museum.save()
    client.force_login(editor)
    form = client.get(url("organisation_edit", museum.pk)).context["form"]
    assert "influence" not in form.fields
    client.post(url("organisation_edit", museum.pk), form_data(museum, influence="1", phone="7"))
    museum.refresh_from_db()
    assert (museum.influence, museum.phone) == (3, "7")


def test_create_shows_a_refusal_keyed_by_a_field_the_form_lacks(coordinator_client, monkeypatch):
    message = "The registry refused the search key of this organisation."
    monkeypatch.setattr(organisation_services, "create_organisation", refusing("name_key", message))
    response = coordinator_client.post(url("organisation_create"), form_data())
    assert_refusal_shown(response, response.context["form"], message)
    assert not Organisation.objects.exists()


def test_edit_shows_a_refusal_keyed_by_a_field_the_form_lacks(coordinator_client, museum, monkeypatch):
    message = "The registry refused the search key of this organisation."
    monkeypatch.setattr(organisation_services, "update_organisation", refusing("name_key", message))
    response = coordinator_client.post(url("organisation_edit", museum.pk), form_data(museum, phone="+420 123"))
    assert_refusal_shown(response, response.context["form"], message)
    museum.refresh_from_db()
    assert museum.phone == ""
