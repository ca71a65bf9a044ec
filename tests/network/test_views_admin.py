import pytest
from django.urls import reverse

from inducult.core.models import AuditAction, AuditEntry
from inducult.network.models import Organisation
from tests.factories import AuditEntryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def org_form(region, **overrides):
    data = {
        "region": region.pk,
        "name": "Důl Jeroným",
        "short_name": "",
        "kind": "museum",
        "sectors": ["mining"],
        "town": "Čistá",
        "translations": "{}",
        "tags": "unesco,mine",
        "position": "",
        "influence": "",
        "interest": "",
    }
    data.update(overrides)
    return data


def test_admin_add_and_change_of_organisation_are_audited(admin_client, region):
    response = admin_client.post(reverse("admin:network_organisation_add"), org_form(region))
    assert response.status_code == 302, response.context["adminform"].form.errors
    org = Organisation.objects.get(name="Důl Jeroným")
    assert org.tags == ["unesco", "mine"]
    response = admin_client.post(
        reverse("admin:network_organisation_change", args=[org.pk]), org_form(region, town="Jindřichovice")
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.town, org.version) == ("Jindřichovice", 2)
    entries = AuditEntry.objects.filter(object_id=str(org.pk)).order_by("id")
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.CHANGE]
    assert entries[1].changes == {"town": ["Čistá", "Jindřichovice"]}
    assert entries[1].actor_name == "root"


def test_admin_is_closed_to_staff_who_are_not_superusers(client, region):
    client.force_login(UserFactory(username="staff", is_staff=True))
    assert client.get(reverse("admin:network_organisation_changelist")).status_code == 403
    assert client.get(reverse("admin:core_auditentry_changelist")).status_code == 403


def test_admin_audit_entries_are_read_only(admin_client, region, museum):
    entry = AuditEntryFactory(region=region)
    assert admin_client.get(reverse("admin:core_auditentry_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:core_auditentry_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:core_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
