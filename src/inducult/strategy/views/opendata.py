"""The strategy tracker's open data: ``/open/<region-slug>/progress.json``. No sign-in, no people.

Only goals, milestones, rules, counts, targets and statuses leave through here; progress.json names
no engagement at all (the public progress page, ``views.public``, names public ones only).
Field names of progress.json are a contract: add fields, never rename them.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.views import View

from inducult.core import opendata
from inducult.core.years import parse_year
from inducult.regions.views import RegionMixin
from inducult.strategy.services import progress as service
from inducult.strategy.services.progress_document import json_document


def _json_response(document: dict[str, Any], status: int = 200) -> HttpResponse:
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
        status=status,
    )


class ProgressJsonView(RegionMixin, View):
    def get(self, request, *args, **kwargs):
        now = timezone.now()
        this_year = self.region.today(now).year
        year, error = parse_year(request.GET.get("year"), this_year)
        if error:
            message = f"year must be a whole number between 1990 and 2100, got {request.GET['year'][:20]!r}"
            return _json_response({"error": message}, status=400)
        progress = service.region_progress(self.region, year, now=now, titles=False)
        return opendata.open_data(_json_response(json_document(progress, now)))
