"""A crawler over the test client: requests each path as one persona in one language, follows a
list's other pages and its filters, and notes every problem: a server error, an internal value a
reader would see, a view's variable the page's chrome overwrites or overwrites the chrome's."""

from __future__ import annotations

import contextlib
import logging
import time
from collections import Counter
from collections.abc import Iterable

from django.conf import settings
from django.test import Client
from django.test.signals import template_rendered

from tests.crawl import contexts, reading


@contextlib.contextmanager
def quiet_request_log():
    """Django logs every 403, 404 and 405 with its traceback; a crawl meets hundreds, and a server
    error is reported by the crawl itself."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


class Crawler:
    def __init__(
        self, client: Client, *, persona: str, language: str, options_per_field: int | None = reading.OPTIONS_PER_FIELD
    ):
        client.raise_request_exception = False  # a failing page is a finding, not the end of the crawl
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        self.client = client
        self.label = f"{persona}/{language}"
        self.options_per_field = options_per_field
        self.problems: list[str] = []
        self.statuses: dict[str, int] = {}
        self.seconds: Counter[str] = Counter()

    def get(self, path: str, *, route: str = "") -> tuple[int, reading.Page | None]:
        """Request ``path`` and check the answer; the page, if it is HTML."""
        passed: list[set[str]] = []

        def note_view_names(sender, context, **kwargs):
            # The first template rendered is the view's; its names are read before the chrome adds its own.
            if not passed:
                passed.append(contexts.view_names(context))

        template_rendered.connect(note_view_names, dispatch_uid="crawl-view-names")
        started = time.perf_counter()
        try:
            response = self.client.get(path)
        finally:
            template_rendered.disconnect(dispatch_uid="crawl-view-names")
        self.seconds[route or path] += time.perf_counter() - started
        self.statuses[path] = response.status_code
        return response.status_code, self.check(path, response, passed[0] if passed else set())

    def check(self, path: str, response, view_names: set[str]) -> reading.Page | None:
        if response.status_code >= 500:
            error = response.exc_info[1] if getattr(response, "exc_info", None) else None
            self.problem(path, f"answers {response.status_code}" + (f": {error!r}" if error else ""))
            return None
        content_type = response.get("Content-Type", "")
        if getattr(response, "streaming", False) or not reading.is_text(content_type):
            return None
        text = response.content.decode(response.charset or "utf-8", errors="replace")
        if not content_type.startswith("text/html"):
            for leak in reading.leaks_in_data(text):
                self.problem(path, leak)
            return None
        page = reading.read(text)
        for leak in reading.leaks_in_page(page):
            self.problem(path, leak)
        shadowed = contexts.collisions(view_names, {template.name for template in response.templates})
        if shadowed:
            self.problem(path, f"the view passes {sorted(shadowed)}, which the page's chrome sets")
        return page

    def problem(self, path: str, what: str) -> None:
        self.problems.append(f"[{self.label}] {path}: {what}")

    def crawl(self, pages: Iterable[tuple[str, str]], *, follow: bool = True) -> None:
        """Each (route name, path); with ``follow``, on each HTML page that answers 200 also its
        list's other pages, and its filter form's variants with their other pages."""
        with quiet_request_log():
            for route, path in pages:
                status, page = self.get(path, route=route)
                if follow and status == 200 and page is not None:
                    self.follow(route, path, page)

    def follow(self, route: str, path: str, page: reading.Page) -> None:
        for other in reading.other_pages(page, path):
            self.get(other, route=route)
        for variant in reading.filter_variants(page, path, options_per_field=self.options_per_field):
            if variant not in self.statuses:
                status, answer = self.get(variant, route=route)
                if status == 200 and answer is not None:
                    for other in reading.other_pages(answer, path):
                        self.get(other, route=route)
