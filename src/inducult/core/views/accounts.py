"""Signing in and asking for a password reset, throttled (``core.throttle``, decision 0016).

A failed sign-in counts against the account (the user name as typed) and against the client's
address. Once either has too many failures in the window, every sign-in of that account or from that
address is refused until the window ends, the right password included, with a message that says
only to wait: not whether the account exists or the password was right. Each refusal and each
failure is logged in one line. The admin's sign-in uses the same form. Password-reset requests
count per address and per e-mail address typed, whether or not an account has it.
"""

from __future__ import annotations

import logging

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import ngettext

from inducult.core.throttle import Throttle, client_address

logger = logging.getLogger("inducult.security")


def _sign_in_throttles() -> tuple[Throttle, Throttle]:
    window = settings.INDUCULT_LOGIN_WINDOW_SECONDS
    return (
        Throttle("login-account", settings.INDUCULT_LOGIN_FAILURES_PER_ACCOUNT, window),
        Throttle("login-address", settings.INDUCULT_LOGIN_FAILURES_PER_ADDRESS, window),
    )


def _reset_throttles() -> tuple[Throttle, Throttle]:
    window = settings.INDUCULT_PASSWORD_RESET_WINDOW_SECONDS
    return (
        Throttle("reset-address", settings.INDUCULT_PASSWORD_RESETS_PER_ADDRESS, window),
        Throttle("reset-email", settings.INDUCULT_PASSWORD_RESETS_PER_EMAIL, window),
    )


def _minutes(seconds: int) -> int:
    return max(1, -(-seconds // 60))


def wait_message(seconds: int) -> str:
    minutes = _minutes(seconds)
    return ngettext(
        "Too many attempts. Wait %(minutes)s minute and try again.",
        "Too many attempts. Wait %(minutes)s minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


class ThrottledSignIn:
    """Mixin for an AuthenticationForm: refuses while the account or the address is throttled and
    counts each failure; ``throttled`` holds the refusal shown to the person."""

    throttled = ""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request) if self.request is not None else "unknown"
        keys = list(zip(_sign_in_throttles(), (username, address), strict=True))
        wait = max(throttle.wait_seconds(key) for throttle, key in keys)
        if wait:
            logger.warning("Sign-in refused, too many failures: account=%r address=%s", username, address)
            self.throttled = wait_message(wait)
            raise forms.ValidationError(self.throttled, code="throttled")
        try:
            return super().clean()
        except forms.ValidationError:
            counts = [throttle.hit(key) for throttle, key in keys]
            logger.warning(
                "Sign-in failed: account=%r address=%s (failures: %s of the account, %s from the address)",
                username,
                address,
                *counts,
            )
            raise

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        # The right password: the account starts afresh (its address does not, or one known
        # account would let an address go on guessing others).
        _sign_in_throttles()[0].clear(self.cleaned_data.get("username") or "")


class SignInForm(ThrottledSignIn, AuthenticationForm):
    pass


class AdminSignInForm(ThrottledSignIn, AdminAuthenticationForm):
    pass


class SignInView(auth_views.LoginView):
    authentication_form = SignInForm


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        address = client_address(self.request)
        email = form.cleaned_data["email"]
        keys = list(zip(_reset_throttles(), (address, email), strict=True))
        wait = max(throttle.wait_seconds(key) for throttle, key in keys)
        if wait:
            logger.warning("Password reset refused, too many requests: address=%s", address)
            form.add_error(None, forms.ValidationError(wait_message(wait), code="throttled"))
            return self.form_invalid(form)
        for throttle, key in keys:
            throttle.hit(key)
        return super().form_valid(form)
