"""Choices of the engagement log, with translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EngagementKind(models.TextChoices):
    FOCUS_GROUP = "focus_group", _("Focus group (discussion group)")
    BILATERAL_MEETING = "bilateral_meeting", _("Bilateral meeting")
    ROUND_TABLE = "round_table", _("Round table")
    PARTNER_MEETING = "partner_meeting", _("Partner meeting")
    VIDEO_CONFERENCE = "video_conference", _("Video conference")
    WORKSHOP = "workshop", _("Workshop")
    EXCURSION = "excursion", _("Excursion")
    TRIAL_JOB_INTERVIEW = "trial_job_interview", _("Trial job interview")
    LECTURE_DISCUSSION = "lecture_discussion", _("Lecture or discussion")
    OPEN_FACTORY_DAY = "open_factory_day", _("Open-factory day")
    EXHIBITION_STOP = "exhibition_stop", _("Exhibition stop")
    FESTIVAL_EVENT = "festival_event", _("Festival event")
    OTHER = "other", _("Other")


class EngagementStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


class Visibility(models.TextChoices):
    """Public engagements may appear on the region's public pages; internal ones never do."""

    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")
