"""Regions (workspaces) and the roles users hold in them."""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inducult.core.translated import Translated, validate_translations


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("%(value)s is not a known time zone (e.g. Europe/Prague)."), params={"value": value}
        ) from None


def validate_languages(value: list) -> None:
    known = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, list) or not value or any(code not in known for code in value):
        raise ValidationError(
            _("Languages must be a non-empty list of: %(known)s."), params={"known": ", ".join(sorted(known))}
        )


class Region(Translated, models.Model):
    """A workspace: every record of the registry belongs to exactly one region."""

    ORIGINAL_LANGUAGE_FIELD = "default_language"  # the description is written in the region's language

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code, e.g. CZ"))
    languages = models.JSONField(_("languages"), default=list, validators=[validate_languages])
    default_language = models.CharField(_("default language"), max_length=8, choices=settings.LANGUAGES, default="cs")
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Prague", validators=[validate_time_zone]
    )
    description = models.TextField(_("description"), blank=True)
    source = models.TextField(_("source"), blank=True, help_text=_("Where the facts about this region come from."))
    # {"description": {"en": …, "de": …}} (decision 0003): the description in other languages.
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name

    # The region's clock: every date a region's pages, rules and feeds speak of is a date there, and
    # every day or year they count runs from local midnight to local midnight. These methods are the
    # one place that turns a region's dates into moments and back; apps keep no clock of their own.
    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def localtime(self, moment: datetime.datetime | None = None) -> datetime.datetime:
        """``moment`` (default: now) on the region's clock."""
        return timezone.localtime(moment or timezone.now(), self.tz)

    def today(self, now: datetime.datetime | None = None) -> datetime.date:
        """The date in the region at ``now`` (default: now)."""
        return self.localtime(now).date()

    def start_of_day(self, day: datetime.date) -> datetime.datetime:
        """The first moment of ``day`` in the region: local midnight, as an aware datetime.

        A moment is refused: ``datetime`` is a kind of ``date``, and its date would be read on its
        own clock, not the region's (``start_of_day(region.localtime(moment).date())`` says which)."""
        if isinstance(day, datetime.datetime):
            raise TypeError("start_of_day() takes a date, not a datetime")
        return datetime.datetime.combine(day, datetime.time.min, tzinfo=self.tz)

    def year_bounds(self, year: int) -> tuple[datetime.datetime, datetime.datetime]:
        """The first moments of ``year`` and of the next year in the region: the year's moments are
        those from the first (included) to the second (excluded), as a query's ``__gte``/``__lt``."""
        return self.start_of_day(datetime.date(year, 1, 1)), self.start_of_day(datetime.date(year + 1, 1, 1))


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")


class RegionRole(models.Model):
    """A user's role in one region. Editors are bound to the organisation whose data they keep."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="region_roles")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="editor_roles",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "region"], name="one_role_per_user_and_region"),
            models.CheckConstraint(
                condition=~models.Q(role="editor") | models.Q(organisation__isnull=False),
                name="editor_needs_organisation",
            ),
        ]
        verbose_name = _("role in a region")
        verbose_name_plural = _("roles in regions")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.region}"

    def clean(self) -> None:
        if self.role == Role.EDITOR and self.organisation_id is None:
            raise ValidationError({"organisation": _("An editor must be bound to one organisation.")})
        if self.organisation_id and self.organisation.region_id != self.region_id:
            raise ValidationError({"organisation": _("The organisation belongs to another region.")})
