"""Back-office pages of the network analytics (issue #6): an accessible page of tables, a static
SVG, and the interactive network view with the JSON it draws.

Thin: the report comes from ``analytics.services.reports.kept_report`` (the engine is
``analytics.domain.network``) and how it reads to people from ``analytics.presentation``; this
module only reads the query string and answers. Every page takes the same ``?year=`` and ``?quiet=``
(months), so the page's picture and its tables always show the same report.

The interactive view is a page with one script island (Cytoscape.js, vendored) and the JSON it
draws. Positions come from the server's layout, so the browser only draws; filters (year, kind of
organisation, sector) are applied here and kept in the address.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from inducult.analytics.domain.network import Flag
from inducult.analytics.presentation import (
    COLUMNS,
    KIND_LABELS,
    SORTS,
    coverage_row,
    measure_row,
    network_svg,
    sample_note,
    sort_column,
    sorted_measures,
)
from inducult.analytics.services.reports import DEFAULT_QUIET_MONTHS, kept_report
from inducult.core.charts import COMMUNITY_COLOURS, COMMUNITY_GREY
from inducult.core.years import MIN_YEAR, parse_year
from inducult.network.enums import OrganisationKind, Sector
from inducult.network.models import Organisation
from inducult.regions.views import RegionMixin

MAX_QUIET_MONTHS = 120
TIE_LIMIT = 3000  # the strongest ties drawn; thousands more would slow the browser, not inform
SCALE = 1000  # layout positions in [-1, 1]² become pixels in [-SCALE, SCALE]²


@dataclass(frozen=True)
class Query:
    year: int
    quiet_months: int
    sort: str  # a key of SORTS, "-" in front for the reverse of its natural order
    errors: tuple[str, ...]


def parse_query(params, region) -> Query:
    """The year, quiet months and sort asked for; a message for each value not used."""
    this_year = region.today().year
    errors = []
    year, problem = parse_year(params.get("year"), this_year, maximum=this_year + 1)
    if problem:
        errors.append(problem)
    quiet = _integer(params.get("quiet"), DEFAULT_QUIET_MONTHS, 1, MAX_QUIET_MONTHS)
    if quiet is None:
        errors.append(
            _("“%(value)s” is not a number of months between 1 and %(max)s; using %(default)s instead.")
            % {"value": params["quiet"][:20], "max": MAX_QUIET_MONTHS, "default": DEFAULT_QUIET_MONTHS}
        )
        quiet = DEFAULT_QUIET_MONTHS
    sort = params.get("sort") or "rank"
    if sort.removeprefix("-") not in SORTS:
        sort = "rank"
    return Query(year=year, quiet_months=quiet, sort=sort, errors=tuple(errors))


def _integer(value: str | None, default: int, low: int, high: int) -> int | None:
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value.strip())
    except ValueError:
        return None
    return number if low <= number <= high else None


class AnalyticsView(RegionMixin, TemplateView):
    rule = "network.view_analytics"
    template_name = "analytics/analytics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = parse_query(self.request.GET, self.region)
        report, _positions, share = kept_report(self.region, year=query.year, quiet_months=query.quiet_months)
        slug = self.region.slug
        quiet = sorted(report.quiet(), key=lambda o: (o.last_engaged is not None, o.last_engaged or 0, o.name))
        this_year = self.region.today().year
        context.update(
            query=query,
            report=report,
            years=sorted(set(range(this_year - 10, this_year + 2)) | {query.year}, reverse=True),
            most_active=[measure_row(o, slug) for o in report.most_active()],
            quiet=[measure_row(o, slug) for o in quiet],
            rows=[measure_row(o, slug) for o in sorted_measures(report, query.sort)],
            columns=[sort_column(key, label, query.sort) for key, label in COLUMNS],
            engaged=sum(1 for o in report.organisations if o.engagements),
            community_count=sum(1 for c in report.communities if len(c) > 1),
            coverage_by_kind=[coverage_row(KIND_LABELS.get(c.key, c.key), c) for c in report.coverage_by_kind],
            coverage_by_municipality=[coverage_row(c.key or _("unknown"), c) for c in report.coverage_by_municipality],
            approximated=report.approximations,
            sample_note=sample_note(share),
            svg_url=reverse("network:analytics_svg", args=[slug]) + f"?year={query.year}&quiet={query.quiet_months}",
        )
        return context


class AnalyticsSvgView(RegionMixin, View):
    rule = "network.view_analytics"

    def get(self, request, *args, **kwargs):
        query = parse_query(request.GET, self.region)
        report, positions, share = kept_report(self.region, year=query.year, quiet_months=query.quiet_months)
        title = _("Network of organisations in %(region)s, %(year)s") % {
            "region": self.region.name,
            "year": query.year,
        }
        description = _(
            "Circles are organisations, sized by weighted degree and coloured by community; the most "
            "active are outlined in black. Lines join organisations that met or have a declared "
            "relationship; thicker lines are stronger ties. The analytics page lists the same measures as a table."
        )
        body = network_svg(report, positions, title=title, description=description, note=sample_note(share))
        response = HttpResponse(body, content_type="image/svg+xml; charset=utf-8")
        response["Cache-Control"] = "private, max-age=300"
        response["Content-Disposition"] = f'inline; filename="network-{self.region.slug}-{query.year}.svg"'
        return response


def _filters(params) -> tuple[str, str]:
    kind = params.get("kind", "")
    sector = params.get("sector", "")
    return (kind if kind in OrganisationKind.values else "", sector if sector in Sector.values else "")


class GraphView(RegionMixin, TemplateView):
    rule = "network.view_analytics"
    template_name = "analytics/graph.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = parse_query(self.request.GET, self.region)
        kind, sector = _filters(self.request.GET)
        params = self.request.GET.copy()
        params["year"] = str(query.year)
        report, _positions, share = kept_report(self.region, year=query.year, quiet_months=query.quiet_months)
        context.update(
            # Named under the drawing too: the ring on the canvas is not read by screen readers.
            most_active=[
                {"name": o.name, "url": reverse("network:organisation_detail", args=[self.region.slug, o.id])}
                for o in report.most_active()
            ],
            year=query.year,
            # The years parse_query accepts, so the browser refuses the same ones.
            min_year=MIN_YEAR,
            max_year=self.region.today().year + 1,
            kind=kind,
            sector=sector,
            kinds=OrganisationKind.choices,
            sectors=Sector.choices,
            errors=query.errors,
            data_url=f"{reverse('network:analytics_graph_json', args=[self.region.slug])}?{params.urlencode()}",
            table_url=f"{reverse('network:analytics', args=[self.region.slug])}?year={query.year}",
            sample_note=sample_note(share),
        )
        return context


class GraphJsonView(RegionMixin, View):
    rule = "network.view_analytics"

    def get(self, request, *args, **kwargs):
        query = parse_query(request.GET, self.region)
        kind, sector = _filters(request.GET)
        # Sizes, ties, communities and positions are read from the whole network: once one engagement
        # behind it is a sample, every node's and tie's figures rest on samples.
        report, positions, share = kept_report(self.region, year=query.year, quiet_months=query.quiet_months)
        shown = {o.id for o in report.organisations}
        if kind:
            shown = {o.id for o in report.organisations if o.kind == kind}
        if sector:
            with_sector = set(
                Organisation.objects.filter(region=self.region, sectors__contains=f",{sector},").values_list(
                    "id", flat=True
                )
            )
            shown &= with_sector
        communities = sorted({o.community for o in report.organisations if o.partners})
        colour = {
            c: COMMUNITY_COLOURS[i] if i < len(COMMUNITY_COLOURS) else COMMUNITY_GREY for i, c in enumerate(communities)
        }
        strongest = max((o.weighted_degree for o in report.organisations), default=0) or 1
        nodes = [
            {
                "data": {
                    "id": str(o.id),
                    "label": o.name,
                    "kind": str(KIND_LABELS.get(o.kind, o.kind)),
                    "size": round(12 + 36 * (o.weighted_degree / strongest) ** 0.5, 1),
                    "colour": colour.get(o.community, COMMUNITY_GREY) if o.partners else COMMUNITY_GREY,
                    "active": Flag.MOST_ACTIVE in o.flags,
                    "quiet": Flag.QUIET in o.flags,
                    "url": reverse("network:organisation_detail", args=[self.region.slug, o.id]),
                    "includes_samples": share.includes_samples,
                },
                "position": {"x": round(positions[o.id][0] * SCALE, 1), "y": round(positions[o.id][1] * SCALE, 1)},
            }
            for o in report.organisations
            if o.id in shown
        ]
        ties = sorted((t for t in report.ties if t.a in shown and t.b in shown), key=lambda t: (-t.weight, t.a, t.b))
        heaviest = ties[0].weight if ties else 1
        edges = [
            {
                "data": {
                    "id": f"{t.a}-{t.b}",
                    "source": str(t.a),
                    "target": str(t.b),
                    "width": round(0.5 + 5 * t.weight / heaviest, 2),
                    "includes_samples": share.includes_samples,
                }
            }
            for t in ties[:TIE_LIMIT]
        ]
        return JsonResponse(
            {
                "year": query.year,
                "nodes": nodes,
                "edges": edges,
                "ties_left_out": max(0, len(ties) - TIE_LIMIT),
                # The engagements the figures are read from, and how many of them are made-up samples.
                "includes_samples": share.includes_samples,
                "sample_engagements": share.samples,
                "engagements": share.total,
            },
            json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
        )
