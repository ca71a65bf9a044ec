"""Sample marks follow the data (issue #14): every public page and feed of the demo, and the back
office's dashboards, analytics and reports as a coordinator, rendered with the demo's sample records
and again after deleting every one of them (every row of a model with ``is_sample``, every figure
flagged ``…_is_sample``). A page or feed whose content changed depended on a sample record, so it
must have said so the first time: a ``data-testid="sample-mark"`` element on a page or an SVG, a
sample field set in a feed (``is_sample``, ``includes_samples``, ``sample_count`` …), "(sample)" in
a report's document.

Once, three sample deliverables made milestones "Achieved" on the public progress page and in
progress.json with no mark, and the public cooperation index counted 97 pupils of sample
cooperations as if they were real.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from inducult.heritage.services import opendata
from inducult.regions import lookup
from tests.crawl import samples, site_map
from tests.crawl.crawler import quiet_request_log

# The back office's pages that sum up the region (a record's own page shows its own mark and is
# tested where it is made): what the coordinator reports from.
BACK_OFFICE = (
    "network:dashboard",
    "strategy:dashboard",
    "network:analytics",
    "network:analytics_svg",
    "network:analytics_graph",
    "network:analytics_graph_json",
    "cooperation:summary",
    "reports:index",
    "reports:annual_docx",
)
LANGUAGE = "en"


def pages() -> list[tuple[str, str, str]]:
    """(persona, route, path) of every public page and feed, and the back office's summaries."""
    found = []
    for route, path in site_map.pages():
        name = route.rpartition(":")[2]
        if path.startswith("/manage/"):
            if route in BACK_OFFICE:
                found.append(("coordinator", route, path))
        elif not name.startswith(("password", "log")) and route not in ("set_language", "healthz", "tours:plan_ics"):
            found.append(("anonymous", route, path))
    return found


def render(demo, pages) -> dict[str, samples.Rendered]:
    cache.clear()
    lookup.forget()
    opendata.forget()
    clients = {}
    for persona in ("anonymous", "coordinator"):
        clients[persona] = demo.client(persona)
        clients[persona].raise_request_exception = False
        clients[persona].cookies[settings.LANGUAGE_COOKIE_NAME] = LANGUAGE
    rendered = {}
    with quiet_request_log():
        for persona, _route, path in pages:
            rendered[path] = samples.read(clients[persona].get(path))
    return rendered


def unmarked_changes(before: dict, after: dict) -> list[str]:
    """Each page or feed that changed without a mark: a page or a document anywhere, a JSON feed
    where it changed (see ``samples.unmarked_in_json``)."""
    found = []
    for path, was in before.items():
        now = after[path]
        if (was.status, was.text) == (now.status, now.text):
            continue
        if was.status != now.status:
            if not was.marked:
                found.append(f"{path}: answers {now.status}")
        elif was.data is not None and now.data is not None:
            found += [f"{path}: {where}" for where in samples.unmarked_in_json(was.data, now.data)]
        elif not was.marked:
            found.append(f"{path}: changed")
    return sorted(found)


def test_whatever_depends_on_a_sample_record_says_so(demo):
    crawled = pages()
    assert any(route == "progress:json" for _p, route, _path in crawled)
    started = time.perf_counter()
    before = render(demo, crawled)
    deleted = samples.delete_samples()
    after = render(demo, crawled)
    print(f"{len(crawled)} pages twice in {time.perf_counter() - started:.1f}s; deleted {deleted}")

    assert {"engagement.Engagement", "strategy.Deliverable", "heritage.Showcase"} <= set(deleted)
    changed = [path for path in before if before[path].text != after[path].text]
    assert reverse("progress:json", args=[demo.region.slug]) in changed  # the test sees what samples change
    unmarked = unmarked_changes(before, after)
    assert unmarked == [], "\n".join(unmarked)
