"""Signing in and asking for a password reset are throttled per account and per address, through the
real forms: the sixth wrong password is refused, then the right one too, with a message that tells
nothing about the account; the refusals are logged; the window ends."""

import logging

import pytest
from django.core import mail

from inducult.core.throttle import Throttle
from tests.conftest import PASSWORD
from tests.crawl.reading import read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

REFUSED = "Too many attempts. Wait 15 minutes and try again."


def sign_in(client, username, password, address="192.0.2.10", path="/accounts/login/"):
    return client.post(
        path, {"username": username, "password": password}, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en"
    )


def shown(response) -> list[str]:
    return read(response.content.decode()).texts


def test_sixth_wrong_password_is_refused_then_the_right_one_too(client, coordinator, caplog):
    for _attempt in range(5):
        response = sign_in(client, "coordinator", "wrong")
        assert "Your user name and password didn't match. Please try again." in shown(response)
    caplog.set_level(logging.WARNING, logger="inducult.security")
    response = sign_in(client, "coordinator", "wrong")
    assert response.status_code == 200
    assert REFUSED in shown(response)
    response = sign_in(client, "coordinator", PASSWORD)
    assert response.status_code == 200
    assert REFUSED in shown(response)
    assert "_auth_user_id" not in client.session
    refusals = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Sign-in refused")]
    assert refusals == ["Sign-in refused, too many failures: account='coordinator' address=192.0.2.10"] * 2


def test_refusal_of_an_unknown_account_reads_the_same(client, coordinator):
    for _attempt in range(5):
        sign_in(client, "nobody-here", "wrong")
    assert REFUSED in shown(sign_in(client, "nobody-here", "wrong"))


def test_account_throttle_holds_from_another_address(client, coordinator):
    for attempt in range(5):
        sign_in(client, "coordinator", "wrong", address=f"198.51.100.{attempt}")
    assert REFUSED in shown(sign_in(client, "coordinator", PASSWORD, address="203.0.113.7"))


def test_address_throttle_holds_for_other_accounts(client, coordinator, settings):
    settings.INDUCULT_LOGIN_FAILURES_PER_ADDRESS = 8
    for attempt in range(8):
        sign_in(client, f"guess{attempt}", "wrong")
    assert REFUSED in shown(sign_in(client, "coordinator", PASSWORD))
    response = sign_in(client, "coordinator", PASSWORD, address="192.0.2.99")
    assert response.status_code == 302


def test_right_password_before_the_limit_starts_the_account_afresh(client, coordinator):
    for _attempt in range(4):
        sign_in(client, "coordinator", "wrong")
    assert sign_in(client, "coordinator", PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(4):
        sign_in(client, "coordinator", "wrong")
    assert sign_in(client, "coordinator", PASSWORD).status_code == 302


def test_throttle_ends_with_its_window(client, coordinator, monkeypatch):
    import time

    for _attempt in range(6):
        sign_in(client, "coordinator", "wrong")
    assert REFUSED in shown(sign_in(client, "coordinator", PASSWORD))
    # The cache forgets the count when the window ends; the clock is moved past it.
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 15 * 60 + 1)
    assert sign_in(client, "coordinator", PASSWORD).status_code == 302


def test_admin_sign_in_is_throttled_too(client, coordinator):
    coordinator.is_staff = coordinator.is_superuser = True
    coordinator.save()
    for _attempt in range(5):
        sign_in(client, "coordinator", "wrong", path="/admin/login/")
    response = sign_in(client, "coordinator", PASSWORD, path="/admin/login/")
    assert response.status_code == 200
    assert REFUSED in shown(response)


def test_password_reset_requests_are_throttled_per_address(client, coordinator, settings):
    for attempt in range(5):
        response = client.post("/accounts/password_reset/", {"email": f"someone{attempt}@example.org"})
        assert response.status_code == 302
    response = client.post("/accounts/password_reset/", {"email": coordinator.email}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Too many attempts. Wait 60 minutes and try again." in shown(response)
    assert len(mail.outbox) == 0


def test_password_reset_requests_are_throttled_per_email(client, coordinator):
    for attempt in range(3):
        client.post("/accounts/password_reset/", {"email": coordinator.email}, REMOTE_ADDR=f"198.51.100.{attempt}")
    response = client.post("/accounts/password_reset/", {"email": coordinator.email.upper()}, REMOTE_ADDR="203.0.113.1")
    assert "Too many attempts. Wait 60 minutes and try again." in shown(response)
    assert len(mail.outbox) == 3


def test_throttle_counts_every_attempt_and_forgets_on_clear():
    throttle = Throttle("test", limit=3, window=60)
    assert [throttle.hit("Someone") for _ in range(3)] == [1, 2, 3]
    assert throttle.blocked("someone ")  # keys are folded: the same account however typed
    assert 0 < throttle.wait_seconds("someone") <= 60
    throttle.clear("someone")
    assert not throttle.blocked("someone") and throttle.wait_seconds("someone") == 0


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("cs", "Příliš mnoho pokusů. Počkejte 15 minut a zkuste to znovu."),
        ("de", "Zu viele Versuche. Warten Sie 15 Minuten und versuchen Sie es erneut."),
    ],
)
def test_refusal_reads_in_the_visitors_language(client, coordinator, language, message):
    for _attempt in range(6):
        response = client.post(
            "/accounts/login/", {"username": "coordinator", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE=language
        )
    assert message in shown(response)
