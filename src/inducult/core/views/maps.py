"""Map pages: their Content-Security-Policy lets the configured tile server's images in; every
other page keeps the strict one (settings.SECURE_CSP)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def tile_origin(template: str) -> str:
    """The origin a tile URL template loads images from, for the map page's CSP img-src; a
    ``{s}`` subdomain placeholder becomes a wildcard ("https://*.tile.example.org")."""
    parts = urlsplit(template.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def allow_tiles(response):
    """A map page's CSP: images from the tile server too (every other page keeps the strict one)."""
    origin = tile_origin(settings.INDUCULT_MAP_TILES)
    if origin:
        response._csp_config = {**settings.SECURE_CSP, "img-src": [*settings.SECURE_CSP["img-src"], origin]}
    return response
