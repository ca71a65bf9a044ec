"""Business actions on the good-practice library, and the one rule of who reads which practice.

Each action validates, writes and audits in one transaction (``inducult.core.audit.record``). An
edit names the version it started from and is refused (``EditConflict``, nothing written) when
someone saved in between.

Reading: ``visible_practices`` is the only place that decides which practices a user sees in a
region's library. A practice of another region that is not shared is refused as if it did not exist
(the view answers 404) and the attempt is logged as a warning on the ``inducult.practices.access``
logger. It is not an audit entry: the trail records changes to data (``AuditAction`` has no action
for a refused read, and adding one would change the core app's schema), while a refused read
changes nothing and belongs with the other security events in the server's log.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.text import search_terms
from inducult.core.versioning import bump_version, update_if_version
from inducult.practices.models import GoodPractice, PracticeAttachment
from inducult.regions.rules import has_rule

access_log = logging.getLogger("inducult.practices.access")


# --- reading -------------------------------------------------------------------------------------


def visible_practices(user, region) -> QuerySet[GoodPractice]:
    """The practices ``user`` may read in ``region``'s library: all of the region's own (archived
    ones too, for their restore) and the shared, not archived practices of every other region (read
    only). Nothing for someone without ``practices.view`` in ``region``."""
    if region is None or not has_rule(user, "practices.view", region):
        return GoodPractice.objects.none()
    return GoodPractice.objects.filter(Q(region=region) | Q(shared=True, archived_at__isnull=True)).select_related(
        "region", "contact_organisation"
    )


def log_refused(*, user, region, pk, what: str = "practice") -> None:
    """Log an attempt to reach another region's practice that the user may not read or change."""
    owner = GoodPractice.objects.filter(pk=pk).values_list("region__slug", flat=True).first()
    access_log.warning(
        "Refused %s %s of region %s to user %s (id %s) working in region %s",
        what,
        pk,
        owner or "(none)",
        getattr(user, "get_username", lambda: "anonymous")(),
        getattr(user, "pk", None),
        getattr(region, "slug", None),
    )


def visible_practice(*, user, region, pk: int) -> GoodPractice | None:
    """One practice ``user`` may read in ``region``, or None. When the practice exists in another
    region and is not shared with all, the refused attempt is logged."""
    practice = visible_practices(user, region).filter(pk=pk).first()
    if practice is None and GoodPractice.objects.filter(pk=pk).exclude(region=region).exists():
        log_refused(user=user, region=region, pk=pk)
    return practice


def own_practice(*, user, region, pk: int) -> GoodPractice | None:
    """One of ``region``'s own practices, for changing it; another region's (shared or not) is
    None, and the attempt is logged."""
    practice = GoodPractice.objects.filter(pk=pk, region=region).select_related("region").first()
    if practice is None and GoodPractice.objects.filter(pk=pk).exclude(region=region).exists():
        log_refused(user=user, region=region, pk=pk, what="change of practice")
    return practice


def visible_attachment(*, user, region, pk: int, attachment_pk: int) -> PracticeAttachment | None:
    """An attachment of a practice ``user`` may read in ``region`` (refusals logged as above)."""
    practice = visible_practice(user=user, region=region, pk=pk)
    if practice is None:
        return None
    return PracticeAttachment.objects.filter(pk=attachment_pk, practice=practice).select_related("practice").first()


def find_practices(
    user, region, *, text: str = "", theme: str = "", country: str = "", scope: str = "all", archived: bool = False
) -> QuerySet[GoodPractice]:
    """The library as a list: ``visible_practices`` narrowed by a search (every term in the title,
    the texts or a translation, diacritics ignored), a theme, the owning region's country and the
    scope ("ours", "shared" by other regions, or "all"). Archived practices (only ever the region's
    own) only when ``archived``."""
    qs = visible_practices(user, region)
    for term in search_terms(text):
        qs = qs.filter(search_text__contains=term)
    if theme:
        qs = qs.filter(theme=theme)
    if country:
        qs = qs.filter(region__country=country.upper())
    if scope == "ours":
        qs = qs.filter(region=region)
    elif scope == "shared":
        qs = qs.exclude(region=region)
    qs = qs.filter(archived_at__isnull=not archived)
    return qs.order_by("title", "id")


def countries(user, region) -> list[str]:
    """Country codes of the regions whose practices ``user`` reads in ``region``'s library."""
    codes = visible_practices(user, region).order_by().values_list("region__country", flat=True).distinct()
    return sorted(set(codes))


# --- writing -------------------------------------------------------------------------------------


def _attachment_changes(attachment: PracticeAttachment, *, removed: bool = False) -> dict[str, list]:
    values = {"file_name": attachment.file_name, "content_type": attachment.content_type, "size": attachment.size}
    return audit.deleted(values) if removed else audit.created(values)


def _add_attachments(practice: GoodPractice, actor, files: Iterable) -> list[PracticeAttachment]:
    added = []
    for file in files:
        attachment = PracticeAttachment(practice=practice, file=file)
        try:
            attachment.full_clean(exclude=["practice"])
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from None
        attachment.save()
        audit.record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=attachment,
            region=practice.region,
            changes=_attachment_changes(attachment),
            summary=_("File added to the practice “%(title)s”.") % {"title": practice.title},
        )
        added.append(attachment)
    return added


def _remove_attachments(practice: GoodPractice, actor, attachments: Iterable[PracticeAttachment]) -> None:
    for attachment in attachments:
        if attachment.practice_id != practice.pk:
            raise ValueError("the attachment belongs to another practice")
        audit.record(
            actor=actor,
            action=AuditAction.DELETE,
            instance=attachment,
            region=practice.region,
            changes=_attachment_changes(attachment, removed=True),
            summary=_("File removed from the practice “%(title)s”.") % {"title": practice.title},
        )
        attachment.delete()  # the stored file goes once the deletion is committed


@transaction.atomic
def create_practice(*, region, actor, data: Mapping[str, Any], attachments: Iterable = ()) -> GoodPractice:
    """A new practice of ``region``, private to it until shared."""
    practice = GoodPractice(region=region, **data)
    if getattr(actor, "is_authenticated", False):
        practice.created_by = actor
    practice.full_clean()
    practice.save()
    audit.record_created(actor=actor, instance=practice, values=audit.snapshot(practice, GoodPractice.AUDITED_FIELDS))
    _add_attachments(practice, actor, attachments)
    return practice


@transaction.atomic
def update_practice(
    *,
    practice: GoodPractice,
    actor,
    data: Mapping[str, Any],
    version: int,
    attachments: Iterable = (),
    remove_attachments: Iterable[PracticeAttachment] = (),
) -> GoodPractice:
    """Apply ``data`` if the practice is still at ``version``; raise EditConflict otherwise."""
    before = audit.snapshot(practice, GoodPractice.AUDITED_FIELDS)
    for name, value in data.items():
        if name not in GoodPractice.AUDITED_FIELDS and name != "external_id":
            raise ValueError(f"not an editable field of a practice: {name}")
        setattr(practice, name, value)
    practice.full_clean()
    practice.refresh_derived()
    update_if_version(
        practice,
        version=version,
        values={name: getattr(practice, name) for name in (*GoodPractice.AUDITED_FIELDS, "external_id", "search_text")},
        current=GoodPractice.objects.select_related("region"),
    )
    practice.refresh_from_db()
    changes = audit.diff(before, audit.snapshot(practice, GoodPractice.AUDITED_FIELDS))
    if changes:
        audit.record(actor=actor, action=AuditAction.CHANGE, instance=practice, changes=changes)
    _remove_attachments(practice, actor, remove_attachments)
    _add_attachments(practice, actor, attachments)
    return practice


@transaction.atomic
def set_shared(*, practice: GoodPractice, actor, shared: bool) -> GoodPractice:
    """Share the practice with every region (``shared``) or take it back to its own region.

    Only the owning region's coordinator may do this; the views check ``practices.change`` in the
    practice's own region, and this function refuses a practice that is archived from being shared.
    """
    if shared and practice.is_archived:
        raise ValidationError(_("An archived practice cannot be shared; restore it first."))
    if practice.shared == shared:
        return practice
    before = {"shared": practice.shared, "shared_at": audit.snapshot(practice, ["shared_at"])["shared_at"]}
    bump_version(practice, shared=shared, shared_at=timezone.now() if shared else None)
    after = {"shared": practice.shared, "shared_at": audit.snapshot(practice, ["shared_at"])["shared_at"]}
    audit.record(
        actor=actor,
        action=AuditAction.CHANGE,
        instance=practice,
        changes=audit.diff(before, after),
        summary=_("Shared with all regions.") if shared else _("No longer shared with other regions."),
    )
    return practice


@transaction.atomic
def archive_practice(*, practice: GoodPractice, actor) -> GoodPractice:
    """Take the practice out of the library (other regions stop seeing it at once); undone by
    ``restore_practice``."""
    if practice.is_archived:
        return practice
    bump_version(practice, archived_at=timezone.now())
    audit.record(
        actor=actor,
        action=AuditAction.ARCHIVE,
        instance=practice,
        changes={"archived_at": [None, audit.snapshot(practice, ["archived_at"])["archived_at"]]},
    )
    return practice


@transaction.atomic
def restore_practice(*, practice: GoodPractice, actor) -> GoodPractice:
    if not practice.is_archived:
        return practice
    before = audit.snapshot(practice, ["archived_at"])["archived_at"]
    bump_version(practice, archived_at=None)
    audit.record(actor=actor, action=AuditAction.RESTORE, instance=practice, changes={"archived_at": [before, None]})
    return practice
