"""A report context as DOCX (python-docx): headings, tables with repeated header rows, the same
figures as the PDF, A4 with page numbers in the footer.

Charts: python-docx cannot embed SVG, so a chart becomes a table of bars: one row per bar (or per
month), the label, a bar drawn with full-block characters (█, coloured like the PDF's bars and
scaled to the longest bar) and the number. It needs no image library, stays editable and readable
in any word processor, and a screen reader reads the numbers beside the bars.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from inducult.core import charts
from inducult.reports.presentation import context as ctx

BAR_CELLS = 30  # the longest bar, in block characters
BLOCK = "█"
TEXT_WIDTH_MM = 178  # A4 less 16 mm margins each side


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the word processor fills in."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = code
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instruction)
    run._r.append(end)


def _setup(document, report: ctx.ReportContext) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(16)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    style = document.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(9.5)
    footer = section.footer.paragraphs[0]
    footer.text = f"{report.footer} · {_('Page')} "
    _field(footer, "PAGE")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(8)


def _table(document, block: ctx.Table) -> None:
    if not block.rows:
        document.add_paragraph(block.empty)
        return
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Mm(TEXT_WIDTH_MM * w / 100) for w in block.widths]
    header = table.rows[0]
    _repeat_header(header)
    for i, text in enumerate(block.headers):
        cell = header.cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for i, text in enumerate(row):
            cells[i].text = text
            if i in block.numeric:
                cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = widths[i]
    document.add_paragraph()


def _figures(document, block: ctx.Figures) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in block.rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
        cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()


def _bar(cell, segments: list[tuple[int, str]], top: int) -> None:
    paragraph = cell.paragraphs[0]
    for value, colour in segments:
        length = round(BAR_CELLS * value / top) if top else 0
        if value and not length:
            length = 1
        if length:
            run = paragraph.add_run(BLOCK * length)
            run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))
            run.font.size = Pt(7)


def _bar_table(document, title: str, description: str, rows: list[tuple[str, list[tuple[int, str]], int]]) -> None:
    heading = document.add_paragraph()
    heading.add_run(title).bold = True
    document.add_paragraph(description).runs[0].italic = True
    top = max((total for _label, _segments, total in rows), default=0)
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for label, segments, total in rows:
        cells = table.add_row().cells
        cells[0].text = label
        _bar(cells[1], segments, top)
        cells[2].text = str(total)
        cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in table.rows:
        for cell, width in zip(row.cells, (50, 108, 20), strict=True):
            cell.width = Mm(width)
    document.add_paragraph()


def _chart(document, block: ctx.BarChart | ctx.MonthChart) -> None:
    if isinstance(block, ctx.BarChart):
        rows = [(label, [(value, charts.colour_for(i))], value) for i, (label, value) in enumerate(block.rows)]
        _bar_table(document, block.title, block.description, rows)
        return
    rows = []
    for month in range(1, 13):
        counts = block.counts.get(month, {})
        segments = [(counts.get(k, 0), charts.colour_for(i)) for i, k in enumerate(block.kinds)]
        rows.append((block.month_labels[month - 1], segments, sum(v for v, _c in segments)))
    _bar_table(document, block.title, block.description, rows)
    legend = document.add_paragraph()
    for i, kind in enumerate(block.kinds):
        swatch = legend.add_run(BLOCK + " ")
        swatch.font.color.rgb = RGBColor.from_string(charts.colour_for(i).lstrip("#"))
        legend.add_run(block.kind_labels[kind] + "   ")


def build_document(report: ctx.ReportContext):
    document = Document()
    _setup(document, report)
    document.core_properties.title = f"{report.title} · {report.region_name}"
    document.core_properties.language = report.language
    document.add_heading(report.title, level=0)
    for line in report.cover_lines:
        document.add_paragraph(line)
    for note in report.notes:
        document.add_paragraph(note).runs[0].italic = True
    document.add_page_break()
    for section in report.sections:
        document.add_heading(section.heading, level=1)
        for block in section.blocks:
            if isinstance(block, ctx.Paragraph):
                paragraph = document.add_paragraph(block.text)
                if block.style == "note":
                    paragraph.runs[0].italic = True
            elif isinstance(block, ctx.Figures):
                _figures(document, block)
            elif isinstance(block, ctx.Table):
                _table(document, block)
            else:
                _chart(document, block)
    return document


def render(report: ctx.ReportContext) -> bytes:
    buffer = io.BytesIO()
    build_document(report).save(buffer)
    return buffer.getvalue()
