"""Documents built once per version of their data and kept in Django's cache, plain and gzip-compressed.

Some public documents take seconds to build (a region of 20,000 heritage sites: ~2 s and 21 MB of
GeoJSON) yet change only when someone edits the data. Such a view names its document (a namespace and
a name), gives the ETag of the data's current version (a fingerprint it computes cheaply, also for
``condition()``'s 304s and Last-Modified) and a ``build`` function; ``serve`` answers from the cache
and calls ``build`` only for a version not kept yet. There is one such machinery so that every kept
document is keyed, compressed, replaced and sent alike.

- The cache key holds the ETag, so an edit shows at once; each document and host keeps one version,
  the previous one is dropped when a new one is stored.
- The key holds the host and path prefix the request came by (``base_url``), because documents carry
  absolute URLs built from the request.
- Both variants are stored when a document is built; a request reads only the one it needs.
- Headers as Django's GZipMiddleware would set them: ``Vary: Accept-Encoding`` always, and on a
  compressed body ``Content-Encoding`` and a weak ETag (RFC 9110 8.8.1; If-None-Match compares
  weakly, so the weak ETag still revalidates).
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections.abc import Callable
from typing import NamedTuple

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.urls import get_script_prefix
from django.utils.cache import patch_vary_headers

from inducult.core.opendata import CACHE_SECONDS

# The key changes with the data, so an edit shows at once. The timeout bounds the rare cases a
# fingerprint cannot tell apart (the document's owner says which): a body is then never older than
# what clients may keep anyway (Cache-Control max-age).
BODY_CACHE_SECONDS = CACHE_SECONDS
GZIP = "gzip"
PLAIN = "plain"
_BUILDING = threading.Lock()


class Body(NamedTuple):
    content: bytes
    encoding: str | None  # "gzip" (the Content-Encoding), or None for the plain bytes


def pointer_key(namespace: str, document: str, base_url: str) -> str:
    """The key naming the kept version of one document as asked for at ``base_url`` (scheme, host
    and path prefix of the site's pages)."""
    digest = hashlib.sha256(f"{document}:{base_url}".encode()).hexdigest()[:32]
    return f"{namespace}:{digest}"


def _store(pointer: str, version: str, text: str) -> dict[str, Body]:
    plain = text.encode()
    # mtime=0: the same data gives the same bytes. Django's GZipMiddleware adds random bytes against
    # BREACH; these documents hold no secrets, and a kept body would repeat the same bytes anyway.
    compressed = gzip.compress(plain, compresslevel=6, mtime=0)
    bodies = {
        PLAIN: Body(plain, None),
        # As GZipMiddleware does: the compressed bytes only when they are shorter.
        GZIP: Body(compressed, GZIP) if len(compressed) < len(plain) else Body(plain, None),
    }
    # One version per document and host: without this, every edit would leave ~25 MB of a large
    # region's bodies in each process's memory (LocMemCache) until they time out.
    previous = cache.get(pointer)
    if previous and previous != version:
        cache.delete_many([f"{previous}:{variant}" for variant in bodies])
    cache.set_many({f"{version}:{variant}": body for variant, body in bodies.items()}, BODY_CACHE_SECONDS)
    cache.set(pointer, version, BODY_CACHE_SECONDS)
    return bodies


def cached_body(pointer: str, *, etag: str, gzip_ok: bool, build: Callable[[], str]) -> Body:
    """The body of the document ``pointer`` names (``pointer_key``) as sent: gzip-compressed when the
    client accepts it (``gzip_ok``) and that is shorter, else plain. ``etag`` names the data's version;
    ``build`` makes the text when this version is not kept yet. Only the variant asked for is read
    from the cache (a large plain GeoJSON is more than ten times its compressed size)."""
    version = f"{pointer}:{etag}"
    variant = GZIP if gzip_ok else PLAIN
    body = cache.get(f"{version}:{variant}")
    if body is None:
        # After an edit, every thread asking at once would build the same seconds-long document: one
        # builds, the others of this process wait and read it. (Other processes sharing a Redis cache
        # may still build it once each.)
        with _BUILDING:
            body = cache.get(f"{version}:{variant}") or _store(pointer, version, build())[variant]
    return body


def serve(
    request, *, namespace: str, document: str, etag: str, content_type: str, build: Callable[[], str]
) -> HttpResponse:
    """A response with the kept body of one document, compressed for clients that accept gzip."""
    gzip_ok = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    pointer = pointer_key(namespace, document, request.build_absolute_uri(get_script_prefix()))
    body = cached_body(pointer, etag=etag, gzip_ok=gzip_ok, build=build)
    response = HttpResponse(body.content, content_type=content_type)
    patch_vary_headers(response, ("Accept-Encoding",))
    if body.encoding:
        response["Content-Encoding"] = body.encoding
        response["ETag"] = f'W/"{etag}"'
    return response
