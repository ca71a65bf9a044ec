"""The touring exhibition: its page and statistics, one vote per visitor per stop, a limit per
client, and exhibitions.json; the demo's exhibition from the strategy with samples labelled."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from inducult.heritage.models import Exhibition, ShowcaseVote
from inducult.heritage.services import exhibitions
from tests.factories import ExhibitionFactory, ExhibitionStopFactory, ShowcaseFactory, ShowcaseVoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def exhibition(region):
    exhibition = ExhibitionFactory(region=region, title="Putovní výstava", is_sample=False)
    for order, title in enumerate(("Porcelán", "Sklo")):
        ShowcaseFactory(exhibition=exhibition, title=title, order=order, is_sample=False)
    ExhibitionStopFactory(exhibition=exhibition, venue="Žatec", starts_on=None, ends_on=None, is_sample=False)
    ExhibitionStopFactory(
        exhibition=exhibition,
        venue="Březová",
        starts_on=datetime.date(2018, 9, 1),
        ends_on=None,
        voting_open=False,
        is_sample=False,
    )
    return exhibition


def vote(client, region, stop, showcase, **extra):
    return client.post(reverse("heritage_public:vote", args=[region.slug, stop.pk]), {"showcase": showcase.pk}, **extra)


def test_one_vote_per_visitor_per_stop(region, exhibition):
    stop = exhibition.stops.get(venue="Žatec")
    porcelain, glass = exhibition.showcases.all()
    visitor = Client(headers={"accept-language": "en"})

    first = vote(visitor, region, stop, porcelain)
    second = vote(visitor, region, stop, glass, follow=True)

    assert first.status_code == 302 and "inducult_voter" in first.cookies
    assert "You have already voted at this stop." in second.content.decode()
    assert list(ShowcaseVote.objects.values_list("showcase__title", flat=True)) == ["Porcelán"]
    # The cookie is not stored: only a keyed hash of it.
    assert ShowcaseVote.objects.get().voter != first.cookies["inducult_voter"].value
    vote(Client(), region, stop, glass)  # another visitor
    assert ShowcaseVote.objects.count() == 2


def test_votes_at_a_closed_stop_or_for_another_exhibitions_showcase_are_refused(region, exhibition):
    closed = exhibition.stops.get(venue="Březová")
    other = ShowcaseFactory(exhibition__region=region)

    vote(Client(), region, closed, exhibition.showcases.first())
    vote(Client(), region, exhibition.stops.get(venue="Žatec"), other)

    assert not ShowcaseVote.objects.exists()


def test_a_flood_from_one_client_is_stopped(region, exhibition, monkeypatch):
    monkeypatch.setattr(exhibitions, "VOTES_PER_CLIENT", 3)
    stop, showcase = exhibition.stops.get(venue="Žatec"), exhibition.showcases.first()

    answers = [vote(Client(), region, stop, showcase).status_code for _ in range(5)]  # new cookie each time

    assert answers == [302, 302, 302, 429, 429]
    assert ShowcaseVote.objects.count() == 3
    # Another address may still vote.
    assert vote(Client(), region, stop, showcase, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_page_and_open_data_show_what_interested_visitors_most(client, region, exhibition):
    stop = exhibition.stops.get(venue="Žatec")
    porcelain, glass = exhibition.showcases.all()
    for n, showcase in enumerate((glass, porcelain, glass)):
        ShowcaseVoteFactory(stop=stop, showcase=showcase, voter=f"v{n}", is_sample=False)

    page = client.get(reverse("heritage_public:exhibition", args=[region.slug, exhibition.pk]))
    document = json.loads(client.get(reverse("heritage_public:exhibitions_json", args=[region.slug])).content)

    assert [row["title"] for row in page.context["overall"]] == ["Sklo", "Porcelán"]
    assert page.context["total_votes"] == 3
    (record,) = document["exhibitions"]
    assert record["votes"] == [
        {"showcase_id": glass.pk, "votes": 2, "percent": 66.7, "sample_votes": 0},
        {"showcase_id": porcelain.pk, "votes": 1, "percent": 33.3, "sample_votes": 0},
    ]
    assert record["votes_include_samples"] is False
    assert record["sample_votes"] == 0
    assert [s["venue"] for s in record["stops"]] == ["Březová", "Žatec"]  # dated stops first


def test_demo_exhibition_follows_the_strategy_and_labels_what_it_does_not_say(client):
    from inducult.demo.loader import load_demo

    load_demo(today=datetime.date(2026, 12, 1))
    exhibition = Exhibition.objects.get(region__slug="karlovy-vary")

    assert not exhibition.is_sample and "Living Industrial Culture" in exhibition.source
    real = [s.title for s in exhibition.showcases.filter(is_sample=False)]
    assert real == ["Porcelán", "Hudební nástroje", "Automobilový průmysl"]
    assert list(exhibition.showcases.filter(is_sample=True).values_list("title", flat=True)) == ["Sklo"]
    stops = {s.venue: s for s in exhibition.stops.all()}
    assert stops["Žatec"].occasion.startswith("Muzejní noc") and not stops["Žatec"].is_sample
    assert all(s.visitors_is_sample for s in stops.values())  # the strategy gives no numbers
    assert not ShowcaseVote.objects.filter(is_sample=False).exists()
    page = client.get(
        reverse("heritage_public:exhibition", args=["karlovy-vary", exhibition.pk]), headers={"accept-language": "en"}
    ).content.decode()
    assert page.index("Porcelain") < page.index("Car production")  # most chosen first, as reported
    # Every one of the demo's votes is a sample, and the page says so of the total and of each showcase.
    marks = sample_marks(page)
    assert marks.count("all samples") == 1 + len(real) + 1
    # The Glass showcase, the Statek Bernard stop (and its vote form, if open), each stop's visitors.
    bernard = stops["Statek Bernard, Královské Poříčí"]
    assert bernard.is_sample
    assert marks.count("Sample") == 2 + bernard.voting_open + len(stops)
    (record,) = client.get(reverse("heritage_public:exhibitions_json", args=["karlovy-vary"])).json()["exhibitions"]
    assert {s["title"]: s["is_sample"] for s in record["showcases"]} == {
        "Porcelán": False,
        "Hudební nástroje": False,
        "Automobilový průmysl": False,
        "Sklo": True,
    }
    # The feed gives the titles in other languages, as the page shows them (German falls back to English).
    assert {s["title"]: s["title_translations"].get("en") for s in record["showcases"]}["Sklo"] == "Glass"
    assert record["title_translations"]["en"] == "Mobile Exhibition of industrial enterprises and products"
    assert {s["venue"]: s["is_sample"] for s in record["stops"]} == {
        "Žatec": False,
        "Březová u Sokolova": False,
        "Statek Bernard, Královské Poříčí": True,
    }
    assert record["sample_votes"] == ShowcaseVote.objects.count() == sum(v["votes"] for v in record["votes"])
    assert all(v["sample_votes"] == v["votes"] for v in record["votes"])


def sample_marks(html: str) -> list[str]:
    """The text of each element marked ``data-testid="sample-mark"``."""
    from html.parser import HTMLParser

    class Marks(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found, self.depth = [], 0

        def handle_starttag(self, tag, attrs):
            if self.depth:
                self.depth += 1
            elif ("data-testid", "sample-mark") in attrs:
                self.depth = 1
                self.found.append("")

        def handle_endtag(self, tag):
            if self.depth:
                self.depth -= 1

        def handle_data(self, data):
            if self.depth:
                self.found[-1] = " ".join((self.found[-1] + data).split())

    parser = Marks()
    parser.feed(html)
    return parser.found


def test_a_stop_reads_as_its_venue_and_when(region):
    exhibition = ExhibitionFactory(region=region)
    known_by_venue = ExhibitionStopFactory(exhibition=exhibition, venue="Statek Bernard", starts_on=None, period="")
    dated = ExhibitionStopFactory(exhibition=exhibition, venue="Březová", starts_on=datetime.date(2018, 9, 1))
    by_period = ExhibitionStopFactory(exhibition=exhibition, venue="Žatec", starts_on=None, period="2018")

    assert [str(known_by_venue), str(dated), str(by_period)] == [
        "Statek Bernard",
        "Březová (2018-09-01)",
        "Žatec (2018)",
    ]
