"""Places of industrial culture that people can visit (or that belong to the story): museums, show
mines, factory visitor centres, technical monuments, UNESCO components, trails.

Opening hours are kept twice on purpose: as the source or the site's editor states them
(``opening_hours_text``) and, where that text can be read without guessing, as a structure
(``opening_hours``, see ``domain.opening_hours`` and decision 0010) that the map's "open on" filter
and the tour planner use. A text that could not be structured is flagged for the coordinator
(``opening_hours_review``) and such a site is shown as "hours unknown", never as open or closed.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from inducult.core import fields
from inducult.core.files import delete_stored_file, random_name
from inducult.core.text import search_key
from inducult.core.translated import Translated, translated_texts, validate_translations
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import (
    VISITOR_KINDS,
    CoordinatePrecision,
    EventStatus,
    PriceLevel,
    SiteKind,
    TourLanguage,
    Wheelchair,
)
from inducult.network.enums import Sector


class SiteQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)


class Site(Translated, models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="sites")
    # A stable key of the record it came from (e.g. "KV001" of the reference list), so that loading
    # the same list again updates instead of duplicating.
    external_id = models.CharField(_("external id"), max_length=40, blank=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=32, choices=SiteKind.choices)
    sectors = fields.DelimitedListField(_("sectors"), choices=Sector.choices)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("owning organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sites",
    )
    town = fields.town_field()
    address = fields.address_field()
    latitude = fields.latitude_field()
    longitude = fields.longitude_field()
    coordinate_precision = models.CharField(
        _("coordinates show"), max_length=16, choices=CoordinatePrecision.choices, blank=True
    )
    # A place beyond the region's borders, listed because it belongs to the same story (the
    # reference list keeps a few: Klášterec nad Ohří, Žatec, Krupka, …); its pages and the open data say so.
    outside_region = models.BooleanField(
        _("outside the region"),
        default=False,
        help_text=_("The place lies outside the region's borders; its pages and the open data say so."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    opening_hours = models.JSONField(_("opening hours (structured)"), null=True, blank=True)
    opening_hours_text = models.TextField(
        _("opening hours as stated"), blank=True, help_text=_("As the site or the source states them.")
    )
    opening_hours_review = models.CharField(
        _("opening hours to check"),
        max_length=300,
        blank=True,
        help_text=_("Why the stated hours could not be read into the structure; empty once checked."),
    )
    visit_minutes = models.PositiveSmallIntegerField(
        _("typical visit (minutes)"), null=True, blank=True, validators=[MinValueValidator(5)]
    )
    tour_languages = fields.DelimitedListField(_("guided tours in"), choices=TourLanguage.choices)
    # How much a visitor's day gains from this site (1–5); empty: the tour planner's default for its
    # kind (tours.domain.day_plan.KIND_ATTRACTIVENESS). Set by the coordinator, not by the site's own editor.
    attractiveness = models.PositiveSmallIntegerField(
        _("attractiveness for tours (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Empty: the default for its kind (UNESCO component 5, show mine or museum 4, …)."),
    )
    price_level = models.CharField(_("price"), max_length=8, choices=PriceLevel.choices, blank=True)
    price_note = models.CharField(_("prices"), max_length=300, blank=True)
    wheelchair = models.CharField(_("wheelchair access"), max_length=8, choices=Wheelchair.choices, blank=True)
    accessibility_note = models.CharField(_("accessibility"), max_length=300, blank=True)
    # {"name": {"en": …, "de": …}, "description": {…}} (decision 0003).
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    source = models.TextField(_("source"), blank=True, help_text=_("Where the facts of this record come from."))
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SiteQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["region", "kind"]), models.Index(fields=["region", "updated_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "external_id"],
                condition=~models.Q(external_id=""),
                name="heritage_site_external_id_once",
                violation_error_message=_("Another site of this region has this external id."),
            )
        ]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        translated = translated_texts(self.translations)
        self.search_text = search_key(self.name, self.town, *translated)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        if message := fields.point_error(self.latitude, self.longitude):
            errors["latitude"] = message
        if self.opening_hours is not None:
            try:
                oh.validate(oh.from_dict(self.opening_hours))
            except oh.OpeningHoursError as error:
                errors["opening_hours"] = str(error)
        if self.organisation_id and self.region_id and self.organisation.region_id != self.region_id:
            errors["organisation"] = _("The owning organisation belongs to another region.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_visitor_site(self) -> bool:
        return self.kind in VISITOR_KINDS

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def display_name(self) -> str:
        return self.localized("name")

    def hours(self) -> oh.OpeningHours:
        """The structured hours; unknown when the stated text could not be read into them."""
        if self.opening_hours is None:
            return oh.OpeningHours.unknown()
        return oh.from_dict(self.opening_hours)

    def hours_on(self, day: datetime.date) -> oh.DayHours:
        return oh.on(self.hours(), day)


def site_photo_path(instance: SitePhoto, filename: str) -> str:
    # A random name: a photo's address never changes its bytes, so it can be cached for good, and an
    # uploaded file's own name (often a person's name or a date) is not published.
    return f"sites/{instance.site_id}/{random_name(filename)}"


class SitePhotoQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(removed_at__isnull=True)


class SitePhoto(Translated, models.Model):
    """A photo of a site with its text alternative and credit, re-encoded for the web on upload
    (``heritage.services.photo_files``). Removing one hides it and can be undone; the file stays until
    the site itself is deleted."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to=site_photo_path, max_length=200)
    content_type = models.CharField(max_length=40, editable=False, default="image/jpeg")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=300,
        help_text=_("What the photo shows, for people who cannot see it (screen readers, slow connections)."),
    )
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Photographer or source, and the licence.")
    )
    # {"alt_text": {"en": …, "de": …}} (decision 0003).
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    position = models.PositiveSmallIntegerField(default=0)
    is_sample = models.BooleanField(_("sample"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SitePhotoQuerySet.as_manager()

    class Meta:
        ordering = ["site", "position", "id"]
        verbose_name = _("site photo")
        verbose_name_plural = _("site photos")

    def __str__(self) -> str:
        return self.alt_text

    @property
    def display_alt(self) -> str:
        return self.localized("alt_text")


@receiver(post_delete, sender=SitePhoto, dispatch_uid="heritage_site_photo_file_cleanup")
def delete_site_photo_file(sender, instance: SitePhoto, **kwargs) -> None:
    """The file goes with its row (a site deleted for good), once the deletion is committed."""
    delete_stored_file(instance.image)


class Festival(Translated, models.Model):
    """A festival across many organisers and places, e.g. "Industrial September 2026"."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="festivals")
    slug = models.SlugField(_("short name in addresses"), max_length=80)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    website = models.URLField(_("website"), max_length=300, blank=True)
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    source = models.TextField(_("source"), blank=True)
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "slug"],
                name="heritage_festival_slug_once",
                violation_error_message=_("Another festival of this region has this short name."),
            )
        ]
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.localized("name")

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day must not be before the first day.")})


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=EventStatus.APPROVED)


class Event(Translated, models.Model):
    """A public event at a site or a place, submitted by an organisation's editor or the
    coordinator; only approved events are public. Linking a held engagement (``engagement``) lets
    the event count toward the strategy without being logged twice."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    site = models.ForeignKey(
        Site, verbose_name=_("site"), null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    place_text = models.CharField(_("place"), max_length=300, blank=True, help_text=_("If not at a site."))
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    festival = models.ForeignKey(
        Festival, verbose_name=_("festival"), null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    website = models.URLField(_("website"), max_length=300, blank=True)
    price_note = models.CharField(_("admission"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.SUBMITTED)
    rejection_reason = models.CharField(_("reason for rejection"), max_length=500, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    engagement = models.OneToOneField(
        "engagement.Engagement",
        verbose_name=_("counts as engagement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_event",
    )
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    source = models.TextField(_("source"), blank=True)
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    AUDITED_FIELDS = (
        "title",
        "description",
        "starts_at",
        "ends_at",
        "all_day",
        "site",
        "place_text",
        "organisation",
        "festival",
        "website",
        "price_note",
        "translations",
        "is_sample",
    )

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["region", "status", "starts_at"])]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The end must not be before the start.")
        if not self.site_id and not self.place_text.strip():
            errors["place_text"] = _("Choose the site or say where the event takes place.")
        for name in ("site", "organisation", "festival", "engagement"):
            linked = getattr(self, name) if getattr(self, f"{name}_id") else None
            if linked is not None and self.region_id and linked.region_id != self.region_id:
                errors[name] = _("%(record)s belongs to another region.") % {"record": linked}
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return self.status == EventStatus.APPROVED

    @property
    def where(self) -> str:
        if self.site_id:
            return self.site.display_name + (f", {self.site.town}" if self.site.town else "")
        return self.place_text


class Exhibition(Translated, models.Model):
    """A touring exhibition: showcases lent by organisations, shown at one venue after another."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="exhibitions")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    source = models.TextField(_("source"), blank=True)
    is_sample = models.BooleanField(_("sample"), default=False)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def __str__(self) -> str:
        return self.title

    @property
    def localized_title(self) -> str:
        return self.localized("title")


class Showcase(Translated, models.Model):
    exhibition = models.ForeignKey(Exhibition, on_delete=models.CASCADE, related_name="showcases")
    title = models.CharField(_("title"), max_length=200)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, blank=True)
    lender = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("lent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lent_showcases",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    is_sample = models.BooleanField(_("sample"), default=False)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("showcase")
        verbose_name_plural = _("showcases")

    def __str__(self) -> str:
        return self.title


class ExhibitionStop(models.Model):
    """The exhibition at one venue for a time. ``period`` says when in words where the sources give
    no dates ("2018"); ``visitors`` with ``visitors_is_sample`` when the figure is made up."""

    exhibition = models.ForeignKey(Exhibition, on_delete=models.CASCADE, related_name="stops")
    venue = models.CharField(_("venue"), max_length=300)
    site = models.ForeignKey(Site, verbose_name=_("site"), null=True, blank=True, on_delete=models.SET_NULL)
    occasion = models.CharField(_("occasion"), max_length=300, blank=True, help_text=_("e.g. Museum Night"))
    starts_on = models.DateField(_("first day"), null=True, blank=True)
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    period = models.CharField(_("when"), max_length=100, blank=True, help_text=_("When no dates are known."))
    event = models.ForeignKey(
        Event, verbose_name=_("event"), null=True, blank=True, on_delete=models.SET_NULL, related_name="stops"
    )
    visitors = models.PositiveIntegerField(_("visitors"), null=True, blank=True)
    visitors_is_sample = models.BooleanField(_("visitor count is a sample"), default=False)
    voting_open = models.BooleanField(_("visitors may vote"), default=False)
    source = models.TextField(_("source"), blank=True)
    is_sample = models.BooleanField(_("sample"), default=False)

    class Meta:
        # Stops known only by a period ("2018") after the dated ones, on both databases.
        ordering = [models.F("starts_on").asc(nulls_last=True), "id"]
        verbose_name = _("exhibition stop")
        verbose_name_plural = _("exhibition stops")

    def __str__(self) -> str:
        when = self.occasion or self.period or (self.starts_on.isoformat() if self.starts_on else "")
        # A stop known by its venue alone reads as the venue (it once read "… (None)").
        return f"{self.venue} ({when})" if when else self.venue

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day must not be before the first day.")})


class ShowcaseVote(models.Model):
    """The answer to "which showcase interested you most": one vote per visitor (a random cookie,
    kept hashed) per stop. Votes of the demo are samples."""

    stop = models.ForeignKey(ExhibitionStop, on_delete=models.CASCADE, related_name="votes")
    showcase = models.ForeignKey(Showcase, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=64)
    is_sample = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["stop", "voter"], name="heritage_vote_once_per_stop")]

    def __str__(self) -> str:
        return f"{self.stop}: {self.showcase}"


@receiver(post_save, sender=Site, dispatch_uid="heritage_site_saved_forget_counts")
@receiver(post_delete, sender=Site, dispatch_uid="heritage_site_deleted_forget_counts")
def forget_open_data_counts(sender, instance: Site, **kwargs) -> None:
    """The open data's fingerprint keeps the region's count of sites for a second
    (heritage.services.opendata); a write forgets it, after the commit too, so that this process
    serves the edit at once."""
    from inducult.heritage.services.opendata import forget_counts  # the services import the models

    region_id = instance.region_id
    forget_counts(region_id)
    transaction.on_commit(lambda: forget_counts(region_id))
