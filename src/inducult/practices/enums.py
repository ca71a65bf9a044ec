"""Choices of the good-practice library, with translated labels (leaves of the layering)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeTheme(models.TextChoices):
    """What a practice is about. Coarser than the action plan's themes: the library is read across
    regions and countries, whose plans name their fields differently."""

    TOURISM = "tourism", _("Tourism")
    EDUCATION = "education", _("Education and youth")
    CREATIVITY = "creativity", _("Creativity and innovation")
    COOPERATION = "cooperation", _("Cooperation and networking")
    HERITAGE = "heritage", _("Heritage")
    OTHER = "other", _("Other")


class Scope(models.TextChoices):
    """Which part of the library a list shows."""

    ALL = "all", _("Ours and shared by other regions")
    OURS = "ours", _("Ours")
    SHARED = "shared", _("Shared by other regions")


# The languages of the InduCult2.0 partners (CZ, DE, AT, PL, IT, SI, HU) and English, offered first
# in forms; any other ISO 639-1 code Django knows is accepted as well.
PARTNER_LANGUAGES = ("cs", "de", "en", "pl", "it", "sl", "hu")
