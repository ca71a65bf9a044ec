"""A region's strategy: its versions (the original and each actualisation), vision, strategic goals,
milestones and the rules that say when a milestone is met.

Progress is never stored: ``strategy.domain.progress`` derives it from the rules here and from the
engagement log and deliverables. Every record reaches its region through its strategy.

Standing targets (the coordinator's "a focus group once a year, five bilateral meetings a year")
are milestones with ``is_standing_target`` set and codes T1, T2, …: they have rules like any
milestone, so one engine evaluates both.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from inducult.core.files import attachment_path, validate_attachment
from inducult.core.translated import Translated, validate_translations
from inducult.engagement.validators import validate_engagement_kinds
from inducult.network.enums import OrganisationKind

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


def _translations_field():
    return models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])


def _source_field():
    return models.TextField(_("source"), blank=True, help_text=_("Where the facts of this record come from."))


class Strategy(Translated, models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="strategies")
    title = models.CharField(pgettext_lazy("name of a record", "title"), max_length=300)
    translations = _translations_field()
    source = _source_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "id"]
        constraints = [models.UniqueConstraint(fields=["region", "title"], name="strategy_title_unique_per_region")]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.localized("title")  # in the reader's language (pickers, histories, reports)

    def version_on(self, day: datetime.date) -> StrategyVersion | None:
        """The version in force on ``day``, or None before the first one."""
        return self.versions.in_force_on(day)


class StrategyVersionQuerySet(models.QuerySet):
    def in_force_on(self, day: datetime.date) -> StrategyVersion | None:
        """The version with the latest ``valid_from`` on or before ``day``: a version stays in force
        until the next one begins."""
        return self.filter(valid_from__lte=day).order_by("-valid_from").first()


class StrategyVersion(Translated, models.Model):
    """The original strategy or one actualisation of it, in force from ``valid_from``."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="versions")
    label = models.CharField(_("label"), max_length=120, help_text=_("e.g. 2018 original, 2021 actualisation"))
    valid_from = models.DateField(_("in force from"))
    vision = models.TextField(_("vision"))
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actualisations",
        help_text=_("The version this one actualises."),
    )
    notes = models.TextField(_("notes"), blank=True)
    translations = _translations_field()
    source = _source_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StrategyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["strategy", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "valid_from"],
                name="strategy_version_one_per_start",
                violation_error_message=_("Another version of this strategy comes into force on the same day."),
            ),
            models.UniqueConstraint(fields=["strategy", "label"], name="strategy_version_label_unique"),
        ]
        verbose_name = _("strategy version")
        verbose_name_plural = _("strategy versions")

    def __str__(self) -> str:
        return f"{self.strategy} · {self.localized('label')}"

    @property
    def region(self):
        return self.strategy.region

    @property
    def valid_until(self) -> datetime.date | None:
        """The last day in force: the day before the next version begins, or None if none follows."""
        following = (
            StrategyVersion.objects.filter(strategy_id=self.strategy_id, valid_from__gt=self.valid_from)
            .order_by("valid_from")
            .first()
        )
        return following.valid_from - datetime.timedelta(days=1) if following else None

    def clean(self) -> None:
        if self.based_on_id is None:
            return
        if self.based_on.strategy_id != self.strategy_id:
            raise ValidationError({"based_on": _("A version can only actualise a version of the same strategy.")})
        if self.valid_from and self.based_on.valid_from >= self.valid_from:
            raise ValidationError({"based_on": _("A version can only actualise an earlier version.")})


class StrategicGoal(Translated, models.Model):
    version = models.ForeignKey(StrategyVersion, on_delete=models.CASCADE, related_name="goals")
    code = models.CharField(_("code"), max_length=16, help_text=_("e.g. SG1"))
    title = models.CharField(pgettext_lazy("name of a record", "title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = _translations_field()
    source = _source_field()
    # The optimistic lock (core.versioning): ``version`` is the strategy version this belongs to.
    VERSION_FIELD = "edit_version"
    edit_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["version", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="goal_code_unique_per_version")]
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")

    def __str__(self) -> str:
        return f"{self.code}: {self.localized('title')}"

    @property
    def region(self):
        return self.version.strategy.region


class Milestone(Translated, models.Model):
    """A milestone of the road map, or one of the coordinator's standing targets. It is met when all
    its rules hold; ``first_year``/``last_year`` place it in the road map ("2021 +" has no end)."""

    version = models.ForeignKey(StrategyVersion, on_delete=models.CASCADE, related_name="milestones")
    code = models.CharField(_("code"), max_length=16, help_text=_("e.g. M1; T1 for a standing target"))
    title = models.CharField(pgettext_lazy("name of a record", "title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    goals = models.ManyToManyField(
        StrategicGoal, verbose_name=_("strategic goals"), blank=True, related_name="milestones"
    )
    first_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    last_year = models.PositiveSmallIntegerField(
        _("last year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Empty: every year from then on."),
    )
    is_standing_target = models.BooleanField(
        _("standing target"), default=False, help_text=_("A target the coordinator keeps every year.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = _translations_field()
    source = _source_field()
    # The optimistic lock (core.versioning): ``version`` is the strategy version this belongs to.
    VERSION_FIELD = "edit_version"
    edit_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["version", "is_standing_target", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="milestone_code_unique_per_version"),
            models.CheckConstraint(
                condition=models.Q(last_year__isnull=True) | models.Q(last_year__gte=models.F("first_year")),
                name="milestone_last_year_after_first",
                violation_error_message=_("The last year must not be before the first year."),
            ),
        ]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return f"{self.code}: {self.localized('title')}"

    @property
    def region(self):
        return self.version.strategy.region

    @property
    def rules(self) -> list[CountRule | DeliverableRule]:
        return [*self.count_rules.all(), *self.deliverable_rules.all()]

    def check_goals(self, goals) -> None:
        """Refuse goals of another strategy version (links are set after ``clean()``)."""
        foreign = [goal for goal in goals if goal.version_id != self.version_id]
        if foreign:
            raise ValidationError(
                _("A milestone can only serve goals of its own strategy version, not %(goals)s."),
                params={"goals": ", ".join(str(goal.code) for goal in foreign)},
            )


class CountRule(models.Model):
    """At least ``minimum`` engagements of the given kinds in each calendar year of the span,
    optionally only those with a participant of ``organisation_kind`` or on ``topic``."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="count_rules")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kinds = models.JSONField(
        _("engagement kinds"),
        default=list,
        validators=[validate_engagement_kinds],
        help_text=_('A list of kind codes, e.g. ["bilateral_meeting"].'),
    )
    minimum = models.PositiveSmallIntegerField(_("at least"), validators=[MinValueValidator(1)])
    first_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    last_year = models.PositiveSmallIntegerField(
        _("last year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Empty: every year from then on."),
    )
    organisation_kind = models.CharField(
        _("with a participant of kind"),
        max_length=32,
        choices=OrganisationKind.choices,
        blank=True,
        help_text=_("Count only engagements where an organisation of this kind took part."),
    )
    topic = models.ForeignKey(
        "engagement.Topic",
        verbose_name=_("on topic"),
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="count_rules",
    )
    # The optimistic lock (core.versioning), named as on the goals and milestones it sits under.
    VERSION_FIELD = "edit_version"
    edit_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["milestone", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["milestone", "order"], name="count_rule_order_unique"),
            models.CheckConstraint(condition=models.Q(minimum__gte=1), name="count_rule_minimum_positive"),
            models.CheckConstraint(
                condition=models.Q(last_year__isnull=True) | models.Q(last_year__gte=models.F("first_year")),
                name="count_rule_last_year_after_first",
                violation_error_message=_("The last year must not be before the first year."),
            ),
        ]
        verbose_name = _("count rule")
        verbose_name_plural = _("count rules")

    def __str__(self) -> str:
        years = (
            f"{self.first_year}–{self.last_year or ''}" if self.last_year != self.first_year else str(self.first_year)
        )
        return f"≥ {self.minimum} × {', '.join(self.kinds)} / {years}"

    @property
    def region(self):
        return self.milestone.version.strategy.region

    def _region_id(self) -> int | None:
        """The strategy's region, also while an admin form adds the milestone and its rules together."""
        try:
            return self.milestone.version.strategy.region_id
        except ObjectDoesNotExist:
            return None

    def clean(self) -> None:
        if isinstance(self.kinds, list):
            # One kind listed twice counts nothing twice; keep the first mention.
            self.kinds = list(dict.fromkeys(self.kinds))
        if self.topic_id and self._region_id() not in (None, self.topic.region_id):
            raise ValidationError({"topic": _("The topic belongs to another region than this strategy.")})


class DeliverableRule(Translated, models.Model):
    """A document or decision expected by ``due_date``, proven by a dated deliverable with evidence."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="deliverable_rules")
    key = models.SlugField(_("key"), max_length=60, help_text=_("A short identifier, e.g. sclld-priorities"))
    title = models.CharField(pgettext_lazy("name of a record", "title"), max_length=300)
    due_date = models.DateField(_("due date"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = _translations_field()
    # The rule is real (the strategy's); what is on record of its delivery may not be: the demo's
    # sample history decides which rules were delivered and which were not, so a status read from
    # that record (even "missed", from a deliverable it left out) is a sample until a real one is recorded.
    history_is_sample = models.BooleanField(
        _("delivery record is a sample"),
        default=False,
        help_text=_("What is recorded of this rule's delivery, or its absence, is made up for demonstration."),
    )
    # The optimistic lock (core.versioning), named as on the goals and milestones it sits under.
    VERSION_FIELD = "edit_version"
    edit_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["milestone", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["milestone", "key"], name="deliverable_rule_key_unique")]
        verbose_name = _("deliverable rule")
        verbose_name_plural = _("deliverable rules")

    def __str__(self) -> str:
        return self.localized("title")

    @property
    def region(self):
        return self.milestone.version.strategy.region


class Deliverable(models.Model):
    """The document or decision itself: dated, with evidence (a link, a file, or both)."""

    rule = models.ForeignKey(DeliverableRule, on_delete=models.CASCADE, related_name="deliverables")
    title = models.CharField(pgettext_lazy("name of a record", "title"), max_length=300)
    dated = models.DateField(_("dated"))
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to=attachment_path, max_length=300, blank=True, validators=[validate_attachment]
    )
    notes = models.TextField(_("notes"), blank=True)
    source = _source_field()
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["dated", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(evidence_url="") | ~models.Q(evidence_file=""),
                name="deliverable_needs_evidence",
                violation_error_message=_("A deliverable needs evidence: a link, a file or both."),
            )
        ]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")

    def __str__(self) -> str:
        return f"{self.dated:%Y-%m-%d} {self.title}" if self.dated else self.title

    @property
    def region(self):
        return self.rule.milestone.version.strategy.region

    @property
    def evidence(self) -> str:
        """The link, or the stored file's name: what the progress engine checks is there."""
        return self.evidence_url or (self.evidence_file.name if self.evidence_file else "")
