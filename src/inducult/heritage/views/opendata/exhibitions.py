"""The touring exhibitions as open data (/open/<slug>/exhibitions.json)."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.views import View

from inducult.core.opendata import LICENCE, LICENCE_URL, open_data
from inducult.heritage.models import Exhibition
from inducult.heritage.services import exhibitions as services
from inducult.regions.views import RegionMixin


class ExhibitionsJsonView(RegionMixin, View):
    def get(self, request, *args, **kwargs):
        exhibitions = Exhibition.objects.filter(region=self.region).prefetch_related("showcases__lender", "stops")
        records = [services.exhibition_record(exhibition) for exhibition in exhibitions]
        document = {"region": self.region.slug, "licence": LICENCE, "licence_url": LICENCE_URL, "exhibitions": records}
        body = json.dumps(document, ensure_ascii=False, indent=1)
        return open_data(HttpResponse(body, content_type="application/json; charset=utf-8"))
