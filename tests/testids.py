"""What a reader sees in the parts of a page marked with ``data-testid``: each element's visible text
(whitespace folded, entities decoded) and its attributes, so that tests assert text as read, never
raw HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    testid: str
    attrs: dict[str, str]
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[Element] = []
        self._open: list[tuple[str, Element | None]] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        element = None
        if values.get("data-testid"):
            element = Element(values["data-testid"], values)
            self.found.append(element)
        if tag in ("script", "style", "template"):
            self._hidden += 1
        if tag not in VOID:
            self._open.append((tag, element))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if self._hidden:
            return
        for _tag, element in self._open:
            if element is not None:
                element.parts.append(data)


def elements(html: str | bytes, testid: str) -> list[Element]:
    """Every element with ``data-testid=testid``, in the page's order."""
    collector = _Collector()
    collector.feed(html.decode() if isinstance(html, bytes) else html)
    collector.close()
    return [e for e in collector.found if e.testid == testid]


def texts(html: str | bytes, testid: str) -> list[str]:
    return [e.text for e in elements(html, testid)]


marked = elements  # the name some tests read better with
