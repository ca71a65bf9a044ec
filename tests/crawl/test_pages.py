"""Every page of the demo: no server error, no internal value in what a reader sees, no view
variable that meets a name of the page's chrome (issue #14).

Two passes, so that the crawl stays well under two minutes on SQLite:
- every record: each route with every record of the demo (a form's route with a few of them, see
  ``site_map.FORM_ROUTE``), in Czech, the region's language, by the persona who sees most of it:
  the coordinator in the back office, the public everywhere else; following each list's pages and
  filters;
- every persona and language: each route with its first record as the public, a coordinator, an
  editor bound to an organisation and a viewer, in Czech, English and German.
The reports' documents are made in the first pass only: they do not depend on the page's language.
"""

import time

import pytest

from tests.crawl import site_map
from tests.crawl.conftest import LANGUAGES, PERSONAS
from tests.crawl.crawler import Crawler

# Routes of records the demo has none of (a photo, a file, a relationship, an import, a published
# tour): the crawl cannot fill them. When the demo gains one, it is crawled and this set shrinks.
WITHOUT_DEMO_RECORDS = {
    "engagement:attachment",
    "heritage_public:photo",
    "practices:attachment",
    "network:relationship_change",
    "network:import_preview",
    "network:import_run",
    "tours:product",
}


def summary(crawler: Crawler, started: float) -> str:
    slowest = ", ".join(f"{route} {seconds:.1f}s" for route, seconds in crawler.seconds.most_common(3))
    return f"{crawler.label}: {len(crawler.statuses)} requests in {time.perf_counter() - started:.1f}s ({slowest})"


def test_only_the_routes_of_records_the_demo_lacks_go_unfilled(demo):
    assert {route.name for route in site_map.routes() if next(site_map.fill(route), None) is None} == (
        WITHOUT_DEMO_RECORDS
    )


def test_every_record_page_answers_without_leaking_a_value(demo):
    pages = site_map.pages()
    problems = []
    for persona, share in (
        ("coordinator", [(route, path) for route, path in pages if path.startswith("/manage/")]),
        ("anonymous", [(route, path) for route, path in pages if not path.startswith("/manage/")]),
    ):
        crawler = Crawler(demo.client(persona), persona=persona, language="cs")
        started = time.perf_counter()
        crawler.crawl(share)
        print(summary(crawler, started))
        problems += crawler.problems

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_route_answers_without_leaking_a_value(demo, persona, language):
    pages = [(route, path) for route, path in site_map.first_pages() if not site_map.is_document(path)]
    crawler = Crawler(demo.client(persona), persona=persona, language=language)
    started = time.perf_counter()
    crawler.crawl(pages, follow=False)
    print(summary(crawler, started))

    assert not crawler.problems, "\n".join(crawler.problems)
