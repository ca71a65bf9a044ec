import re

import pytest
from django.core import mail

from tests.conftest import PASSWORD


@pytest.mark.django_db
def test_sign_in_and_out(client, coordinator):
    response = client.post("/accounts/login/", {"username": "coordinator", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/manage/karlovy-vary/").status_code in (200, 302)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/manage/karlovy-vary/").url.startswith("/accounts/login/")


@pytest.mark.django_db
def test_sign_in_with_wrong_password_says_so(client, coordinator):
    response = client.post(
        "/accounts/login/", {"username": "coordinator", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "didn't match" in response.content.decode()


@pytest.mark.django_db
def test_password_change(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a new long passphrase 42",
            "new_password2": "a new long passphrase 42",
        },
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password("a new long passphrase 42")


@pytest.mark.django_db
def test_password_reset_mails_a_working_link(client, coordinator):
    response = client.post("/accounts/password_reset/", {"email": coordinator.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert "new_password1" in response.content.decode()
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "fresh passphrase 2026", "new_password2": "fresh passphrase 2026"},
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password("fresh passphrase 2026")


@pytest.mark.django_db
def test_language_switch_sets_czech_german_english(client, region):
    client.post("/i18n/setlang/", {"language": "de", "next": "/r/karlovy-vary/"})
    response = client.get("/r/karlovy-vary/")
    assert response["Content-Language"] == "de"
    assert '<html lang="de">' in response.content.decode()


@pytest.mark.django_db
def test_region_default_language_applies_without_browser_preference(client, region):
    response = client.get("/r/karlovy-vary/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Language"] == "cs"


@pytest.mark.django_db
def test_browser_preference_wins_over_region_default(client, region):
    response = client.get("/r/karlovy-vary/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response["Content-Language"] == "de"
