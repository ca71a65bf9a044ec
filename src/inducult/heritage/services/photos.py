"""Business actions on site photos: each checks, writes and audits in one transaction.

A new photo's file is written first; if its row or audit entry then cannot be written, the file is
deleted again, so a failed upload leaves neither a row without its file nor a stray file.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.files import upload_name
from inducult.core.models import AuditAction
from inducult.heritage.models import Site, SitePhoto
from inducult.heritage.services.photo_files import prepare_photo

MAX_PHOTOS_PER_SITE = 12


def clean_alt_text(text: str, *, file_name: str = "") -> str:
    """A text alternative that says something: not empty and not just the file's name."""
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError({"alt_text": _("Describe what the photo shows for people who cannot see it.")})
    stem = file_name.rsplit(".", 1)[0].strip().lower()
    if stem and text.lower() in (stem, file_name.strip().lower()):
        raise ValidationError({"alt_text": _("The file's name is not a description: say what the photo shows.")})
    return text


@transaction.atomic
def add_photo(*, site: Site, actor, upload, alt_text: str, translations: dict[str, str], credit: str) -> SitePhoto:
    file_name = upload_name(upload)
    if site.photos.shown().count() >= MAX_PHOTOS_PER_SITE:
        raise ValidationError(
            _("A site may show at most %(limit)d photos. Remove one before adding another.")
            % {"limit": MAX_PHOTOS_PER_SITE}
        )
    # Both checks run, so that one submission reports every problem of the form at once.
    errors: dict[str, list[str]] = {}
    try:
        alt_text = clean_alt_text(alt_text, file_name=file_name)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        prepared = prepare_photo(
            upload,
            max_bytes=settings.INDUCULT_PHOTO_MAX_BYTES,
            max_pixels=settings.INDUCULT_PHOTO_MAX_PIXELS,
            max_edge=settings.INDUCULT_PHOTO_MAX_EDGE,
        )
    except ValidationError as error:
        errors["image"] = error.messages
    if errors:
        raise ValidationError(errors)
    texts = {lang: " ".join(text.split()) for lang, text in translations.items() if text and text.strip()}
    position = (site.photos.aggregate(last=Max("position"))["last"] or 0) + 1
    photo = SitePhoto(
        site=site,
        alt_text=alt_text,
        credit=" ".join((credit or "").split()),
        translations={"alt_text": texts} if texts else {},
        content_type=prepared.content_type,
        width=prepared.width,
        height=prepared.height,
        position=position,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    photo.image.save(f"photo{prepared.extension}", ContentFile(prepared.content), save=False)
    try:
        with transaction.atomic():
            photo.full_clean(exclude=["image"])
            photo.save()
            audit.record_created(
                actor=actor, instance=photo, region=site.region, values={"site": site.name, "alt_text": alt_text}
            )
    except BaseException:
        photo.image.storage.delete(photo.image.name)
        raise
    return photo


def _set_removed(photo: SitePhoto, *, actor, removed: bool) -> SitePhoto:
    before = audit.snapshot(photo, ("removed_at",))
    photo.removed_at = timezone.now() if removed else None
    photo.save(update_fields=["removed_at"])
    audit.record(
        actor=actor,
        action=AuditAction.ARCHIVE if removed else AuditAction.RESTORE,
        instance=photo,
        region=photo.site.region,
        changes=audit.diff(before, audit.snapshot(photo, ("removed_at",))),
    )
    return photo


@transaction.atomic
def remove_photo(*, photo: SitePhoto, actor) -> SitePhoto:
    """Hide the photo from every public page; the file is kept so that the removal can be undone."""
    return _set_removed(photo, actor=actor, removed=True)


@transaction.atomic
def restore_photo(*, photo: SitePhoto, actor) -> SitePhoto:
    if photo.removed_at is not None and photo.site.photos.shown().count() >= MAX_PHOTOS_PER_SITE:
        raise ValidationError(
            _("A site may show at most %(limit)d photos. Remove one before restoring another.")
            % {"limit": MAX_PHOTOS_PER_SITE}
        )
    return _set_removed(photo, actor=actor, removed=False)


@transaction.atomic
def move_photo(*, photo: SitePhoto, actor, up: bool) -> None:
    """Swap the photo with its neighbour among the shown ones; the first photo is the site's main one."""
    shown = list(photo.site.photos.shown().select_for_update())
    index = next((i for i, p in enumerate(shown) if p.pk == photo.pk), None)
    if index is None:
        return
    other = index - 1 if up else index + 1
    if not 0 <= other < len(shown):
        return
    shown[index], shown[other] = shown[other], shown[index]
    for position, item in enumerate(shown, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    audit.record(
        actor=actor,
        action=AuditAction.CHANGE,
        instance=photo,
        region=photo.site.region,
        changes={"position": [index + 1, other + 1]},
    )
