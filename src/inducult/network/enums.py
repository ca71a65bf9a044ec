"""Choices of the stakeholder registry, with translated labels (docs/registry.md lists them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUSEUM = "museum", _("Museum")
    ENTERPRISE = "enterprise", _("Enterprise")
    SCHOOL = "school", _("School")
    MUNICIPALITY = "municipality", _("Municipality or association of municipalities")
    LOCAL_ACTION_GROUP = "lag", _("Local Action Group")
    REGIONAL_AUTHORITY = "regional_authority", _("Regional authority")
    TOURIST_INFORMATION = "tourist_information", _("Tourist information centre")
    ASSOCIATION = "association", _("NGO or association")
    CREATIVE = "creative", _("Creative professional or studio")
    RESEARCH = "research", _("Research institution")
    AGENCY = "agency", _("Chamber or agency")
    PROGRAMME_BODY = "programme_body", _("Ministry or programme body")
    MEDIA = "media", _("Media")


class Sector(models.TextChoices):
    MINING = "mining", _("Mining")
    GLASS = "glass", _("Glass")
    PORCELAIN = "porcelain", _("Porcelain and ceramics")
    MUSICAL_INSTRUMENTS = "musical_instruments", _("Musical instruments")
    AUTOMOTIVE = "automotive", _("Automotive")
    TEXTILE = "textile", _("Textile")
    FOOD_BEVERAGE = "food_beverage", _("Food, beverages and brewing")
    CHEMICAL = "chemical", _("Chemical")
    METAL = "metal", _("Metalworking")
    CRAFTS = "crafts", _("Crafts")
    ENERGY = "energy", _("Energy")
    OTHER = "other", _("Other")


class Level(models.IntegerChoices):
    """Influence and interest on the usual three-step stakeholder grid."""

    LOW = 1, _("low")
    MEDIUM = 2, _("medium")
    HIGH = 3, _("high")


class Position(models.TextChoices):
    """The organisation's stance toward the strategy."""

    CHAMPION = "champion", _("Champion")
    SUPPORTER = "supporter", _("Supporter")
    NEUTRAL = "neutral", _("Neutral")
    SCEPTIC = "sceptic", _("Sceptic")


class LawfulBasis(models.TextChoices):
    """GDPR Art. 6(1) grounds for keeping a contact's personal data."""

    CONSENT = "consent", _("Consent")
    CONTRACT = "contract", _("Contract")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation")
    PUBLIC_TASK = "public_task", _("Public task")
    LEGITIMATE_INTERESTS = "legitimate_interests", _("Legitimate interests")
