"""The back office's home page of a region."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


def url(name, *args):
    return reverse(f"network:{name}", args=["karlovy-vary", *args])


def test_dashboard_links_sections_the_user_may_open(client, viewer, coordinator, museum):
    client.force_login(viewer)
    html = client.get(url("dashboard")).content.decode()
    assert url("organisation_list") in html
    assert url("person_list") not in html
    assert url("audit_log") not in html
    client.force_login(coordinator)
    html = client.get(url("dashboard")).content.decode()
    assert url("person_list") in html and url("audit_log") in html and url("import_upload") in html
