"""Reading a crawled response as its reader would: the visible text and the attribute values of an
HTML page (scripts and styles left out), or the text of a data file; and finding in them what must
never reach a reader, an internal value printed as Python writes it.

Also what a page offers to go on: the other pages of a paginated list and its filter form's choices.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit

# Python's way of printing a dict, a list, a queryset, a model instance, an object, a method, a
# date or a decimal: none of them is how the platform speaks to people.
REPRS = [
    ("a dict", re.compile(r"\{'")),
    ("a list", re.compile(r"\['|\[<")),
    ("a queryset", re.compile(r"<QuerySet")),
    ("a model instance", re.compile(r"<[A-Z]\w*: [^>]*>")),
    ("an object", re.compile(r" object at 0x")),
    ("a method", re.compile(r"<bound method")),
    ("a date or decimal", re.compile(r"\b(?:datetime\.(?:date|datetime|time)|Decimal)\(")),
]
# "None" where a value belongs: alone in a cell or an attribute, or right after a label or an arrow.
LONE_NONE = re.compile(r"(?:^|[:→=(\[])\s*None\s*(?:$|[,;)\]→])")
# In a data file: a whole CSV, iCalendar or vCard value, or a JSON string.
DATA_NONE = re.compile(r'(?:^|[,;:\t="])None(?:$|[,;\t"\r\n])', re.MULTILINE)

TEXT_TYPES = ("text/", "application/json", "application/geo+json", "application/xml", "image/svg+xml")


class Page(HTMLParser):
    """An HTML page's visible text nodes and attribute values, its links and its forms."""

    HIDDEN = ("script", "style", "template")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden_depth += 1
        self.attributes.extend((tag, name, value) for name, value in attrs if value is not None)
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attrs.get("action") or "", "fields": []})
        elif tag in ("input", "select", "option", "textarea") and self.forms:
            self.forms[-1]["fields"].append((tag, attrs))

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data):
        if not self._hidden_depth and data.strip():
            self.texts.append(" ".join(data.split()))


def read(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def leaks_in_page(page: Page) -> list[str]:
    """What of the page a reader sees (text and attribute values) reads as an internal value."""
    found = []
    seen = [("text", text) for text in page.texts] + [
        (f"<{tag} {name}>", value) for tag, name, value in page.attributes
    ]
    for where, value in seen:
        for what, pattern in REPRS:
            if pattern.search(value):
                found.append(f"{what} in {where}: {value[:160]!r}")
        if LONE_NONE.search(value):
            found.append(f"None in {where}: {value[:160]!r}")
    return found


def leaks_in_data(text: str) -> list[str]:
    """The same in a data file (JSON, CSV, iCalendar, vCard, SVG)."""
    found = []
    for what, pattern in REPRS:
        for match in pattern.finditer(text):
            found.append(f"{what}: {text[max(0, match.start() - 60) : match.end() + 60]!r}")
    for match in DATA_NONE.finditer(text):
        found.append(f"None: {text[max(0, match.start() - 60) : match.end() + 60]!r}")
    return found


def is_text(content_type: str) -> bool:
    return content_type.startswith(TEXT_TYPES)


def other_pages(page: Page, path: str) -> list[str]:
    """Pages 2 … last of a paginated list, from its "Last" link: every page, not only the linked ones."""
    last, query = 1, None
    for href in page.links:
        parts = urlsplit(href)
        if parts.path not in ("", path):
            continue
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        if params.get("page", "").isdigit() and int(params["page"]) > last:
            last, query = int(params["page"]), params
    return [f"{path}?{urlencode({**query, 'page': number})}" for number in range(2, last + 1)] if query else []


# A value for each kind of free input of a filter form: found in the demo, so the results are not empty.
FREE_INPUTS = {"text": "muzeum", "search": "muzeum", "date": "2026-06-15", "number": "2026", "month": "2026-06"}


# Of a field's options (a select's, a group of boxes of one name), at most this many are tried,
# spread from the first to the last: the 42 sites a tour may include are read by the same code.
OPTIONS_PER_FIELD = 5


def spread(values: list, most: int) -> list:
    """At most ``most`` of ``values``, evenly spaced, the first and the last among them."""
    if len(values) <= most:
        return values
    if most < 2:
        return values[:most]
    step = (len(values) - 1) / (most - 1)
    return [values[round(i * step)] for i in range(most)]


def filter_variants(page: Page, path: str, *, options_per_field: int | None = OPTIONS_PER_FIELD) -> list[str]:
    """The page's GET forms (its filters) submitted as they stand, and with each field set alone:
    its options (``options_per_field`` of them, or every one for None) or a value for a free input."""
    variants = []
    for form in page.forms:
        if form["method"] != "get" or urlsplit(form["action"]).path not in ("", path):
            continue
        as_is, choices, options, chosen = [], [], {}, {}
        select = None
        for tag, attrs in form["fields"]:
            kind = (attrs.get("type") or "text").lower()
            name = attrs.get("name") or ""
            if tag == "select":
                select = name
                options[name], chosen[name] = [], None
            elif tag == "option" and select:
                value = attrs.get("value") or ""
                if "selected" in attrs or chosen[select] is None:  # a browser sends the first unless one is chosen
                    chosen[select] = value
                if value:
                    options[select].append(value)
            elif not name:
                continue
            elif tag == "textarea":
                choices.append((name, FREE_INPUTS["text"]))
            elif kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    as_is.append((name, attrs.get("value") or "on"))
                options.setdefault(name, []).append(attrs.get("value") or "on")
            elif kind == "hidden":
                as_is.append((name, attrs.get("value") or ""))
            elif kind in FREE_INPUTS:
                as_is.append((name, attrs.get("value") or ""))
                choices.append((name, FREE_INPUTS[kind]))
        as_is.extend((name, value) for name, value in chosen.items() if value is not None)
        for name, values in options.items():
            choices.extend((name, value) for value in spread(values, options_per_field or len(values)))
        varied = {name for name, _value in choices}
        kept = [(name, value) for name, value in as_is if name not in varied]
        if any(value for _name, value in as_is):  # an empty form submitted is the page itself
            variants.append(f"{path}?{urlencode(as_is)}")
        variants.extend(f"{path}?{urlencode([*kept, choice])}" for choice in choices)
    return list(dict.fromkeys(variants))
