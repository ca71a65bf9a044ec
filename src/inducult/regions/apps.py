from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "inducult.regions"
    verbose_name = _("Regions and access")

    def ready(self):
        from inducult.regions import lookup  # noqa: F401 - connects the signals that forget kept rows
