"""The strategy version in force as a formatted document (the output of milestone M8, "first
actualisation of this document"): vision, strategic goals, milestones and standing targets with
their rules in words (``strategy.services.versions.describe_rule``), the version's label, start and what it
actualises. Built as a ``ReportContext`` so the annual report's PDF and DOCX renderers lay it out.
"""

from __future__ import annotations

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inducult.reports.presentation import context as ctx
from inducult.strategy import models as sm
from inducult.strategy.services import progress as service
from inducult.strategy.services.versions import describe_rule


def version_in_force(region, *, now: datetime.datetime | None = None) -> sm.StrategyVersion | None:
    """The version in force today in the region (the same choice as the progress pages)."""
    return service.version_for_year(region, region.today(now).year, now=now)


def _years(first: int, last: int | None) -> str:
    if last is None:
        return _("%(year)s and later") % {"year": first}
    return str(first) if first == last else f"{first}–{last}"


def _rules(milestone: sm.Milestone) -> str:
    rules = [*milestone.count_rules.all(), *milestone.deliverable_rules.all()]
    return "\n".join(describe_rule(r) for r in rules) or "—"


def build_export(region, version: sm.StrategyVersion, *, language: str | None = None, now=None) -> ctx.ReportContext:
    """The version as a document in ``language`` (cs or en, as for the annual report)."""
    used, asked = ctx.resolve_language(language, region.default_language)
    now = now or timezone.now()
    with translation.override(used):
        goals = list(version.goals.order_by("order", "code"))
        milestones = list(
            version.milestones.prefetch_related("goals", "count_rules__topic", "deliverable_rules").order_by(
                "is_standing_target", "order", "code"
            )
        )
        strategy_title = version.strategy.localized("title")
        title = _("Strategy “%(title)s”") % {"title": strategy_title}
        valid_until = version.valid_until
        in_force = _("Version %(label)s, in force from %(date)s") % {
            "label": version.localized("label"),
            "date": ctx.date(version.valid_from),
        }
        if valid_until:
            in_force += " " + _("until %(date)s") % {"date": ctx.date(valid_until)}
        cover = [region.name, in_force]
        if version.based_on_id:
            cover.append(
                _("This version is an actualisation of version %(label)s (in force from %(date)s).")
                % {"label": version.based_on.localized("label"), "date": ctx.date(version.based_on.valid_from)}
            )
        else:
            cover.append(_("This is the original version of the strategy; it has not been actualised."))
        cover.append(_("Exported on %(date)s") % {"date": ctx.date(region.today(now))})
        notes = []
        if asked != used:
            notes.append(
                _("Report language “%(asked)s” is not available; %(used)s is used.")
                % {"asked": asked, "used": _("English")}
            )
        vision_blocks: list[ctx.Block] = [ctx.Paragraph(version.localized("vision"))]
        if version.localized("notes"):
            vision_blocks.append(ctx.Paragraph(version.localized("notes"), "note"))
        goal_rows = tuple((g.code, g.localized("title"), g.localized("description") or "—") for g in goals)

        def rows(standing: bool):
            return tuple(
                (
                    m.code,
                    m.localized("title"),
                    ", ".join(g.code for g in m.goals.all()) or "—",
                    _years(m.first_year, m.last_year),
                    _rules(m),
                )
                for m in milestones
                if m.is_standing_target == standing
            )

        headers = (_("Code"), _("Milestone"), _("Goals"), _("Years"), _("When it is met"))
        sections = (
            ctx.Section("vision", _("Vision"), tuple(vision_blocks)),
            ctx.Section(
                "goals",
                _("Strategic goals"),
                (
                    ctx.Table(
                        "goals",
                        (_("Code"), _("Goal"), _("Description")),
                        goal_rows,
                        (9, 36, 55),
                        empty=_("The version has no strategic goals."),
                    ),
                ),
            ),
            ctx.Section(
                "milestones",
                _("Milestones"),
                (
                    ctx.Table(
                        "milestones",
                        headers,
                        rows(False),
                        (8, 30, 12, 12, 38),
                        empty=_("The version has no milestones."),
                    ),
                ),
            ),
            ctx.Section(
                "standing_targets",
                _("Standing targets"),
                (ctx.Table("standing_targets", headers, rows(True), (8, 30, 12, 12, 38), empty="—"),),
            ),
        )
        return ctx.ReportContext(
            language=used,
            title=title,
            region_name=region.name,
            region_slug=region.slug,
            year=version.valid_from.year,
            cover_lines=tuple(cover),
            notes=tuple(notes),
            has_data=True,
            sections=sections,
            footer=f"{region.name} · {strategy_title} · {version.localized('label')}",
        )


def filename(region_slug: str, version: sm.StrategyVersion, language: str, fmt: str) -> str:
    return f"strategy-{region_slug}-{version.valid_from.isoformat()}-{language}.{fmt}"
