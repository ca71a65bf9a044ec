"""python manage.py annual_report: writes the file; refuses bad input with a clear message."""

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


def _run(*args):
    out = io.StringIO()
    call_command("annual_report", *args, stdout=out)
    return out.getvalue()


def test_command_writes_a_docx_for_a_year_without_data(region, tmp_path):
    path = tmp_path / "report.docx"

    out = _run("--region", region.slug, "--year", "2019", "--language", "en", "--format", "docx", "--output", str(path))

    assert f"Wrote {path}" in out
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Annual report 2019" in text
    assert "No data were recorded for Karlovarský kraj in 2019" in text


def test_command_falls_back_to_english_for_a_region_in_german(tmp_path):
    region = RegionFactory(slug="saxony", name="Erzgebirgskreis", default_language="de")
    path = tmp_path / "report.docx"

    out = _run("--region", region.slug, "--year", "2020", "--format", "docx", "--output", str(path))

    assert "'de' is not available for reports; English is used" in out
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Report language “de” is not available; English is used." in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "atlantis"], "Unknown region 'atlantis'; known regions: karlovy-vary."),
        (["--year", "1800"], "--year must be a year from 1990 to 2100, got '1800'."),
        (["--year", "soon"], "--year must be a year from 1990 to 2100, got 'soon'."),
        (["--format", "odt"], "Unknown format 'odt'; use one of: pdf, docx."),
        (["--language", "de"], "Unknown language 'de'; use one of: cs, en."),
        (["--output", "/nonexistent/dir/report.pdf"], "The output directory '/nonexistent/dir' does not exist."),
    ],
)
def test_command_refuses_bad_input(region, tmp_path, args, message):
    values = {
        "--region": region.slug,
        "--year": "2019",
        "--language": "en",
        "--format": "pdf",
        "--output": str(tmp_path / "report.pdf"),
    }
    values.update(dict(zip(args[::2], args[1::2], strict=True)))

    with pytest.raises(CommandError) as error:
        _run(*[item for pair in values.items() for item in pair])

    assert str(error.value) == message
    assert not (tmp_path / "report.pdf").exists()
