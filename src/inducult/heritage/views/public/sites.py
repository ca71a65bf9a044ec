"""Public pages of the region's sites: the finder (a list that keeps its filters in the URL, for
everyone, keyboard and screen-reader users included), one page per site with its JSON-LD, the map
with its markers, and the photos' files."""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views import View
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition
from django.views.generic import TemplateView

from inducult.core.opendata import CACHE_SECONDS
from inducult.core.presentation import jsonld_script
from inducult.core.views import kept
from inducult.core.views.downloads import Download, FileDownloadView
from inducult.core.views.maps import allow_tiles
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import CoordinatePrecision, PriceLevel, TourLanguage, Wheelchair
from inducult.heritage.forms import SiteFilterForm
from inducult.heritage.models import Site, SitePhoto
from inducult.heritage.presentation import (
    KIND_LABELS,
    SECTOR_LABELS,
    day_text,
    hours_lines,
    outside_region_note,
    site_jsonld,
    site_marker,
)
from inducult.heritage.services import opendata
from inducult.heritage.services.finder import Found, filtered_sites, find_sites
from inducult.heritage.views.opendata.sites import sites_etag, sites_last_modified
from inducult.regions.views import RegionMixin


def _row(found, region) -> dict:
    site = found.site
    return {
        "pk": site.pk,
        "name": site.display_name,
        "original_name": site.name if site.display_name != site.name else "",
        "kind": KIND_LABELS.get(site.kind, site.kind),
        "sectors": [SECTOR_LABELS[s] for s in site.sectors if s in SECTOR_LABELS],
        "town": site.town,
        "is_visitor_site": site.is_visitor_site,
        "is_sample": site.is_sample,
        "day": day_text(found.day) if found.day else "",
        "outside_region": outside_region_note(region.name) if site.outside_region else "",
    }


# The list under the filters is paged: a region of thousands of sites would otherwise send megabytes
# of HTML. The "check the opening hours" list is shown up to a cap with the number left out.
LIST_PAGE_SIZE = 100
CHECK_LIST_CAP = 200


def _find(request, region):
    """The finder on the query's filters (invalid ones are ignored, see SiteFilterForm.filters)."""
    form = SiteFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    return form, filters, find_sites(region, **{k: v for k, v in filters.items() if v not in (None, "")})


class SiteListView(RegionMixin, TemplateView):
    template_name = "heritage/site_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SiteFilterForm(self.request.GET or None)
        filters = {k: v for k, v in (form.filters() if self.request.GET else {}).items() if v not in (None, "")}
        if filters.get("open_on") is None:
            # Without a day the database filters, counts and pages: a page of a region with thousands
            # of sites reads one page of rows, not all of them.
            sites = filtered_sites(self.region, **filters)
            page = Paginator(sites, LIST_PAGE_SIZE).get_page(self.request.GET.get("page"))
            rows, total, check, day = (
                [_row(Found(site), self.region) for site in page.object_list],
                page.paginator.count,
                [],
                None,
            )
            without_location = sites.filter(latitude__isnull=True).count()
        else:
            results = find_sites(self.region, **filters)
            page = Paginator(results.matches, LIST_PAGE_SIZE).get_page(self.request.GET.get("page"))
            rows, total, check, day = (
                [_row(f, self.region) for f in page.object_list],
                len(results.matches),
                results.check_hours,
                results.day,
            )
            without_location = sum(1 for found in results.matches if not found.site.has_location)
        context.update(
            form=form,
            filtered=any(v not in (None, "", False) for v in filters.values()),
            total=total,
            page_obj=page,
            rows=rows,
            check_rows=[_row(f, self.region) for f in check[:CHECK_LIST_CAP]],
            check_more=max(0, len(check) - CHECK_LIST_CAP),
            day=day,
            without_location=without_location,
        )
        return context


class SiteDetailView(RegionMixin, TemplateView):
    template_name = "heritage/site_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = get_object_or_404(
            Site.objects.active().select_related("organisation", "region"), region=self.region, pk=kwargs["pk"]
        )
        today = self.region.today()
        hours = site.hours()
        language = (get_language() or self.region.default_language)[:2]
        url = self.request.build_absolute_uri()
        photos = list(site.photos.shown())
        photo_urls = [
            (self.request.build_absolute_uri(reverse("heritage_public:photo", args=[self.region.slug, p.pk])), p)
            for p in photos
        ]
        context.update(
            site=site,
            photos=photos,
            name=site.display_name,
            description=site.localized("description"),
            kind=KIND_LABELS.get(site.kind, site.kind),
            sectors=[SECTOR_LABELS[s] for s in site.sectors if s in SECTOR_LABELS],
            precision=dict(CoordinatePrecision.choices).get(site.coordinate_precision, ""),
            outside_region=outside_region_note(self.region.name) if site.outside_region else "",
            hours_known=hours.kind != "unknown",
            hours_lines=hours_lines(hours),
            today=today,
            today_text=day_text(oh.on(hours, today)),
            price=dict(PriceLevel.choices).get(site.price_level, ""),
            wheelchair=dict(Wheelchair.choices).get(site.wheelchair, ""),
            tour_languages=[dict(TourLanguage.choices).get(code, code) for code in site.tour_languages],
            jsonld=jsonld_script(site_jsonld(site, url=url, language=language, today=today, photos=photo_urls)),
        )
        return context


class SiteMapView(SiteListView):
    """The same finder on a map. The markers are fetched by our own script from ``markers.json`` with
    the page's filters (cached per version of the data), so the page stays small for thousands of
    sites and the markers and filters work when the tile server cannot be reached; the list below the
    map gives the same results to keyboard and screen-reader users and to browsers without scripts."""

    template_name = "heritage/site_map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        query["lang"] = (get_language() or self.region.default_language)[:2]
        context.update(
            markers_url=f"{reverse('heritage_public:map_markers', args=[self.region.slug])}?{query.urlencode()}",
            tiles=settings.INDUCULT_MAP_TILES,
            attribution=settings.INDUCULT_MAP_ATTRIBUTION,
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        return allow_tiles(super().render_to_response(context, **response_kwargs))


def _markers_shape(request) -> str:
    """What else than the data shapes the markers: the filters and the language."""
    shape = f"{sorted(request.GET.lists())}:{get_language()}"
    return hashlib.sha256(shape.encode()).hexdigest()[:16]


def _markers_etag(request, region_slug: str) -> str:
    return f"{sites_etag(request, region_slug)}-{_markers_shape(request)}"


class MarkersLanguageMixin:
    """``?lang=`` (the page's language, part of the URL so that the cached body is the right one)."""

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get("lang", "")[:5]
        if language in {code for code, _name in settings.LANGUAGES}:
            with translation.override(language):
                response = super().dispatch(request, *args, **kwargs)
                response.headers["Content-Language"] = language
                return response
        return super().dispatch(request, *args, **kwargs)


@method_decorator([gzip_page, condition(etag_func=_markers_etag, last_modified_func=sites_last_modified)], name="get")
class SiteMarkersView(MarkersLanguageMixin, RegionMixin, View):
    """The map's markers for the filters in the query, as JSON: ``{"count": n, "markers": [...]}``,
    each marker as ``site_marker`` gives it. Built once per version of the data, filters and language."""

    def build(self) -> str:
        _form, _filters, results = _find(self.request, self.region)
        markers = [site_marker(f.site, self.region, f.day) for f in results.matches if f.site.has_location]
        document = {"count": len(markers), "markers": markers}
        # DjangoJSONEncoder: the kind labels are lazy translations.
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder)

    def get(self, request, *args, **kwargs):
        etag = _markers_etag(request, self.region.slug)
        response = kept.serve(
            request,
            namespace=opendata.NAMESPACE,
            document=opendata.document(f"markers:{_markers_shape(request)}", self.region),
            etag=etag,
            content_type="application/json",
            build=self.build,
        )
        response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        return response


class PhotoFileView(RegionMixin, FileDownloadView):
    """A photo's bytes, shown in the page. Shown photos are public and never change under their address
    (a new upload gets a new one), so they may be cached for a year; a removed photo is seen only by
    its editors."""

    as_attachment = False
    missing_message = None

    def get_file(self, *, pk: int, **kwargs) -> Download:
        photo = get_object_or_404(
            SitePhoto.objects.select_related("site"), pk=pk, site__region=self.region, site__archived_at__isnull=True
        )
        public = photo.removed_at is None
        if not public and not self.can("heritage.change_site", photo.site):
            raise Http404
        caching = "public, max-age=31536000, immutable" if public else "private, no-store"
        return Download(photo.image, content_type=photo.content_type, headers={"Cache-Control": caching})
