"""The strategy tracker's back-office dashboard: thin, the numbers come from ``services.progress``
and the wording from ``presentation``."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from inducult.core import charts
from inducult.core.years import parse_year
from inducult.engagement.enums import EngagementKind
from inducult.regions.views import RegionMixin
from inducult.strategy.presentation import (
    KIND_LABELS,
    ORGANISATION_KIND_LABELS,
    engagement_url,
    milestone_reason,
    month_names,
    progress_context,
    year_choices,
)
from inducult.strategy.services import progress as service


class DashboardView(RegionMixin, TemplateView):
    rule = "strategy.view_progress"
    template_name = "strategy/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        this_year = self.region.today(now).year
        year, year_error = parse_year(self.request.GET.get("year"), this_year)
        progress = service.region_progress(self.region, year, now=now)
        # Milestones at risk are this year's: evaluated only when this year is shown (another year's
        # page links to it instead of evaluating a second year).
        is_current = year == this_year
        reminders = service.reminders(self.region, now=now, current=progress, at_risk=is_current)
        counts = service.monthly_counts(self.region, year)
        kinds = [k for k in EngagementKind.values if any(counts[m].get(k) for m in counts)]
        months = month_names()
        tz = self.region.tz
        context.update(
            year=year,
            year_error=year_error,
            years=year_choices(self.region, year, now),
            is_current_year=is_current,
            this_year=this_year,
            progress=progress,
            **progress_context(progress, public=False),
            reminders=reminders,
            overdue_rows=[
                {
                    "title": task.title,
                    "due_date": task.due_date,
                    "owner": str(task.owner) if task.owner_id else "",
                    "engagement": task.engagement.localized("title"),
                    "url": engagement_url(self.region.slug, task.engagement_id),
                    "is_sample": task.engagement.is_sample,
                }
                for task in reminders.overdue_tasks
            ],
            at_risk_rows=[
                {
                    "code": m.milestone.code,
                    "title": m.milestone.localized("title"),
                    "reason": milestone_reason(m),
                    "includes_samples": m.includes_samples,
                }
                for m in reminders.at_risk or ()
            ],
            quiet_kind_labels=[ORGANISATION_KIND_LABELS.get(k, k) for k in reminders.quiet_kinds],
            can_view_people=self.can("network.view_people"),
            chart=charts.stacked_month_bars(
                counts,
                kinds=kinds,
                kind_labels=KIND_LABELS,
                month_labels=months,
                title=_("Held engagements per month in %(year)s, by kind") % {"year": year},
                description=_("Stacked bars; the table below gives the same numbers."),
                bar_title=_("{month}: {count} × {kind}"),
            )
            if kinds
            else None,
            chart_legend=charts.legend(kinds, KIND_LABELS) if kinds else None,
            chart_table={
                "kinds": [KIND_LABELS[k] for k in kinds],
                "rows": [
                    {
                        "month": months[m - 1],
                        "cells": [counts[m].get(k, 0) for k in kinds],
                        "total": sum(counts[m].values()),
                    }
                    for m in range(1, 13)
                ],
                "total": sum(sum(c.values()) for c in counts.values()),
            },
            upcoming=[
                {
                    "title": e.localized("title"),
                    "starts_at": timezone.localtime(e.starts_at, tz),
                    "date_only": e.date_only,
                    "kind": KIND_LABELS.get(e.kind, e.kind),
                    "is_sample": e.is_sample,
                    "url": engagement_url(self.region.slug, e.pk),
                }
                for e in service.upcoming(self.region, now)
            ],
        )
        return context
