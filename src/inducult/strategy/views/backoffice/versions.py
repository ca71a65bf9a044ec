"""Back-office pages of strategy versions: the list, one version, actualising the version in force,
editing the newest version's goals, milestones and rules, and comparing two versions.

Reading needs ``strategy.view_progress``, writing ``strategy.change_strategy``. Versions of another
region's strategy are not found (404). Only the newest version can be edited (``services.versions``).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from inducult.core.forms import add_domain_errors
from inducult.core.versioning import EditConflict, lock_version
from inducult.core.views.conflicts import refused_edit
from inducult.core.views.submissions import CreatesOnceMixin
from inducult.regions.views import RegionMixin
from inducult.strategy.forms import (
    ActualisationForm,
    CountRuleForm,
    DeliverableRuleForm,
    GoalForm,
    MilestoneForm,
)
from inducult.strategy.models import CountRule, DeliverableRule, Milestone, StrategicGoal, Strategy, StrategyVersion
from inducult.strategy.services import versions as services

READ = "strategy.view_progress"
WRITE = "strategy.change_strategy"


class VersionMixin(RegionMixin):
    """Finds ``pk`` among the versions of this region's strategies."""

    def get_version(self) -> StrategyVersion:
        if not hasattr(self, "_version"):
            self._version = get_object_or_404(
                StrategyVersion.objects.select_related("strategy", "based_on"),
                pk=self.kwargs["pk"],
                strategy__region=self.region,
            )
        return self._version

    def in_force(self, strategy: Strategy) -> StrategyVersion | None:
        return strategy.version_on(self.region.today())


class VersionListView(VersionMixin, TemplateView):
    rule = READ
    template_name = "strategy/versions/list.html"

    def get_context_data(self, **kwargs):
        strategies = []
        # One query for every version with the one it is based on (the list names it), however many.
        in_order = StrategyVersion.objects.select_related("based_on").order_by("valid_from")
        strategies_of_region = Strategy.objects.filter(region=self.region).prefetch_related(
            Prefetch("versions", queryset=in_order)
        )
        for strategy in strategies_of_region:
            versions = list(strategy.versions.all())
            in_force = self.in_force(strategy)
            newest = versions[-1] if versions else None
            strategies.append(
                {
                    "strategy": strategy,
                    "versions": versions,
                    "in_force": in_force,
                    "newest": newest,
                    "base": in_force or newest,
                }
            )
        all_versions = [v for s in strategies for v in s["versions"]]
        return super().get_context_data(
            strategies=strategies,
            all_versions=all_versions,
            can_change=self.can(WRITE),
            form=kwargs.pop("form", None) or ActualisationForm(),
            **kwargs,
        )


class VersionDetailView(VersionMixin, TemplateView):
    rule = READ
    template_name = "strategy/versions/detail.html"

    def get_context_data(self, **kwargs):
        version = self.get_version()
        milestones = version.milestones.prefetch_related("goals", "count_rules__topic", "deliverable_rules")
        rows = [
            {
                "milestone": m,
                "goal_codes": [g.code for g in m.goals.all()],
                "rules": [(r, "count", services.describe_rule(r)) for r in m.count_rules.all()]
                + [(r, "deliverable", services.describe_rule(r)) for r in m.deliverable_rules.all()],
            }
            for m in milestones
        ]
        in_force = self.in_force(version.strategy)
        return super().get_context_data(
            version=version,
            goals=version.goals.all(),
            milestones=rows,
            in_force=in_force is not None and in_force.pk == version.pk,
            editable=services.is_editable(version),
            can_change=self.can(WRITE),
            valid_until=version.valid_until,
            **kwargs,
        )


class ActualiseView(CreatesOnceMixin, VersionMixin, TemplateView):
    """Create an actualisation from the version in force (or the newest, before any is in force)."""

    rule = WRITE
    template_name = "strategy/versions/actualise.html"

    def base(self) -> StrategyVersion:
        version = self.get_version()
        expected = self.in_force(version.strategy) or services.newest_version(version.strategy)
        if expected.pk != version.pk:
            raise Http404(_("Actualisations are made from the version in force."))
        return version

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ActualisationForm()))

    def post(self, request, *args, **kwargs):
        base = self.base()
        form = ActualisationForm(request.POST)
        if form.is_valid():
            try:
                new = services.create_actualisation(
                    version=base,
                    actor=request.user,
                    label=form.cleaned_data["label"],
                    valid_from=form.cleaned_data["valid_from"],
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Actualisation “%(label)s” created.") % {"label": new.label})
                return redirect("strategy_versions:detail", self.region.slug, new.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        return super().get_context_data(version=self.base(), **kwargs)


class EditMixin(VersionMixin):
    """Pages that change the newest version: others are refused with a message. An edit of a stored
    record is checked by the optimistic lock: when someone saved it meanwhile, nothing is written and
    the page shows their values beside the submitted ones (409)."""

    rule = WRITE
    template_name = "strategy/versions/form.html"
    CONFLICT_MESSAGE = gettext_lazy(
        "Someone else saved this after you started editing (at %(when)s, by %(who)s). "
        "Their values are shown next to yours; review and save again."
    )
    # The fields a conflict compares (links to other records are shown by the form itself).
    CONFLICT_FIELDS: tuple[str, ...] = ()

    def stored(self):
        """The record being edited, or None when the page adds one."""
        raise NotImplementedError

    def conflict_fields(self) -> tuple[str, ...]:
        return self.CONFLICT_FIELDS

    def locked_at(self) -> int | None:
        record = self.stored()
        return None if record is None else lock_version(record)

    def refuse_if_not_editable(self):
        version = self.get_version()
        if not services.is_editable(version):
            message = _("Only the newest version can be changed; %(label)s is history.")
            messages.error(self.request, message % {"label": version.label})
            return self.created_nothing(redirect("strategy_versions:detail", self.region.slug, version.pk))
        return None

    def get(self, request, *args, **kwargs):
        return self.refuse_if_not_editable() or self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        refused = self.refuse_if_not_editable()
        if refused:
            return refused
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                self.save(form)
            except EditConflict as conflict:
                return self.conflict_response(form, conflict.current)
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("strategy_versions:detail", self.region.slug, self.get_version().pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def conflict_response(self, form, current):
        fields = self.conflict_fields()
        data, conflict = refused_edit(self.request, form, current, fields, str(self.CONFLICT_MESSAGE))
        form = self.make_form(data)
        form.is_valid()
        return self.render_to_response(self.get_context_data(form=form, **conflict), status=409)

    def get_context_data(self, **kwargs):
        return super().get_context_data(version=self.get_version(), heading=self.heading(), **kwargs)


class GoalEditView(CreatesOnceMixin, EditMixin, TemplateView):
    CONFLICT_FIELDS = ("title", "description")

    def goal(self) -> StrategicGoal:
        return get_object_or_404(StrategicGoal, pk=self.kwargs["goal_pk"], version=self.get_version())

    def stored(self) -> StrategicGoal:
        return self.goal()

    def heading(self) -> str:
        return _("Edit goal %(code)s") % {"code": self.goal().code}

    def make_form(self, data=None):
        goal = self.goal()
        initial = {"title": goal.title, "description": goal.description}
        return GoalForm(data, initial=initial, locked_at=lock_version(goal))

    def save(self, form):
        services.update_goal(
            goal=self.goal(), actor=self.request.user, data=form.domain_data(), version=form.cleaned_data["version"]
        )


class MilestoneEditView(CreatesOnceMixin, EditMixin, TemplateView):
    CONFLICT_FIELDS = ("title", "description", "first_year", "last_year", "is_standing_target")

    def milestone(self) -> Milestone | None:
        if "milestone_pk" not in self.kwargs:
            return None
        return get_object_or_404(Milestone, pk=self.kwargs["milestone_pk"], version=self.get_version())

    def stored(self) -> Milestone | None:
        return self.milestone()

    def heading(self) -> str:
        milestone = self.milestone()
        if milestone is None:
            return _("New milestone")
        return _("Edit milestone %(code)s") % {"code": milestone.code}

    def make_form(self, data=None):
        milestone = self.milestone()
        initial = {}
        if milestone is not None:
            initial = {
                name: getattr(milestone, name)
                for name in ("title", "description", "first_year", "last_year", "is_standing_target")
            }
            initial["goals"] = list(milestone.goals.all())
        return MilestoneForm(
            data, initial=initial, version=self.get_version(), is_new=milestone is None, locked_at=self.locked_at()
        )

    def save(self, form):
        milestone = self.milestone()
        goals = form.cleaned_data["goals"]
        if milestone is None:
            services.add_milestone(
                version=self.get_version(), actor=self.request.user, data=form.domain_data(), goals=goals
            )
        else:
            services.update_milestone(
                milestone=milestone,
                actor=self.request.user,
                data=form.domain_data(),
                goals=goals,
                version=form.cleaned_data["version"],
            )


COUNT_RULE_CONFLICT_FIELDS = ("kinds", "minimum", "first_year", "last_year", "organisation_kind", "topic")
RULE_TYPES = {"count": (CountRule, "count_rules"), "deliverable": (DeliverableRule, "deliverable_rules")}


class RuleEditView(CreatesOnceMixin, EditMixin, TemplateView):
    def conflict_fields(self) -> tuple[str, ...]:
        return COUNT_RULE_CONFLICT_FIELDS if self.rule_model() is CountRule else ("key", "title", "due_date")

    def stored(self):
        rule = self.rule_record()
        return rule if rule.pk else None

    def milestone(self) -> Milestone:
        return get_object_or_404(Milestone, pk=self.kwargs["milestone_pk"], version=self.get_version())

    def rule_model(self):
        try:
            return RULE_TYPES[self.kwargs["rule_type"]][0]
        except KeyError:
            raise Http404(_("Unknown rule type.")) from None

    def rule_record(self):
        model = self.rule_model()
        milestone = self.milestone()
        if "rule_pk" not in self.kwargs:
            return model(milestone=milestone)
        return get_object_or_404(model, pk=self.kwargs["rule_pk"], milestone=milestone)

    def heading(self) -> str:
        rule = self.rule_record()
        what = _("count rule") if isinstance(rule, CountRule) else _("deliverable rule")
        if rule.pk is None:
            return _("New %(what)s for %(milestone)s") % {"what": what, "milestone": rule.milestone.code}
        return _("Edit %(what)s of %(milestone)s") % {"what": what, "milestone": rule.milestone.code}

    def make_form(self, data=None):
        rule = self.rule_record()
        if isinstance(rule, CountRule):
            initial = {}
            if rule.pk:
                initial = {n: getattr(rule, n) for n in ("kinds", "minimum", "first_year", "last_year")}
                initial.update(organisation_kind=rule.organisation_kind, topic=rule.topic)
            else:
                initial = {"first_year": rule.milestone.first_year, "last_year": rule.milestone.last_year}
            return CountRuleForm(data, initial=initial, region=self.region, locked_at=self.locked_at())
        initial = {n: getattr(rule, n) for n in ("key", "title", "due_date")} if rule.pk else {}
        return DeliverableRuleForm(data, initial=initial, locked_at=self.locked_at())

    def save(self, form):
        services.save_rule(
            rule=self.rule_record(),
            actor=self.request.user,
            data=form.domain_data(),
            version=form.cleaned_data.get("version"),
        )


class RemoveView(VersionMixin, View):
    """POST only: remove a milestone or one rule of the newest version."""

    rule = WRITE

    def post(self, request, *args, **kwargs):
        version = self.get_version()
        milestone = get_object_or_404(Milestone, pk=kwargs["milestone_pk"], version=version)
        try:
            if "rule_pk" in kwargs:
                model = RULE_TYPES.get(kwargs["rule_type"], (None,))[0]
                if model is None:
                    raise Http404(_("Unknown rule type."))
                rule = get_object_or_404(model, pk=kwargs["rule_pk"], milestone=milestone)
                services.remove_rule(rule=rule, actor=request.user)
                messages.success(request, _("Rule removed from %(code)s.") % {"code": milestone.code})
            else:
                services.remove_milestone(milestone=milestone, actor=request.user)
                messages.success(request, _("Milestone %(code)s removed.") % {"code": milestone.code})
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("strategy_versions:detail", self.region.slug, version.pk)


class CompareView(VersionMixin, TemplateView):
    """?a=<pk>&b=<pk>: what changed from version a to version b."""

    rule = READ
    template_name = "strategy/versions/compare.html"

    def pick(self, name: str) -> StrategyVersion | None:
        value = self.request.GET.get(name, "")
        if not value:
            return None
        if not value.isdigit():
            raise Http404(_("Unknown version."))
        return get_object_or_404(StrategyVersion, pk=int(value), strategy__region=self.region)

    def get_context_data(self, **kwargs):
        a, b = self.pick("a"), self.pick("b")
        diff = None
        if a is not None and b is not None:
            diff = services.diff_versions(services.snapshot(a), services.snapshot(b))
        versions = StrategyVersion.objects.filter(strategy__region=self.region).select_related("strategy")
        return super().get_context_data(
            a=a,
            b=b,
            diff=diff,
            rows=_diff_rows(diff) if diff else [],
            version_rows=[
                {
                    "label": FIELD_LABELS[f.field](),
                    "before": services.display_value(f.field, f.before),
                    "after": services.display_value(f.field, f.after),
                }
                for f in (diff.version_fields if diff else ())
            ],
            versions=versions.order_by("strategy__title", "valid_from"),
            **kwargs,
        )


FIELD_LABELS = {
    "title": lambda: _("Title"),
    "description": lambda: _("Description"),
    "first_year": lambda: _("First year"),
    "last_year": lambda: _("Last year"),
    "is_standing_target": lambda: _("Standing target"),
    "goals": lambda: _("Strategic goals"),
    "rules": lambda: _("Rules"),
    "vision": lambda: _("Vision"),
}


def _diff_rows(diff: services.VersionDiff) -> list[dict]:
    """The difference as rows for the template: readable labels and values."""
    change_labels = {"added": _("added"), "removed": _("removed"), "changed": _("changed")}
    kind_labels = {"goal": _("Goal"), "milestone": _("Milestone")}
    rows = []
    for item in (*diff.goals, *diff.milestones):
        rows.append(
            {
                "kind": kind_labels[item.kind],
                "code": item.code,
                "title": item.title,
                "change": item.change,
                "change_label": change_labels[item.change],
                "fields": [
                    {
                        "label": FIELD_LABELS.get(f.field, lambda f=f: f.field)(),
                        "before": services.display_value(f.field, f.before),
                        "after": services.display_value(f.field, f.after),
                    }
                    for f in item.fields
                ],
            }
        )
    return rows
