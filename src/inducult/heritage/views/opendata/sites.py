"""The views of a region's open site data, /open/<slug>/sites.geojson and sites.csv. The documents'
form and the fingerprint of their data are ``heritage.services.opendata``; the bodies are built once
per version of the data and kept, plain and gzip-compressed (``core.views.kept``).
"""

from __future__ import annotations

import json

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition

from inducult.core.opendata import csv_text, open_data
from inducult.core.views import kept
from inducult.heritage.services import opendata
from inducult.regions.models import Region
from inducult.regions.views import RegionMixin


def _region_or_404(region_slug: str) -> Region:
    return get_object_or_404(Region, slug=region_slug)


def sites_etag(request, region_slug: str) -> str:
    # condition() asks for the ETag and for Last-Modified separately, and the view keys its kept body
    # on the same fingerprint: one aggregate query per request serves all three. RegionMixin.dispatch
    # has found the region before the decorated get() runs.
    if not hasattr(request, "_sites_fingerprint"):
        region = getattr(request, "region", None) or _region_or_404(region_slug)
        request._sites_fingerprint = opendata.fingerprint(region)
    return request._sites_fingerprint[0]


def sites_last_modified(request, region_slug: str):
    sites_etag(request, region_slug)
    return request._sites_fingerprint[1]


def _open_records(request, region) -> list[dict]:
    def site_url(site) -> str:
        return request.build_absolute_uri(reverse("heritage_public:site", args=[region.slug, site.pk]))

    return opendata.open_records(region, site_url=site_url)


# Revalidation answers 304 from one aggregate query (ETag and Last-Modified). Otherwise the body
# comes from the cache, built and compressed once per version of the data (``kept.serve``): a region
# of 20,000 sites takes ~2 s to build. Open data holds no secrets, so compressing it leaks nothing
# (BREACH). gzip_page leaves the already compressed bodies alone; it only adds Vary to the others.
@method_decorator([gzip_page, condition(etag_func=sites_etag, last_modified_func=sites_last_modified)], name="get")
class SitesGeoJsonView(RegionMixin, View):
    def build(self) -> str:
        document = opendata.geojson(self.region, _open_records(self.request, self.region))
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))

    def get(self, request, *args, **kwargs):
        response = kept.serve(
            request,
            namespace=opendata.NAMESPACE,
            document=opendata.document("geojson", self.region),
            etag=sites_etag(request, self.region.slug),
            content_type="application/geo+json; charset=utf-8",
            build=self.build,
        )
        return open_data(response)


@method_decorator([gzip_page, condition(etag_func=sites_etag, last_modified_func=sites_last_modified)], name="get")
class SitesCsvView(RegionMixin, View):
    def build(self) -> str:
        return csv_text(opendata.CSV_FIELDS, _open_records(self.request, self.region))

    def get(self, request, *args, **kwargs):
        response = kept.serve(
            request,
            namespace=opendata.NAMESPACE,
            document=opendata.document("csv", self.region),
            etag=sites_etag(request, self.region.slug),
            content_type="text/csv; charset=utf-8",
            build=self.build,
        )
        response["Content-Disposition"] = f'attachment; filename="sites-{self.region.slug}.csv"'
        return open_data(response)
