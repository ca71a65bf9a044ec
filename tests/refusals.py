"""A business action's refusal shown on the page that asked for it (``core.forms.add_domain_errors``).

Business actions refuse with a ``ValidationError`` keyed by model field, and a form rarely has every
model field; a page that put such an error on its form with ``form.add_error`` raised instead (a
500). A page test makes the action refuse under a key its form lacks (``refusing``) and checks that
the message is on the page, at the top of the form (``assert_refusal_shown``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError


def refusing(key: str, message: str):
    """A stand-in for a business action that refuses with ``message`` under ``key``."""

    def refuse(**kwargs):
        raise ValidationError({key: message})

    return refuse


def assert_refusal_shown(response, form, message: str, *, status: int = 200) -> None:
    """``message`` is on the page, with ``status``, at the top of ``form`` (the page's form)."""
    assert response.status_code == status
    assert form.non_field_errors() == [message]
    # The message has no characters HTML escapes, so the page holds it as written.
    assert message in response.content.decode()
