from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "inducult.cooperation"
    verbose_name = _("School–enterprise and creative–industry cooperation")
