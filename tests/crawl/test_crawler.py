"""The crawl's own checks catch what they are for: a value printed as Python prints it, "None" where
a value belongs, a server error, and a view variable that meets a name of the page's chrome; and
they leave ordinary words alone. Without these, a crawl that finds nothing proves nothing."""

import pytest
from django.template import engines
from django.template.response import TemplateResponse
from django.test import Client
from django.urls import include, path

from inducult import urls as site_urls
from tests.crawl import contexts, reading, site_map
from tests.crawl.crawler import Crawler

PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<table><tr><td>{{ value }}</td></tr></table>{% endblock %}'
)


def page_with(**context):
    return lambda request: TemplateResponse(request, PAGE, context)


def failing(request):
    raise ValueError("the view broke")


urlpatterns = [
    path("dict/", page_with(value={"bidi": False, "code": "cs"})),
    path("none/", page_with(value=None)),
    path("words/", page_with(value="None of the sites is open today")),
    path("chrome-name/", page_with(value="x", base_languages=["cs"])),
    path("processor-name/", page_with(value="x", user="someone else")),
    path("failing/", failing),
    path("", include(site_urls)),  # what the chrome links to
]


def crawl(*paths):
    crawler = Crawler(Client(), persona="anonymous", language="en")
    crawler.crawl([("test", p) for p in paths])
    return crawler.problems


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_the_crawl_reports_a_leaked_value_a_server_error_and_a_shadowed_name():
    assert crawl("/words/") == []
    assert crawl("/dict/") == ["[anonymous/en] /dict/: a dict in text: \"{'bidi': False, 'code': 'cs'}\""]
    assert crawl("/none/") == ["[anonymous/en] /none/: None in text: 'None'"]
    assert crawl("/chrome-name/") == [
        "[anonymous/en] /chrome-name/: the view passes ['base_languages'], which the page's chrome sets"
    ]
    assert crawl("/processor-name/") == [
        "[anonymous/en] /processor-name/: the view passes ['user'], which the page's chrome sets"
    ]
    assert crawl("/failing/") == ["[anonymous/en] /failing/: answers 500: ValueError('the view broke')"]


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<p>Guided tours in: {'bidi': False}</p>", ["a dict"]),
        ("<p>[&#x27;cs&#x27;, &#x27;de&#x27;]</p>", ["a list"]),
        ("<p>&lt;QuerySet [&lt;Site: Důl&gt;]&gt;</p>", ["a list", "a queryset", "a model instance"]),
        ("<p>&lt;Site: Důl&gt;</p>", ["a model instance"]),
        ("<p>&lt;inducult.Thing object at 0x7f00&gt;</p>", ["an object"]),
        ("<p>&lt;bound method Site.hours of x&gt;</p>", ["a method"]),
        ("<p>datetime.date(2026, 6, 15)</p>", ["a date or decimal"]),
        ("<dd>None</dd>", ["None"]),
        ("<li>Budget: None</li>", ["None"]),
        ("<li>Title: Den → None</li>", ["None"]),
        ('<input name="x" value="None">', ["None"]),
        ('<a title="{&#x27;a&#x27;: 1}">x</a>', ["a dict"]),
        ("<p>None of the sites is open. Nonetheless, come by.</p>", []),
        ('<script type="application/ld+json">{"a": null, "b": "None"}</script><style>a{}</style>', []),
    ],
)
def test_a_page_is_read_as_its_reader_sees_it(html, found):
    leaks = reading.leaks_in_page(reading.read(html))

    assert [leak.split(" in ")[0] for leak in leaks] == found


@pytest.mark.parametrize(
    ("text", "leaked"),
    [
        ('{"name": "Důl", "town": null}', False),
        ('{"name": "None"}', True),
        ("name,town\r\nDůl,None\r\n", True),
        ("BEGIN:VEVENT\r\nLOCATION:None\r\n", True),
        ("name\r\n{'cs': 'Důl'}\r\n", True),
        ("name,note\r\nDůl,None of them\r\n", False),
    ],
)
def test_a_data_file_is_read_for_the_same_leaks(text, leaked):
    assert bool(reading.leaks_in_data(text)) is leaked


def test_a_lists_filters_are_tried_one_at_a_time_and_long_ones_spread():
    sites = "".join(f'<option value="{n}">{n}</option>' for n in range(1, 43))
    html = (
        '<form method="get"><input type="search" name="q" value="">'
        '<select name="kind"><option value="">any</option><option value="museum" selected>Museum</option></select>'
        f'<select name="site">{sites}</select>'
        '<input type="checkbox" name="open" value="1"><input type="hidden" name="lang" value="cs"></form>'
        '<form method="post" action="/i18n/setlang/"><select name="language"><option>de</option></select></form>'
    )

    variants = reading.filter_variants(reading.read(html), "/sites/", options_per_field=3)

    assert variants == [
        "/sites/?q=&lang=cs&kind=museum&site=1",  # as it stands: a select sends its first option
        "/sites/?lang=cs&q=muzeum",
        "/sites/?lang=cs&kind=museum",
        "/sites/?lang=cs&site=1",
        "/sites/?lang=cs&site=21",
        "/sites/?lang=cs&site=42",
        "/sites/?lang=cs&open=1",
    ]


def test_every_page_of_a_list_is_reached_from_its_last_page_link():
    html = '<nav><a href="?q=glass&page=2" rel="next">Next</a><a href="?q=glass&page=4">Last</a></nav>'

    assert reading.other_pages(reading.read(html), "/audit/") == [
        "/audit/?q=glass&page=2",
        "/audit/?q=glass&page=3",
        "/audit/?q=glass&page=4",
    ]


def test_the_chrome_sets_the_processors_names_and_the_base_templates_own():
    assert {"region", "my_regions", "user", "request", "LANGUAGE_CODE", "messages"} <= contexts.processor_names()
    assert contexts.chrome_names("base.html") == {"LANGUAGE_CODE", "base_available_languages", "base_languages"}
    assert {"base.html", "backoffice/base.html", "heritage/embed_base.html"} <= contexts.base_templates()


def test_every_route_is_in_the_site_map():
    unfilled = [
        route.name
        for route in site_map.routes()
        if route.name not in site_map.ROUTE_RECORDS and route.params not in ((), ("region_slug",))
    ]

    assert unfilled == []
