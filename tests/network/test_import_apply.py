"""Running imports against the database: all-or-nothing, updates, contacts and the audit trail."""

import pytest

from inducult.core.models import AuditEntry
from inducult.network.domain import exporting
from inducult.network.models import ImportBatch, Membership, Organisation, Person
from inducult.network.services.importing import batches
from tests.factories import OrganisationFactory, PersonFactory
from tests.queries import queries_at_two_sizes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(region, actor, text: str, name: str = "list.csv", encoding: str = "utf-8"):
    return batches.start_batch(region=region, actor=actor, file_name=name, data=text.encode(encoding))


def counts():
    return (Organisation.objects.count(), Person.objects.count(), Membership.objects.count())


# Each file has one valid row first, so "nothing written" is about the whole file.
BAD_FILES = [
    ("name,kind,email\nGood,museum,\nA,museum,jan.novak@\n", "not a valid e-mail address"),
    ("name,kind,website\nGood,museum,\nA,museum,not a url\n", "not a valid web address"),
    ("name,kind,latitude,longitude\nGood,museum,,\nA,museum,95,12\n", "out of range"),
    ("name,kind,latitude,longitude\nGood,museum,,\nA,museum,50,\n", "give both latitude and longitude"),
    ("name,kind\nGood,museum\nA,rocket\n", "unknown value; use one of"),
    ("name,kind,sectors\nGood,museum,\nA,museum,rockets\n", "unknown value(s) “rockets”"),
    ("name,kind,short_name\nGood,museum,\nA,museum," + "x" * 61 + "\n", "at most 60 fit"),
    ("name,kind,address\nGood,museum,\nA,museum,a\x00b\n", "contains a NUL byte"),
    ("name,kind,town\nGood,museum,Cheb\ngood,museum,cheb\n", "same organisation as row 2"),
    ("name,kind,contact_first_name\nGood,museum,\nA,museum,Jana\n", "a contact needs a last name"),
]


@pytest.mark.parametrize(("text", "reason"), BAD_FILES)
def test_run_import_with_any_invalid_row_writes_nothing(region, coordinator, text, reason):
    batch = upload(region, coordinator, text)
    preview = batches.preview(batch)
    assert [e.row for e in preview.outcome.errors] == [3]
    assert reason in str(preview.outcome.errors[0])
    before = counts(), AuditEntry.objects.filter(action="import").count()
    with pytest.raises(batches.ImportRefused) as refused:
        batches.run_import(batch=batch, actor=coordinator)
    assert refused.value.message.startswith("1 of 2 rows have errors, so nothing was imported.")
    assert (counts(), AuditEntry.objects.filter(action="import").count()) == before
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEWED


def test_run_import_without_name_or_kind_column_names_them(region, coordinator):
    batch = upload(region, coordinator, "Obec,Poznámka\nCheb,x\n")
    with pytest.raises(batches.ImportRefused) as refused:
        batches.run_import(batch=batch, actor=coordinator)
    assert refused.value.message == (
        "These required fields have no column: Name, Kind. Choose the column that holds each of them."
    )
    assert counts() == (0, 0, 0)


def test_run_import_only_valid_rows_writes_them_and_counts_the_rest(region, coordinator):
    batch = upload(
        region,
        coordinator,
        "Název;Druh;Obec;E-mail\nPorcelánka;Muzeum;Karlovy Vary;info@porcelanka.cz\n"
        "Škola;škola;Sokolov;jan.novak@\nSklárna;podnik;Nové Sedlo;\n",
    )
    result = batches.run_import(batch=batch, actor=coordinator, only_valid=True, expected_valid=2)
    assert result == {
        "rows": 3,
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "contacts_created": 0,
        "memberships_created": 0,
        "skipped": 1,
    }
    assert sorted(Organisation.objects.filter(region=region).values_list("name", "kind", "town")) == [
        ("Porcelánka", "museum", "Karlovy Vary"),
        ("Sklárna", "enterprise", "Nové Sedlo"),
    ]
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.IMPORTED
    assert batch.counts["created"] == 2
    assert batch.finished_at is not None
    assert not batch.file  # the uploaded contact list is not kept after the import


def test_run_import_refuses_when_the_registry_changed_since_the_preview(region, coordinator):
    batch = upload(region, coordinator, "name,kind,email\nA,museum,x@\nB,museum,\n")
    with pytest.raises(batches.ImportRefused) as refused:
        batches.run_import(batch=batch, actor=coordinator, only_valid=True, expected_valid=2)
    assert "changed since the preview" in refused.value.message
    assert counts() == (0, 0, 0)


def test_run_import_created_organisations_are_findable_like_saved_ones(region, coordinator):
    batch = upload(
        region, coordinator, "name,kind,town,tags,latitude,longitude\nPorcelánka a.s.,museum,Loket,a|b,50,12\n"
    )
    batches.run_import(batch=batch, actor=coordinator)
    org = Organisation.objects.get(region=region)
    stored = (org.search_text, org.name_key, org.tags, org.version, org.latitude)
    org.save()  # save() derives the fields again: the import must have derived the same
    org.refresh_from_db()
    assert stored == (org.search_text, org.name_key, org.tags, 1, org.latitude)
    assert org.created_at is not None


def test_run_import_row_matching_an_existing_organisation_updates_it(region, coordinator):
    existing = OrganisationFactory(region=region, name="Porcelánka", town="Karlovy Vary", kind="enterprise")
    batch = upload(region, coordinator, "name,kind,town,website\nPORCELÁNKA s.r.o.,museum,karlovy vary,porcelanka.cz\n")
    result = batches.run_import(batch=batch, actor=coordinator)
    assert (result["created"], result["updated"]) == (0, 1)
    existing.refresh_from_db()
    assert Organisation.objects.filter(region=region).count() == 1
    assert (existing.kind, existing.website, existing.version) == ("museum", "https://porcelanka.cz", 2)
    assert existing.name == "PORCELÁNKA s.r.o."
    entry = AuditEntry.objects.get(object_type="network.organisation", object_id=str(existing.pk), action="change")
    assert entry.changes["kind"] == ["enterprise", "museum"]
    assert entry.summary == f"Imported from “list.csv” (import #{batch.pk})"


def test_run_import_empty_cells_keep_stored_values_and_unchanged_rows_are_counted(region, coordinator):
    existing = OrganisationFactory(region=region, name="Muzeum", town="Cheb", website="https://muzeum.cz")
    batch = upload(region, coordinator, f"id,name,kind,website\n{existing.pk},Muzeum,museum,\n")
    result = batches.run_import(batch=batch, actor=coordinator)
    assert (result["updated"], result["unchanged"]) == (0, 1)
    existing.refresh_from_db()
    assert (existing.website, existing.version) == ("https://muzeum.cz", 1)


def test_run_import_id_of_another_region_never_touches_that_organisation(region, other_region, coordinator):
    foreign = OrganisationFactory(region=other_region, name="Fremd", town="Annaberg")
    batch = upload(region, coordinator, f"id,name,kind,town\n{foreign.pk},Fremd,museum,Annaberg\n")
    result = batches.run_import(batch=batch, actor=coordinator)
    assert result["created"] == 1
    foreign.refresh_from_db()
    assert (foreign.region_id, foreign.version) == (other_region.pk, 1)


def test_run_import_history_of_each_organisation_shows_the_import(region, coordinator):
    batch = upload(region, coordinator, "name,kind,sectors\nPorcelánka,museum,porcelain\n")
    batches.run_import(batch=batch, actor=coordinator)
    org = Organisation.objects.get(region=region)
    entry = AuditEntry.objects.get(object_type="network.organisation", object_id=str(org.pk))
    assert (entry.action, entry.actor, entry.region) == ("create", coordinator, region)
    assert entry.summary == f"Imported from “list.csv” (import #{batch.pk})"
    assert entry.changes["name"] == [None, "Porcelánka"]
    assert entry.changes["sectors"] == [None, ["porcelain"]]
    summary = AuditEntry.objects.get(action="import").summary
    assert summary == "Imported “list.csv”: 1 created, 0 updated, 0 unchanged, 0 skipped"


def test_run_import_creates_contacts_with_memberships_and_does_not_duplicate_them(region, coordinator):
    text = (
        "name,kind,contact_first_name,contact_last_name,contact_email,contact_role,lawful_basis\n"
        "Porcelánka,museum,Jana,Nová,jana@example.cz,ředitelka,\n"
        "Sklárna,enterprise,Jana,Nová,JANA@example.cz,členka rady,Oprávněný zájem\n"
    )
    batches.run_import(batch=upload(region, coordinator, text), actor=coordinator)
    person = Person.objects.get(region=region)
    assert (person.first_name, person.last_name, person.lawful_basis) == ("Jana", "Nová", "legitimate_interests")
    assert person.search_text == "jana | nova | jana@example.cz"
    assert sorted(Membership.objects.values_list("organisation__name", "role")) == [
        ("Porcelánka", "ředitelka"),
        ("Sklárna", "členka rady"),
    ]
    again = batches.run_import(batch=upload(region, coordinator, text), actor=coordinator)
    assert (again["contacts_created"], again["memberships_created"], again["unchanged"]) == (0, 0, 2)
    assert counts() == (2, 1, 2)
    person_entry = AuditEntry.objects.get(object_type="network.person", object_id=str(person.pk))
    assert set(person_entry.changes) == {"first_name", "last_name", "email", "lawful_basis"}
    assert "Jana" not in str(person_entry.changes)  # the trail names fields, not personal data


def test_run_import_matches_an_existing_member_by_name(region, coordinator, museum):
    person = PersonFactory(region=region, first_name="Petr", last_name="Horák", email="")
    Membership.objects.create(person=person, organisation=museum, role="kurátor")
    text = f"name,kind,town,contact_first_name,contact_last_name\n{museum.name},museum,Krásno,petr,HORÁK\n"
    result = batches.run_import(batch=upload(region, coordinator, text), actor=coordinator)
    assert (result["contacts_created"], result["memberships_created"]) == (0, 0)


def test_run_import_archived_column_archives_and_restores(region, coordinator):
    kept = OrganisationFactory(region=region, name="Old", town="")
    text = "name,kind,archived\nOld,museum,yes\nNew,museum,2024-01-31\n"
    batches.run_import(batch=upload(region, coordinator, text), actor=coordinator)
    assert set(Organisation.objects.filter(archived_at__isnull=False).values_list("name", flat=True)) == {"Old", "New"}
    batches.run_import(batch=upload(region, coordinator, "name,kind,archived\nOld,museum,no\n"), actor=coordinator)
    kept.refresh_from_db()
    assert kept.archived_at is None


def test_run_import_twice_is_refused(region, coordinator):
    batch = upload(region, coordinator, "name,kind\nA,museum\n")
    batches.run_import(batch=batch, actor=coordinator)
    with pytest.raises(batches.ImportRefused) as refused:
        batches.run_import(batch=batch, actor=coordinator)
    assert refused.value.message == "This file has already been imported."
    assert Organisation.objects.count() == 1


def test_run_import_query_count_does_not_grow_with_rows(region, coordinator):
    # Batched writes: the same statements for few rows as for many (one transaction, no per-row
    # query). Each measurement imports a file of the rows added since the last: 3, then 27.
    uploaded = []

    def add(rows):
        lines = ["name,kind,town,contact_last_name,contact_email"]
        lines += [f"Org {rows}-{i},museum,Town {i},Nový {i},n{rows}-{i}@example.cz" for i in range(rows)]
        uploaded.append(upload(region, coordinator, "\n".join(lines)))

    measured = queries_at_two_sizes(
        add=add,
        run=lambda: batches.run_import(batch=uploaded[-1], actor=coordinator),
        sizes=(3, 30),
        at_most=15,
        warm_up=False,  # a file is imported once
    )

    assert [result["created"] for result in measured.results] == [3, 27]
    assert Organisation.objects.count() == 30


def test_run_import_large_file_uses_bounded_statements(region, coordinator, django_assert_max_num_queries):
    lines = ["name,kind,sectors,email"] + [f"Org {i},museum,glass;porcelain,org{i}@example.cz" for i in range(5000)]
    batch = upload(region, coordinator, "\n".join(lines))
    with django_assert_max_num_queries(39):
        result = batches.run_import(batch=batch, actor=coordinator)
    assert result["created"] == 5000
    assert AuditEntry.objects.filter(object_type="network.organisation", action="create").count() == 5000


def test_preview_writes_no_registry_data(region, coordinator):
    batch = upload(region, coordinator, "name,kind,email\nA,museum,x@\n")
    before = counts(), AuditEntry.objects.count()
    preview = batches.preview(batch)
    assert (preview.outcome.valid_count, preview.outcome.invalid_rows) == (0, 1)
    assert (counts(), AuditEntry.objects.count()) == before
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEWED


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_of_the_registry_imports_back_unchanged(region, other_region, coordinator, fmt):
    OrganisationFactory(
        region=region,
        name="Porcelánka",
        town="Loket",
        sectors=["glass", "porcelain"],
        tags=["tour", "café"],
        influence=3,
        position="supporter",
        latitude="50.186",
        longitude="12.754",
        website="https://porcelanka.cz",
    )
    orgs = Organisation.objects.filter(region=region)
    exporters = {
        "csv": lambda: exporting.organisations_csv(orgs).encode("utf-8"),
        "xlsx": lambda: exporting.organisations_xlsx(orgs),
    }
    data = exporters[fmt]()
    same = batches.start_batch(region=region, actor=coordinator, file_name=f"export.{fmt}", data=data)
    assert same.mapping[:4] == ["id", "name", "short_name", "kind"]
    assert batches.run_import(batch=same, actor=coordinator)["unchanged"] == 1
    other = batches.start_batch(region=other_region, actor=coordinator, file_name=f"export.{fmt}", data=data)
    assert batches.run_import(batch=other, actor=coordinator)["created"] == 1
    copy = Organisation.objects.get(region=other_region)
    fields = ("name", "town", "sectors", "tags", "influence", "position", "latitude", "longitude", "website")
    original = Organisation.objects.get(region=region)
    assert [getattr(copy, f) for f in fields] == [getattr(original, f) for f in fields]
    assert copy.is_sample is True
