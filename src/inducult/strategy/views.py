"""The strategy tracker's back-office dashboard (thin: the numbers come from progress_service).

The helpers above the view turn the engine's numbers into the sentences people read; the public
progress page uses them too.
"""

from __future__ import annotations

import datetime

from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from inducult.engagement.enums import EngagementKind
from inducult.engagement.models import region_tz
from inducult.network.enums import OrganisationKind
from inducult.regions.views import RegionMixin
from inducult.strategy import charts
from inducult.strategy import models as sm
from inducult.strategy import progress_service as service
from inducult.strategy.domain.progress import Status

MIN_YEAR, MAX_YEAR = 1990, 2100

STATUS_LABELS = {
    Status.ACHIEVED: gettext_lazy("Achieved"),
    Status.ON_TRACK: gettext_lazy("On track"),
    Status.AT_RISK: gettext_lazy("At risk"),
    Status.MISSED: gettext_lazy("Missed"),
    Status.NOT_STARTED: gettext_lazy("Not started"),
    Status.NOT_APPLICABLE: gettext_lazy("Not due this year"),
}
KIND_LABELS = dict(EngagementKind.choices)
ORGANISATION_KIND_LABELS = dict(OrganisationKind.choices)


def parse_year(value: str | None, default: int) -> tuple[int, str]:
    """The year asked for in ``?year=``, or ``default`` and a message saying why it was not used."""
    if value is None or value == "":
        return default, ""
    try:
        year = int(value.strip())
    except ValueError:
        year = None
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        message = _("“%(value)s” is not a year between %(min)s and %(max)s; showing %(year)s instead.") % {
            "value": value[:20],
            "min": MIN_YEAR,
            "max": MAX_YEAR,
            "year": default,
        }
        return default, message
    return year, ""


def year_choices(region, year: int, now: datetime.datetime) -> list[int]:
    """From the first strategy version's year to next year, newest first, and the one shown."""
    this_year = service.current_year(region, now)
    years = set(range(service.first_year(region, now=now), this_year + 2))
    years.add(year)
    return sorted(years, reverse=True)


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def rule_description(rule) -> str:
    """What a rule counts, in words: "Bilateral meeting, Round table · with: Regional authority"."""
    if isinstance(rule, sm.DeliverableRule):
        return rule.localized("title")
    text = ", ".join(str(KIND_LABELS.get(kind, kind)) for kind in rule.kinds)
    if rule.organisation_kind:
        text += " · " + _("with: %(kind)s") % {
            "kind": ORGANISATION_KIND_LABELS.get(rule.organisation_kind, rule.organisation_kind)
        }
    if rule.topic_id:
        text += " · " + _("on the topic: %(topic)s") % {"topic": rule.topic.localized("name")}
    return text


def rule_sentences(result: service.RuleResult, year: int) -> list[str]:
    """What is still needed by when, and where the pace so far leads (translated)."""
    progress = result.progress
    status = progress.status
    if status == Status.NOT_APPLICABLE:
        return [_("This rule does not apply in %(year)s.") % {"year": year}]
    if not result.is_count:
        due = _date(progress.deadline)
        if status == Status.ACHIEVED:
            return [_("Delivered late (due %(due)s).") % {"due": due} if progress.late else _("Delivered.")]
        if status == Status.MISSED:
            return [_("Not delivered by %(due)s.") % {"due": due}]
        return [_("Due by %(due)s.") % {"due": due}]
    remaining = progress.remaining
    if status == Status.ACHIEVED:
        sentences = [_("Target reached.")]
    elif status == Status.MISSED:
        sentences = [
            ngettext(
                "%(remaining)s engagement was missing at the end of %(year)s.",
                "%(remaining)s engagements were missing at the end of %(year)s.",
                remaining,
            )
            % {"remaining": remaining, "year": year}
        ]
    elif status == Status.NOT_STARTED:
        sentences = [_("Counting starts on 1 January %(year)s.") % {"year": year}]
    else:
        sentences = [
            ngettext(
                "%(remaining)s more engagement needed by %(deadline)s.",
                "%(remaining)s more engagements needed by %(deadline)s.",
                remaining,
            )
            % {"remaining": remaining, "deadline": _date(progress.deadline)}
        ]
    if progress.projected is not None and status != Status.ACHIEVED:
        sentences.append(
            ngettext(
                "At the pace so far you will reach %(projected)s.",
                "At the pace so far you will reach %(projected)s.",
                progress.projected,
            )
            % {"projected": progress.projected}
        )
    return sentences


def engagement_url(region_slug: str, pk: int) -> str | None:
    """The engagement's back-office page, once the engagement log's pages exist."""
    try:
        return reverse("engagement:detail", args=[region_slug, pk])
    except NoReverseMatch:
        return None


def milestone_row(result: service.MilestoneResult, year: int, *, public: bool, region_slug: str = "") -> dict:
    rules = []
    for rule_result in result.rules:
        progress = rule_result.progress
        shown = rule_result.shown_public if public else rule_result.shown
        rules.append(
            {
                "is_count": rule_result.is_count,
                "description": rule_description(rule_result.rule),
                "status": progress.status.value,
                "status_label": STATUS_LABELS[progress.status],
                "applies": progress.status != Status.NOT_APPLICABLE,
                "count": progress.count,
                "target": progress.target,
                "bar_value": min(progress.count, progress.target),
                "sentences": rule_sentences(rule_result, year),
                "engagements": [
                    {
                        "title": e.title,
                        "date": e.local_date,
                        "kind": KIND_LABELS.get(e.kind, e.kind),
                        "is_sample": e.is_sample,
                        "url": None if public else engagement_url(region_slug, e.id),
                    }
                    for e in shown
                ],
                "more": progress.count - len(shown) if rule_result.is_count else 0,
                "sample_count": rule_result.sample_count,
            }
        )
    milestone = result.milestone
    return {
        "code": milestone.code,
        "title": milestone.localized("title"),
        "status": result.status.value,
        "status_label": STATUS_LABELS[result.status],
        "applies": result.status != Status.NOT_APPLICABLE,
        "goal_codes": result.goal_codes,
        "rules": rules,
    }


def progress_context(progress: service.RegionProgress, *, public: bool) -> dict:
    """Goals with their milestones of the year, standing targets, and what does not apply."""
    slug = progress.region.slug

    def rows(results):
        return [milestone_row(m, progress.year, public=public, region_slug=slug) for m in results]

    goals = []
    for goal_result in progress.goals:
        applicable = [m for m in goal_result.milestones if m.status != Status.NOT_APPLICABLE]
        goals.append(
            {
                "code": goal_result.goal.code,
                "title": goal_result.goal.localized("title"),
                "milestones": rows(applicable),
                "other_count": len(goal_result.milestones) - len(applicable),
            }
        )
    unlinked = [m for m in progress.unlinked if m.status != Status.NOT_APPLICABLE]
    standing = [m for m in progress.standing_targets if m.status != Status.NOT_APPLICABLE]
    applicable = [m for m in progress.milestones if m.status != Status.NOT_APPLICABLE]
    summary = []
    for status in (Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.MISSED, Status.NOT_STARTED):
        n = sum(1 for m in applicable if m.status == status)
        if n:
            summary.append({"status": status.value, "label": STATUS_LABELS[status], "count": n})
    version = progress.version
    return {
        "version": version,
        "strategy_title": version.strategy.localized("title") if version else "",
        "vision": version.localized("vision") if version else "",
        "goals": goals,
        "unlinked": rows(unlinked),
        "standing_targets": rows(standing),
        "status_summary": summary,
        "not_applicable_count": len(progress.milestones) - len(applicable),
    }


def month_names() -> list[str]:
    return [str(MONTHS[m]) for m in range(1, 13)]


class DashboardView(RegionMixin, TemplateView):
    rule = "strategy.view_progress"
    template_name = "strategy/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        this_year = service.current_year(self.region, now)
        year, year_error = parse_year(self.request.GET.get("year"), this_year)
        progress = service.region_progress(self.region, year, now=now)
        # Milestones at risk are this year's: evaluated only when this year is shown (another year's
        # page links to it instead of evaluating a second year).
        is_current = year == this_year
        reminders = service.reminders(self.region, now=now, current=progress, at_risk=is_current)
        counts = service.monthly_counts(self.region, year)
        kinds = [k for k in EngagementKind.values if any(counts[m].get(k) for m in counts)]
        months = month_names()
        tz = region_tz(self.region)
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
                }
                for task in reminders.overdue_tasks
            ],
            at_risk_rows=[
                {"code": m.milestone.code, "title": m.milestone.localized("title")} for m in reminders.at_risk or ()
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
