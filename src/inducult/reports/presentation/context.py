"""The annual report as one format-free structure: ``build(facts) -> ReportContext``.

Pure: no queries, only labels (gettext, in whatever language is active — ``annual.build_report``
activates the report's) and formatting. Both renderers (``pdf``, ``docx``) walk the same sections
and blocks, so the PDF and the DOCX always carry the same figures.

A section is a heading and a list of blocks: ``Paragraph``, ``Figures`` (label–value pairs),
``Table``, ``BarChart`` (label–value bars) and ``MonthChart`` (stacked bars per month).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inducult.actionplan.enums import ActivityStatus
from inducult.engagement.enums import EngagementKind
from inducult.network.enums import OrganisationKind
from inducult.reports.domain.facts import ActivityFact, MilestoneFact, ReportFacts
from inducult.strategy.domain.progress import Status
from inducult.strategy.enums import STATUS_LABELS

SUPPORTED_LANGUAGES = ("cs", "en")
FALLBACK_LANGUAGE = "en"
STATUS_ORDER = (Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.MISSED, Status.NOT_STARTED)
DASH = "—"
RAN_STATUSES = frozenset({ActivityStatus.RUNNING, ActivityStatus.DONE})


def resolve_language(requested: str | None, region_default: str) -> tuple[str, str]:
    """The report's language and what was asked for: ``requested``, else the region's default
    language; anything but cs or en falls back to English (the report then says so)."""
    asked = (requested or region_default or FALLBACK_LANGUAGE).strip().lower()
    return (asked if asked in SUPPORTED_LANGUAGES else FALLBACK_LANGUAGE), asked


# ----------------------------------------------------------------------------------------------
# Blocks


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = ""  # "" or "note"


@dataclass(frozen=True)
class Figures:
    """Key figures: (label, value) pairs, rendered as a two-column table."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    key: str  # a stable name for renderers and tests ("milestones", "organisations", …)
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # relative column widths in per cent, adding up to 100
    empty: str = ""  # said instead of the table when there are no rows
    numeric: tuple[int, ...] = ()  # columns aligned right


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    rows: tuple[tuple[str, int], ...]
    bar_title: str = "{label}: {count}"


@dataclass(frozen=True)
class MonthChart:
    title: str
    description: str
    counts: dict[int, dict[str, int]]  # month 1–12 → kind → count
    kinds: tuple[str, ...]
    kind_labels: dict[str, str]
    month_labels: tuple[str, ...]
    bar_title: str = "{month}: {count} × {kind}"


Block = Paragraph | Figures | Table | BarChart | MonthChart


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    blocks: tuple[Block, ...] = ()

    def table(self, key: str) -> Table | None:
        return next((b for b in self.blocks if isinstance(b, Table) and b.key == key), None)


@dataclass(frozen=True)
class ReportContext:
    language: str
    title: str
    region_name: str
    region_slug: str
    year: int
    cover_lines: tuple[str, ...]
    notes: tuple[str, ...]  # the language fallback, samples: said on the cover and in the summary
    has_data: bool
    sections: tuple[Section, ...] = field(default_factory=tuple)
    footer: str = ""

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def table(self, key: str) -> Table | None:
        for section in self.sections:
            found = section.table(key)
            if found is not None:
                return found
        return None


# ----------------------------------------------------------------------------------------------
# Formatting


def date(day: datetime.date | None) -> str:
    return formats.date_format(day, "DATE_FORMAT") if day else DASH


def number(value: float | int | None) -> str:
    if value is None:
        return DASH
    if float(value).is_integer():
        return formats.number_format(int(value), force_grouping=True)
    return formats.number_format(value, decimal_pos=2, force_grouping=True)


def period(starts_on: datetime.date | None, ends_on: datetime.date | None) -> str:
    if starts_on is None and ends_on is None:
        return DASH
    return f"{date(starts_on)} – {date(ends_on)}"


def sample(text: str, is_sample: bool) -> str:
    return f"{text} ({_('sample')})" if is_sample else text


def _with_samples(text: str, samples: int) -> str:
    """A count and how many of what it counts are samples: "12 (5 of them samples)"."""
    return f"{text} " + _("(%(n)s of them samples)") % {"n": number(samples)} if samples else text


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


# ----------------------------------------------------------------------------------------------
# Sections


def _milestone_evidence(m: MilestoneFact) -> str:
    parts = []
    applicable = [r for r in m.rules if r.status != Status.NOT_APPLICABLE]
    held = sum(r.count for r in applicable if r.is_count)
    if any(r.is_count for r in applicable):
        text = ngettext("%(n)s held engagement", "%(n)s held engagements", held) % {"n": number(held)}
        if m.sample_count:
            text += " " + _("(%(n)s of them samples)") % {"n": number(m.sample_count)}
        parts.append(text)
    for evidence in m.evidence:
        parts.append(sample(f"{evidence.title} ({date(evidence.dated)})", evidence.is_sample))
    if not parts and any(not r.is_count for r in applicable):
        parts.append(_("no deliverable recorded"))
    return "; ".join(parts) or DASH


def _status_summary(milestones: Iterable[MilestoneFact]) -> str:
    applicable = [m for m in milestones if m.status != Status.NOT_APPLICABLE]
    parts = [
        f"{STATUS_LABELS[status]}: {n}"
        for status in STATUS_ORDER
        if (n := sum(1 for m in applicable if m.status == status))
    ]
    return ", ".join(parts)


def _activities_phrase(activities: tuple[ActivityFact, ...]) -> str:
    """How many activities of the plan fell in the year, and how many of them ran by their status
    (running or done): the period alone says what was planned, not what happened."""
    planned = ngettext(
        "%(n)s activity of the action plan was planned for the year",
        "%(n)s activities of the action plan were planned for the year",
        len(activities),
    ) % {"n": number(len(activities))}
    if not activities:
        return planned
    ran = sum(1 for a in activities if a.status in RAN_STATUSES)
    return _("%(planned)s, %(ran)s") % {
        "planned": planned,
        "ran": ngettext("%(n)s of them reported running or done", "%(n)s of them reported running or done", ran)
        % {"n": number(ran)},
    }


def _summary(facts: ReportFacts, notes: tuple[str, ...], has_data: bool) -> Section:
    year = facts.year
    stats = facts.engagements
    blocks: list[Block] = []
    if not has_data:
        blocks.append(
            Paragraph(
                _("No data were recorded for %(region)s in %(year)s: no engagements, activities, events or evidence.")
                % {"region": facts.region_name, "year": year}
            )
        )
    else:
        blocks.append(
            Paragraph(
                # Each number takes its own plural form (Czech has three), so the sentence is put
                # together from counted parts.
                _("In %(year)s %(held)s %(organisations)s; %(events)s and %(activities)s.")
                % {
                    "year": year,
                    "held": _with_samples(
                        ngettext("%(n)s engagement was held", "%(n)s engagements were held", stats.held)
                        % {"n": number(stats.held)},
                        stats.samples,
                    ),
                    "organisations": ngettext(
                        "with %(n)s organisation", "with %(n)s organisations", stats.organisations
                    )
                    % {"n": number(stats.organisations)},
                    "events": ngettext(
                        "%(n)s public event took place", "%(n)s public events took place", len(facts.events)
                    )
                    % {"n": number(len(facts.events))},
                    "activities": _activities_phrase(facts.activities),
                }
            )
        )
    applicable = [m for m in facts.milestones if m.status != Status.NOT_APPLICABLE]
    if facts.strategy is None:
        blocks.append(Paragraph(_("No strategy was in force in %(year)s.") % {"year": year}))
    else:
        summary = _status_summary(facts.milestones)
        blocks.append(
            Paragraph(
                ngettext(
                    "%(n)s milestone or standing target applied in %(year)s",
                    "%(n)s milestones and standing targets applied in %(year)s",
                    len(applicable),
                )
                % {"n": len(applicable), "year": year}
                + (f": {summary}." if summary else ".")
            )
        )
    visitors = sum(s.visitors or 0 for s in facts.stops)
    blocks.append(
        Figures(
            (
                (_("Held engagements"), number(stats.held)),
                (_("Organisations engaged"), number(stats.organisations)),
                (_("Public events"), number(len(facts.events))),
                (_("Exhibition visitors"), number(visitors)),
                (_("Activities in the year"), number(len(facts.activities))),
            )
        )
    )
    blocks.extend(Paragraph(note, "note") for note in notes)
    return Section("summary", _("Summary"), tuple(blocks))


def _milestones(facts: ReportFacts) -> Section:
    blocks: list[Block] = []
    if facts.strategy is None:
        blocks.append(Paragraph(_("No strategy was in force in %(year)s.") % {"year": facts.year}))
        return Section("milestones", _("Milestones and standing targets"), tuple(blocks))
    strategy = facts.strategy
    blocks.append(
        Paragraph(
            _("Strategy “%(title)s”, version %(label)s in force from %(date)s.")
            % {"title": strategy.title, "label": strategy.version_label, "date": date(strategy.valid_from)}
        )
    )
    rows = tuple(
        (
            m.code,
            m.title + (f" ({_('standing target')})" if m.is_standing_target else ""),
            sample(str(STATUS_LABELS[Status(m.status)]), m.includes_samples),
            number(m.count),
            number(m.target),
            _milestone_evidence(m),
            m.reason or DASH,
        )
        for m in facts.milestones
    )
    blocks.append(
        Table(
            "milestones",
            (_("Code"), _("Milestone"), _("Status"), _("Count"), _("Target"), _("Evidence"), _("Why")),
            rows,
            (6, 16, 20, 7, 7, 18, 26),
            empty=_("The strategy version has no milestones."),
            numeric=(3, 4),
        )
    )
    blocks.append(
        Paragraph(
            _(
                "Counts are held engagements of the year (and delivered documents); a milestone's count and target "
                "are the sums over its rules that apply in the year, as in the open data (progress.json)."
            ),
            "note",
        )
    )
    return Section("milestones", _("Milestones and standing targets"), tuple(blocks))


def _engagement(facts: ReportFacts) -> Section:
    stats = facts.engagements
    kind_labels = _labels(EngagementKind.choices)
    blocks: list[Block] = [
        Figures(
            (
                (_("Held engagements"), number(stats.held)),
                (_("of them public"), number(stats.public)),
                (_("of them samples"), number(stats.samples)),
                (_("Still planned at the year's end"), number(stats.planned)),
                (_("Organisations engaged"), number(stats.organisations)),
                (_("Anonymous participants"), number(stats.anonymous_people)),
            )
        )
    ]
    kinds = tuple(k for k in EngagementKind.values if stats.by_kind.get(k))
    if kinds:
        month_labels = tuple(str(MONTHS[m]) for m in range(1, 13))
        blocks.append(
            MonthChart(
                title=_("Held engagements per month in %(year)s, by kind") % {"year": facts.year},
                description=_("Stacked bars; the table below gives the same numbers."),
                counts={m: dict(stats.by_month.get(m, {})) for m in range(1, 13)},
                kinds=kinds,
                kind_labels={k: kind_labels[k] for k in kinds},
                month_labels=month_labels,
                bar_title=_("{month}: {count} × {kind}"),
            )
        )
        ranked = sorted(kinds, key=lambda k: (-stats.by_kind[k], kinds.index(k)))
        blocks.append(
            BarChart(
                title=_("Held engagements by kind in %(year)s") % {"year": facts.year},
                description=_("One bar per kind; the table below gives the same numbers."),
                rows=tuple((kind_labels[k], stats.by_kind[k]) for k in ranked),
                bar_title=_("{label}: {count}"),
            )
        )
        blocks.append(
            Table(
                "engagements_by_kind",
                (_("Kind"), _("Held")),
                tuple((kind_labels[k], number(stats.by_kind[k])) for k in ranked),
                (70, 30),
                numeric=(1,),
            )
        )
    else:
        blocks.append(Paragraph(_("No engagement was held in %(year)s.") % {"year": facts.year}))
    return Section("engagement", _("Engagement"), tuple(blocks))


def _organisations(facts: ReportFacts) -> Section:
    kind_labels = _labels(OrganisationKind.choices)
    rows = tuple(
        (
            sample(o.name, o.is_sample),
            kind_labels.get(o.kind, o.kind),
            o.town or DASH,
            _with_samples(number(o.engagements), o.sample_engagements),
            sample(number(o.partners), o.sample_engagements > 0),
        )
        for o in facts.organisations
    )
    table = Table(
        "organisations",
        (_("Organisation"), _("Kind"), _("Town"), _("Engagements"), _("Partners")),
        rows,
        (38, 22, 16, 12, 12),
        empty=_("No organisation took part in a held engagement in %(year)s.") % {"year": facts.year},
        numeric=(3, 4),
    )
    note = Paragraph(
        _("The most active organisations of the network analysis: held engagements in the year, weighted by recency."),
        "note",
    )
    return Section("organisations", _("Most active organisations"), (table, note))


def _activity_rows(activities: Iterable[ActivityFact], *, late: bool) -> tuple[tuple[str, ...], ...]:
    status_labels = _labels(ActivityStatus.choices)
    late_labels = {
        "not_started": _("not started on time"),
        "overrunning": _("running after its end"),
        "not_reported": _("not reported"),
    }
    rows = []
    for a in activities:
        row = [sample(a.title, a.is_sample), a.work_package, status_labels.get(a.status, a.status)]
        row.append(period(a.starts_on, a.ends_on))
        if late:
            row.append(late_labels.get(a.late, DASH) if a.late else DASH)
        rows.append(tuple(row))
    return tuple(rows)


def _action_plan(facts: ReportFacts) -> Section:
    status_labels = _labels(ActivityStatus.choices)
    year = facts.year
    blocks: list[Block] = []
    counts = {s: sum(1 for a in facts.activities if a.status == s) for s in ActivityStatus.values}
    if facts.activities:
        blocks.append(
            Paragraph(
                _("Activities by status: %(list)s.")
                % {"list": ", ".join(f"{status_labels[s]}: {n}" for s, n in counts.items() if n)}
            )
        )
    blocks.append(
        Table(
            "activities",
            (_("Activity"), _("Work package"), _("Status"), _("Period"), _("Late at the year's end")),
            _activity_rows(facts.activities, late=True),
            (33, 9, 14, 28, 16),
            empty=_("No activity of the action plan was planned for %(year)s.") % {"year": year},
        )
    )
    indicator_rows = []
    for a in facts.activities:
        for i in a.indicators:
            share = f"{int(i.achieved * 100 / i.target)} %" if i.target and i.achieved is not None else DASH
            unit = f" {i.unit}" if i.unit else ""
            indicator_rows.append(
                (
                    sample(a.title, a.is_sample),
                    i.name,
                    number(i.target) + (unit if i.target is not None else ""),
                    number(i.achieved) + (unit if i.achieved is not None else ""),
                    share,
                )
            )
    blocks.append(
        Table(
            "indicators",
            (_("Activity"), _("Indicator"), _("Target"), _("Achieved"), _("Share")),
            tuple(indicator_rows),
            (30, 28, 15, 15, 12),
            empty=_("No indicators are recorded for these activities."),
            numeric=(2, 3, 4),
        )
    )
    if facts.activities_without_period:
        blocks.append(
            Paragraph(
                ngettext(
                    "%(n)s activity of the plan has no period and is not listed.",
                    "%(n)s activities of the plan have no period and are not listed.",
                    facts.activities_without_period,
                )
                % {"n": facts.activities_without_period},
                "note",
            )
        )
    return Section("actionplan", _("Action plan"), tuple(blocks))


def _events(facts: ReportFacts) -> Section:
    year = facts.year
    events = Table(
        "events",
        (_("Date"), _("Event"), _("Where"), _("Festival")),
        tuple(
            (date(e.starts_at.date()), sample(e.title, e.is_sample), e.where or DASH, e.festival or DASH)
            for e in facts.events
        ),
        (16, 38, 28, 18),
        empty=_("No public event took place in %(year)s.") % {"year": year},
    )
    stops = Table(
        "exhibition",
        (_("Exhibition"), _("Venue"), _("When"), _("Visitors")),
        tuple(
            (
                sample(s.exhibition, s.is_sample),
                s.venue,
                s.when or DASH,
                sample(number(s.visitors), s.visitors_is_sample) if s.visitors is not None else DASH,
            )
            for s in facts.stops
        ),
        (30, 34, 18, 18),
        empty=_("The exhibition made no stop in %(year)s.") % {"year": year},
        numeric=(3,),
    )
    blocks: list[Block] = [events, stops]
    if facts.stops:
        visitors = sum(s.visitors or 0 for s in facts.stops)
        text = _("Exhibition visitors in %(year)s: %(n)s.") % {"year": year, "n": number(visitors)}
        if any(s.visitors_is_sample for s in facts.stops if s.visitors is not None):
            text += " " + _("Some visitor counts are samples made up for demonstration.")
        blocks.append(Paragraph(text))
    return Section("events", _("Events and exhibition"), tuple(blocks))


def _next_year(facts: ReportFacts) -> Section:
    next_year = facts.year + 1
    activities = Table(
        "next_activities",
        (_("Activity"), _("Work package"), _("Status"), _("Period")),
        _activity_rows(facts.next_activities, late=False),
        (42, 10, 18, 30),
        empty=_("No activity is planned for %(year)s.") % {"year": next_year},
    )
    calls = Table(
        "calls",
        (_("Call"), _("Instrument"), _("Opens"), _("Closes"), _("Budget")),
        tuple(
            (
                sample(c.title, c.is_sample),
                c.instrument,
                date(c.opens_on) if c.opens_on else _("open already"),
                date(c.closes_on) if c.closes_on else _("no deadline"),
                f"{number(c.budget)} {c.currency}" if c.budget is not None else DASH,
            )
            for c in facts.next_calls
        ),
        (30, 28, 13, 13, 16),
        empty=_("No funding call is known to be open in %(year)s.") % {"year": next_year},
        numeric=(4,),
    )
    return Section("next_year", _("Plans and open calls for %(year)s") % {"year": next_year}, (activities, calls))


def _any_sample(facts: ReportFacts) -> bool:
    return bool(
        facts.engagements.samples
        or any(m.sample_count or any(e.is_sample for e in m.evidence) for m in facts.milestones)
        or any(o.is_sample or o.sample_engagements for o in facts.organisations)
        or any(m.includes_samples for m in facts.milestones)
        or any(a.is_sample for a in (*facts.activities, *facts.next_activities))
        or any(e.is_sample for e in facts.events)
        or any(s.is_sample or s.visitors_is_sample for s in facts.stops)
        or any(c.is_sample for c in facts.next_calls)
    )


def has_data(facts: ReportFacts) -> bool:
    """Whether anything happened in the year: engagements, activities, events, stops, evidence."""
    stats = facts.engagements
    return bool(
        stats.held
        or stats.planned
        or facts.activities
        or facts.events
        or facts.stops
        or any(m.evidence for m in facts.milestones)
    )


def build(facts: ReportFacts) -> ReportContext:
    """The report of ``facts`` in the active language (pure)."""
    notes = []
    if facts.requested_language != facts.language:
        notes.append(
            _("Report language “%(asked)s” is not available; %(used)s is used.")
            % {"asked": facts.requested_language, "used": _("English") if facts.language == "en" else _("Czech")}
        )
    if _any_sample(facts):
        notes.append(_("Records marked “(sample)” are samples made up for demonstration; they are not real facts."))
    notes_t = tuple(notes)
    data = has_data(facts)
    title = _("Annual report %(year)s") % {"year": facts.year}
    cover = [facts.region_name, _("Living industrial culture: strategy, network and action plan")]
    if facts.strategy is not None:
        cover.append(f"{facts.strategy.title} · {facts.strategy.version_label}")
    cover.append(_("Generated on %(date)s") % {"date": date(facts.generated_at.date())})
    return ReportContext(
        language=facts.language,
        title=title,
        region_name=facts.region_name,
        region_slug=facts.region_slug,
        year=facts.year,
        cover_lines=tuple(cover),
        notes=notes_t,
        has_data=data,
        sections=(
            _summary(facts, notes_t, data),
            _milestones(facts),
            _engagement(facts),
            _organisations(facts),
            _action_plan(facts),
            _events(facts),
            _next_year(facts),
        ),
        footer=f"{facts.region_name} · {title}",
    )
