"""Choices of the cooperation app, with translated labels, and the groups derived from them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from inducult.engagement.enums import EngagementKind
from inducult.network.enums import OrganisationKind


class CooperationKind(models.TextChoices):
    SCHOOL_ENTERPRISE = "school_enterprise", _("School–enterprise")
    CREATIVE_INDUSTRY = "creative_industry", _("Creative–industry")


class ActivityType(models.TextChoices):
    EXCURSION = "excursion", _("Excursion")
    TRIAL_JOB_INTERVIEW = "trial_job_interview", _("Trial job interview")
    WORKSHOP = "workshop", _("Workshop")
    LECTURE_DISCUSSION = "lecture_discussion", _("Lecture or discussion")
    PRACTICAL_TRAINING = "practical_training", _("Practical training")
    DESIGN_WORKSHOP = "design_workshop", _("Design workshop")
    VOUCHER_PROJECT = "voucher_project", _("Creative voucher project")


# The kind of organisation on each side: partner A (the school or the creative), partner B (the enterprise).
PARTNER_A_KIND = {
    CooperationKind.SCHOOL_ENTERPRISE: OrganisationKind.SCHOOL,
    CooperationKind.CREATIVE_INDUSTRY: OrganisationKind.CREATIVE,
}
PARTNER_B_KIND = OrganisationKind.ENTERPRISE

# What each kind of cooperation may do.
ACTIVITY_TYPES = {
    CooperationKind.SCHOOL_ENTERPRISE: (
        ActivityType.EXCURSION,
        ActivityType.TRIAL_JOB_INTERVIEW,
        ActivityType.WORKSHOP,
        ActivityType.LECTURE_DISCUSSION,
        ActivityType.PRACTICAL_TRAINING,
    ),
    CooperationKind.CREATIVE_INDUSTRY: (
        ActivityType.DESIGN_WORKSHOP,
        ActivityType.WORKSHOP,
        ActivityType.LECTURE_DISCUSSION,
        ActivityType.VOUCHER_PROJECT,
    ),
}

# An activity is an engagement of this kind, so it counts toward the strategy's rules for that kind.
ENGAGEMENT_KIND = {
    ActivityType.EXCURSION: EngagementKind.EXCURSION,
    ActivityType.TRIAL_JOB_INTERVIEW: EngagementKind.TRIAL_JOB_INTERVIEW,
    ActivityType.WORKSHOP: EngagementKind.WORKSHOP,
    ActivityType.LECTURE_DISCUSSION: EngagementKind.LECTURE_DISCUSSION,
    ActivityType.PRACTICAL_TRAINING: EngagementKind.OTHER,
    ActivityType.DESIGN_WORKSHOP: EngagementKind.WORKSHOP,
    ActivityType.VOUCHER_PROJECT: EngagementKind.OTHER,
}

# More pupils than this in one activity is taken for a typing error.
MAX_PUPILS = 500
