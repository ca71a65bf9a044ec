"""School–enterprise and creative–industry cooperation: a pair of organisations per school year and
what they did together. Each activity is an engagement of the log (``engagement``), so it counts
toward the strategy like any other; the activity adds what only cooperation has (pupils' count and
the teachers' and pupils' feedback, which stay in the back office)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inducult.cooperation.domain import pairs
from inducult.cooperation.enums import (
    ACTIVITY_TYPES,
    MAX_PUPILS,
    PARTNER_A_KIND,
    PARTNER_B_KIND,
    ActivityType,
    CooperationKind,
)
from inducult.network.enums import OrganisationKind

KIND_PLURAL = {
    OrganisationKind.SCHOOL: _("schools"),
    OrganisationKind.ENTERPRISE: _("enterprises"),
    OrganisationKind.CREATIVE: _("creatives"),
}


class Cooperation(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="cooperations")
    kind = models.CharField(_("kind"), max_length=32, choices=CooperationKind.choices)
    partner_a = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("school or creative"),
        on_delete=models.RESTRICT,
        related_name="cooperations_as_a",
    )
    partner_b = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("enterprise"),
        on_delete=models.RESTRICT,
        related_name="cooperations_as_b",
    )
    school_year = models.PositiveSmallIntegerField(
        _("school year"),
        validators=[MinValueValidator(pairs.FIRST_SCHOOL_YEAR), MaxValueValidator(pairs.LAST_SCHOOL_YEAR)],
        help_text=_("The year it starts in: 2019 for 2019/2020 (September to August)."),
    )
    note = models.TextField(_("note"), blank=True)
    source = models.TextField(_("source"), blank=True, help_text=_("Where the facts of this record come from."))
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )
    # Optimistic locking: an edit names the version it started from (services.cooperations.update_cooperation).
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    AUDITED_FIELDS = ("kind", "partner_a", "partner_b", "school_year", "note", "source", "is_sample")

    class Meta:
        ordering = ["-school_year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner_a", "partner_b", "school_year", "kind"],
                name="cooperation_once_per_school_year",
                violation_error_message=_("These two organisations already have this cooperation in this school year."),
            )
        ]
        indexes = [models.Index(fields=["region", "school_year"])]
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")

    def __str__(self) -> str:
        a = self.partner_a.name if self.partner_a_id else "?"
        b = self.partner_b.name if self.partner_b_id else "?"
        return f"{a} – {b} ({self.school_year_label})"

    @property
    def school_year_label(self) -> str:
        return pairs.school_year_label(self.school_year) if self.school_year else ""

    @property
    def is_school(self) -> bool:
        return self.kind == CooperationKind.SCHOOL_ENTERPRISE

    def clean(self) -> None:
        if not (self.kind and self.partner_a_id and self.partner_b_id):
            return
        a, b = self.partner_a, self.partner_b
        if a.pk == b.pk:
            raise ValidationError(
                _("An organisation cannot cooperate with itself; choose two different organisations.")
            )
        kind_a = PARTNER_A_KIND[CooperationKind(self.kind)]
        # Given the other way round (the enterprise first), the pair is put in order.
        if a.kind == PARTNER_B_KIND and b.kind == kind_a:
            self.partner_a, self.partner_b = a, b = b, a
        if a.kind == b.kind:
            raise ValidationError(self._both_message(a.kind))
        errors = {}
        school = self.kind == CooperationKind.SCHOOL_ENTERPRISE
        if a.kind != kind_a:
            errors["partner_a"] = ValidationError(
                _("%(organisation)s is not a school; a school–enterprise cooperation needs a school on this side.")
                if school
                else _(
                    "%(organisation)s is not a creative professional or studio; a creative–industry cooperation "
                    "needs a creative on this side."
                ),
                params={"organisation": a},
            )
        if b.kind != PARTNER_B_KIND:
            errors["partner_b"] = ValidationError(
                _(
                    "%(organisation)s is not an enterprise; a school–enterprise cooperation needs an enterprise on "
                    "this side."
                )
                if school
                else _(
                    "%(organisation)s is not an enterprise; a creative–industry cooperation needs an enterprise on "
                    "this side."
                ),
                params={"organisation": b},
            )
        for name, org in (("partner_a", a), ("partner_b", b)):
            if self.region_id and org.region_id != self.region_id:
                errors.setdefault(name, []).append(
                    ValidationError(
                        _("%(organisation)s belongs to another region than this cooperation."),
                        params={"organisation": org},
                    )
                )
            if org.archived_at is not None and self._state.adding:
                errors.setdefault(name, []).append(
                    ValidationError(
                        _("%(organisation)s is archived; restore it in the registry first."),
                        params={"organisation": org},
                    )
                )
        if errors:
            raise ValidationError(errors)

    def _both_message(self, kind: str) -> ValidationError:
        both = KIND_PLURAL.get(kind, _("of the same kind"))
        if self.kind == CooperationKind.SCHOOL_ENTERPRISE:
            message = _("A school–enterprise cooperation joins a school and an enterprise; both are %(both)s.")
        else:
            message = _("A creative–industry cooperation joins a creative and an enterprise; both are %(both)s.")
        return ValidationError(message, params={"both": both}, code="same_kind")


class CooperationActivityQuerySet(models.QuerySet):
    def live(self):
        """Activities whose engagement is not deleted (a deleted engagement stops counting everywhere)."""
        return self.filter(engagement__deleted_at__isnull=True)


class CooperationActivity(models.Model):
    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="activities")
    type = models.CharField(_("type"), max_length=32, choices=ActivityType.choices)
    date = models.DateField(_("date"))
    pupils = models.PositiveIntegerField(
        _("pupils taking part"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(0, message=_("The number of pupils cannot be negative.")),
            MaxValueValidator(
                MAX_PUPILS,
                message=_("More than %(limit_value)s pupils in one activity is not plausible; check the number."),
            ),
        ],
        help_text=_("A count only; pupils are never recorded by name."),
    )
    teacher_feedback = models.TextField(_("teachers' feedback"), blank=True)
    pupil_feedback = models.TextField(
        _("pupils' feedback"), blank=True, help_text=_("Shown only in the back office. Leave out pupils' names.")
    )
    engagement = models.OneToOneField(
        "engagement.Engagement",
        verbose_name=_("engagement"),
        on_delete=models.CASCADE,
        related_name="cooperation_activity",
    )
    source = models.TextField(_("source"), blank=True, help_text=_("Where the facts of this record come from."))
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CooperationActivityQuerySet.as_manager()

    AUDITED_FIELDS = ("type", "date", "pupils", "teacher_feedback", "pupil_feedback", "source", "is_sample")

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("cooperation activity")
        verbose_name_plural = _("cooperation activities")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_type_display()}" if self.date else self.get_type_display()

    @property
    def region(self):
        return self.cooperation.region

    def clean(self) -> None:
        if not self.cooperation_id:
            return
        cooperation = self.cooperation
        errors = {}
        allowed = ACTIVITY_TYPES[CooperationKind(cooperation.kind)]
        if self.type and self.type not in allowed:
            errors["type"] = ValidationError(
                _("“%(type)s” is not an activity of a school–enterprise cooperation; choose one of: %(allowed)s.")
                if cooperation.is_school
                else _("“%(type)s” is not an activity of a creative–industry cooperation; choose one of: %(allowed)s."),
                params={"type": self.get_type_display(), "allowed": ", ".join(str(t.label) for t in allowed)},
            )
        if self.pupils is not None and not cooperation.is_school:
            errors["pupils"] = ValidationError(_("Pupils are counted only in school–enterprise cooperation."))
        if isinstance(self.date, datetime.date) and cooperation.school_year:
            first, last = pairs.school_year_bounds(cooperation.school_year)
            if not first <= self.date <= last:
                errors["date"] = ValidationError(
                    _("%(date)s is outside the school year %(year)s (%(first)s to %(last)s)."),
                    params={
                        "date": self.date.isoformat(),
                        "year": cooperation.school_year_label,
                        "first": first.isoformat(),
                        "last": last.isoformat(),
                    },
                )
        if errors:
            raise ValidationError(errors)
