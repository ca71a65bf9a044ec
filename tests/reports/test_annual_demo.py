"""The annual report of the Karlovy Vary demo for 2019, read back: the PDF with pdftotext (and one
page as an image), the DOCX with python-docx. The milestone table must equal progress.json for 2019.
Each test loads the demo (a few seconds) and renders one document, so there are only a few."""

import io
import re
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from docx import Document
from PIL import Image

from inducult.engagement.enums import EngagementStatus
from inducult.engagement.models import Engagement
from inducult.regions.models import Region
from inducult.reports.services import annual
from inducult.strategy.domain.progress import Status
from inducult.strategy.enums import STATUS_LABELS

pytestmark = pytest.mark.django_db
YEAR = 2019


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: install Debian's poppler-utils (scripts/test.sh does)"
    return path


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())
    return Region.objects.get(slug="karlovy-vary")


def _progress_json(client, region) -> list[dict]:
    response = client.get(reverse("progress:json", args=[region.slug]), {"year": YEAR})
    assert response.status_code == 200
    milestones = response.json()["milestones"]
    assert milestones, "the demo has milestones"
    return milestones


def _figure(value) -> str:
    return "—" if value is None else str(value)


def _label(milestone: dict) -> str:
    """The status as the report gives it: marked "(sample)" when it rests on a sample record."""
    with translation.override("en"):
        label = str(STATUS_LABELS[Status(milestone["status"])])
    return f"{label} (sample)" if milestone["includes_samples"] else label


def test_pdf_milestone_table_equals_progress_json_and_nothing_runs_off_the_page(demo, client, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(annual.render(annual.build_report(demo, YEAR, "en"), "pdf"))
    text = subprocess.run(
        [_tool("pdftotext"), "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout

    for milestone in _progress_json(client, demo):
        code = milestone["code"]
        lines = [line for line in text.splitlines() if re.match(rf"\s*{re.escape(code)}\s", line)]
        assert len(lines) == 1, f"{code} is one row of the milestone table"
        figures = rf"{_figure(milestone['count'])}\s+{_figure(milestone['target'])}"
        expected = rf"{re.escape(_label(milestone))}\s+{figures}(\s|$)"
        assert re.search(expected, lines[0]), (code, lines[0])
    assert "Annual report 2019" in text
    assert "Karlovarský kraj" in text
    assert "(sample)" in text

    # Pages 1–3 (cover, summary and milestones, charts) as images: the right margin stays blank.
    subprocess.run(
        [_tool("pdftoppm"), "-r", "50", "-png", "-f", "1", "-l", "3", str(path), str(tmp_path / "page")], check=True
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 3
    for page in pages:
        image = Image.open(page).convert("L")
        width, height = image.size
        band = image.crop((int(width * 0.97), 0, width, height))
        assert band.getextrema()[0] >= 250, f"something reaches the right margin of {page.name}"
        # and the page is not blank
        assert image.getextrema()[0] < 128


def test_docx_milestone_table_equals_progress_json(demo, client):
    report = annual.build_report(demo, YEAR, "en")
    document = Document(io.BytesIO(annual.render(report, "docx")))

    tables = [t for t in document.tables if [c.text for c in t.rows[0].cells][:3] == ["Code", "Milestone", "Status"]]
    assert len(tables) == 1
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in tables[0].rows[1:]}
    expected = _progress_json(client, demo)
    assert list(rows) == [m["code"] for m in expected]
    for milestone in expected:
        row = rows[milestone["code"]]
        assert row[2:5] == [_label(milestone), _figure(milestone["count"]), _figure(milestone["target"])]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Annual report 2019" in text
    figures = {t.rows[0].cells[0].text: t for t in document.tables}
    held = figures["Held engagements"]
    start, end = demo.year_bounds(YEAR)
    in_year = Engagement.objects.filter(
        region=demo, status=EngagementStatus.HELD, starts_at__gte=start, starts_at__lt=end
    )
    assert held.rows[0].cells[1].text == str(in_year.count())

    # The Czech report: other words, the same figures in the same rows.
    czech = Document(io.BytesIO(annual.render(annual.build_report(demo, YEAR, "cs"), "docx")))
    czech_rows = next(t for t in czech.tables if len(t.columns) == 7).rows[1:]  # the milestone table
    assert [[c.text for c in r.cells][:1] + [c.text for c in r.cells][3:5] for r in czech_rows] == [
        [row[0], row[3], row[4]] for row in rows.values()
    ]
