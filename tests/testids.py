"""What a reader sees in the parts of a page marked with ``data-testid``: each marked element's
attributes and its visible text (whitespace folded), in the order of the page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Marked:
    testid: str
    attrs: dict[str, str]
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts)).strip()


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[Marked] = []
        self.open: list[Marked | None] = []  # per open element: its mark, if it has one
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag in ("script", "style", "template"):
            self.hidden += 1
        if tag in VOID:
            if "data-testid" in values:
                self.found.append(Marked(values["data-testid"], values))
            return
        mark = Marked(values["data-testid"], values) if "data-testid" in values else None
        if mark:
            self.found.append(mark)
        self.open.append(mark)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden = max(0, self.hidden - 1)
        if tag not in VOID and self.open:
            self.open.pop()

    def handle_data(self, data):
        if self.hidden:
            return
        for mark in self.open:
            if mark is not None:
                mark.parts.append(data)


def marked(html: str, testid: str) -> list[Marked]:
    reader = _Reader()
    reader.feed(html)
    return [mark for mark in reader.found if mark.testid == testid]


def texts(html: str, testid: str) -> list[str]:
    return [mark.text for mark in marked(html, testid)]
