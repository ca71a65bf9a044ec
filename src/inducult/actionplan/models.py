"""The action plan (activities of the three work packages, with indicators) and the funding
catalogue (instruments and their calls) of a region.

Both are region-scoped. The instruments the strategy names are Czech national and EU programmes,
which partner regions in other countries will not share: each region keeps the catalogue it
applies to, with ``country`` saying whose programme it is. An installation-wide catalogue would
need a second permission level above the region, which nothing else in the platform has.

Matching activities with instruments is ``actionplan.domain.funding_match`` (pure);
``actionplan.services.matching`` turns these rows into its facts. Lateness is
``actionplan.domain.lateness`` (pure).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from inducult.actionplan.domain import lateness as plan_lateness
from inducult.actionplan.enums import MAX_AMOUNT, ActivityStatus, Currency, Theme, WorkPackage
from inducult.core.fields import DelimitedListField
from inducult.core.translated import Translated, validate_translations
from inducult.network.enums import OrganisationKind

AMOUNT_VALIDATORS = [
    MinValueValidator(Decimal(0), message=_("An amount cannot be negative.")),
    MaxValueValidator(
        MAX_AMOUNT, message=_("An amount above 10 billion is not plausible here; check the digits and the currency.")
    ),
]
FIRST_DAY = datetime.date(1990, 1, 1)
LAST_DAY = datetime.date(2100, 12, 31)
DATE_VALIDATORS = [
    MinValueValidator(FIRST_DAY, message=_("A date before 1990 is not plausible here.")),
    MaxValueValidator(LAST_DAY, message=_("A date after 2100 is not plausible here.")),
]


def _translations_field():
    return models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])


def _source_field():
    return models.TextField(_("source"), blank=True, help_text=_("Where the facts of this record come from."))


def _sample_field():
    return models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )


def _external_id_field():
    # A stable key of the record it came from, so that loading the same list again updates it.
    return models.CharField(_("external id"), max_length=40, blank=True)


def _amount_field(label):
    return models.DecimalField(
        label, max_digits=14, decimal_places=2, null=True, blank=True, validators=AMOUNT_VALIDATORS
    )


def _external_id_once(model: str):
    return models.UniqueConstraint(
        fields=["region", "external_id"],
        condition=~models.Q(external_id=""),
        name=f"actionplan_{model}_external_id_once",
        violation_error_message=_("Another record of this region has this external id."),
    )


class FundingInstrument(Translated, models.Model):
    """A programme (or one sub-programme of it) that may fund activities."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="funding_instruments")
    external_id = _external_id_field()
    programme = models.CharField(_("programme"), max_length=300)
    name = models.CharField(
        _("instrument"),
        max_length=300,
        blank=True,
        help_text=_("The sub-programme or measure; empty when the programme itself is the instrument."),
    )
    provider = models.CharField(_("provider"), max_length=300, blank=True)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2 code; empty for an EU-wide programme.")
    )
    supports = models.TextField(_("what it supports"), blank=True)
    themes = DelimitedListField(_("themes"), choices=Theme.choices)
    eligible_kinds = DelimitedListField(
        _("eligible applicants"),
        choices=OrganisationKind.choices,
        help_text=_("Kinds of organisation that may apply; none ticked: not restricted (or not known)."),
    )
    co_financing_rate = models.DecimalField(
        _("typical co-financing rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal(0), message=_("A rate cannot be negative.")),
            MaxValueValidator(Decimal(100), message=_("A rate cannot be above %(limit_value)s %%.")),
        ],
        help_text=_("The share of the costs the instrument usually pays."),
    )
    starts_on = models.DateField(_("period from"), null=True, blank=True, validators=DATE_VALIDATORS)
    ends_on = models.DateField(_("period until"), null=True, blank=True, validators=DATE_VALIDATORS)
    url = models.URLField(_("web page"), max_length=300, blank=True)
    translations = _translations_field()
    source = _source_field()
    is_sample = _sample_field()
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    AUDITED_FIELDS = (
        "programme",
        "name",
        "provider",
        "country",
        "supports",
        "themes",
        "eligible_kinds",
        "co_financing_rate",
        "starts_on",
        "ends_on",
        "url",
        "translations",
        "source",
        "is_sample",
    )

    class Meta:
        ordering = ["programme", "name", "id"]
        constraints = [_external_id_once("instrument")]
        verbose_name = _("funding instrument")
        verbose_name_plural = _("funding instruments")

    def __str__(self) -> str:
        return f"{self.programme} – {self.name}" if self.name else self.programme

    @property
    def display_name(self) -> str:
        programme, name = self.localized("programme"), self.localized("name")
        return f"{programme} – {name}" if name else programme

    def open_calls(self, day: datetime.date) -> list[FundingCall]:
        """The calls one can apply to on ``day`` (reads the prefetched calls)."""
        return [call for call in self.calls.all() if call.is_open_on(day)]

    def next_call(self, day: datetime.date) -> FundingCall | None:
        """The call that opens soonest after ``day`` (reads the prefetched calls)."""
        return min(
            (c for c in self.calls.all() if c.opens_on and c.opens_on > day), key=lambda c: c.opens_on, default=None
        )

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The instrument's period cannot end before it starts.")})


class FundingCall(models.Model):
    """One call for applications of an instrument."""

    instrument = models.ForeignKey(FundingInstrument, on_delete=models.CASCADE, related_name="calls")
    external_id = _external_id_field()
    title = models.CharField(pgettext_lazy("name of a record", "title"), max_length=300)
    opens_on = models.DateField(
        _("opens on"), null=True, blank=True, validators=DATE_VALIDATORS, help_text=_("Empty: open already.")
    )
    closes_on = models.DateField(
        _("closes on"), null=True, blank=True, validators=DATE_VALIDATORS, help_text=_("Empty: no deadline (rolling).")
    )
    budget = _amount_field(_("budget"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.CZK)
    url = models.URLField(_("web page"), max_length=300, blank=True)
    source = _source_field()
    is_sample = _sample_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    AUDITED_FIELDS = ("title", "opens_on", "closes_on", "budget", "currency", "url", "source", "is_sample")

    class Meta:
        ordering = ["instrument", "closes_on", "opens_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "external_id"],
                condition=~models.Q(external_id=""),
                name="actionplan_call_external_id_once",
                violation_error_message=_("Another call of this instrument has this external id."),
            ),
            models.CheckConstraint(
                condition=models.Q(opens_on__isnull=True)
                | models.Q(closes_on__isnull=True)
                | models.Q(closes_on__gte=models.F("opens_on")),
                name="actionplan_call_closes_after_opening",
                violation_error_message=_("A call cannot close before it opens."),
            ),
        ]
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")

    def __str__(self) -> str:
        return self.title

    @property
    def region(self):
        return self.instrument.region

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("A call cannot close before it opens.")})

    def is_open_on(self, day: datetime.date) -> bool:
        return (self.opens_on is None or self.opens_on <= day) and (self.closes_on is None or day <= self.closes_on)


class Activity(Translated, models.Model):
    """An activity of the action plan: what, who, when, with what money, and how it is going."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="activities")
    external_id = _external_id_field()
    work_package = models.CharField(_("work package"), max_length=3, choices=WorkPackage.choices)
    title = models.CharField(pgettext_lazy("name of a record", "title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    responsible = models.ManyToManyField(
        "network.Organisation", verbose_name=_("responsible organisations"), blank=True, related_name="activities"
    )
    responsible_text = models.CharField(
        _("other responsible partners"),
        max_length=500,
        blank=True,
        help_text=_("Partners not in the registry, as the plan names them."),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True, validators=DATE_VALIDATORS)
    ends_on = models.DateField(_("ends on"), null=True, blank=True, validators=DATE_VALIDATORS)
    funding_form = models.CharField(
        _("funding form"), max_length=300, blank=True, help_text=_("As planned, e.g. “subsidy, own resources”.")
    )
    instruments = models.ManyToManyField(
        FundingInstrument, verbose_name=_("funding instruments"), blank=True, related_name="activities"
    )
    themes = DelimitedListField(_("themes"), choices=Theme.choices)
    status = models.CharField(_("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.IDEA)
    # The day someone last reported the activity's state (saved its form); None for records loaded
    # from a document, which say what was planned, not what happened (domain.lateness).
    reported_on = models.DateField(_("state reported on"), null=True, blank=True, editable=False)
    budget = _amount_field(_("budget"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.CZK)
    goals = models.ManyToManyField(
        "strategy.StrategicGoal", verbose_name=_("strategic goals"), blank=True, related_name="activities"
    )
    engagements = models.ManyToManyField(
        "engagement.Engagement", verbose_name=_("linked engagements"), blank=True, related_name="activities"
    )
    translations = _translations_field()
    source = _source_field()
    is_sample = _sample_field()
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    AUDITED_FIELDS = (
        "work_package",
        "title",
        "description",
        "responsible_text",
        "starts_on",
        "ends_on",
        "funding_form",
        "themes",
        "status",
        "reported_on",
        "budget",
        "currency",
        "translations",
        "source",
        "is_sample",
    )
    AUDITED_RELATIONS = ("responsible", "instruments", "goals", "engagements")

    class Meta:
        ordering = ["work_package", "starts_on", "title", "id"]
        indexes = [models.Index(fields=["region", "work_package", "status"])]
        constraints = [
            _external_id_once("activity"),
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="actionplan_activity_ends_after_start",
                violation_error_message=_("An activity cannot end before it starts."),
            ),
        ]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        return self.localized("title")

    def clean(self) -> None:
        errors = {}
        if (self.starts_on is None) != (self.ends_on is None):
            errors["ends_on"] = _("Give both the start and the end of the period, or neither.")
        elif self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("An activity cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def lateness(self, today: datetime.date) -> plan_lateness.Lateness | None:
        return plan_lateness.lateness(
            status=self.status,
            starts_on=self.starts_on,
            ends_on=self.ends_on,
            reported_on=self.reported_on,
            today=today,
        )


class Indicator(models.Model):
    """A measure of an activity's result: what is counted, the target and what has been achieved."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, blank=True, help_text=_("e.g. visitors, schools, events"))
    target = models.DecimalField(
        _("target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), message=_("A target cannot be negative."))],
    )
    achieved = models.DecimalField(
        _("achieved"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), message=_("An achieved value cannot be negative."))],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["activity", "order", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    @property
    def region(self):
        return self.activity.region

    @property
    def share(self) -> int | None:
        """Achieved as a whole percentage of the target, or None when there is no target to measure by."""
        if not self.target or self.achieved is None:
            return None
        return int(self.achieved * 100 / self.target)


class CalendarFeed(models.Model):
    """A person's private iCalendar address for one region's deadlines and activity dates. Only a
    hash of the secret in the address is stored: the address is shown once, when it is made; a lost
    one is replaced by a new one, which revokes the old."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="calendar_feeds")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="actionplan_one_feed_per_user_region")]
        verbose_name = _("private calendar feed")
        verbose_name_plural = _("private calendar feeds")

    def __str__(self) -> str:
        return f"{self.user} · {self.region}"
