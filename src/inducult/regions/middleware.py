"""Language choice: the visitor's explicit choice, then their browser, then the region's default."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import get_supported_language_variant, parse_accept_lang_header

from inducult.core.translated import ORIGINAL_LANGUAGE
from inducult.regions.lookup import region_by_slug


def _browser_language(request) -> str | None:
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _q in parse_accept_lang_header(header):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def _region_default(request) -> str | None:
    # The middleware runs before URL resolution, so the region is read off the path's prefix. The row
    # is kept on the request: RegionMixin takes it instead of reading it again (one query, not two).
    parts = request.path_info.strip("/").split("/")
    if len(parts) < 2 or parts[0] not in {"r", "manage", "open"}:
        return None
    slug = parts[1]
    region = region_by_slug(slug)
    request._region_by_slug = (slug, region)
    return region.default_language if region else None


class RegionLocaleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        known = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in known else None
        region_language = _region_default(request)
        language = language or _browser_language(request) or region_language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        # The language the region's records are written in, for content translations' fallback.
        token = ORIGINAL_LANGUAGE.set(region_language)
        try:
            response = self.get_response(request)
        finally:
            ORIGINAL_LANGUAGE.reset(token)
        response.headers.setdefault("Content-Language", language)
        response.headers["Vary"] = ", ".join(filter(None, [response.headers.get("Vary"), "Accept-Language, Cookie"]))
        translation.deactivate()
        return response
