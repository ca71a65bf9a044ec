from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "inducult.engagement"
    verbose_name = _("Engagement log")
