"""The coordinator's calendar page (upcoming deadlines and activity dates) and the private feed."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from inducult.actionplan import calendar, feeds
from inducult.actionplan.models import CalendarFeed, FundingCall
from inducult.regions.lookup import region_by_slug
from inducult.regions.rules import has_rule
from inducult.regions.views import RegionMixin

# A feed records when it was last read, at most this often (calendar apps poll every few minutes).
USE_STAMP_EVERY = datetime.timedelta(hours=1)


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
        now = timezone.now()
        if feed.last_used_at is None or now - feed.last_used_at > USE_STAMP_EVERY:
            CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
        body = feeds.ics_bytes(
            region, feeds.region_entries(region, today=region.today()), url_of=_url_of(request, region)
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Cache-Control"] = "private, max-age=300"
        response["Content-Disposition"] = f'inline; filename="action-plan-{region.slug}.ics"'
        return response
