import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inducult.core import audit
from inducult.core.models import AuditAction, AuditEntry
from inducult.network.services.organisations import archive_organisation, create_organisation, update_organisation
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


def url():
    return reverse("network:audit_log", args=["karlovy-vary"])


def entries(response):
    return [row["entry"] for row in response.context["rows"]]


def test_audit_log_lists_region_entries_newest_first_with_links(coordinator_client, region, other_region, coordinator):
    org = create_organisation(region=region, actor=coordinator, data={"name": "Porcelánka", "kind": "enterprise"})
    archive_organisation(organisation=org, actor=coordinator)
    create_organisation(region=other_region, actor=coordinator, data={"name": "Glashütte", "kind": "enterprise"})
    response = coordinator_client.get(url())
    assert [e.action for e in entries(response)] == [AuditAction.ARCHIVE, AuditAction.CREATE]
    html = response.content.decode()
    assert reverse("network:organisation_detail", args=["karlovy-vary", org.pk]) in html
    assert "Glashütte" not in html


def test_audit_log_search_is_diacritics_insensitive(coordinator_client, region, coordinator):
    create_organisation(region=region, actor=coordinator, data={"name": "Porcelánka", "kind": "enterprise"})
    create_organisation(region=region, actor=coordinator, data={"name": "Sklárna", "kind": "enterprise"})
    response = coordinator_client.get(url(), {"q": "porcelanka"})
    assert [e.object_repr for e in entries(response)] == ["Porcelánka"]


def test_audit_log_filters_by_action_and_type(coordinator_client, region, coordinator):
    org = create_organisation(region=region, actor=coordinator, data={"name": "Muzeum", "kind": "museum"})
    update_organisation(organisation=org, actor=coordinator, data={"phone": "1"}, version=org.version)
    response = coordinator_client.get(url(), {"action": "change", "object_type": "network.organisation"})
    assert [(e.action, e.changes) for e in entries(response)] == [("change", {"phone": ["", "1"]})]
    assert "General phone" in response.content.decode()


def test_audit_log_shows_deleted_records_without_link(coordinator_client, region, coordinator):
    org = OrganisationFactory(region=region, name="Pomíjivá")
    audit.record(actor=coordinator, action=AuditAction.CHANGE, instance=org, changes={"phone": ["", "2"]})
    pk = org.pk
    org.delete()
    html = coordinator_client.get(url()).content.decode()
    assert "Pomíjivá" in html
    assert reverse("network:organisation_detail", args=["karlovy-vary", pk]) not in html


def _audit_queries(client, region, coordinator, count):
    for i in range(count):
        org = OrganisationFactory(region=region, name=f"Org {i}")
        audit.record(actor=coordinator, action=AuditAction.CHANGE, instance=org, changes={"phone": ["", str(i)]})
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url())
    assert len(response.context["rows"]) == count
    return len(ctx.captured_queries)


def test_audit_log_query_count_does_not_grow_with_rows(coordinator_client, region, coordinator):
    small = _audit_queries(coordinator_client, region, coordinator, 3)
    AuditEntry.objects.all().delete()
    large = _audit_queries(coordinator_client, region, coordinator, 30)
    assert small == large


def test_audit_log_is_for_coordinators_only(client, editor, viewer):
    for user in (editor, viewer):
        client.force_login(user)
        assert client.get(url()).status_code == 403
