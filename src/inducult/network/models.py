"""The stakeholder registry: organisations, the people there and their roles."""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from inducult.core import fields
from inducult.core.text import normalised_name, search_key
from inducult.core.translated import Translated, translated_texts
from inducult.network.enums import LawfulBasis, Level, OrganisationKind, Position, Sector


@functools.cache
def sector_search_words(code: str) -> str:
    """The sector's labels in all UI languages, folded once per process."""
    try:
        label = Sector(code).label
    except ValueError:
        return code
    words = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            words.add(str(label))
    return " ".join(sorted(words))


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)


class Organisation(Translated, models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60, blank=True, help_text=_("e.g. KSMAS KK"))
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    sectors = fields.DelimitedListField(_("sectors"), choices=Sector.choices)
    town = fields.town_field()
    address = fields.address_field()
    latitude = fields.latitude_field()
    longitude = fields.longitude_field()
    website = models.URLField(_("website"), max_length=300, blank=True)
    email = models.EmailField(
        _("general e-mail"), blank=True, help_text=_("The organisation's own address, not a person's.")
    )
    phone = models.CharField(_("general phone"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    # Translations of public texts: {"name": {"en": "...", "de": "..."}, "description": {...}}.
    # See docs/decisions/0003-content-translation.md.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    tags = fields.DelimitedListField(_("tags"), help_text=_("Separate tags with commas."))
    influence = models.PositiveSmallIntegerField(_("influence"), choices=Level.choices, null=True, blank=True)
    interest = models.PositiveSmallIntegerField(_("interest"), choices=Level.choices, null=True, blank=True)
    position = models.CharField(_("position"), max_length=16, choices=Position.choices, blank=True)
    source = models.TextField(_("source"), blank=True, help_text=_("Where the facts of this record come from."))
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    # Derived on save: folded text for diacritics-insensitive search and the duplicate key.
    search_text = models.TextField(editable=False, default="")
    name_key = models.CharField(max_length=300, editable=False, default="")
    # Optimistic locking: an edit names the version it started from (services.organisations.update_organisation).
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    AUDITED_FIELDS = (
        "name",
        "short_name",
        "kind",
        "sectors",
        "town",
        "address",
        "latitude",
        "longitude",
        "website",
        "email",
        "phone",
        "description",
        "translations",
        "tags",
        "influence",
        "interest",
        "position",
        "source",
        "is_sample",
    )

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["region", "name_key"]),
            models.Index(fields=["region", "kind"]),
            models.Index(fields=["region", "town"]),
            models.Index(fields=["region", "updated_at"]),
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def display_name(self) -> str:
        return self.localized("name")

    def refresh_derived(self) -> None:
        translated = translated_texts(self.translations)
        # Sector labels in every UI language are searchable too: "porcelan" finds a porcelain
        # works whose name does not say so, in whichever language the coordinator types.
        sector_words = [sector_search_words(code) for code in self.sectors]
        self.search_text = search_key(
            self.name, self.short_name, self.town, *translated, " ".join(self.tags), *sector_words
        )
        self.name_key = normalised_name(self.name)

    def clean(self) -> None:
        if message := fields.point_error(self.latitude, self.longitude):
            raise ValidationError(message)


class Person(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="people")
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100)
    title = models.CharField(_("title"), max_length=40, blank=True, help_text=_("e.g. Ing., Mgr."))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True, help_text=_("Preferred language for contact"))
    lawful_basis = models.CharField(_("lawful basis"), max_length=24, choices=LawfulBasis.choices)
    consent_date = models.DateField(_("consent date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_sample = models.BooleanField(_("sample"), default=False)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    AUDITED_FIELDS = (
        "first_name",
        "last_name",
        "title",
        "email",
        "phone",
        "language",
        "lawful_basis",
        "consent_date",
        "notes",
        "is_sample",
    )
    PERSONAL_FIELDS = ("first_name", "last_name", "title", "email", "phone", "notes")

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        indexes = [models.Index(fields=["region", "last_name"])]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        if self.erased_at:
            return str(_("Erased person #%(id)s") % {"id": self.pk})
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.first_name, self.last_name, self.email)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.lawful_basis == LawfulBasis.CONSENT and not self.consent_date and not self.erased_at:
            raise ValidationError({"consent_date": _("Consent needs the date it was given.")})


class Membership(models.Model):
    """A person's role at an organisation, with dates."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=150, blank=True, help_text=_("e.g. director, teacher, mayor"))
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="membership_end_after_start",
            )
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.person} · {self.role} · {self.organisation}"

    @property
    def is_current(self) -> bool:
        from django.utils import timezone

        # The server's date (TIME_ZONE), not the region's (Region.today()): a membership has no region
        # of its own, only through its person or organisation, a query per membership in a list. In a
        # region of another zone the answer is a day off only between the two midnights.
        return self.end_date is None or self.end_date >= timezone.localdate()

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end must not be before the start.")})
        if self.person_id and self.organisation_id and self.person.region_id != self.organisation.region_id:
            raise ValidationError(_("The person and the organisation belong to different regions."))


# --- Imports (network.services.importing) -------------------------------------------------------------


class ImportBatch(models.Model):
    """One uploaded spreadsheet, kept between upload, preview and import (network.services.importing)."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("uploaded")
        PREVIEWED = "previewed", _("previewed")
        IMPORTED = "imported", _("imported")
        FAILED = "failed", _("failed")

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="import_batches")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(_("file name"), max_length=255)
    # Under MEDIA_ROOT/imports/; removed once imported, since a contact list holds personal data.
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/", max_length=300, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    encoding_choice = models.CharField(_("chosen encoding"), max_length=16, default="auto")
    encoding = models.CharField(_("encoding"), max_length=16, blank=True, help_text=_("The encoding that read it."))
    delimiter = models.CharField(_("delimiter"), max_length=4, blank=True)
    # One target field code (or "" to ignore) per file column, in the file's column order.
    mapping = models.JSONField(_("mapping"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.UPLOADED)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["region", "-created_at"])]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.file_name


# --- Declared relationships between organisations (network analytics) -------------------------


class OrganisationRelationship(models.Model):
    """A declared, typed relationship between two organisations of one region, with optional dates.

    It adds a tie to the network analytics (analytics.domain.network) while it is valid; both ends must be
    organisations of the same region and differ (checked in ``clean()``).
    """

    class Kind(models.TextChoices):
        PARTNERSHIP = "partnership", _("Partnership")
        MEMBERSHIP = "membership", _("Member of (association, Local Action Group)")
        SUPPLIER = "supplier", _("Supplier")
        OWNERSHIP = "ownership", _("Owned by (parent company or founder)")
        EDUCATION = "education", _("School–enterprise cooperation")
        FUNDING = "funding", _("Funding")
        OTHER = "other", _("Other")

    source = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="relationships_out"
    )
    target = models.ForeignKey(
        Organisation, verbose_name=_("related organisation"), on_delete=models.CASCADE, related_name="relationships_in"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Read by the analytics' cache key: ending a relationship or changing its dates must show at once.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["source", "target", "kind", "valid_from", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="relationship_not_to_itself",
                violation_error_message=_("An organisation cannot have a relationship with itself."),
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="relationship_ends_after_start",
                violation_error_message=_("The end must not be before the start."),
            ),
        ]
        verbose_name = _("relationship between organisations")
        verbose_name_plural = _("relationships between organisations")

    def __str__(self) -> str:
        return f"{self.source} · {self.get_kind_display()} · {self.target}"

    @property
    def region(self):
        return self.source.region if self.source_id else None

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.source_id and self.target_id:
            if self.source_id == self.target_id:
                errors.setdefault("target", []).append(
                    ValidationError(_("An organisation cannot have a relationship with itself."), code="self")
                )
            elif self.source.region_id != self.target.region_id:
                errors.setdefault("target", []).append(
                    ValidationError(_("The two organisations belong to different regions."), code="region")
                )
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors.setdefault("valid_to", []).append(
                ValidationError(_("The end must not be before the start."), code="dates")
            )
        if not errors and self.source_id and self.target_id and self.kind and self._overlapping().exists():
            errors.setdefault("kind", []).append(
                ValidationError(
                    _(
                        "These organisations already have a relationship of this kind at the same time; "
                        "end the existing one first or give dates that do not overlap."
                    ),
                    code="overlap",
                )
            )
        if errors:
            raise ValidationError(errors)

    def _overlapping(self):
        """Relationships of the same kind between the same two organisations (either direction)
        whose dates overlap this one's (a missing date is open-ended)."""
        same_pair = models.Q(source_id=self.source_id, target_id=self.target_id) | models.Q(
            source_id=self.target_id, target_id=self.source_id
        )
        overlapping = OrganisationRelationship.objects.filter(same_pair, kind=self.kind)
        Q = models.Q
        if self.valid_to:
            overlapping = overlapping.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=self.valid_to))
        if self.valid_from:
            overlapping = overlapping.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if self.pk:
            overlapping = overlapping.exclude(pk=self.pk)
        return overlapping
