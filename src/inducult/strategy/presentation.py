"""How the strategy's progress reads to people: labels, sentences and the rows the dashboard and
the public progress page render. No queries beyond URL reversing: the numbers come from
``services.progress``; the views only choose what to ask for.
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import formats
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inducult.core.translated import translation_mark
from inducult.engagement.enums import EngagementKind
from inducult.network.enums import OrganisationKind
from inducult.strategy.domain.progress import Status, explain, explain_milestone
from inducult.strategy.enums import STATUS_LABELS
from inducult.strategy.services import progress as service
from inducult.strategy.services.reasons import reason_sentence
from inducult.strategy.services.versions import rule_description

KIND_LABELS = dict(EngagementKind.choices)
ORGANISATION_KIND_LABELS = dict(OrganisationKind.choices)


def year_choices(region, year: int, now: datetime.datetime) -> list[int]:
    """From the first strategy version's year to next year, newest first, and the one shown."""
    this_year = region.today(now).year
    years = set(range(service.first_year(region, now=now), this_year + 2))
    years.add(year)
    return sorted(years, reverse=True)


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


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
    # A rule on track for another reason (meetings planned ahead, one a month left, January) would
    # read as a contradiction next to a pace that falls short; its reason sentence says why instead.
    behind_but_on_track = status == Status.ON_TRACK and (progress.projected or 0) < progress.target
    if progress.projected is not None and status != Status.ACHIEVED and not behind_but_on_track:
        sentences.append(
            ngettext(
                "At the pace so far you will reach %(projected)s.",
                "At the pace so far you will reach %(projected)s.",
                progress.projected,
            )
            % {"projected": progress.projected}
        )
    return sentences


def milestone_reason(result: service.MilestoneResult) -> str:
    """Why the milestone has its status, in one sentence (the domain's reason, worded)."""
    return reason_sentence(explain_milestone(result.progress))


def engagement_url(region_slug: str, pk: int) -> str:
    """The engagement's back-office page."""
    return reverse("engagement:detail", args=[region_slug, pk])


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
                "reason": reason_sentence(explain(progress)),
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
                "includes_samples": rule_result.includes_samples,
            }
        )
    milestone = result.milestone
    return {
        "code": milestone.code,
        "title": milestone.localized("title"),
        "status": result.status.value,
        "status_label": STATUS_LABELS[result.status],
        "reason": milestone_reason(result),
        "applies": result.status != Status.NOT_APPLICABLE,
        "goal_codes": result.goal_codes,
        "rules": rules,
        "includes_samples": result.includes_samples,
    }


def progress_context(progress: service.RegionProgress, *, public: bool) -> dict:
    """Goals with their milestones of the year, standing targets, and what does not apply."""
    slug = progress.region.slug

    def rows(results):
        return [milestone_row(m, progress.year, public=public, region_slug=slug) for m in results]

    # A milestone serving several goals is shown in full under the first of them (in the goals'
    # order) and named with a link under the others: repeating it would repeat its whole list of
    # engagements and make the page read as if there were more milestones than there are.
    goals = []
    first_goal: dict[str, str] = {}
    for goal_result in progress.goals:
        applicable = [m for m in goal_result.milestones if m.status != Status.NOT_APPLICABLE]
        new = [m for m in applicable if m.milestone.code not in first_goal]
        goals.append(
            {
                "code": goal_result.goal.code,
                "title": goal_result.goal.localized("title"),
                "milestones": rows(new),
                "see_also": [
                    {
                        "code": m.milestone.code,
                        "title": m.milestone.localized("title"),
                        "status": m.status.value,
                        "status_label": STATUS_LABELS[m.status],
                        "shown_under": first_goal[m.milestone.code],
                        "includes_samples": m.includes_samples,
                    }
                    for m in applicable
                    if m not in new
                ],
                "other_count": len(goal_result.milestones) - len(applicable),
            }
        )
        first_goal.update((m.milestone.code, goal_result.goal.code) for m in new)
    unlinked = [m for m in progress.unlinked if m.status != Status.NOT_APPLICABLE]
    standing = [m for m in progress.standing_targets if m.status != Status.NOT_APPLICABLE]
    applicable = [m for m in progress.milestones if m.status != Status.NOT_APPLICABLE]
    summary = []
    for status in (Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.MISSED, Status.NOT_STARTED):
        n = sum(1 for m in applicable if m.status == status)
        if n:
            samples = sum(1 for m in applicable if m.status == status and m.includes_samples)
            summary.append({"status": status.value, "label": STATUS_LABELS[status], "count": n, "samples": samples})
    version = progress.version
    return {
        "version": version,
        "strategy_title": version.strategy.localized("title") if version else "",
        "vision": version.localized("vision") if version else "",
        # Once per page: "our translation from Czech" when the strategy's texts are shown in ours.
        "translated_from": translation_mark(
            *((version.strategy, version) if version else ()),
            *(g.goal for g in progress.goals),
            *(m.milestone for m in progress.milestones),
            *(m.milestone for m in progress.standing_targets),
            fields=("title", "vision"),
        ),
        "goals": goals,
        "unlinked": rows(unlinked),
        "standing_targets": rows(standing),
        "status_summary": summary,
        "not_applicable_count": len(progress.milestones) - len(applicable),
    }


def month_names() -> list[str]:
    return [str(MONTHS[m]) for m in range(1, 13)]
