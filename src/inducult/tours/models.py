"""Where a visitor's day may start (a spa town, a station, a hotel district), kept per region by the
coordinator. A visitor may also start at any site or at a point of their own."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inducult.core.fields import latitude_field, longitude_field
from inducult.core.translated import Translated, validate_translations


class TourStart(Translated, models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="tour_starts")
    name = models.CharField(_("name"), max_length=200)
    latitude = latitude_field(required=True)
    longitude = longitude_field(required=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    source = models.TextField(_("source"), blank=True, help_text=_("Where the coordinates come from."))

    class Meta:
        ordering = ["region", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="tours_start_name_once",
                violation_error_message=_("This region already has a starting point of this name."),
            )
        ]
        verbose_name = _("starting point")
        verbose_name_plural = _("starting points")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.localized("name")

    @property
    def point(self) -> tuple[float, float]:
        return (float(self.latitude), float(self.longitude))


class TourProduct(Translated, models.Model):
    """A day tour the coordinator publishes (e.g. "Porcelain and glass from Karlovy Vary, one day"):
    its places in order and the day it was planned for (start, mode, times, interests). Opening hours
    differ by date, so its page lets a visitor plan it for their own date with the places as must-sees."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="tour_products")
    slug = models.SlugField(_("short name in addresses"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    start = models.ForeignKey(
        TourStart, verbose_name=_("starting point"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start_site = models.ForeignKey(
        "heritage.Site",
        verbose_name=_("starting site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mode = models.CharField(_("travelling by"), max_length=20, default="car")
    day_from = models.TimeField(_("from"))
    day_to = models.TimeField(_("back by"))
    interests = models.JSONField(_("interests"), default=dict, blank=True)
    language = models.CharField(_("guided tours preferably in"), max_length=8, blank=True)
    wheelchair = models.BooleanField(_("wheelchair accessible places only"), default=False)
    is_published = models.BooleanField(_("published"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["region", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "slug"],
                name="tours_product_slug_once",
                violation_error_message=_("Another tour of this region has this short name."),
            ),
            models.CheckConstraint(
                condition=models.Q(day_to__gt=models.F("day_from")),
                name="tours_product_day_ends_after_start",
                violation_error_message=_("The day must end after it starts."),
            ),
        ]
        verbose_name = _("tour")
        verbose_name_plural = _("tours")

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        return self.localized("title")


class TourProductStop(models.Model):
    product = models.ForeignKey(TourProduct, on_delete=models.CASCADE, related_name="stops")
    site = models.ForeignKey("heritage.Site", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["product", "position"]
        constraints = [
            models.UniqueConstraint(fields=["product", "position"], name="tours_product_stop_position_once"),
            models.UniqueConstraint(fields=["product", "site"], name="tours_product_stop_site_once"),
        ]
        verbose_name = _("place of a tour")
        verbose_name_plural = _("places of a tour")

    def __str__(self) -> str:
        return f"{self.position}. {self.site}"
