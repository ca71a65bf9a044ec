import pytest
from django.urls import reverse

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.network.services.organisations import archive_organisation, create_organisation, update_organisation
from tests.factories import OrganisationFactory
from tests.queries import queries_at_two_sizes

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


def test_audit_log_query_count_does_not_grow_with_rows(coordinator_client, region, coordinator):
    def add(n):
        for org in OrganisationFactory.create_batch(n, region=region):
            audit.record(actor=coordinator, action=AuditAction.CHANGE, instance=org, changes={"phone": ["", "1"]})

    measured = queries_at_two_sizes(add=add, run=lambda: coordinator_client.get(url()), sizes=(3, 30), at_most=10)

    assert [len(response.context["rows"]) for response in measured.results] == [3, 30]


def test_audit_log_is_for_coordinators_only(client, editor, viewer):
    for user in (editor, viewer):
        client.force_login(user)
        assert client.get(url()).status_code == 403
