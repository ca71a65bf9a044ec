"""The touring exhibition's public page (showcases, stops, visitors, what interested visitors most,
and the vote) and the vote itself."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from inducult.heritage.models import Exhibition, ExhibitionStop, Showcase
from inducult.heritage.services import exhibitions
from inducult.network.enums import Sector
from inducult.regions.views import RegionMixin

VOTER_COOKIE = "inducult_voter"
REFUSALS = {
    "closed": gettext_lazy("Voting is closed at this stop."),
    "foreign": gettext_lazy("That showcase is not part of this exhibition."),
    "too_many": gettext_lazy("Too many votes from your connection; please try again later."),
    "already": gettext_lazy("You have already voted at this stop. Thank you!"),
}


class ExhibitionView(RegionMixin, TemplateView):
    template_name = "heritage/exhibition.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        exhibition = get_object_or_404(Exhibition, region=self.region, pk=kwargs["pk"])
        showcases = {s.pk: s for s in exhibition.showcases.select_related("lender")}
        overall, per_stop = exhibitions.statistics(exhibition)
        stops = list(exhibition.stops.select_related("site", "event"))
        samples = exhibitions.sample_votes(exhibition)
        context.update(
            exhibition=exhibition,
            title=exhibition.localized("title"),
            description=exhibition.localized("description"),
            showcases=[
                {"showcase": s, "title": s.localized("title"), "sector": dict(Sector.choices).get(s.sector, "")}
                for s in showcases.values()
            ],
            stops=[{"stop": stop, "shares": self._rows(per_stop.get(stop.pk, []), showcases)} for stop in stops],
            overall=self._rows(overall, showcases, samples),
            total_votes=sum(share.votes for share in overall),
            sample_votes=sum(samples.values()),
            voting_stops=[stop for stop in stops if stop.voting_open],
        )
        return context

    @staticmethod
    def _rows(share_list, showcases, samples=None) -> list[dict]:
        """A row per showcase; with ``samples``, how many of its votes are samples."""
        return [
            {
                "title": showcases[s.showcase_id].localized("title"),
                "votes": s.votes,
                "percent": s.percent,
                "sample_votes": sum(n for (_stop, showcase), n in (samples or {}).items() if showcase == s.showcase_id),
            }
            for s in share_list
        ]


class VoteView(RegionMixin, View):
    def post(self, request, *args, **kwargs):
        stop = get_object_or_404(ExhibitionStop, exhibition__region=self.region, pk=kwargs["pk"])
        page = reverse("heritage_public:exhibition", args=[self.region.slug, stop.exhibition_id])
        showcase = Showcase.objects.filter(pk=request.POST.get("showcase") or 0).first()
        if showcase is None:
            messages.error(request, _("Choose a showcase before voting."))
            return HttpResponseRedirect(page)
        token = request.COOKIES.get(VOTER_COOKIE) or secrets.token_urlsafe(24)
        client = request.META.get("REMOTE_ADDR", "")
        try:
            exhibitions.cast_vote(stop=stop, showcase=showcase, token=token, client=client)
        except exhibitions.VoteRefused as refusal:
            if refusal.reason == "too_many":
                # A flood: answer it as one, without rendering a page per request.
                response = HttpResponse(str(REFUSALS["too_many"]), status=429, content_type="text/plain; charset=utf-8")
                response["Retry-After"] = str(exhibitions.VOTE_WINDOW_SECONDS)
                return response
            messages.error(request, REFUSALS[refusal.reason])
            return HttpResponseRedirect(page)
        else:
            messages.success(request, _("Thank you! Your vote counts in the statistics below."))
        response = HttpResponseRedirect(page)
        # A random number, not personal data: it only stops a second vote from this browser.
        response.set_cookie(VOTER_COOKIE, token, max_age=60 * 60 * 24 * 365, httponly=True, samesite="Lax")
        return response
