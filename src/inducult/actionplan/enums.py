"""Choices of the action plan and the funding catalogue, with translated labels."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkPackage(models.TextChoices):
    """The three fields of action of the strategy, numbered as the InduCult2.0 work packages."""

    WP2 = "WP2", _("WP2 – tourism through industrial culture")
    WP3 = "WP3", _("WP3 – youth, schools and education")
    WP4 = "WP4", _("WP4 – creativity and innovation")


class ActivityStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PLANNED = "planned", _("Planned")
    APPLIED = "applied", _("Applied for funding")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class Theme(models.TextChoices):
    """What an activity is about and what an instrument supports; the matcher compares these codes."""

    TOURISM = "tourism", _("Tourism")
    EDUCATION = "education", _("Education and schools")
    EMPLOYMENT = "employment", _("Employment and labour market")
    RESEARCH = "research", _("Research and development")
    CREATIVITY = "creativity", _("Creativity and innovation")
    BUSINESS = "business", _("Enterprise support")
    CROSS_BORDER = "cross_border", _("Cross-border cooperation")
    HERITAGE = "heritage", _("Heritage and crafts")
    DIGITAL = "digital", _("Digitalisation")
    BROWNFIELDS = "brownfields", _("Brownfield regeneration")


class Currency(models.TextChoices):
    CZK = "CZK", "CZK"
    EUR = "EUR", "EUR"


# Ten billion: far above any activity or call the region will see, low enough to catch a slipped
# thousands separator or a pasted account number.
MAX_AMOUNT = Decimal("10000000000")
