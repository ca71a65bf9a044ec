from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from inducult.tours.domain.travel import parse_profiles


class ToursConfig(AppConfig):
    name = "inducult.tours"
    verbose_name = _("Tours")

    def ready(self):
        # The settings keep INDUCULT_TOUR_MODES as written; a bad piece stops start-up here, by its name.
        try:
            parse_profiles(settings.INDUCULT_TOUR_MODES)
        except ValueError as error:
            raise ImproperlyConfigured(f"INDUCULT_TOUR_MODES: {error}") from None
