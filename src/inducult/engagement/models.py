"""The engagement log: meetings and activities, who took part, what came of them.

Every record belongs to one region, directly (topics, engagements) or through its engagement
(participants, follow-up tasks, attachments). Records of another region are refused in ``clean()``
with a message naming them (docs/decisions/0002-region-isolation.md).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from inducult.core.files import StoredFile, attachment_path, delete_stored_file, validate_attachment
from inducult.core.text import fold, search_key
from inducult.core.translated import Translated, validate_translations
from inducult.engagement.enums import EngagementKind, EngagementStatus, Visibility


class Topic(Translated, models.Model):
    """A region's word for what engagements are about ("new products for spa guests"). One list per
    region, so a count rule "on a given topic" counts every engagement tagged with it."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(_("name"), max_length=150)
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    # Folded name: "Lázně" and "lazne" are one topic.
    name_key = models.CharField(max_length=150, editable=False, default="")

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name_key"],
                name="topic_unique_per_region",
                violation_error_message=_("This region already has this topic."),
            )
        ]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        self.name_key = " ".join(fold(self.name).split())

    def clean(self) -> None:
        self.refresh_derived()


class EngagementQuerySet(models.QuerySet):
    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class LiveEngagementManager(models.Manager.from_queryset(EngagementQuerySet)):
    """The default manager: engagements not deleted. Every count (progress, lists, related managers
    such as ``topic.engagements``) goes through it, so a deleted engagement stops counting at once."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class Engagement(Translated, models.Model):
    """One meeting or activity, planned or held.

    ``starts_at`` is an aware moment shown in the region's time zone. When only the date is known
    (``date_only``), it is the start of that day there and no time of day is shown or invented.

    Deleting is soft (``deleted_at``): ``Engagement.objects`` hides deleted rows, while
    ``Engagement.all_objects`` sees them, so an undo restores the record with its id, participants,
    topics, goals, tasks and attachments untouched.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="engagements")
    kind = models.CharField(_("kind"), max_length=32, choices=EngagementKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=EngagementStatus.choices, default=EngagementStatus.PLANNED
    )
    title = models.CharField(pgettext_lazy("name of a record", "title"), max_length=300)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    date_only = models.BooleanField(
        _("date only"), default=False, help_text=_("Only the date is known; no time of day is shown.")
    )
    place_text = models.CharField(_("place"), max_length=300, blank=True, help_text=_("Address or description."))
    place_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="hosted_engagements",
    )
    anonymous_head_count = models.PositiveIntegerField(
        _("anonymous participants"),
        null=True,
        blank=True,
        help_text=_("People who took part without being recorded by name or organisation."),
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="engagements")
    minutes = models.TextField(_("minutes"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    goals = models.ManyToManyField(
        "strategy.StrategicGoal", verbose_name=_("strategic goals"), blank=True, related_name="engagements"
    )
    # Translations of public texts: {"title": {"en": "...", "de": "..."}, "outcomes": {...}}.
    translations = models.JSONField(_("translations"), default=dict, blank=True, validators=[validate_translations])
    source = models.TextField(_("source"), blank=True, help_text=_("Where the facts of this record come from."))
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Made up for demonstration; labelled as a sample everywhere.")
    )
    # Optimistic locking, as for organisations: an edit names the version it started from.
    version = models.PositiveIntegerField(default=1, editable=False)
    # Soft deletion: set by services.engagements.delete_engagement, cleared by restore_engagement (undo).
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)
    # Derived on save: folded title, minutes and outcomes for diacritics-insensitive search.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LiveEngagementManager()
    all_objects = EngagementQuerySet.as_manager()

    AUDITED_FIELDS = (
        "kind",
        "status",
        "title",
        "starts_at",
        "ends_at",
        "date_only",
        "place_text",
        "place_organisation",
        "anonymous_head_count",
        "minutes",
        "outcomes",
        "visibility",
        "translations",
        "source",
        "is_sample",
    )

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["region", "starts_at"]),
            models.Index(fields=["region", "kind", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gte=models.F("starts_at")),
                name="engagement_ends_after_start",
                violation_error_message=_("The end must not be before the start."),
            )
        ]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")

    def __str__(self) -> str:
        return f"{self.local_date:%Y-%m-%d} {self.title}" if self.starts_at else self.title

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        self.search_text = search_key(self.title, self.minutes, self.outcomes, self.place_text)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def local_starts_at(self) -> datetime.datetime:
        return timezone.localtime(self.starts_at, self.region.tz)

    @property
    def local_date(self) -> datetime.date:
        return self.local_starts_at.date()

    @property
    def year(self) -> int:
        """The calendar year in the region's time zone: the year count rules count it in."""
        return self.local_date.year

    @property
    def is_held(self) -> bool:
        return self.status == EngagementStatus.HELD

    def clean(self) -> None:
        if not self.region_id or self.starts_at is None:
            return
        if self.date_only:
            # A date-only engagement is held at the start of its day in the region.
            region = self.region
            self.starts_at = region.start_of_day(region.localtime(self.starts_at).date())
            if self.ends_at is not None:
                self.ends_at = region.start_of_day(region.localtime(self.ends_at).date())
        errors = {}
        if self.place_organisation_id and self.place_organisation.region_id != self.region_id:
            errors["place_organisation"] = ValidationError(
                _("%(organisation)s belongs to another region than this engagement."),
                params={"organisation": self.place_organisation},
            )
        today = self.region.today()
        if self.status == EngagementStatus.HELD and self.local_date > today:
            errors["status"] = _("An engagement on a later date cannot have been held yet.")
        if errors:
            raise ValidationError(errors)

    def check_links(self, *, topics=(), goals=()) -> None:
        """Refuse topics and strategic goals of another region (many-to-many links are set after
        ``clean()``, so forms and business actions call this before setting them)."""
        errors = []
        for topic in topics:
            if topic.region_id != self.region_id:
                errors.append(
                    ValidationError(_("The topic %(topic)s belongs to another region."), params={"topic": topic})
                )
        for goal in goals:
            if goal.version.strategy.region_id != self.region_id:
                errors.append(
                    ValidationError(
                        _("The strategic goal %(goal)s belongs to another region's strategy."), params={"goal": goal}
                    )
                )
        if errors:
            raise ValidationError(errors)


def _engagement_region_id(record) -> int | None:
    """The region of a record's engagement, also while an admin form adds both together."""
    try:
        return record.engagement.region_id
    except ObjectDoesNotExist:
        return None


class EngagementParticipant(models.Model):
    """An organisation, a person, or a person on behalf of an organisation taking part."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="engagement_participations",
    )
    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="engagement_participations",
    )
    role = models.CharField(_("role"), max_length=150, blank=True, help_text=_("e.g. host, speaker, guest"))

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(person__isnull=False),
                name="participant_needs_organisation_or_person",
                violation_error_message=_("A participant needs an organisation, a person or both."),
            ),
            models.UniqueConstraint(
                fields=["engagement", "person"],
                condition=models.Q(person__isnull=False),
                name="participant_person_once",
                violation_error_message=_("This person already takes part in this engagement."),
            ),
            models.UniqueConstraint(
                fields=["engagement", "organisation"],
                condition=models.Q(person__isnull=True),
                name="participant_organisation_once",
                violation_error_message=_("This organisation already takes part in this engagement."),
            ),
        ]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        # No personal name here: this text is kept in the audit trail, which outlives an erasure.
        if self.organisation_id:
            return str(self.organisation)
        return str(_("Person #%(id)s") % {"id": self.person_id})

    @property
    def region(self):
        return self.engagement.region

    def clean(self) -> None:
        region_id = _engagement_region_id(self)
        if region_id is None:
            return
        errors = {}
        if self.organisation_id and self.organisation.region_id != region_id:
            errors["organisation"] = ValidationError(
                _("%(organisation)s belongs to another region than this engagement."),
                params={"organisation": self.organisation},
            )
        if self.person_id and self.person.region_id != region_id:
            errors["person"] = _("This person belongs to another region than this engagement.")
        if errors:
            raise ValidationError(errors)


class FollowUpTask(models.Model):
    """Something agreed at an engagement: who does it, by when, and whether it is done.

    The owner is a person of the registry (a stakeholder or the coordinator's own contact record),
    so tasks owned by people without an account can be followed up too.
    """

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(
        "network.Person",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="follow_up_tasks",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "id"]
        # The dashboard's "overdue follow-ups" reminder reads open tasks by due date; without this
        # it walked every engagement of the region (docs/performance.md).
        indexes = [
            models.Index(fields=["due_date"], condition=models.Q(done_at__isnull=True), name="engagement_task_open_due")
        ]
        verbose_name = _("follow-up task")
        verbose_name_plural = _("follow-up tasks")

    def __str__(self) -> str:
        return self.title

    @property
    def region(self):
        return self.engagement.region

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def clean(self) -> None:
        region_id = _engagement_region_id(self)
        if region_id is not None and self.owner_id and self.owner.region_id != region_id:
            raise ValidationError({"owner": _("The owner belongs to another region than this engagement.")})


class Attachment(StoredFile):
    """A file kept with an engagement: PDF, DOCX, XLSX, ODT, PNG or JPEG, checked by content."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300, validators=[validate_attachment])

    class Meta(StoredFile.Meta):
        pass

    @property
    def region(self):
        return self.engagement.region


@receiver(post_delete, sender=Attachment, dispatch_uid="engagement_attachment_file_cleanup")
def delete_attachment_file(sender, instance: Attachment, **kwargs) -> None:
    delete_stored_file(instance.file)
