"""Codes of the heritage sites. Stored codes are stable; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteKind(models.TextChoices):
    MUSEUM = "museum", _("Museum")
    SHOW_MINE = "show_mine", _("Show mine")
    FACTORY_VISITOR_CENTRE = "factory_visitor_centre", _("Factory visitor centre")
    TECHNICAL_MONUMENT = "technical_monument", _("Technical monument")
    UNESCO_COMPONENT = "unesco_component", _("UNESCO World Heritage site or component part")
    CREATIVE_HUB = "creative_hub", _("Creative hub")
    VENUE = "venue", _("Venue")
    TRAIL = "trail", _("Heritage trail")
    # Places that belong to the story without a visitor programme (the reference list keeps them
    # apart so that nothing is mislabelled as a visitor site).
    PRODUCER = "producer", _("Working producer (no visitor programme known)")
    FORMER_INDUSTRIAL_SITE = "former_industrial_site", _("Former industrial site (not a visitor site)")


VISITOR_KINDS = frozenset(SiteKind.values) - {SiteKind.PRODUCER, SiteKind.FORMER_INDUSTRIAL_SITE}


class CoordinatePrecision(models.TextChoices):
    SITE = "site", _("The place itself")
    AREA = "area", _("A representative point of the area")
    TOWN = "town", _("The town centre")
    NEARBY_TOWN = "nearby_town", _("The centre of the nearest town")
    COMPANY_SEAT = "company_seat", _("The company's registered seat")


class PriceLevel(models.TextChoices):
    FREE = "free", _("Free")
    LOW = "low", _("Low (up to about 150 CZK)")
    MEDIUM = "medium", _("Medium (about 150–400 CZK)")
    HIGH = "high", _("High (over about 400 CZK)")


class Wheelchair(models.TextChoices):
    YES = "yes", _("Wheelchair accessible")
    PARTLY = "partly", _("Partly wheelchair accessible")
    NO = "no", _("Not wheelchair accessible")


class TourLanguage(models.TextChoices):
    CS = "cs", _("Czech")
    EN = "en", _("English")
    DE = "de", _("German")
    PL = "pl", _("Polish")
    RU = "ru", _("Russian")
    FR = "fr", _("French")
    OTHER = "other", _("Other languages")


class EventStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
