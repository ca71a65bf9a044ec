from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlanConfig(AppConfig):
    name = "inducult.actionplan"
    verbose_name = _("Action plan and funding")
