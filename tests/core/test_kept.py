"""Documents kept per version of their data (core.views.kept): built once, stored plain and
gzip-compressed, one version per document and host, and sent with the headers GZipMiddleware would set."""

import gzip
import hashlib
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from inducult.core.views import kept

DOCUMENT = '{"type":"FeatureCollection","features":[]}' * 20  # long enough for gzip to pay


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


class Builds:
    """A ``build`` function that counts its calls."""

    def __init__(self, text: str = DOCUMENT):
        self.text, self.calls = text, 0

    def __call__(self) -> str:
        self.calls += 1
        return self.text


def get(*, gzip_ok: bool, host: str = "testserver"):
    headers = {"accept-encoding": "gzip, deflate"} if gzip_ok else {}
    return RequestFactory().get("/open/document", headers={"host": host, **headers})


def serve(request, build, *, etag: str = "v1", document: str = "1:geojson:7"):
    return kept.serve(
        request, namespace="tests.kept", document=document, etag=etag, content_type="application/json", build=build
    )


def test_the_pointer_key_names_the_namespace_and_hashes_the_document_and_host():
    key = kept.pointer_key("heritage.opendata", "1:geojson:7", "http://localhost/")

    # The keys kept bodies had before this module existed: a deployment finds them again.
    assert key == "heritage.opendata:" + hashlib.sha256(b"1:geojson:7:http://localhost/").hexdigest()[:32]
    assert kept.pointer_key("heritage.opendata", "1:geojson:7", "http://127.0.0.1/") != key
    assert kept.pointer_key("heritage.opendata", "1:csv:7", "http://localhost/") != key


def test_a_document_is_built_once_and_served_plain_or_compressed():
    build = Builds()
    plain = serve(get(gzip_ok=False), build)
    compressed = serve(get(gzip_ok=True), build)

    assert build.calls == 1  # both variants stored by the first build
    assert plain.content == DOCUMENT.encode() and "Content-Encoding" not in plain and "ETag" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    # A compressed body is another representation: its ETag is weak.
    assert compressed["ETag"] == 'W/"v1"'
    for response in (plain, compressed):
        assert response["Content-Type"] == "application/json"
        assert response["Vary"] == "Accept-Encoding"


def test_a_new_version_is_built_and_replaces_the_kept_one():
    first, second = Builds("first " * 50), Builds("second " * 50)
    serve(get(gzip_ok=False), first, etag="v1")
    pointer = kept.pointer_key("tests.kept", "1:geojson:7", "http://testserver/")
    assert cache.get(pointer) == f"{pointer}:v1"

    response = serve(get(gzip_ok=False), second, etag="v2")

    assert response.content == second.text.encode() and second.calls == 1
    assert cache.get(pointer) == f"{pointer}:v2"
    assert cache.get(f"{pointer}:v1:plain") is None and cache.get(f"{pointer}:v1:gzip") is None


def test_each_host_and_document_is_kept_on_its_own():
    build = Builds()
    serve(get(gzip_ok=False), build)
    serve(get(gzip_ok=False, host="localhost"), build)
    serve(get(gzip_ok=False), build, document="1:csv:7")

    assert build.calls == 3


def test_a_tiny_document_is_sent_plain_when_gzip_would_not_make_it_shorter():
    body = kept.cached_body("tests.kept:tiny", etag="x", gzip_ok=True, build=lambda: "id\r\n")

    assert body == kept.Body(b"id\r\n", None)


def test_concurrent_requests_after_an_edit_build_the_document_once():
    calls = []

    def build():
        calls.append(1)
        time.sleep(0.2)  # a large region's document takes seconds
        return DOCUMENT

    def fetch(_):
        return kept.cached_body("tests.kept:busy", etag="e", gzip_ok=True, build=build)

    with ThreadPoolExecutor(max_workers=4) as pool:
        bodies = list(pool.map(fetch, range(4)))

    assert len(calls) == 1
    assert {body.encoding for body in bodies} == {"gzip"} and len({body.content for body in bodies}) == 1
