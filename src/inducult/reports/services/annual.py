"""The annual report end to end: facts → context → PDF or DOCX bytes. Views and the
``annual_report`` command call these, so both produce the same files."""

from __future__ import annotations

import datetime

from django.utils import translation

from inducult.reports.presentation import context as ctx
from inducult.reports.services.gather import gather

FORMATS = ("pdf", "docx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def build_report(region, year: int, language: str | None = None, *, now: datetime.datetime | None = None):
    """The report's context for ``region`` and ``year`` in ``language`` (cs or en; None: the
    region's default language; anything else: English, and the report says so)."""
    used, asked = ctx.resolve_language(language, region.default_language)
    with translation.override(used):
        facts = gather(region, year, language=used, requested=asked, now=now)
        return ctx.build(facts)


def render(report: ctx.ReportContext, fmt: str) -> bytes:
    """``report`` as PDF or DOCX bytes; labels the renderers add are in the report's language."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    with translation.override(report.language):
        if fmt == "pdf":
            from inducult.reports.presentation import pdf

            return pdf.render(report)
        from inducult.reports.presentation import docx

        return docx.render(report)


def filename(region_slug: str, year: int, language: str, fmt: str) -> str:
    return f"annual-report-{region_slug}-{year}-{language}.{fmt}"
