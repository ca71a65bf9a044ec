"""German readers meet no Czech text of the strategy (issue #14): every page of the demo's strategy,
action plan, funding catalogue and good practices, as the public and as a coordinator, in German;
and the open data's German fields. What is shown in our translation carries the mark saying so
(docs/decisions/0018-translation-fallback-and-marks.md).

The Czech original may stand beside our translation when the page says it is the original (an
element with ``lang="cs"``): that is the authoritative wording, not a text left untranslated.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from django.conf import settings

from inducult.actionplan.models import Activity, FundingInstrument
from inducult.practices.models import GoodPractice
from inducult.strategy.models import DeliverableRule, Milestone, StrategicGoal, StrategyVersion
from tests.crawl import site_map

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Routes whose pages show the strategy's texts, the action plan, the catalogue or the practices.
ROUTES = ("progress:", "strategy", "actionplan:", "practices:", "reports:index")


class GermanText(HTMLParser):
    """The visible text of a page, leaving out scripts, styles and elements marked as Czech."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.marks = 0
        self._stack: list[bool] = []  # per open element: whether its text is left out

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("data-testid") == "translation-mark":
            self.marks += 1
        if tag in VOID:
            return
        outer = bool(self._stack and self._stack[-1])
        self._stack.append(outer or tag in ("script", "style", "template") or attrs.get("lang") == "cs")

    def handle_endtag(self, tag):
        if tag not in VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if not (self._stack and self._stack[-1]):
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def czech_texts(region) -> set[str]:
    """The Czech texts of the strategy, action plan, catalogue and practices that German changes."""
    found: set[tuple[str, str]] = set()
    records = [
        *StrategicGoal.objects.filter(version__strategy__region=region),
        *Milestone.objects.filter(version__strategy__region=region),
        *DeliverableRule.objects.filter(milestone__version__strategy__region=region),
        *StrategyVersion.objects.filter(strategy__region=region),
        *Activity.objects.filter(region=region),
        *FundingInstrument.objects.filter(region=region),
        *GoodPractice.objects.filter(region=region, language="cs"),
    ]
    for record in records:
        for field, texts in record.translations.items():
            original = getattr(record, field, None)
            # Short originals are abbreviations German keeps ("OP VVV", "IROP").
            if isinstance(original, str) and len(original) > 14 and texts.get("de") and texts["de"] != original:
                found.add((" ".join(original.split()), field))
    return {text for text, _field in found}


def german_pages(demo, persona: str):
    client = demo.client(persona)
    client.raise_request_exception = False  # pages a persona may not see answer 403
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    manage = persona != "anonymous"
    for route, path in site_map.pages():
        if not route.startswith(ROUTES) or site_map.is_document(path) or path.startswith("/manage/") != manage:
            continue
        if site_map.FORM_ROUTE.search(route.rpartition(":")[2]):
            continue  # a form shows the record's own fields to edit, in the original
        response = client.get(path)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            page = GermanText()
            page.feed(response.content.decode())
            yield path, page


@pytest.mark.parametrize("persona", ["anonymous", "coordinator"])
def test_german_pages_show_no_czech_text_of_the_strategy(demo, persona):
    czech = czech_texts(demo.region)
    assert len(czech) > 100  # goals, milestones, rules, activities, instruments, practices

    found, marked, seen = [], 0, 0
    for path, page in german_pages(demo, persona):
        seen += 1
        marked += bool(page.marks)
        found += [f"{path}: {text[:60]}" for text in czech if text in page.text]

    assert seen >= (2 if persona == "anonymous" else 30)
    assert not found, "\n".join(sorted(found)[:300])
    assert marked, "no page marks our translation"


def test_the_public_progress_page_in_german_marks_our_translation(demo):
    client = demo.client("anonymous")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    page = GermanText()
    page.feed(client.get(f"/r/{demo.region.slug}/progress/").content.decode())

    assert page.marks == 1
    assert "Organisation mindestens einer Diskussionsgruppe" in page.text
    assert "Unsere Übersetzung" in page.text


def test_german_fields_of_the_open_data_hold_no_czech_strategy_text(demo):
    czech = czech_texts(demo.region)
    document = json.loads(demo.client("anonymous").get(f"/open/{demo.region.slug}/progress.json?year=2019").content)

    milestones = document["milestones"]
    assert milestones
    for milestone in milestones:
        german = milestone["title_translations"]["de"]
        assert german not in czech and german != milestone["title"]
        assert milestone["translated_by_platform"] == {"de": "cs"}


def test_german_names_of_the_open_site_data_fall_back_to_english_before_czech(demo):
    from inducult.heritage.models import Site

    document = json.loads(b"".join(demo.client("anonymous").get(f"/open/{demo.region.slug}/sites.geojson")))
    names = {feature["properties"]["id"]: feature["properties"]["names"] for feature in document["features"]}
    english_only = [
        site
        for site in Site.objects.filter(pk__in=names)
        if (site.translations.get("name") or {}).get("en") and not (site.translations.get("name") or {}).get("de")
    ]

    assert english_only, "the demo has sites named in English only"
    for site in english_only:
        assert names[site.pk]["de"] == site.translations["name"]["en"] != site.name
        assert names[site.pk]["cs"] == site.name


def test_descriptions_without_a_german_version_show_the_english_not_the_czech(demo):
    """The region's, the festivals' and the exhibition's descriptions are Czech with an English
    version (the summary's own words): German pages show the English one, never the Czech; the
    region's home once printed both, spliced with a dash."""
    from django.urls import reverse

    from inducult.heritage.models import Exhibition, Festival

    region = demo.region
    client = demo.client("anonymous")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    pages = [(reverse("portal:region_home", args=[region.slug]), region)]
    pages += [
        (reverse("heritage_public:festival", args=[region.slug, festival.slug]), festival)
        for festival in Festival.objects.filter(region=region)
    ]
    pages += [
        (reverse("heritage_public:exhibition", args=[region.slug, exhibition.pk]), exhibition)
        for exhibition in Exhibition.objects.filter(region=region)
    ]
    assert len(pages) >= 4
    for path, record in pages:
        english = record.translations["description"]["en"]
        page = GermanText()
        page.feed(client.get(path).content.decode())
        shown = record.translations["description"].get("de", english)
        assert " ".join(shown.split()) in page.text, path
        assert " ".join(record.description.split()) not in page.text, path


def test_the_engagement_forms_goal_choices_are_in_the_readers_language(demo):
    """Pickers and histories name goals by their ``str``, which follows the reader's language (the
    new-engagement form once offered the goals in Czech on English and German pages)."""
    from django.urls import reverse

    goals = StrategicGoal.objects.filter(version__strategy__region=demo.region)
    client = demo.client("coordinator")
    for language in ("de", "en"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        page = GermanText()
        page.feed(client.get(reverse("engagement:create", args=[demo.region.slug])).content.decode())
        for goal in goals:
            assert f"{goal.code}: {goal.translations['title'][language]}" in page.text, (language, goal.code)
            assert goal.title not in page.text, (language, goal.code)
