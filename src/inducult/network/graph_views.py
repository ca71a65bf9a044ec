"""The interactive network view (issue #6): a page with one script island (Cytoscape.js, vendored)
and the JSON it draws. Positions come from the server's layout, so the browser only draws; filters
(year, kind of organisation, sector) are applied here and kept in the address."""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from inducult.core.years import MIN_YEAR
from inducult.network.analytics_service import kept_report
from inducult.network.analytics_views import KIND_LABELS, LONE, PALETTE, parse_query
from inducult.network.domain.analytics import Flag
from inducult.network.enums import OrganisationKind, Sector
from inducult.network.models import Organisation
from inducult.regions.views import RegionMixin

TIE_LIMIT = 3000  # the strongest ties drawn; thousands more would slow the browser, not inform
SCALE = 1000  # layout positions in [-1, 1]² become pixels in [-SCALE, SCALE]²


def _filters(params) -> tuple[str, str]:
    kind = params.get("kind", "")
    sector = params.get("sector", "")
    return (kind if kind in OrganisationKind.values else "", sector if sector in Sector.values else "")


class GraphView(RegionMixin, TemplateView):
    rule = "network.view_analytics"
    template_name = "network/graph.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = parse_query(self.request.GET, self.region)
        kind, sector = _filters(self.request.GET)
        params = self.request.GET.copy()
        params["year"] = str(query.year)
        report, _positions = kept_report(self.region, year=query.year, quiet_months=query.quiet_months)
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
        )
        return context


class GraphJsonView(RegionMixin, View):
    rule = "network.view_analytics"

    def get(self, request, *args, **kwargs):
        query = parse_query(request.GET, self.region)
        kind, sector = _filters(request.GET)
        report, positions = kept_report(self.region, year=query.year, quiet_months=query.quiet_months)
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
        colour = {c: PALETTE[i] if i < len(PALETTE) else LONE for i, c in enumerate(communities)}
        strongest = max((o.weighted_degree for o in report.organisations), default=0) or 1
        nodes = [
            {
                "data": {
                    "id": str(o.id),
                    "label": o.name,
                    "kind": str(KIND_LABELS.get(o.kind, o.kind)),
                    "size": round(12 + 36 * (o.weighted_degree / strongest) ** 0.5, 1),
                    "colour": colour.get(o.community, LONE) if o.partners else LONE,
                    "active": Flag.MOST_ACTIVE in o.flags,
                    "quiet": Flag.QUIET in o.flags,
                    "url": reverse("network:organisation_detail", args=[self.region.slug, o.id]),
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
                }
            }
            for t in ties[:TIE_LIMIT]
        ]
        return JsonResponse(
            {"year": query.year, "nodes": nodes, "edges": edges, "ties_left_out": max(0, len(ties) - TIE_LIMIT)},
            json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
        )
