"""Cooperation's back office: everyone with a role reads (``cooperation.view``), the coordinator
records (``cooperation.change``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.generic import TemplateView

from inducult.cooperation.domain import pairs
from inducult.cooperation.enums import CooperationKind
from inducult.cooperation.forms import (
    ActivityCreateForm,
    ActivityEditForm,
    CooperationEditForm,
    CooperationForm,
    ListFilterForm,
    SuggestionForm,
)
from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.cooperation.presentation import reason_text, summary_rows
from inducult.cooperation.services.cooperations import (
    add_activity,
    create_cooperation,
    school_years,
    suggestions_for,
    update_activity,
    update_cooperation,
    year_summary,
)
from inducult.core.forms import add_domain_errors
from inducult.core.versioning import EditConflict
from inducult.core.views.conflicts import refused_edit
from inducult.core.views.submissions import CreatesOnceMixin
from inducult.engagement.enums import EngagementStatus, Visibility
from inducult.network.enums import OrganisationKind
from inducult.network.models import Organisation
from inducult.regions.views import RegionMixin

COOPERATION_CONFLICT = gettext_lazy(
    "Someone else saved this cooperation after you started editing (at %(when)s, by %(who)s). "
    "Their values are shown next to yours; review and save again."
)
ACTIVITY_CONFLICT = pgettext_lazy(
    "cooperation",
    "Someone else saved this activity after you started editing (at %(when)s, by %(who)s). "
    "Their values are shown next to yours; review and save again.",
)


class CooperationMixin(RegionMixin):
    rule = "cooperation.view"

    def cooperations(self):
        return Cooperation.objects.filter(region=self.region).select_related("partner_a", "partner_b")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(can_change=self.can("cooperation.change"))
        return context


class CooperationListView(CooperationMixin, TemplateView):
    template_name = "cooperation/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = school_years(self.region)
        form = ListFilterForm(self.request.GET or None, years=years)
        live = Q(activities__engagement__deleted_at__isnull=True)
        held = live & Q(activities__engagement__status=EngagementStatus.HELD)
        cooperations = form.filter(self.cooperations()).annotate(
            activity_count=Count("activities", filter=live),
            held_count=Count("activities", filter=held),
            pupils_total=Sum("activities__pupils", filter=held),
        )
        groups: dict[int, list] = {}
        for cooperation in cooperations:
            groups.setdefault(cooperation.school_year, []).append(cooperation)
        context.update(
            filter_form=form,
            query=self.request.GET.urlencode(),
            groups=[{"year": y, "label": pairs.school_year_label(y), "rows": rows} for y, rows in groups.items()],
            count=sum(len(rows) for rows in groups.values()),
        )
        return context


class CooperationDetailView(CooperationMixin, TemplateView):
    template_name = "cooperation/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cooperation = get_object_or_404(self.cooperations(), pk=self.kwargs["pk"])
        activities = cooperation.activities.live().select_related("engagement")
        context.update(cooperation=cooperation, activities=activities, can_log=self.can("engagement.view_log"))
        return context


class FormMixin(CooperationMixin):
    rule = "cooperation.change"
    template_name = "cooperation/form.html"

    def render_form(self, form, status=200, **extra):
        return self.render_to_response(self.get_context_data(form=form, **extra), status=status)

    def conflict_response(self, form, current, message, rebuild, **extra):
        """The edit refused because ``current`` was saved meanwhile: who and when, and each field
        whose stored value differs from the one submitted, next to it (as the other back-office
        forms do). ``rebuild(data)`` makes the form again, now at the stored version, so saving it
        once more is a deliberate overwrite."""
        data, conflict = refused_edit(self.request, form, current, type(current).AUDITED_FIELDS, str(message))
        return self.render_form(rebuild(data), status=409, heading=str(current), **conflict, **extra)

    def to_detail(self, cooperation, message: str):
        messages.success(self.request, message)
        return HttpResponseRedirect(reverse("cooperation:detail", args=[self.region.slug, cooperation.pk]))


class CooperationCreateView(CreatesOnceMixin, FormMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        initial = {"kind": request.GET.get("kind") or CooperationKind.SCHOOL_ENTERPRISE}
        for name in ("partner_a", "partner_b"):
            if request.GET.get(name, "").isdigit():
                initial[name] = int(request.GET[name])
        return self.render_form(CooperationForm(region=self.region, initial=initial), heading=_("New cooperation"))

    def post(self, request, *args, **kwargs):
        form = CooperationForm(request.POST, region=self.region)
        if form.is_valid():
            try:
                cooperation = create_cooperation(region=self.region, actor=request.user, data=form.domain_data())
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                return self.to_detail(cooperation, _("Cooperation recorded."))
        return self.render_form(form, heading=_("New cooperation"))


class CooperationEditView(FormMixin, TemplateView):
    def get_cooperation(self):
        return get_object_or_404(self.cooperations(), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        cooperation = self.get_cooperation()
        form = CooperationEditForm(
            initial={
                "note": cooperation.note,
                "source": cooperation.source,
                "is_sample": cooperation.is_sample,
                "version": cooperation.version,
            }
        )
        return self.render_form(form, cooperation=cooperation, heading=str(cooperation))

    def post(self, request, *args, **kwargs):
        cooperation = self.get_cooperation()
        form = CooperationEditForm(request.POST)
        if form.is_valid():
            try:
                cooperation = update_cooperation(
                    cooperation=cooperation,
                    actor=request.user,
                    data=form.domain_data(),
                    version=form.cleaned_data["version"],
                )
            except EditConflict as conflict:
                return self.conflict_response(
                    form, conflict.current, COOPERATION_CONFLICT, CooperationEditForm, cooperation=conflict.current
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                return self.to_detail(cooperation, _("Changes saved."))
        return self.render_form(form, cooperation=cooperation, heading=str(cooperation))


class ActivityCreateView(CreatesOnceMixin, FormMixin, TemplateView):
    def get_cooperation(self):
        return get_object_or_404(self.cooperations(), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        cooperation = self.get_cooperation()
        form = ActivityCreateForm(cooperation=cooperation)
        return self.render_form(form, cooperation=cooperation, heading=pgettext("cooperation", "New activity"))

    def post(self, request, *args, **kwargs):
        cooperation = self.get_cooperation()
        form = ActivityCreateForm(request.POST, cooperation=cooperation)
        if form.is_valid():
            try:
                add_activity(
                    cooperation=cooperation,
                    actor=request.user,
                    data=form.domain_data(),
                    status=form.cleaned_data["status"],
                    title=form.cleaned_data["title"].strip(),
                    visibility=Visibility.PUBLIC if form.cleaned_data["public"] else Visibility.INTERNAL,
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                return self.to_detail(cooperation, _("Activity recorded; it is in the engagement log too."))
        return self.render_form(form, cooperation=cooperation, heading=pgettext("cooperation", "New activity"))


class ActivityEditView(FormMixin, TemplateView):
    def get_activity(self) -> CooperationActivity:
        return get_object_or_404(
            CooperationActivity.objects.live().select_related(
                "cooperation__partner_a", "cooperation__partner_b", "engagement"
            ),
            pk=self.kwargs["activity_pk"],
            cooperation__pk=self.kwargs["pk"],
            cooperation__region=self.region,
        )

    def get(self, request, *args, **kwargs):
        activity = self.get_activity()
        initial = {name: getattr(activity, name) for name in ActivityEditForm.DATA_FIELDS}
        initial.update(status=activity.engagement.status, version=activity.version)
        form = ActivityEditForm(initial=initial, cooperation=activity.cooperation)
        return self.render_form(form, cooperation=activity.cooperation, activity=activity, heading=str(activity))

    def post(self, request, *args, **kwargs):
        activity = self.get_activity()
        cooperation = activity.cooperation
        form = ActivityEditForm(request.POST, cooperation=cooperation)
        if form.is_valid():
            try:
                update_activity(
                    activity=activity,
                    actor=request.user,
                    data=form.domain_data(),
                    version=form.cleaned_data["version"],
                    status=form.cleaned_data["status"],
                )
            except EditConflict as conflict:
                return self.conflict_response(
                    form,
                    conflict.current,
                    ACTIVITY_CONFLICT,
                    lambda data: ActivityEditForm(data, cooperation=cooperation),
                    cooperation=cooperation,
                    activity=conflict.current,
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                return self.to_detail(cooperation, _("Changes saved."))
        return self.render_form(form, cooperation=cooperation, activity=activity, heading=str(activity))


class SuggestionsView(CooperationMixin, TemplateView):
    """Enterprises for a school (``?school=<id>``) or a creative (``?creative=<id>``), ranked."""

    template_name = "cooperation/suggestions.html"
    LIMIT = 25

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners = Organisation.objects.active().filter(
            region=self.region, kind__in=[OrganisationKind.SCHOOL, OrganisationKind.CREATIVE]
        )
        chosen = self.request.GET.get("school") or self.request.GET.get("creative") or ""
        partner = None
        if chosen:
            if not chosen.isdigit():
                raise Http404
            partner = get_object_or_404(partners, pk=int(chosen))
        form = SuggestionForm(self.request.GET or None)
        sectors = form.cleaned_data["sectors"] if form.is_valid() else []
        rows = []
        if partner is not None:
            kind = (
                CooperationKind.SCHOOL_ENTERPRISE
                if partner.kind == OrganisationKind.SCHOOL
                else CooperationKind.CREATIVE_INDUSTRY
            )
            for enterprise, suggestion in suggestions_for(partner, sectors=sectors)[: self.LIMIT]:
                rows.append(
                    {
                        "enterprise": enterprise,
                        "score": suggestion.score,
                        "reasons": [reason_text(r) for r in suggestion.reasons],
                        "kind": kind,
                    }
                )
        context.update(
            partners=partners.order_by("kind", "name"),
            partner=partner,
            form=form,
            rows=rows,
        )
        return context


class SummaryView(CooperationMixin, TemplateView):
    """The coordinator's per-school-year summary (the public page shows the same counts)."""

    template_name = "cooperation/summary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = school_years(self.region)
        raw = self.request.GET.get("year", "")
        year = int(raw) if raw.isdigit() and int(raw) in years else (years[0] if years else None)
        context.update(years=[(y, pairs.school_year_label(y)) for y in years], year=year)
        if year is not None:
            summary = year_summary(self.region, year)
            context.update(
                year_label=pairs.school_year_label(year),
                summary=summary,
                rows=summary_rows(summary),
            )
        return context
