"""What a browser submits for a form as it is rendered, read from the HTML without a browser.

Tests that post hand-written data pass where the page fails: issue #14's site form was refused for
every site because the browser also sends the blank extra row the page renders, with the first month
of its selects, and no test sent that row. The browser tests (``tests/e2e/test_edit_forms.py``) submit
each page in Chromium; this gives the same data fast, for a rule every form must keep (a formset's
blank row is ignored) and for tests that post a page back unchanged.

The rules are the browser's (HTML's form submission):

- a text, hidden, date, time or number input sends its value, an empty one ""; a date, time or number
  input holds only a value of its own format, so one given another ("31.12.2019" in a date picker)
  sends "" (HTML's value sanitization);
- a checkbox or radio button is sent only when checked, with its value ("on" without one);
- a select sends its selected options; one that takes a single value and has none selected sends
  its first option;
- a textarea sends its text without the newline right after the tag;
- buttons, file inputs and disabled controls send nothing.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

NOT_SENT = {"submit", "button", "reset", "image", "file"}
# What an input of these types can hold; any other value it is given is dropped.
HOLDS = {
    "date": re.compile(r"\d{4,}-\d\d-\d\d"),
    "time": re.compile(r"\d\d:\d\d(:\d\d(\.\d{1,3})?)?"),
    "number": re.compile(r"-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?"),
}


def submitted(html: str, form: str | None = None) -> dict[str, list[str]]:
    """The data a browser posts for ``html``: all its controls, or those of the form whose
    ``data-testid`` is ``form``. Each name has the list of its values, as the test client posts
    them; ``MultiValueDict(data)`` binds a form to them."""
    reader = _FormReader(form)
    reader.feed(html)
    reader.close()
    data: dict[str, list[str]] = {}
    for name, value in reader.pairs:
        data.setdefault(name, []).append(value)
    return data


class _FormReader(HTMLParser):
    def __init__(self, form: str | None):
        super().__init__(convert_charrefs=True)
        self.wanted = form
        self.inside = form is None
        self.pairs: list[tuple[str, str]] = []
        self.select: tuple[str, bool, list[list]] | None = None
        self.textarea: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.wanted is not None:
            self.inside = attrs.get("data-testid") == self.wanted
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.pairs.append((name, attrs.get("value") or "on"))
            elif kind not in NOT_SENT:
                value = attrs.get("value") or ""
                if kind in HOLDS and not HOLDS[kind].fullmatch(value):
                    value = ""
                self.pairs.append((name, value))
        elif tag == "select" and name:
            self.select = (name, "multiple" in attrs, [])
        elif tag == "option" and self.select is not None:
            self.select[2].append([attrs.get("value"), "selected" in attrs, ""])
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        elif self.select is not None and self.select[2]:
            self.select[2][-1][2] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.wanted is not None:
            self.inside = False
        elif tag == "select" and self.select is not None:
            name, multiple, options = self.select
            chosen = [option for option in options if option[1]]
            if not multiple:
                # One value: the last option marked selected, else the first option.
                chosen = chosen[-1:] or options[:1]
            for value, _selected, text in chosen:
                self.pairs.append((name, value if value is not None else " ".join(text.split())))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.pairs.append((name, text[2:] if text.startswith("\r\n") else text.removeprefix("\n")))
            self.textarea = None
