"""Public views of the engagement log: no sign-in, public engagements only, no personal data."""

from __future__ import annotations

import re

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views import View

from inducult.core.opendata import open_data
from inducult.portal import ical
from inducult.regions.views import RegionMixin


class EngagementsIcsView(RegionMixin, View):
    """``/open/<region-slug>/engagements.ics``: the region's public engagements as iCalendar.

    Last year onwards by default; ``?year=YYYY`` gives one calendar year (see portal.ical).
    """

    def get(self, request, *args, **kwargs):
        year = request.GET.get("year")
        if year is not None and not re.fullmatch(r"(19|20)\d\d", year):
            return HttpResponseBadRequest(_("The year must be written as four digits, e.g. 2025."))
        year = int(year) if year else None
        body = ical.ics_bytes(self.region, year=year)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        name = f"engagements-{self.region.slug}" + (f"-{year}" if year else "")
        # inline: a browser hands it to the calendar app; the name is what a download is saved as.
        response["Content-Disposition"] = f'inline; filename="{name}.ics"'
        return open_data(response)
