"""Embeds for partners' websites: the map (pre-filtered), a festival's programme or one site's
events, in an iframe, in the language the snippet asks for (``?lang=de``), with links opening the
portal in a new tab. The snippet generator (``EmbedBuilderView``) writes the one line to paste.

Embedded pages may be framed by any site (``frame-ancestors`` from ``INDUCULT_EMBED_ANCESTORS``,
default any); everything else keeps ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``. They
need no inline script, so they keep working under this platform's CSP; the embedding site's own CSP
needs to allow this platform in ``frame-src``.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import TemplateView

from inducult.heritage.forms import SiteFilterForm
from inducult.heritage.models import Festival, Site
from inducult.heritage.presentation import event_row
from inducult.heritage.services.events import published_events
from inducult.heritage.views.public.sites import SiteMapView
from inducult.regions.views import RegionMixin

EMBEDDABLE_LANGUAGES = {code for code, _name in settings.LANGUAGES}


class EmbedMixin:
    """Render in ``?lang=`` if given (the partner's page language), and allow framing."""

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get("lang", "")[:5]
        if language in EMBEDDABLE_LANGUAGES:
            with translation.override(language):
                request.LANGUAGE_CODE = language
                response = super().dispatch(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
                response.headers["Content-Language"] = language
                return self._frameable(response)
        return self._frameable(super().dispatch(request, *args, **kwargs))

    def _frameable(self, response):
        config = getattr(response, "_csp_config", None) or dict(settings.SECURE_CSP)
        response._csp_config = {**config, "frame-ancestors": settings.INDUCULT_EMBED_ANCESTORS}
        response.xframe_options_exempt = True
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["embed_language"] = translation.get_language()
        return context


@method_decorator(xframe_options_exempt, name="dispatch")
class EmbedMapView(EmbedMixin, SiteMapView):
    template_name = "heritage/embed_map.html"


@method_decorator(xframe_options_exempt, name="dispatch")
class EmbedFestivalView(EmbedMixin, RegionMixin, TemplateView):
    template_name = "heritage/embed_events.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.region
        festival = get_object_or_404(Festival, region=region, slug=kwargs["festival_slug"])
        context.update(
            heading=festival.localized("name"),
            page_url=reverse("heritage_public:festival", args=[region.slug, festival.slug]),
            rows=[event_row(e, region.tz) for e in published_events(region).filter(festival=festival)],
        )
        return context


@method_decorator(xframe_options_exempt, name="dispatch")
class EmbedSiteEventsView(EmbedMixin, RegionMixin, TemplateView):
    template_name = "heritage/embed_events.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.region
        site = get_object_or_404(Site.objects.active(), region=region, pk=kwargs["pk"])
        context.update(
            heading=site.display_name,
            page_url=reverse("heritage_public:site", args=[region.slug, site.pk]),
            rows=[event_row(e, region.tz) for e in published_events(region).filter(site=site)],
        )
        return context


def _param(value) -> str:
    if value is True:
        return "on"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class EmbedBuilderView(RegionMixin, TemplateView):
    """The snippet generator: choose what to embed, its filters and language; copy one line."""

    template_name = "heritage/embed_builder.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.region
        query = self.request.GET
        what = query.get("what", "map")
        language = query.get("lang") if query.get("lang") in EMBEDDABLE_LANGUAGES else region.default_language
        festivals = list(Festival.objects.filter(region=region))
        sites = list(Site.objects.active().filter(region=region).order_by("name"))
        form = SiteFilterForm(query or None)
        filters = {k: v for k, v in (form.filters() if query else {}).items() if v not in (None, "", False)}
        if what == "festival" and query.get("festival"):
            path = reverse("heritage_embed:festival", args=[region.slug, query["festival"]])
            params = {}
        elif what == "site" and query.get("site", "").isdigit():
            path = reverse("heritage_embed:site_events", args=[region.slug, int(query["site"])])
            params = {}
        else:
            what = "map"
            path = reverse("heritage_embed:map", args=[region.slug])
            params = {k: _param(v) for k, v in filters.items()}
        params["lang"] = language
        src = self.request.build_absolute_uri(path) + "?" + urlencode(params)
        with translation.override(language):
            title = {"map": _("Map of industrial heritage"), "festival": _("Programme"), "site": _("Events")}[what]
        # Attributes only (no style): the partner's own CSP may forbid inline styles.
        snippet = (
            f'<iframe src="{escape(src)}" title="{escape(title)}" width="100%" height="520" loading="lazy"></iframe>'
        )
        context.update(
            form=form,
            what=what,
            language=language,
            embed_languages=settings.LANGUAGES,
            festivals=festivals,
            sites=sites,
            snippet=snippet,
            src=src,
        )
        return context
