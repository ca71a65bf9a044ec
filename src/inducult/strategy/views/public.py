"""The strategy tracker's public progress page: goals, milestones, rules, counts, targets and
statuses of the region's strategy. No sign-in, no people; titles of counted engagements appear only
for public engagements. Its open data, progress.json, is in ``views.opendata``.
"""

from __future__ import annotations

from django.utils import timezone
from django.views.generic import TemplateView

from inducult.core.years import parse_year
from inducult.regions.views import RegionMixin
from inducult.strategy.presentation import progress_context, year_choices
from inducult.strategy.services import progress as service


class ProgressPageView(RegionMixin, TemplateView):
    template_name = "strategy/public_progress.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        this_year = self.region.today(now).year
        year, year_error = parse_year(self.request.GET.get("year"), this_year)
        progress = service.region_progress(self.region, year, now=now)
        context.update(
            year=year,
            year_error=year_error,
            years=year_choices(self.region, year, now),
            progress=progress,
            **progress_context(progress, public=True),
        )
        return context
