"""Back office for the action plan and the funding catalogue: everyone in the back office reads them,
the coordinator keeps the activities. An activity's page ranks the instruments that could fund it,
with the matcher's reasons; an instrument's page lists the activities it could fund. The
coordinator's calendar page shows upcoming deadlines and activity dates, and the private feed
serves them to a calendar app."""

from __future__ import annotations

import copy
import datetime
from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from inducult.actionplan import presentation
from inducult.actionplan.domain import calendar
from inducult.actionplan.domain.funding_match import ReasonCode
from inducult.actionplan.domain.lateness import years_of
from inducult.actionplan.enums import ActivityStatus, WorkPackage
from inducult.actionplan.forms import (
    ActivityEditForm,
    ActivityFilterForm,
    ActivityForm,
    IndicatorFormSet,
    indicator_initial,
    indicator_rows,
)
from inducult.actionplan.models import Activity, CalendarFeed, FundingCall, FundingInstrument
from inducult.actionplan.services import feeds
from inducult.actionplan.services.activities import create_activity, update_activity
from inducult.actionplan.services.instruments import calls_prefetch
from inducult.actionplan.services.matching import fitting_activities, funding_fits
from inducult.core import ical
from inducult.core.forms import add_domain_errors
from inducult.core.translated import translation_mark
from inducult.core.versioning import EditConflict
from inducult.core.views.conflicts import refused_edit
from inducult.core.views.submissions import CreatesOnceMixin
from inducult.regions.lookup import region_by_slug
from inducult.regions.rules import has_rule
from inducult.regions.views import RegionMixin

STATUS_LABELS = dict(ActivityStatus.choices)
WORK_PACKAGE_LABELS = dict(WorkPackage.choices)
# A feed records when it was last read, at most this often (calendar apps poll every few minutes).


def _split(rows) -> dict[str, list[dict]]:
    """Ranked fits that share a theme first; the rest (a fit by period and applicant alone) apart;
    pairs without a call one can still apply to are no fits at all: listed apart, unscored."""
    rows = list(rows)
    scored = [row for row in rows if row["scored"]]
    return {
        "fits": [row for row in scored if row["shares_theme"]],
        "other_fits": [row for row in scored if not row["shares_theme"]],
        "without_call": [row for row in rows if not row["scored"]],
    }


class ActionPlanMixin(RegionMixin):
    rule = "actionplan.view"

    def today(self) -> datetime.date:
        return self.region.today()

    def activities(self):
        return Activity.objects.filter(region=self.region)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(can_change=self.can("actionplan.change"), today=self.today())
        return context


def _activity_row(activity: Activity, today: datetime.date) -> dict:
    late = activity.lateness(today)
    return {
        "activity": activity,
        "title": activity.display_title,
        "status": STATUS_LABELS.get(activity.status, activity.status),
        "themes": [presentation.THEME_LABELS.get(t, t) for t in activity.themes],
        "responsible": [o.name for o in activity.responsible.all()],
        "late": presentation.late_sentence(late),
        "late_label": presentation.late_label(late),
        "late_code": late.code.value if late else "",
    }


class ActivityListView(ActionPlanMixin, TemplateView):
    template_name = "actionplan/activity_list.html"

    def filtered(self):
        form = ActivityFilterForm(self.request.GET or None)
        activities = form.filter(self.activities()).prefetch_related("responsible")
        return form, activities

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, activities = self.filtered()
        today = self.today()
        groups = defaultdict(list)
        for activity in activities:
            groups[activity.work_package].append(_activity_row(activity, today))
        context.update(
            filter_form=form,
            query=self.request.GET.urlencode(),
            groups=[
                {"code": code, "label": WORK_PACKAGE_LABELS[code], "rows": groups[code]}
                for code in WorkPackage.values
                if groups[code]
            ],
            count=sum(len(rows) for rows in groups.values()),
            translated_from=translation_mark(*(row["activity"] for rows in groups.values() for row in rows)),
        )
        return context


class TimelineView(ActivityListView):
    """Activities by work package with a bar over the years they run: a table with a column per
    year, readable without any script or colour (each cell of a year in the period says so)."""

    template_name = "actionplan/timeline.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = self.today().year
        for group in context["groups"]:
            for row in group["rows"]:
                row["years"] = years_of(row["activity"].starts_on, row["activity"].ends_on)
            # An activity without a period has no bar to draw: it stays on the list page.
            group["rows"] = [row for row in group["rows"] if row["years"]]
        context["groups"] = [group for group in context["groups"] if group["rows"]]
        years = [y for group in context["groups"] for row in group["rows"] for y in row["years"]]
        columns = list(range(min(years), max(years) + 1)) if years else []
        for group in context["groups"]:
            for row in group["rows"]:
                row["cells"] = [{"year": y, "on": y in row["years"], "current": y == current} for y in columns]
        context.update(years=columns, current_year=current)
        return context


class ActivityDetailView(ActionPlanMixin, TemplateView):
    template_name = "actionplan/activity_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = get_object_or_404(
            self.activities().prefetch_related(
                "responsible", "instruments", "indicators", "goals__version", "engagements__region"
            ),
            pk=self.kwargs["pk"],
        )
        today = self.today()
        fits = funding_fits(activity, today=today)
        context.update(
            activity=activity,
            title=activity.display_title,
            description=activity.localized("description"),
            funding_form=activity.localized("funding_form"),
            status=STATUS_LABELS.get(activity.status, activity.status),
            work_package=WORK_PACKAGE_LABELS.get(activity.work_package, activity.work_package),
            themes=[presentation.THEME_LABELS.get(t, t) for t in activity.themes],
            late=presentation.late_sentence(activity.lateness(today)),
            **_split(
                {
                    "instrument": fit.record,
                    "name": fit.record.display_name,
                    "score": fit.match.score,
                    "reasons": presentation.reasons(fit.match),
                    "scored": fit.match.fits,
                    "shares_theme": ReasonCode.THEME in fit.match.codes(),
                    "named_in_plan": fit.record in activity.instruments.all(),
                }
                for fit in fits
            ),
            has_period=activity.starts_on is not None,
        )
        return context


class ActivityFormMixin(ActionPlanMixin):
    rule = "actionplan.change"
    template_name = "actionplan/activity_form.html"
    CONFLICT_MESSAGE = gettext_lazy(
        "Someone else saved this activity after you started editing (at %(when)s, by %(who)s). "
        "Their values are shown next to yours; review and save again."
    )

    def render_form(self, form, indicators, status=200, **extra):
        context = self.get_context_data(form=form, indicators=indicators, **extra)
        return self.render_to_response(context, status=status)

    def saved(self, activity: Activity, message: str):
        messages.success(self.request, message % {"title": activity.title})
        return HttpResponseRedirect(reverse("actionplan:activity", args=[self.region.slug, activity.pk]))


class ActivityCreateView(CreatesOnceMixin, ActivityFormMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        return self.render_form(ActivityForm(region=self.region), IndicatorFormSet(prefix="indicators"))

    def post(self, request, *args, **kwargs):
        form = ActivityForm(request.POST, region=self.region)
        indicators = IndicatorFormSet(request.POST, prefix="indicators")
        if form.is_valid() and indicators.is_valid():
            try:
                activity = create_activity(
                    region=self.region,
                    actor=request.user,
                    # Saving the form is a report of the activity's state as of today.
                    data={**form.domain_data(), "reported_on": self.today()},
                    relations=form.relations(),
                    indicators=indicator_rows(indicators),
                )
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                return self.saved(activity, _("Activity “%(title)s” created."))
        return self.render_form(form, indicators)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_new=True, **kwargs)


class ActivityEditView(ActivityFormMixin, TemplateView):
    def get_activity(self) -> Activity:
        return get_object_or_404(self.activities().prefetch_related("indicators"), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        activity = self.get_activity()
        return self.render_form(
            ActivityEditForm(instance=activity, region=self.region),
            IndicatorFormSet(prefix="indicators", initial=indicator_initial(activity)),
            activity=activity,
        )

    def post(self, request, *args, **kwargs):
        activity = self.get_activity()
        # The form works on a copy: the business action compares the stored values with the new ones.
        form = ActivityEditForm(request.POST, instance=copy.copy(activity), region=self.region)
        indicators = IndicatorFormSet(request.POST, prefix="indicators")
        if form.is_valid() and indicators.is_valid():
            try:
                activity = update_activity(
                    activity=activity,
                    actor=request.user,
                    # Saving the form is a report of the activity's state as of today.
                    data={**form.domain_data(), "reported_on": self.today()},
                    relations=form.relations(),
                    indicators=indicator_rows(indicators),
                    version=form.cleaned_data["version"],
                )
            except EditConflict as conflict:
                return self.conflict_response(form, indicators, conflict.current)
            except ValidationError as error:
                add_domain_errors(form, error)
            else:
                return self.saved(activity, _("Changes to “%(title)s” saved."))
        return self.render_form(form, indicators, activity=activity)

    def conflict_response(self, form, indicators, current):
        data, conflict = refused_edit(self.request, form, current, Activity.AUDITED_FIELDS, str(self.CONFLICT_MESSAGE))
        form = ActivityEditForm(data, instance=copy.copy(current), region=self.region)
        form.is_valid()
        return self.render_form(form, indicators, status=409, activity=current, **conflict)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_new=False, **kwargs)


class InstrumentListView(ActionPlanMixin, TemplateView):
    template_name = "actionplan/instrument_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = self.today()
        instruments = (
            FundingInstrument.objects.filter(region=self.region)
            .prefetch_related(calls_prefetch())
            .annotate(activity_count=Count("activities", distinct=True))
        )
        context["rows"] = [
            {
                "instrument": i,
                "name": i.display_name,
                "themes": [presentation.THEME_LABELS.get(t, t) for t in i.themes],
                "open_calls": i.open_calls(today),
                "next_call": i.next_call(today),
            }
            for i in instruments
        ]
        return context


class InstrumentDetailView(ActionPlanMixin, TemplateView):
    template_name = "actionplan/instrument_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        instrument = get_object_or_404(
            FundingInstrument.objects.filter(region=self.region).prefetch_related(calls_prefetch()),
            pk=self.kwargs["pk"],
        )
        today = self.today()
        named = list(instrument.activities.all())
        context.update(
            instrument=instrument,
            name=instrument.display_name,
            supports=instrument.localized("supports"),
            provider=instrument.localized("provider"),
            themes=[presentation.THEME_LABELS.get(t, t) for t in instrument.themes],
            eligible=[presentation.KIND_LABELS.get(k, k) for k in instrument.eligible_kinds],
            calls=[{"call": c, "open": c.is_open_on(today)} for c in instrument.calls.all()],
            any_sample_call=any(c.is_sample for c in instrument.calls.all()),
            named=named,
            **_split(
                {
                    "activity": fit.record,
                    "title": fit.record.display_title,
                    "score": fit.match.score,
                    "reasons": presentation.reasons(fit.match),
                    "scored": fit.match.fits,
                    "shares_theme": ReasonCode.THEME in fit.match.codes(),
                }
                for fit in fitting_activities(instrument, today=today)
            ),
        )
        return context


# --- the calendar ------------------------------------------------------------------------------


def _url_of(request, region):
    """Links of the feed's entries: a deadline to its call's redirect, an activity to its page."""

    def url(entry: calendar.Entry) -> str:
        name = "actionplan:call_instrument" if entry.kind.startswith("call") else "actionplan:activity"
        return request.build_absolute_uri(reverse(name, args=[region.slug, entry.record_id]))

    return url


class CalendarView(RegionMixin, TemplateView):
    template_name = "actionplan/calendar.html"
    rule = "actionplan.view"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = self.region.today()
        coming = calendar.upcoming(feeds.region_entries(self.region, today=today), today=today, days=90)
        context.update(
            rows=[
                {
                    "entry": e,
                    "text": feeds.entry_text(e),
                    "url": reverse(
                        "actionplan:activity" if e.kind.startswith("activity") else "actionplan:call_instrument",
                        args=[self.region.slug, e.record_id],
                    ),
                    "days": (e.day - today).days,
                }
                for e in coming
            ],
            feed=CalendarFeed.objects.filter(user=self.request.user, region=self.region).first(),
            new_feed_url=kwargs.get("new_feed_url", ""),
            can_change=self.can("actionplan.change"),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "revoke":
            feeds.revoke(user=request.user, region=self.region)
            messages.success(request, _("Your private calendar address no longer works."))
            return HttpResponseRedirect(reverse("actionplan:calendar", args=[self.region.slug]))
        if action != "new":
            raise Http404
        token = feeds.new_feed(user=request.user, region=self.region)
        url = request.build_absolute_uri(reverse("actionplan:feed", args=[self.region.slug, token]))
        return self.render_to_response(self.get_context_data(new_feed_url=url))


class CallInstrumentRedirect(RegionMixin, View):
    """A deadline's entry links to its instrument's page."""

    rule = "actionplan.view"

    def get(self, request, *args, pk: int, **kwargs):
        call = FundingCall.objects.filter(pk=pk, instrument__region=self.region).first()
        if call is None:
            raise Http404
        return HttpResponseRedirect(reverse("actionplan:instrument", args=[self.region.slug, call.instrument_id]))


class FeedView(View):
    """The private feed: the secret in the address stands for its owner, who must still be allowed to
    read the region's action plan (a coordinator who left no longer gets it)."""

    def get(self, request, *args, region_slug: str, token: str, **kwargs):
        feed = feeds.feed_for(token)
        region = region_by_slug(region_slug)
        if (
            feed is None
            or region is None
            or feed.region_id != region.pk
            or not feed.user.is_active
            or not has_rule(feed.user, "actionplan.view", region)
        ):
            raise Http404
        feeds.note_use(feed)
        cal = feeds.ics_calendar(
            region, feeds.region_entries(region, today=region.today()), url_of=_url_of(request, region)
        )
        response = ical.response(cal, filename=f"action-plan-{region.slug}.ics")
        response["Cache-Control"] = "private, max-age=300"
        return response
