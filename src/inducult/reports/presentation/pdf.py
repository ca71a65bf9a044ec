"""A report context as PDF: a Django template rendered to HTML, laid out by WeasyPrint.

A4, page numbers in the footer (``@page`` margin boxes), tables with fixed layout at 100 % width
and wrapping words so nothing runs off the page. Charts are the strategy dashboard's server-side
SVG (``core.charts``) embedded as data URIs. Fonts come from fontconfig (DejaVu on Debian).
"""

from __future__ import annotations

import base64
import logging

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from PIL import ImageFile

from inducult.core import charts
from inducult.reports.presentation import context as ctx


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _block(block: ctx.Block) -> dict:
    if isinstance(block, ctx.Paragraph):
        return {"type": "paragraph", "block": block}
    if isinstance(block, ctx.Figures):
        return {"type": "figures", "block": block}
    if isinstance(block, ctx.Table):
        return {
            "type": "table",
            "block": block,
            "columns": [
                {"header": header, "width": width, "numeric": i in block.numeric}
                for i, (header, width) in enumerate(zip(block.headers, block.widths, strict=True))
            ],
            "rows": [
                [{"text": text, "numeric": i in block.numeric} for i, text in enumerate(row)] for row in block.rows
            ],
        }
    if isinstance(block, ctx.BarChart):
        svg = charts.horizontal_bars(
            block.rows, title=block.title, description=block.description, bar_title=block.bar_title
        )
        return {"type": "chart", "block": block, "src": _data_uri(svg)}
    if isinstance(block, ctx.MonthChart):
        svg = charts.stacked_month_bars(
            block.counts,
            kinds=block.kinds,
            kind_labels=block.kind_labels,
            month_labels=block.month_labels,
            title=block.title,
            description=block.description,
            bar_title=block.bar_title,
        )
        legend = [{"colour": charts.colour_for(i), "label": block.kind_labels[k]} for i, k in enumerate(block.kinds)]
        return {"type": "chart", "block": block, "src": _data_uri(svg), "legend": legend}
    raise TypeError(f"unknown block {block!r}")


def css_string(text: str) -> SafeString:
    """``text`` as the inside of a CSS string in a <style> element (no entity is decoded there)."""
    escaped = "".join(f"\\{ord(c):x} " if c in "\\\"<>&'" or ord(c) < 32 else c for c in text)
    return mark_safe(escaped)  # noqa: S308 - every character that could end the string or the element is escaped


def html(report: ctx.ReportContext) -> str:
    sections = [{"section": s, "blocks": [_block(b) for b in s.blocks]} for s in report.sections]
    return render_to_string(
        "reports/document.html",
        {
            "report": report,
            "sections": sections,
            "footer_css": css_string(report.footer),
            "page_css": css_string(_("Page")),
        },
    )


class PdfUnavailable(RuntimeError):
    """The machine lacks the libraries WeasyPrint loads (Pango); the DOCX still works."""


def weasyprint_module():
    """WeasyPrint, imported late (it loads Pango, which only the PDF needs).

    Importing it turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process (weasyprint.images), after
    which a truncated JPEG opens as if whole: a process that had made one PDF would then accept damaged
    site photos. Our documents embed no raster images, so the switch is put back at once."""
    # WeasyPrint reports each step (already while importing) at INFO, which the root logger prints.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    import weasyprint

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return weasyprint


def render(report: ctx.ReportContext) -> bytes:
    try:
        weasyprint = weasyprint_module()
    except (OSError, ImportError) as error:
        raise PdfUnavailable(
            _(
                "This installation cannot make PDFs: it lacks the Pango library. Download the DOCX instead, and "
                "ask the operator to install the Debian packages libpango-1.0-0, libpangoft2-1.0-0, "
                "libharfbuzz-subset0 and fonts-dejavu-core. (%(error)s)"
            )
            % {"error": error}
        ) from None

    return weasyprint.HTML(string=html(report)).write_pdf()
