"""Personal API tokens: made and revoked by their user in the back office (audited), the secret shown
once and kept only as a hash; with one, the registry and the engagement log of its region are read as
far as its user's role allows; without one they are refused, and a token never reads another region."""

from __future__ import annotations

import pytest

from inducult.api.models import ApiToken
from inducult.api.services.tokens import create_token
from inducult.core.models import AuditEntry
from tests.crawl import reading
from tests.factories import EngagementFactory, OrganisationFactory, UserFactory, grant
from tests.testids import texts

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict:
    return {"authorization": f"Bearer {secret}"}


def test_a_user_makes_a_token_sees_it_once_and_revokes_it(client, region, viewer):
    client.force_login(viewer)
    page = client.post(f"/manage/{region.slug}/api-tokens/", {"name": "Newsletter"})

    assert page.status_code == 200
    [secret] = texts(page.content, "token-secret")
    token = ApiToken.objects.get(user=viewer, region=region)
    assert token.name == "Newsletter"
    assert secret not in {token.token_hash, token.prefix} and secret.startswith(token.prefix)
    again = client.get(f"/manage/{region.slug}/api-tokens/")
    assert texts(again.content, "token-secret") == []
    assert len(texts(again.content, "token-row")) == 1
    assert client.get(f"/api/v1/{region.slug}/organisations/", headers=bearer(secret)).status_code == 200

    client.post(f"/manage/{region.slug}/api-tokens/", {"revoke": token.pk})

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get(f"/api/v1/{region.slug}/organisations/", headers=bearer(secret)).status_code == 401
    entries = AuditEntry.objects.filter(object_type__icontains="token", object_id=str(token.pk))
    assert sorted(entries.values_list("action", flat=True)) == ["change", "create"]
    assert {e.actor for e in entries} == {viewer}


def test_nobody_revokes_anothers_token(client, region, coordinator, viewer):
    token, secret = create_token(user=viewer, region=region, name="Mine")
    client.force_login(coordinator)
    response = client.post(f"/manage/{region.slug}/api-tokens/", {"revoke": token.pk})
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_token_page_needs_a_role_in_the_region(client, region, outsider):
    assert client.get(f"/manage/{region.slug}/api-tokens/").status_code == 302
    client.force_login(outsider)
    assert client.get(f"/manage/{region.slug}/api-tokens/").status_code == 403


def test_the_registry_and_the_log_are_refused_without_a_token(client, region):
    organisation = OrganisationFactory(region=region)
    engagement = EngagementFactory(region=region)
    for path in (
        "organisations/",
        f"organisations/{organisation.pk}/",
        "engagements/",
        f"engagements/{engagement.pk}/",
    ):
        response = client.get(f"/api/v1/{region.slug}/{path}")
        assert response.status_code == 401, path
        assert response["WWW-Authenticate"] == "Bearer"
        assert client.get(f"/api/v1/{region.slug}/{path}", headers=bearer("ich_made-up")).status_code == 401


def test_a_token_reads_its_regions_registry_and_log(client, region, viewer):
    organisation = OrganisationFactory(region=region, name="Hornické muzeum Krásno", is_sample=False)
    engagement = EngagementFactory(region=region, title="Round table", is_sample=True)
    _token, secret = create_token(user=viewer, region=region, name="Tool")

    organisations = client.get(f"/api/v1/{region.slug}/organisations/", headers=bearer(secret))
    assert organisations.status_code == 200
    assert organisations["Cache-Control"] == "private, no-store"
    assert "Access-Control-Allow-Origin" not in organisations
    assert [o["name"] for o in organisations.json()["results"]] == ["Hornické muzeum Krásno"]
    one = client.get(f"/api/v1/{region.slug}/engagements/{engagement.pk}/", headers=bearer(secret)).json()
    assert one["title"] == "Round table"
    assert one["is_sample"] is True
    assert client.get(f"/api/v1/{region.slug}/organisations/{organisation.pk}/", headers=bearer(secret)).json()[
        "name"
    ] == ("Hornické muzeum Krásno")


def test_a_token_never_reads_another_region(client, region, other_region, viewer):
    theirs = OrganisationFactory(region=other_region)
    _token, secret = create_token(user=viewer, region=region, name="Tool")
    # Another region's record under this region's address: not found.
    assert client.get(f"/api/v1/{region.slug}/organisations/{theirs.pk}/", headers=bearer(secret)).status_code == 404
    # The other region's address: this token is not for it.
    assert client.get(f"/api/v1/{other_region.slug}/organisations/", headers=bearer(secret)).status_code == 403


def test_a_token_reads_only_what_its_user_may(client, region, viewer):
    _token, secret = create_token(user=viewer, region=region, name="Tool")
    viewer.region_roles.all().delete()
    assert client.get(f"/api/v1/{region.slug}/organisations/", headers=bearer(secret)).status_code == 403
    inactive = UserFactory(username="left", is_active=False)
    grant(inactive, region)
    _t, dead = create_token(user=inactive, region=region, name="Old")
    assert client.get(f"/api/v1/{region.slug}/organisations/", headers=bearer(dead)).status_code == 401


def test_the_token_page_speaks_czech(client, region, viewer):
    client.force_login(viewer)
    page = client.get(f"/manage/{region.slug}/api-tokens/")
    assert "Tokeny API" in texts(page.content, "backoffice-menu")[0]


def test_making_and_revoking_read_in_the_audit_log(client, region, coordinator):
    client.force_login(coordinator)
    client.post(f"/manage/{region.slug}/api-tokens/", {"name": "Newsletter"})
    token = ApiToken.objects.get(user=coordinator)
    client.post(f"/manage/{region.slug}/api-tokens/", {"revoke": token.pk})

    log = client.get(f"/manage/{region.slug}/audit/")

    assert log.status_code == 200
    page = reading.read(log.content.decode())
    assert sum("Newsletter" in text for text in page.texts) >= 2  # made, revoked
    assert reading.leaks_in_page(page) == []
