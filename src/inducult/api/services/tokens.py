"""Making, revoking and reading personal API tokens; making and revoking are audited."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from inducult.api.models import ApiToken
from inducult.core.audit import record
from inducult.core.models import AuditAction

PREFIX = "ich_"
LAST_USE_PRECISION_SECONDS = 60  # last use is written at most once a minute


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_token(*, user, region, name: str) -> tuple[ApiToken, str]:
    """A new token of ``user`` for ``region``, and its secret (shown once, never stored)."""
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, region=region, name=name.strip()[:100], prefix=secret[: len(PREFIX) + 4], token_hash=_hash(secret)
    )
    record(actor=user, action=AuditAction.CREATE, instance=token, region=region, summary=f"API token {token}")
    return token, secret


@transaction.atomic
def revoke_token(*, token: ApiToken, actor) -> ApiToken:
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is None:
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        record(
            actor=actor,
            action=AuditAction.CHANGE,
            instance=locked,
            region=locked.region,
            changes={"revoked_at": [None, locked.revoked_at.isoformat()]},
            summary=f"API token {locked} revoked",
        )
    return locked


def token_for(secret: str) -> ApiToken | None:
    """The live token of this secret (not revoked, its user active), noting its use."""
    token = (
        ApiToken.objects.select_related("user", "region")
        .filter(token_hash=_hash(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is not None:
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > LAST_USE_PRECISION_SECONDS:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def tokens_of(user, region):
    return ApiToken.objects.filter(user=user, region=region)
