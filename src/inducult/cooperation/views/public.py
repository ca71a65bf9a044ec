"""Cooperation's public pages: a summary per school year with counts and the pairs' organisations
(public in the registry's directory too), never feedback nor anything about a pupil beyond a count."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404
from django.views.generic import TemplateView

from inducult.cooperation.domain import pairs
from inducult.cooperation.enums import CooperationKind
from inducult.cooperation.models import Cooperation
from inducult.cooperation.presentation import summary_rows
from inducult.cooperation.services.cooperations import school_years, year_summary
from inducult.engagement.enums import EngagementStatus
from inducult.regions.views import RegionMixin

KIND_LABELS = dict(CooperationKind.choices)


def public_pairs(region, year: int) -> list[dict]:
    """The pairs of a school year as the public sees them: names of organisations still listed in the
    public directory (an archived one is not named), the kind, and counts."""
    held = Q(activities__engagement__deleted_at__isnull=True, activities__engagement__status=EngagementStatus.HELD)
    rows = []
    for c in (
        Cooperation.objects.filter(region=region, school_year=year)
        .select_related("partner_a", "partner_b")
        .annotate(held_count=Count("activities", filter=held))
        .order_by("kind", "partner_a__name", "partner_b__name")
    ):
        rows.append(
            {
                "kind": KIND_LABELS.get(c.kind, c.kind),
                "a": None if c.partner_a.is_archived else c.partner_a,
                "b": None if c.partner_b.is_archived else c.partner_b,
                "held": c.held_count,
                "is_sample": c.is_sample,
            }
        )
    return rows


class PublicIndexView(RegionMixin, TemplateView):
    template_name = "cooperation/public_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = []
        for year in school_years(self.region):
            summary = year_summary(self.region, year)
            years.append({"year": year, "label": pairs.school_year_label(year), "summary": summary})
        context.update(years=years)
        return context


class PublicYearView(RegionMixin, TemplateView):
    template_name = "cooperation/public_year.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["year"]
        if not Cooperation.objects.filter(region=self.region, school_year=year).exists():
            raise Http404
        summary = year_summary(self.region, year)
        context.update(
            year=year,
            year_label=pairs.school_year_label(year),
            summary=summary,
            rows=summary_rows(summary),
            pairs=public_pairs(self.region, year),
        )
        return context
