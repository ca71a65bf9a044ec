"""The library of good practices: what a region did, what came of it, whom to ask.

A practice belongs to one region and is private to it until that region's coordinator shares it
with every region of the installation (``shared``). Which practices a user may read is decided in
one place, ``services.library.visible_practices`` (docs/decisions/0002-region-isolation.md); attachments
follow their practice.

A practice is kept in the language it was written in (``language``, any ISO 639-1 code, since
partners write in Polish, Italian or Hungarian too); translations into the platform's languages are
optional and kept beside it in ``translations`` (docs/decisions/0003-content-translation.md).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from inducult.core.files import StoredFile, dated_path, delete_stored_file, validate_attachment
from inducult.core.text import search_key
from inducult.core.translated import Translated, translated_texts, validate_translations
from inducult.practices.enums import PracticeTheme
from inducult.practices.validators import validate_language


def language_name(code: str) -> str:
    """The language's name in the visitor's language ("German"), or the code when Django lacks it."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def attachment_path(instance, filename: str) -> str:
    """A random stored name: the original name is kept in ``file_name``, never in a URL."""
    return dated_path("practices", filename)


class GoodPracticeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)


class GoodPractice(Translated, models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="good_practices")
    title = models.CharField(pgettext_lazy("name of a record", "title"), max_length=300)
    theme = models.CharField(_("theme"), max_length=16, choices=PracticeTheme.choices)
    language = models.CharField(
        _("written in"),
        max_length=8,
        validators=[validate_language],
        help_text=_("The language the texts below are written in (ISO 639-1 code, e.g. cs, de, pl)."),
    )
    summary = models.TextField(_("what was done"))
    results = models.TextField(_("results"), blank=True)
    contact_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("contact organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_practices",
    )
    shared = models.BooleanField(
        _("shared with all regions"), default=False, editable=False, help_text=_("Readable in every region's library.")
    )
    shared_at = models.DateTimeField(_("shared"), null=True, blank=True, editable=False)
    # Translations into the platform's languages: {"title": {"en": "…"}, "summary": {...}, ...}.
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    # A stable key of the record it came from (the demo's), so loading again updates it.
    external_id = models.CharField(_("external id"), max_length=60, blank=True)
    source = models.TextField(_("source"), blank=True, help_text=_("Where the facts of this record come from."))
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True, editable=False)
    # Optimistic locking: an edit names the version it started from.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    # Derived on save: folded title, texts and their translations, for diacritics-insensitive search.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GoodPracticeQuerySet.as_manager()

    AUDITED_FIELDS = (
        "title",
        "theme",
        "language",
        "summary",
        "results",
        "contact_organisation",
        "translations",
        "source",
        "is_sample",
    )
    TEXT_FIELDS = ("title", "summary", "results")
    ORIGINAL_LANGUAGE_FIELD = "language"

    class Meta:
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["shared", "region"]), models.Index(fields=["region", "theme"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(shared=False) | models.Q(shared_at__isnull=False),
                name="practice_shared_has_date",
            ),
            models.UniqueConstraint(
                fields=["region", "external_id"],
                condition=~models.Q(external_id=""),
                name="practice_external_id_once",
                violation_error_message=_("Another practice of this region has this external id."),
            ),
        ]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        translated = translated_texts(self.translations)
        self.search_text = search_key(self.title, self.summary, self.results, *translated)

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def translated_languages(self) -> list[str]:
        """Codes of the platform languages with a translation of the title or the text."""
        found = {
            code
            for field in self.TEXT_FIELDS
            for code, text in ((self.translations or {}).get(field) or {}).items()
            if text and code != self.language
        }
        return [code for code, _name in settings.LANGUAGES if code in found]

    def translation(self, code: str) -> dict[str, str]:
        """Title, summary and results in ``code``, each falling back to the original."""
        return {field: self.localized(field, code) for field in self.TEXT_FIELDS}

    def clean(self) -> None:
        if self.contact_organisation_id and self.region_id and self.contact_organisation.region_id != self.region_id:
            raise ValidationError(
                {
                    "contact_organisation": ValidationError(
                        _("%(organisation)s belongs to another region than this practice."),
                        params={"organisation": self.contact_organisation},
                    )
                }
            )


class PracticeAttachment(StoredFile):
    """A file kept with a practice: PDF, DOCX, XLSX, ODT, PNG or JPEG, checked by content. Private to
    the practice's region unless the practice is shared."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300, validators=[validate_attachment])

    class Meta(StoredFile.Meta):
        pass

    @property
    def region(self):
        return self.practice.region


@receiver(post_delete, sender=PracticeAttachment, dispatch_uid="practice_attachment_file_cleanup")
def delete_attachment_file(sender, instance: PracticeAttachment, **kwargs) -> None:
    delete_stored_file(instance.file)
