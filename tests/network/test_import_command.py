"""python manage.py import_organisations: the same pipeline, with exit codes for scripts."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from inducult.core.models import AuditEntry
from inducult.network.models import ImportBatch, Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

VALID = "Název;Druh;Obec\nPorcelánka;Muzeum;Karlovy Vary\nSklárna;podnik;Nové Sedlo\n"
INVALID = VALID + "Škola;škola;Sokolov;navíc\nHrad;castle;Loket\n"


def write(tmp_path, text: str, name: str = "list.csv", encoding: str = "cp1250"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_organisations", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_imports_a_valid_file(region, coordinator, tmp_path):
    out, err = run("--region", region.slug, "--user", "coordinator", write(tmp_path, VALID))
    assert "Imported: 2 created, 0 updated, 0 unchanged, 0 skipped" in out
    assert err == ""
    assert sorted(Organisation.objects.filter(region=region).values_list("name", flat=True)) == [
        "Porcelánka",
        "Sklárna",
    ]
    entry = AuditEntry.objects.get(action="import")
    assert (entry.actor, entry.region) == (coordinator, region)
    assert ImportBatch.objects.get().status == ImportBatch.Status.IMPORTED


def test_command_with_invalid_rows_exits_1_and_writes_nothing(region, tmp_path):
    with pytest.raises(CommandError) as error:
        run("--region", region.slug, write(tmp_path, INVALID))
    assert error.value.returncode == 1
    assert Organisation.objects.count() == 0
    assert ImportBatch.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_command_prints_each_row_error(region, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_organisations", "--region", region.slug, write(tmp_path, INVALID), stdout=out, stderr=err)
    assert err.getvalue().splitlines() == [
        "Row 4: it has 4 cells but the header has 3 columns; a value probably contains the delimiter without quotes",
        'Row 5, column "Druh", value "castle": unknown value; use one of: museum (Museum), enterprise (Enterprise), '
        "school (School), municipality (Municipality or association of municipalities), lag (Local Action Group), "
        "regional_authority (Regional authority), tourist_information (Tourist information centre), association "
        "(NGO or association), creative (Creative professional or studio), research (Research institution), agency "
        "(Chamber or agency), programme_body (Ministry or programme body), media (Media)",
    ]
    assert "2 of 4 rows valid, 2 with errors." in out.getvalue()


def test_command_only_valid_imports_the_valid_rows(region, tmp_path):
    out, _err = run("--region", region.slug, "--only-valid", write(tmp_path, INVALID))
    assert "Imported: 2 created, 0 updated, 0 unchanged, 2 skipped" in out
    assert Organisation.objects.count() == 2


def test_command_dry_run_writes_nothing(region, tmp_path):
    out, _err = run("--region", region.slug, "--dry-run", write(tmp_path, VALID))
    assert "Dry run: nothing was written." in out
    assert Organisation.objects.count() == 0
    with pytest.raises(CommandError) as error:
        run("--region", region.slug, "--dry-run", write(tmp_path, INVALID))
    assert error.value.returncode == 1


def test_command_unusable_file_or_region_exits_2(region, tmp_path):
    png = tmp_path / "photo.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    for args in (
        ("--region", region.slug, str(png)),
        ("--region", "atlantis", write(tmp_path, VALID)),
        ("--region", region.slug, str(tmp_path / "missing.csv")),
        ("--region", region.slug, write(tmp_path, "Obec\nCheb\n")),
    ):
        with pytest.raises(CommandError) as error:
            run(*args)
        assert error.value.returncode == 2
    assert Organisation.objects.count() == 0


def test_command_reads_utf8_xlsx_export_columns(region, tmp_path):
    workbook = Workbook()
    workbook.active.append(["id", "name", "kind", "sectors", "town", "latitude", "longitude", "is_sample"])
    workbook.active.append([None, "Porcelánka", "museum", "porcelain;glass", "Loket", 50.186, 12.754, "no"])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    run("--region", region.slug, str(path))
    org = Organisation.objects.get()
    assert (org.name, org.sectors, str(org.latitude), org.is_sample) == (
        "Porcelánka",
        ["porcelain", "glass"],
        "50.186000",
        False,
    )
