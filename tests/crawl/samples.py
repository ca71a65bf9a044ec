"""What a page or a feed shows, normalised so that two renderings of the same data compare equal,
and whether it carries a sample mark: on a page an element with ``data-testid="sample-mark"``; in a
feed a field whose name says "sample" set (``is_sample``, ``includes_samples``, ``sample_count`` …);
in a report a figure or name marked "(sample)" in the reader's language.

Used by ``test_samples``: any figure, status or list that depends on a sample record says so (issue #14).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser

from django.apps import apps
from django.db import models
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from tests.crawl import reading

MARK = ("data-testid", "sample-mark")
_NOW = datetime.datetime.now(datetime.UTC)
_TODAY = "(?:" + "|".join(str(_NOW.date() + datetime.timedelta(days=d)) for d in (-1, 0, 1)) + ")"
# What differs between two renderings of the same data: a form's CSRF token, the moment a feed was
# made (``generated_at``, an iCalendar stamp), a kept document's version.
VOLATILE = [
    re.compile(_TODAY + r"[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?"),
    re.compile(r"^(DTSTAMP|LAST-MODIFIED|CREATED):.*$", re.MULTILINE),
    re.compile(r"\d{8}T\d{6}Z"),
]
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*')
TRUE = {"true", "1", "yes", "ano", "ja"}


@dataclass(frozen=True)
class Rendered:
    status: int
    text: str
    marked: bool
    data: object = None  # a JSON feed's document, compared part by part (``unmarked_in_json``)


def _normalised(text: str) -> str:
    for pattern in VOLATILE:
        text = pattern.sub("<volatile>", text)
    return text


def _marked_here(value) -> bool:
    """A JSON object with a sample field set, its own or one of the objects it holds (a graph's node
    ``{"data": {"includes_samples": true, …}, "position": …}``), not one in a list it holds."""
    return isinstance(value, dict) and any(
        ("sample" in key.lower() and item not in (False, None, 0, "", [], {})) or _marked_here(item)
        for key, item in value.items()
    )


IDENTITIES = ("id", "code", "key", "slug", "uid", "pk", "url")


def _identity(items: list) -> str | None:
    """The field that names each object of a list, if every one has it."""
    for key in IDENTITIES:
        if items and all(isinstance(item, dict) and key in item for item in items):
            return key
    return None


def unmarked_in_json(before, after, path: str = "$") -> list[str]:
    """Where a JSON document changed without a sample mark at or above the change: a value changed
    in an object with no sample field set, an object gone from a list without a mark in it, one come.
    An object with its own sample field set (a milestone's ``includes_samples``, a rule's
    ``sample_count``) answers for its own values (status, count …) and objects, which rest on samples
    as it says; the items of the lists it holds answer for themselves."""
    if before == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        marked = _marked_here(before)  # answers for its own values and objects, not for the lists it holds
        for key in before.keys() | after.keys():
            if key not in before or key not in after:
                if not marked:
                    found.append(f"{path}.{key} {'gone' if key in before else 'new'}")
            elif isinstance(before[key], list) or not marked:
                found += unmarked_in_json(before[key], after[key], f"{path}.{key}")
        return found
    if isinstance(before, list) and isinstance(after, list):
        if len(before) == len(after):
            return [
                x
                for i, (b, a) in enumerate(zip(before, after, strict=True))
                for x in unmarked_in_json(b, a, f"{path}[{i}]")
            ]
        key = _identity(before + after)
        if key is None:
            return [] if all(_json_marked(item) for item in before if item not in after) else [f"{path} (changed)"]
        remaining = {item[key]: item for item in after}
        found = []
        for item in before:
            if item[key] in remaining:
                found += unmarked_in_json(item, remaining.pop(item[key]), f"{path}[{key}={item[key]}]")
            elif not _json_marked(item):
                found.append(f"{path}[{key}={item[key]}] gone")
        found += [f"{path}[{key}={k}] new" for k in remaining]
        return found
    return [f"{path} ({before!r:.40} → {after!r:.40})"]


def _json_marked(value) -> bool:
    if isinstance(value, dict):
        for key, item in value.items():
            if "sample" in key.lower() and item not in (False, None, 0, "", [], {}):
                return True
            if _json_marked(item):
                return True
    elif isinstance(value, list):
        return any(_json_marked(item) for item in value)
    return False


def _csv_marked(text: str) -> bool:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return False
    columns = [i for i, name in enumerate(rows[0]) if "sample" in name.lower()]
    return any(row[i].strip().lower() in TRUE for row in rows[1:] for i in columns if i < len(row))


def _ical_marked(text: str) -> bool:
    return bool(re.search(r"^X-[A-Z-]*SAMPLE[A-Z-]*:TRUE\r?$", text, re.MULTILINE | re.IGNORECASE))


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as document:
        xml = document.read("word/document.xml").decode("utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", xml).split())


def read(response) -> Rendered:
    """The response as its reader meets it, and whether it carries a sample mark."""
    status = response.status_code
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    if content_type.startswith("application/vnd.openxmlformats"):
        text = _docx_text(body)
        return Rendered(status, _normalised(text), f"({_('sample')})" in text)
    if not reading.is_text(content_type):
        return Rendered(status, str(len(body)), False)
    text = body.decode(response.charset or "utf-8", errors="replace")
    if content_type.startswith(("text/html", "image/svg+xml")):
        page = reading.read(CSRF.sub(r"\1", text))
        seen = page.texts + [f"{tag} {name}={value}" for tag, name, value in page.attributes if name != "nonce"]
        marked = any((name, value) == MARK for _tag, name, value in page.attributes)
        return Rendered(status, _normalised("\n".join(seen)), marked)
    if "json" in content_type:
        try:
            data = json.loads(_normalised(text))
        except ValueError:
            return Rendered(status, _normalised(text), False)
        return Rendered(status, _normalised(text), _json_marked(data), data)
    elif content_type.startswith("text/csv"):
        marked = _csv_marked(text)
    elif content_type.startswith("text/calendar"):
        marked = _ical_marked(text)
    else:
        marked = False
    return Rendered(status, _normalised(text), marked)


def sample_models() -> list[type[models.Model]]:
    """Every model of the platform with an ``is_sample`` field."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("inducult.") and any(f.name == "is_sample" for f in model._meta.concrete_fields)
    ]


def delete_samples() -> dict[str, int]:
    """Delete every sample record (with what depends on it), every figure marked a sample (``visitors``
    with ``visitors_is_sample``) and every other ``…_is_sample`` flag (a deliverable rule's
    ``history_is_sample``: its record of delivery is then as real as the rest); how many of each model went."""
    deleted: dict[str, int] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("inducult."):
            continue
        names = {field.name for field in model._meta.concrete_fields}
        for name in names:
            figure = name.removesuffix("_is_sample")
            if figure != name:  # a made-up figure goes (if the model has it), and so does its flag
                values = {figure: None} if figure in names else {}
                model._base_manager.filter(**{name: True}).update(**values, **{name: False})
    pending = sample_models()
    for _attempt in range(len(pending) + 1):
        blocked = []
        for model in pending:
            try:
                _total, per_model = model._base_manager.filter(is_sample=True).delete()
            except (ProtectedError, RestrictedError):
                blocked.append(model)
                continue
            for label, n in per_model.items():
                deleted[label] = deleted.get(label, 0) + n
        if not blocked:
            return deleted
        pending = blocked
    raise AssertionError(f"sample records of {pending} cannot be deleted: what protects them?")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Marks(HTMLParser):
    """The text of each sample mark, inside the elements with ``data-testid`` ``within`` (and
    ``data-code`` ``code``, if given) when ``within`` is given, anywhere otherwise."""

    def __init__(self, within: str | None = None, code: str | None = None):
        super().__init__(convert_charrefs=True)
        self.within, self.code = within, code
        self.found: list[str] = []
        self.open: list[tuple[bool, bool]] = []  # per open element: (is the container, is a mark)

    def _inside(self, index: int) -> bool:
        return any(flags[index] for flags in self.open)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        container = attrs.get("data-testid") == self.within and self.code in (None, attrs.get("data-code"))
        mark = (MARK[0], attrs.get(MARK[0])) == MARK and (self.within is None or self._inside(0) or container)
        if mark and not self._inside(1):
            self.found.append("")
        self.open.append((container, mark))

    def handle_endtag(self, tag):
        if tag not in VOID and self.open:
            self.open.pop()

    def handle_data(self, data):
        if self._inside(1):
            self.found[-1] = " ".join(f"{self.found[-1]} {data}".split())


def marks(html: str, *, within: str | None = None, code: str | None = None) -> list[str]:
    """The text of each sample mark of a page or picture; with ``within``, of those inside the
    element of that ``data-testid`` (and ``data-code``)."""
    parser = _Marks(within, code)
    parser.feed(html)
    parser.close()
    return parser.found


def texts(html: str) -> list[str]:
    return reading.read(html).texts
