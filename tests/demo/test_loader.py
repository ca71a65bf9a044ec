from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from inducult.core.models import AuditEntry
from inducult.core.text import fold, normalised_name
from inducult.demo import loader, records
from inducult.demo.loader import load_demo
from inducult.engagement.models import Engagement
from inducult.heritage.models import Site
from inducult.network.models import Membership, Organisation, Person
from inducult.regions.models import Region

pytestmark = pytest.mark.django_db


def _org(name):
    return Organisation.objects.get(region__slug="karlovy-vary", name=name)


def test_load_demo_first_run_creates_region_organisations_and_people():
    summary = load_demo()

    region = Region.objects.get(slug="karlovy-vary")
    assert (region.name, region.country, region.languages) == ("Karlovarský kraj", "CZ", ["cs", "en", "de"])
    assert (region.default_language, region.time_zone) == ("cs", "Europe/Prague")
    assert "Living Industrial Culture" in region.source
    assert summary.region_created is True
    assert summary.organisations == summary.organisations_created == 48
    # The reference list's 48, and the designers of the InduCult2.0 designers' workshop, whom the
    # strategy does not name (the cooperation demo keeps them as one creative organisation).
    assert Organisation.objects.filter(region=region).count() == 48 + 1
    assert summary.people == summary.people_created == Person.objects.count() == 5
    assert summary.memberships_created == Membership.objects.count() == 6


def test_load_demo_audits_every_created_organisation_without_actor():
    load_demo()

    entries = AuditEntry.objects.filter(object_type="network.organisation", action="create")
    assert entries.count() == 48 + 1  # with the designers of the cooperation demo
    assert set(entries.values_list("actor_name", flat=True)) == {""}
    created = AuditEntry.objects.filter(object_type="regions.region", action="create")
    # Karlovy Vary, and Saxony, the partner region that shares a good practice with it.
    assert sorted(created.values_list("object_repr", flat=True)) == ["Karlovarský kraj", "Saxony (Sachsen)"]


def test_load_demo_second_run_writes_nothing():
    load_demo()
    counts = (Organisation.objects.count(), Person.objects.count(), Membership.objects.count())
    audit_count = AuditEntry.objects.count()
    versions = dict(Organisation.objects.values_list("pk", "version"))

    summary = load_demo()

    assert summary.changed is False
    assert (summary.organisations_created, summary.organisations_updated, summary.people_created) == (0, 0, 0)
    assert (Organisation.objects.count(), Person.objects.count(), Membership.objects.count()) == counts
    assert AuditEntry.objects.count() == audit_count
    assert dict(Organisation.objects.values_list("pk", "version")) == versions


def test_load_demo_failing_half_way_leaves_the_database_as_it_was(monkeypatch):
    def tour_starts_fail(**kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(loader, "load_tour_starts", tour_starts_fail)

    with pytest.raises(RuntimeError, match="the disk is full"):
        load_demo()

    # The registry, strategy and sites were written before the failure; none of them stays.
    assert (Region.objects.count(), Organisation.objects.count(), Site.objects.count()) == (0, 0, 0)
    assert AuditEntry.objects.count() == 0


def test_load_demo_updates_an_existing_region_with_the_same_slug(region):
    summary = load_demo()

    region.refresh_from_db()
    assert summary.region_created is False
    assert summary.region_updated is True
    assert Region.objects.exclude(slug="saxony").count() == 1  # Saxony: the partner region sharing a practice
    assert region.description.startswith("Karlovarský kraj bývá označován za lázeňský region")


def test_load_demo_ksmas_is_a_local_action_group_from_both_sources():
    load_demo()

    ksmas = _org("Krajské sdružení MAS Karlovarského kraje, z.s.")
    assert ksmas.kind == "lag"
    assert ksmas.short_name == "KSMAS KK"
    assert ksmas.website == "http://ksmas-karlovarsko.cz"
    assert (ksmas.town, ksmas.latitude, ksmas.address) == ("", None, "")
    assert "Living Industrial Culture" in ksmas.source
    assert "row KV048" in ksmas.source


def test_load_demo_amati_is_a_musical_instrument_maker_in_kraslice():
    load_demo()

    amati = _org("Amati-Denak")
    assert (amati.kind, amati.town, amati.sectors) == ("enterprise", "Kraslice", ["musical_instruments"])
    assert amati.website == "https://www.amati.cz"
    assert "row KV033" in amati.source


def test_load_demo_krasno_has_site_coordinates_with_precision_in_source():
    load_demo()

    krasno = _org("Hornické muzeum Krásno")
    assert (krasno.latitude, krasno.longitude) == (Decimal("50.116282"), Decimal("12.796434"))
    assert "coordinates (site: the place itself)" in krasno.source
    assert krasno.kind == "museum"
    assert krasno.translations == {"name": {"en": "Krásno Mining Museum"}}


def test_load_demo_merges_thun_rows_into_one_company():
    load_demo()

    thun = Organisation.objects.filter(name__icontains="Thun")
    assert [o.name for o in thun] == ["Thun 1794 a.s."]
    assert thun[0].sectors == ["porcelain"]
    # The two rows describe its plants (Klášterec, Nová Role), not the company: they stay sites run by
    # it and give it no town, point or history (issue #14); its facts are the strategy's.
    assert "row KV02" not in thun[0].source and thun[0].town == "" and thun[0].latitude is None
    assert sorted(thun[0].sites.values_list("external_id", flat=True)) == ["KV025", "KV026"]
    assert thun[0].translations == {}


def test_load_demo_skips_places_that_are_not_organisations():
    load_demo()

    names = set(Organisation.objects.values_list("name", flat=True))
    for place in ("Důl Svornost", "Naučná stezka Jáchymovské peklo", "Dočesná Žatec", "Rudá věž smrti"):
        assert place not in names


def test_load_demo_every_organisation_has_a_source_and_none_is_made_up():
    load_demo()

    assert not Organisation.objects.filter(source="").exists()
    assert not Organisation.objects.filter(is_sample=True).exists()


def test_load_demo_people_are_labelled_samples_at_example_org():
    load_demo()

    people = list(Person.objects.all())
    assert all(p.is_sample for p in people)
    assert all(p.email.endswith("@example.org") for p in people)
    assert {p.lawful_basis for p in people} == {"legitimate_interests"}
    assert Membership.objects.values("organisation").distinct().count() == 4


def test_load_demo_command_prints_one_line_summary_and_loads_only_once():
    out = StringIO()
    with translation.override("en"):
        call_command("load_demo", stdout=out)
        call_command("load_demo", stdout=out)

    # The first run says what it starts, then sums up what it did; the second says it did nothing
    # (the demo loads into an empty database only: decision 0021).
    start, line, second = out.getvalue().splitlines()
    assert start == "Loading the Karlovy Vary demo region into the empty database ..."
    assert line.startswith("Karlovy Vary demo: 48 organisations (48 new, 0 updated), 5 sample people (5 new)")
    assert (
        "; strategy: 7 goals, 11 milestones, 4 standing targets (39 records new, 0 updated); "
        "engagements from the sources: 1 (1 new); sample history (not real): "
    ) in line
    samples = Engagement.objects.filter(is_sample=True, cooperation_activity__isnull=True).count()
    to_check = Site.objects.exclude(opening_hours_review="").count()
    assert f"{samples} engagements ({samples} new, 0 updated), 3 deliverables (3 new); " in line
    assert f"; sites: 42 (42 new, 0 updated), {to_check} with opening hours to check; " in line
    assert "; festivals: 2 (2 new); public events: 4 (4 new, 0 updated); " in line
    assert line.endswith("; touring exhibition: 8 records new, 0 updated, 244 sample votes new")
    assert second == "Demo already loaded: nothing changed (use --refresh to update the demo records)"


def test_municipality_drops_qualifiers_after_the_town():
    assert records.municipality("Žatec (Ústí nad Labem Region)") == "Žatec"
    assert records.municipality("Podbořany (office); seat address Valeč") == "Podbořany"
    assert records.municipality("Královské Poříčí / Vintířov area") == "Královské Poříčí"
    assert records.municipality("Krásno") == "Krásno"


def test_organisation_records_are_valid_choices_with_unique_identity():
    recs = records.organisation_records()

    identities = [(normalised_name(r.data["name"]), fold(r.data["town"])) for r in recs]
    assert len(identities) == len(set(identities)) == 48
    assert all(r.data["kind"] for r in recs)
    assert all(r.data["source"] for r in recs)
