"""The OpenAPI 3 schema: served at /api/v1/schema/, checked into docs/api/openapi.yaml (this test
fails when they drift: regenerate with the command below), and its documentation page served from
our own static files under the strict Content-Security-Policy."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from drf_spectacular.validation import validate_schema

from tests.testids import texts

CHECKED_IN = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"
REGENERATE = "python manage.py spectacular --validate --fail-on-warn --lang en --file docs/api/openapi.yaml"

pytestmark = pytest.mark.django_db


def generated() -> str:
    with translation.override("en"):
        schema = SchemaGenerator().get_schema(request=None, public=True)
        return OpenApiYamlRenderer().render(schema, renderer_context={}).decode()


def test_the_checked_in_schema_is_the_generated_one():
    assert CHECKED_IN.read_text(encoding="utf-8") == generated(), f"The API changed: run `{REGENERATE}`"


def test_the_schema_is_valid_openapi_3_and_names_every_operation():
    schema = yaml.safe_load(CHECKED_IN.read_text(encoding="utf-8"))
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    operations = {op["operationId"] for item in schema["paths"].values() for op in item.values()}
    assert operations == {
        "sites_list",
        "sites_retrieve",
        "events_list",
        "events_retrieve",
        "exhibitions_list",
        "exhibitions_retrieve",
        "progress_retrieve",
        "organisations_list",
        "organisations_retrieve",
        "engagements_list",
        "engagements_retrieve",
    }


def test_the_schema_is_served(english_client):
    # In English, as checked in (DRF's own descriptions, e.g. of ``page``, follow the reader's language).
    client = english_client
    response = client.get("/api/v1/schema/", {"format": "json", "lang": "en"})
    assert response.status_code == 200
    served = response.json()
    # The checked-in YAML is the generated schema (the drift test); the JSON served is the same document.
    with translation.override("en"):
        assert served == json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), default=str))
    assert client.get("/api/v1/schema/")["Content-Type"].startswith("application/vnd.oai.openapi")


class Scripts(HTMLParser):
    """Each script element of a page: its src and its inline text."""

    def __init__(self):
        super().__init__()
        self.found: list[list[str]] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.found.append([dict(attrs).get("src") or "", ""])
            self._inside = True

    def handle_endtag(self, tag):
        self._inside = self._inside and tag != "script"

    def handle_data(self, data):
        if self._inside:
            self.found[-1][1] += data.strip()


def test_the_documentation_page_loads_swagger_ui_from_our_own_files(english_client):
    response = english_client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert texts(response.content, "api-docs-title") == ["InduCult Hub API"]
    assert "/api/v1/schema/" in texts(response.content, "api-docs-intro")[0]
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    scripts = Scripts()
    scripts.feed(response.content.decode())
    assert len(scripts.found) == 2
    for src, inline in scripts.found:
        assert src.startswith("/static/")
        assert inline == ""
        served = english_client.get(src)
        assert served.status_code == 200
        served.close()
