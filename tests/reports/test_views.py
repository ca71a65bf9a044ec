"""The reports page and the downloads: who may see them, what they send."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from docx import Document

from tests.factories import (
    CountRuleFactory,
    DeliverableRuleFactory,
    EngagementFactory,
    MilestoneFactory,
    StrategicGoalFactory,
    StrategyFactory,
    StrategyVersionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(region):
    strategy = StrategyFactory(region=region, title="Živá průmyslová kultura")
    version = StrategyVersionFactory(strategy=strategy, label="Original", valid_from=datetime.date(2019, 1, 1))
    goal = StrategicGoalFactory(version=version, code="SG1", title="Find the potential", order=1)
    m1 = MilestoneFactory(version=version, code="M1", title="Three bilateral meetings", first_year=2019, last_year=2019)
    m1.goals.add(goal)
    CountRuleFactory(milestone=m1, minimum=3, first_year=2019, last_year=2019)
    m2 = MilestoneFactory(version=version, code="M2", title="LEADER priorities", first_year=2019, last_year=2019)
    DeliverableRuleFactory(
        milestone=m2, key="sclld", title="Priorities in the SCLLD", due_date=datetime.date(2019, 12, 31)
    )
    return version


def _index(region):
    return reverse("reports:index", args=[region.slug])


def test_anonymous_visitor_is_sent_to_sign_in(client, region):
    response = client.get(_index(region))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_outsider_may_not_see_or_download(client, outsider, region):
    client.force_login(outsider)

    assert client.get(_index(region)).status_code == 403
    assert client.get(reverse("reports:annual_docx", args=[region.slug, 2019])).status_code == 403
    assert client.get(reverse("reports:strategy_docx", args=[region.slug])).status_code == 403


def test_viewer_sees_years_and_links(client, viewer, region, version):
    EngagementFactory(region=region)  # 2024
    client.force_login(viewer)

    response = client.get(_index(region), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    years = response.context["years"]
    assert 2019 in years and 2024 in years
    assert years == sorted(years, reverse=True)
    html = response.content.decode()
    assert reverse("reports:annual_pdf", args=[region.slug, 2019]) + "?lang=cs" in html
    assert reverse("reports:annual_docx", args=[region.slug, 2019]) + "?lang=en" in html
    assert reverse("reports:strategy_pdf", args=[region.slug]) + "?lang=en" in html
    # Each language column is headed by its name, in the order of its links.
    header = re.search(r'<table data-testid="report-years">\s*<thead>(.*?)</thead>', html, re.S).group(1)
    assert re.findall(r'<th scope="col">([^<]+)</th>', header) == ["Year", "Czech", "English"]
    assert "Czech: <a href" in html and "CS:" not in html


def test_editor_downloads_the_docx_as_an_attachment(client, editor, region, version):
    client.force_login(editor)

    response = client.get(reverse("reports:annual_docx", args=[region.slug, 2019]), {"lang": "en"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == 'attachment; filename="annual-report-karlovy-vary-2019-en.docx"'
    document = Document(io.BytesIO(response.content))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Code")
    assert [[c.text for c in r.cells][:5] for r in table.rows[1:]] == [
        ["M1", "Three bilateral meetings", "Missed", "0", "3"],
        ["M2", "LEADER priorities", "Missed", "0", "1"],
    ]


def test_year_out_of_range_is_not_found(client, coordinator, region):
    client.force_login(coordinator)

    assert client.get(reverse("reports:annual_pdf", args=[region.slug, 1900])).status_code == 404
    assert client.get(reverse("reports:annual_pdf", args=[region.slug, 2099])).status_code == 404


def test_coordinator_downloads_the_strategy_in_force_as_pdf(client, coordinator, region, version):
    client.force_login(coordinator)

    response = client.get(reverse("reports:strategy_pdf", args=[region.slug]), {"lang": "en"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="strategy-karlovy-vary-2019-01-01-en.pdf"'
    assert response.content.startswith(b"%PDF")


def test_strategy_export_without_a_strategy_is_not_found(client, coordinator, region):
    client.force_login(coordinator)

    assert client.get(reverse("reports:strategy_docx", args=[region.slug])).status_code == 404


def test_a_machine_without_pango_gets_a_clear_answer_and_the_docx_still_works(
    client, coordinator, region, version, monkeypatch
):
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # importing it now fails, as without Pango
    client.force_login(coordinator)

    pdf = client.get(reverse("reports:annual_pdf", args=[region.slug, 2019]), {"lang": "en"})
    assert pdf.status_code == 503
    text = pdf.content.decode()
    assert "cannot make PDFs: it lacks the Pango library. Download the DOCX instead" in text
    assert "libpango-1.0-0" in text
    docx = client.get(reverse("reports:annual_docx", args=[region.slug, 2019]), {"lang": "en"})
    assert docx.status_code == 200
