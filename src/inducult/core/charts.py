"""Server-side SVG charts: pure functions from numbers and labels to markup (no script, no styles).

Colours are SVG presentation attributes, which the Content-Security-Policy allows (inline ``style``
would not be). Every bar carries a ``<title>`` for pointer and screen-reader users, and pages put a
table with the same numbers next to the chart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

# Distinguishable for the common colour-vision deficiencies (Okabe–Ito), then greys.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#999999",
    "#666666",
    "#BBBBBB",
    "#444444",
    "#DDDDDD",
)

# The communities of the network analytics (its SVG picture and its interactive view): the
# Okabe–Ito colours alone, one per community from the largest; communities beyond these and
# organisations without any tie are COMMUNITY_GREY.
COMMUNITY_COLOURS = PALETTE[:8]
COMMUNITY_GREY = "#BBBBBB"

WIDTH = 640
HEIGHT = 240
LEFT = 32  # room for the scale
BOTTOM = 22  # room for the month labels
TOP = 8


def colour_for(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _nice_max(value: int) -> int:
    """A round top for the scale: 1, 2, 5, 10, 20, 50, … at least ``value``."""
    top = 1
    while True:
        for step in (1, 2, 5):
            if step * top >= value:
                return step * top
        top *= 10


def stacked_month_bars(
    counts: Mapping[int, Mapping[str, int]],
    *,
    kinds: Sequence[str],
    kind_labels: Mapping[str, str],
    month_labels: Sequence[str],
    title: str,
    description: str,
    bar_title: str = "{month}: {count} × {kind}",
) -> SafeString:
    """Stacked bars, one per month (1–12), one segment per kind in the order of ``kinds``.

    ``bar_title`` is a format string with {month}, {kind} and {count} (already translated).
    """
    if len(month_labels) != 12:
        raise ValueError("month_labels must name the twelve months")
    totals = [sum(counts.get(m, {}).get(k, 0) for k in kinds) for m in range(1, 13)]
    top = _nice_max(max(totals, default=0) or 1)
    plot_h = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT) / 12
    bar_w = slot * 0.7
    parts: list[str] = []
    # Scale: zero, half and top.
    for value in sorted({0, top // 2, top}):
        y = TOP + plot_h - plot_h * value / top
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#d8d2c6" stroke-width="1"/>'
                '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#5c554d">{}</text>',
                LEFT,
                f"{y:.1f}",
                WIDTH,
                f"{y:.1f}",
                LEFT - 4,
                f"{y + 4:.1f}",
                value,
            )
        )
    for month in range(1, 13):
        x = LEFT + slot * (month - 1) + (slot - bar_w) / 2
        y = TOP + plot_h
        for index, kind in enumerate(kinds):
            n = counts.get(month, {}).get(kind, 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            label = bar_title.format(month=month_labels[month - 1], kind=kind_labels.get(kind, kind), count=n)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" data-kind="{}" data-month="{}">'
                    "<title>{}</title></rect>",
                    f"{x:.1f}",
                    f"{y:.1f}",
                    f"{bar_w:.1f}",
                    f"{h:.1f}",
                    colour_for(index),
                    kind,
                    month,
                    label,
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#5c554d">{}</text>',
                f"{x + bar_w / 2:.1f}",
                HEIGHT - 6,
                month_labels[month - 1][:3],
            )
        )
    body = mark_safe("".join(parts))  # noqa: S308 - every part is built by format_html
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="chart-title chart-desc" class="chart">'
        '<title id="chart-title">{}</title><desc id="chart-desc">{}</desc>{}</svg>',
        WIDTH,
        HEIGHT,
        title,
        description,
        body,
    )


def legend(kinds: Sequence[str], kind_labels: Mapping[str, str]) -> SafeString:
    """A legend list whose swatches are tiny SVGs (presentation attributes, no styles)."""
    items = format_html_join(
        "",
        '<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{}"/></svg> {}</li>',
        ((colour_for(i), kind_labels.get(kind, kind)) for i, kind in enumerate(kinds)),
    )
    return format_html('<ul class="chart-legend">{}</ul>', items)


def horizontal_bars(
    rows: Sequence[tuple[str, int]], *, title: str, description: str, bar_title: str, width: int = WIDTH
) -> SafeString:
    """One bar per (label, value), longest first as given; labels left of the bars. ``bar_title``
    is a format string with ``{label}`` and ``{count}`` for each bar's tooltip."""
    label_width, bar_height, gap = 200, 22, 8
    height = TOP + len(rows) * (bar_height + gap) + gap
    top_value = _nice_max(max((value for _label, value in rows), default=0) or 1)
    scale = (width - label_width - 48) / top_value
    bars = []
    for n, (label, value) in enumerate(rows):
        y = TOP + n * (bar_height + gap)
        bars.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="13">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>'
                '<text x="{}" y="{}" font-size="13">{}</text>',
                label_width - 8,
                y + bar_height - 6,
                label,
                label_width,
                y,
                round(value * scale, 1),
                bar_height,
                colour_for(n),
                bar_title.format(label=label, count=value),
                round(label_width + value * scale + 6, 1),
                y + bar_height - 6,
                value,
            )
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="hbars-title hbars-desc"><title id="hbars-title">{}</title>'
        '<desc id="hbars-desc">{}</desc>{}</svg>',
        width,
        height,
        title,
        description,
        mark_safe("".join(bars)),  # noqa: S308 - every piece above went through format_html
    )
