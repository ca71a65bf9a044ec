"""How the network analytics read to people: labels of kinds and flags, the sortable columns and
the rows of the analytics page's tables, and the static SVG picture of the network (the engine is
``analytics.domain.network``; the views only read the query string and answer)."""

from __future__ import annotations

import math

from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from inducult.analytics.domain.network import Flag, NetworkReport, OrganisationMeasures
from inducult.core.charts import COMMUNITY_COLOURS, COMMUNITY_GREY
from inducult.network.enums import OrganisationKind

KIND_LABELS = dict(OrganisationKind.choices)
FLAG_LABELS = {
    Flag.MOST_ACTIVE: gettext_lazy("most active"),
    Flag.QUIET: gettext_lazy("quiet"),
    Flag.NEVER_ENGAGED: gettext_lazy("never engaged"),
}
SVG_TIE_LIMIT = 1500  # the strongest ties drawn; the rest would only add bytes, not insight
SVG_LABELS = 15  # the most active organisations are named on the picture
SVG_SIZE = 800

# ?sort= keys: the column and whether its natural order is descending (biggest first).
SORTS = {
    "rank": (lambda o: o.activity_rank, False),
    "name": (lambda o: (o.name.casefold(), o.id), False),
    "kind": (lambda o: (str(KIND_LABELS.get(o.kind, o.kind)).casefold(), o.name.casefold()), False),
    "municipality": (lambda o: (o.municipality.casefold(), o.name.casefold()), False),
    "engagements": (lambda o: (o.engagements, -o.activity_rank), True),
    "partners": (lambda o: (o.partners, -o.activity_rank), True),
    "weighted_degree": (lambda o: (o.weighted_degree, -o.activity_rank), True),
    "betweenness": (lambda o: (o.betweenness, -o.activity_rank), True),
    "community": (lambda o: (o.community, o.activity_rank), False),
    "last_engaged": (lambda o: (o.last_engaged is not None, o.last_engaged or 0, -o.activity_rank), True),
}
COLUMNS = (
    ("rank", gettext_lazy("Rank")),
    ("name", gettext_lazy("Organisation")),
    ("kind", gettext_lazy("Kind")),
    ("municipality", gettext_lazy("Municipality")),
    ("engagements", gettext_lazy("Engagements")),
    ("partners", gettext_lazy("Partners")),
    ("weighted_degree", gettext_lazy("Weighted degree")),
    ("betweenness", gettext_lazy("Betweenness")),
    ("community", gettext_lazy("Community")),
    ("last_engaged", gettext_lazy("Last engaged")),
)


def sorted_measures(report: NetworkReport, sort: str) -> list[OrganisationMeasures]:
    key, natural_descending = SORTS[sort.removeprefix("-")]
    descending = natural_descending != sort.startswith("-")
    return sorted(report.organisations, key=key, reverse=descending)


def _date(day) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day else _("never")


def measure_row(o: OrganisationMeasures, region_slug: str) -> dict:
    """One organisation's line in the analytics page's tables: labels and measures as shown."""
    return {
        "o": o,
        "url": reverse("network:organisation_detail", args=[region_slug, o.id]),
        "kind": KIND_LABELS.get(o.kind, o.kind),
        "municipality": o.municipality or _("unknown"),
        "weighted_degree": f"{o.weighted_degree:.2f}",
        "betweenness": f"{o.betweenness:.3f}",
        "last_engaged": _date(o.last_engaged),
        "flags": [FLAG_LABELS[f] for f in o.flags],
    }


def sort_column(key: str, label, current: str) -> dict:
    """A column's header: the ``?sort=`` a click asks for and its ``aria-sort`` under ``current``."""
    natural_descending = SORTS[key][1]
    if current.removeprefix("-") == key:
        next_sort = key if current.startswith("-") else f"-{key}"
        descending = natural_descending != current.startswith("-")
        aria = "descending" if descending else "ascending"
    else:
        next_sort, aria = key, ""
    return {"key": key, "label": label, "next": next_sort, "aria_sort": aria}


def coverage_row(label, coverage) -> dict:
    return {
        "label": label,
        "organisations": coverage.organisations,
        "engaged": coverage.engaged,
        "share": f"{coverage.share:.0%}",
    }


def sample_note(share) -> str:
    """What a report's figures owe to made-up engagements ("" when nothing): said on the page, in the
    picture and beside the graph."""
    if not share.includes_samples:
        return ""
    if share.samples == share.total:
        return ngettext(
            "The engagement behind these figures is a sample, made up for demonstration.",
            "All %(total)s engagements behind these figures are samples, made up for demonstration.",
            share.total,
        ) % {"total": share.total}
    return ngettext(
        "%(samples)s of the %(total)s engagements behind these figures is a sample, made up for demonstration.",
        "%(samples)s of the %(total)s engagements behind these figures are samples, made up for demonstration.",
        share.samples,
    ) % {"samples": share.samples, "total": share.total}


def network_svg(
    report: NetworkReport,
    positions: dict[int, tuple[float, float]],
    *,
    title: str,
    description: str,
    tie_limit: int = SVG_TIE_LIMIT,
    labels: int = SVG_LABELS,
    size: int = SVG_SIZE,
    note: str = "",
) -> SafeString:
    """A standalone SVG document of the report's network (presentation attributes only, every text
    escaped by ``format_html``, whose entities are valid XML)."""
    margin = 40
    # The layout keeps to [-1, 1]² but seldom fills it: stretch it to the picture, keeping its shape.
    xs = [x for x, _y in positions.values()] or [0.0]
    ys = [y for _x, y in positions.values()] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = (size - 2 * margin) / span
    x0 = margin + ((size - 2 * margin) - (max(xs) - min(xs)) * scale) / 2 - min(xs) * scale
    y0 = margin + ((size - 2 * margin) - (max(ys) - min(ys)) * scale) / 2 - min(ys) * scale

    def point(org_id: int) -> tuple[str, str]:
        x, y = positions.get(org_id, (0.0, 0.0))
        return f"{x0 + x * scale:.1f}", f"{y0 + y * scale:.1f}"

    community_size = {n: len(members) for n, members in enumerate(report.communities, 1)}
    strongest = sorted(report.ties, key=lambda t: (-t.weight, t.a, t.b))[:tie_limit]
    top_weight = max((t.weight for t in strongest), default=1.0) or 1.0
    names = {o.id: o.name for o in report.organisations}
    parts: list[str] = []
    for tie in sorted(strongest, key=lambda t: (t.weight, t.a, t.b)):  # the strongest drawn last, on top
        (x1, y1), (x2, y2) = point(tie.a), point(tie.b)
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#8a8178" stroke-opacity="0.6" stroke-width="{}">'
                "<title>{} – {}</title></line>",
                x1,
                y1,
                x2,
                y2,
                f"{0.5 + 3.5 * tie.weight / top_weight:.2f}",
                names.get(tie.a, tie.a),
                names.get(tie.b, tie.b),
            )
        )
    top_degree = max((o.weighted_degree for o in report.organisations), default=0.0) or 1.0
    # Small circles on top, so that a big one never hides a small one.
    for o in sorted(report.organisations, key=lambda o: (-o.weighted_degree, o.id)):
        x, y = point(o.id)
        radius = 3 + 11 * math.sqrt(o.weighted_degree / top_degree)
        if community_size.get(o.community, 1) > 1:
            fill = (
                COMMUNITY_COLOURS[(o.community - 1) % len(COMMUNITY_COLOURS)]
                if o.community <= len(COMMUNITY_COLOURS)
                else COMMUNITY_GREY
            )
        else:
            fill = COMMUNITY_GREY
        active = Flag.MOST_ACTIVE in o.flags
        parts.append(
            format_html(
                '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}" data-id="{}">'
                "<title>{}</title></circle>",
                x,
                y,
                f"{radius:.1f}",
                fill,
                "#000000" if active else "#ffffff",
                "2.5" if active else "0.8",
                o.id,
                _("%(name)s: weighted degree %(degree).2f, community %(community)s")
                % {"name": o.name, "degree": o.weighted_degree, "community": o.community},
            )
        )
    for o in report.most_active()[:labels]:
        x, y = (float(v) for v in point(o.id))
        right_half = x > size / 2  # names on the right half run leftwards, so they stay in the picture
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="{}" font-size="11" font-family="sans-serif" fill="#222222" '
                'stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>',
                f"{x - 8 if right_half else x + 8:.1f}",
                f"{y - 8:.1f}",
                "end" if right_half else "start",
                o.name[:40],
            )
        )
    if not report.organisations:
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="14" text-anchor="middle" fill="#5c554d">{}</text>',
                size // 2,
                size // 2,
                _("No organisations."),
            )
        )
    if note:  # a sample mark a reader of the picture sees, at its foot
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" font-family="sans-serif" fill="#8a3b12" '
                'data-testid="sample-mark">{}</text>',
                8,
                size - 8,
                note,
            )
        )
    return format_html(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
        'aria-labelledby="network-title network-desc">'
        '<title id="network-title">{}</title><desc id="network-desc">{}</desc>'
        '<rect width="100%" height="100%" fill="#ffffff"/>{}</svg>\n',
        size,
        size,
        size,
        size,
        title,
        description,
        mark_safe("".join(parts)),  # noqa: S308 - every part is built by format_html
    )
