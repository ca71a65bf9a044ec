"""The public day planner: the form, the plan (times, legs, totals, what was left out and why), its
map, a print view and an .ics export; and a published tour's page. A plan's address holds all its
wishes, so it is its share link."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from icalendar import Event as VEvent

from inducult.core import ical
from inducult.core.presentation import jsonld_script
from inducult.core.views.maps import allow_tiles
from inducult.heritage.enums import VISITOR_KINDS
from inducult.heritage.models import Site
from inducult.regions.views import RegionMixin
from inducult.tours import presentation
from inducult.tours.domain.day_plan import DayPlan, DayPlanError, Wishes, has_openings, plan_day
from inducult.tours.forms import MODES, PlannerForm
from inducult.tours.models import TourProduct, TourStart
from inducult.tours.services import products
from inducult.tours.services.routing import travel_matrix
from inducult.tours.services.sites import site_options

logger = logging.getLogger(__name__)


def no_plan() -> str:
    """What the visitor reads when the planner fails although the form accepted the wishes. The
    form refuses impossible times itself, so this is a fault of ours: logged with its reason."""
    logger.exception("a tour plan failed after the form accepted the wishes")
    return _("No plan could be made for these wishes. Please try again; if it happens again, try other times.")


def _minutes(moment: datetime.time) -> int:
    return moment.hour * 60 + moment.minute


class PlannerMixin(RegionMixin):
    def form(self, data=None) -> PlannerForm:
        sites = (
            Site.objects.active()
            .filter(region=self.region, kind__in=VISITOR_KINDS, latitude__isnull=False)
            .order_by("name", "id")
        )
        rows = [(s.pk, s.display_name, (float(s.latitude), float(s.longitude)), s.sectors) for s in sites]
        sectors = sorted({code for *_rest, codes in rows for code in codes})
        if data is None and "day" in self.request.GET:
            data = self.request.GET
        return PlannerForm(
            data,
            starts=TourStart.objects.filter(region=self.region),
            sites=[(pk, name, point) for pk, name, point, _codes in rows],
            sectors=sectors,
            today=self.region.today(),
        )

    def plan(self, form: PlannerForm) -> DayPlan:
        name, point = form.start_point()
        data = form.cleaned_data
        wishes = Wishes(
            start_name=name,
            start_point=point,
            day_start=_minutes(data["day_from"]),
            day_end=_minutes(data["day_to"]),
            mode=data["mode"],
            interests=form.interests(),
            must_see=frozenset(int(pk) for pk in data["must"]),
            language=data["language"],
            wheelchair=data["wheelchair"],
        )

        def travel(points):
            matrix = travel_matrix(points, wishes.mode)
            return matrix.minutes, matrix.source, matrix.problem

        return plan_day(
            site_options(self.region, data["day"]), wishes, travel, time_limit=settings.INDUCULT_TOUR_SEARCH_MS / 1000
        )


class PlannerView(PlannerMixin, TemplateView):
    template_name = "tours/planner.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.form()
        context.update(form=form, printing=self.request.GET.get("print") == "1")
        if form.is_bound and form.is_valid():
            try:
                day_plan = self.plan(form)
            except DayPlanError:
                form.add_error(None, no_plan())
            else:
                context.update(self.plan_context(form, day_plan))
                if not day_plan.stops:
                    context["nearest_day"] = self.nearest_day_with_openings(form, day_plan.wishes)
        return context

    def nearest_day_with_openings(self, form: PlannerForm, wishes: Wishes) -> dict | None:
        """The nearest day (up to a week either way, never in the past) on which some place could be
        visited with the same wishes, and the address of its plan."""
        day = form.cleaned_data["day"]
        today = self.region.today()
        for distance in range(1, 8):
            for other in (day + datetime.timedelta(days=distance), day - datetime.timedelta(days=distance)):
                if other < today or not has_openings(site_options(self.region, other), wishes):
                    continue
                query = self.request.GET.copy()
                query["day"] = other.isoformat()
                return {"day": other, "url": f"{reverse('tours:planner', args=[self.region.slug])}?{query.urlencode()}"}
        return None

    def plan_context(self, form: PlannerForm, day_plan: DayPlan) -> dict:
        slug = self.region.slug
        stops = [
            {
                "stop": stop,
                "url": reverse("heritage_public:site", args=[slug, stop.site_id]),
                "arrive": presentation.clock(stop.arrive),
                "start": presentation.clock(stop.start),
                "leave": presentation.clock(stop.leave),
                "travel": presentation.duration(stop.travel_minutes),
                "wait": presentation.duration(stop.wait) if stop.wait >= 1 else "",
            }
            for stop in day_plan.stops
        ]
        route = [
            {
                "name": day_plan.wishes.start_name,
                "lat": day_plan.wishes.start_point[0],
                "lon": day_plan.wishes.start_point[1],
            }
        ]
        route += [
            {"name": f"{n}. {s.name}", "lat": s.point[0], "lon": s.point[1]} for n, s in enumerate(day_plan.stops, 1)
        ]
        query = self.request.GET.copy()
        query.pop("print", None)
        return {
            "day_plan": day_plan,
            "day": form.cleaned_data["day"],
            "stops": stops,
            "leave_at": presentation.clock(day_plan.wishes.day_start),
            "back_at": presentation.clock(day_plan.back_at),
            "return_travel": presentation.duration(day_plan.return_minutes),
            "totals": {
                "visits": presentation.duration(day_plan.visit_minutes),
                "travel": presentation.duration(day_plan.travel_minutes),
                "wait": presentation.duration(day_plan.wait_minutes),
            },
            "left_out": [
                {
                    "item": item,
                    "url": reverse("heritage_public:site", args=[slug, item.site_id]),
                    "why": presentation.reason_text(item),
                }
                for item in day_plan.left_out
            ],
            "check_hours": [
                {"site": site, "url": reverse("heritage_public:site", args=[slug, site.id])}
                for site in day_plan.check_hours
            ],
            "travel_note": presentation.travel_note(day_plan.travel_source, day_plan.wishes.mode),
            "route": route,
            "share_url": self.request.build_absolute_uri(
                f"{reverse('tours:planner', args=[slug])}?{query.urlencode()}"
            ),
            "ics_url": f"{reverse('tours:plan_ics', args=[slug])}?{query.urlencode()}",
            "print_url": f"{reverse('tours:planner', args=[slug])}?{query.urlencode()}&print=1",
            "tiles": settings.INDUCULT_MAP_TILES,
            "attribution": settings.INDUCULT_MAP_ATTRIBUTION,
            "can_publish": self.can("tours.publish"),
            "plan_query": query.urlencode(),
            "publish_url": reverse("tours:publish", args=[slug]),
        }

    def render_to_response(self, context, **response_kwargs):
        return allow_tiles(super().render_to_response(context, **response_kwargs))


class PlanIcsView(PlannerMixin, View):
    """The plan's visits as calendar events, in the region's time zone."""

    def get(self, request, *args, **kwargs):
        form = self.form()
        if not form.is_bound or not form.is_valid():
            # Each problem under the field's label as the form shows it (not the parameter's name).
            errors = "; ".join(
                f"{form.fields[name].label}: {' '.join(texts)}" if name in form.fields else " ".join(texts)
                for name, texts in form.errors.items()
            ) or _("Give the day and the times of your plan.")
            return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
        try:
            day_plan = self.plan(form)
        except DayPlanError:
            return HttpResponse(no_plan(), status=400, content_type="text/plain; charset=utf-8")
        day = form.cleaned_data["day"]
        midnight = self.region.start_of_day(day)
        stamp = ical.stamp()

        def moment(minutes: float) -> datetime.datetime:
            # Wall-clock arithmetic: the planner's minutes count from midnight on the region's clock.
            return midnight + datetime.timedelta(minutes=round(minutes))

        events = []
        for number, stop in enumerate(day_plan.stops, 1):
            item = VEvent.new(
                uid=ical.uid(f"tour-{day:%Y%m%d}-{number}-{stop.site_id}", self.region),
                stamp=stamp,
                start=moment(stop.start),
                end=moment(stop.leave),
                summary=stop.name,
            )
            item.add(
                "URL",
                request.build_absolute_uri(reverse("heritage_public:site", args=[self.region.slug, stop.site_id])),
            )
            item.add(
                "DESCRIPTION",
                _("Arrive %(arrive)s after %(travel)s of travel.")
                % {"arrive": presentation.clock(stop.arrive), "travel": presentation.duration(stop.travel_minutes)}
                + " "
                + presentation.travel_note(day_plan.travel_source, day_plan.wishes.mode),
            )
            events.append(item)
        # A plan made for this answer: no UID of its own (icalendar gives a random one).
        calendar = ical.calendar("Tour plan", self.region, name=_("Industrial heritage day"), events=events)
        return ical.response(calendar, filename=f"tour-{self.region.slug}-{day:%Y-%m-%d}.ics", as_attachment=True)


class ProductView(RegionMixin, TemplateView):
    template_name = "tours/product.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = get_object_or_404(
            TourProduct.objects.select_related("start", "start_site"),
            region=self.region,
            slug=kwargs["product_slug"],
            is_published=True,
        )
        # A place archived (or without a location) since publishing is neither shown nor planned.
        stops = [s for s in product.stops.select_related("site") if products.plannable(s.site)]
        slug = self.region.slug
        url = self.request.build_absolute_uri()
        document = {
            "@context": "https://schema.org",
            "@type": "TouristTrip",
            "@id": url,
            "url": url,
            "name": product.display_title,
            "itinerary": {
                "@type": "ItemList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": n,
                        "item": {
                            "@type": "TouristAttraction",
                            "name": stop.site.display_name,
                            "url": self.request.build_absolute_uri(
                                reverse("heritage_public:site", args=[slug, stop.site_id])
                            ),
                        },
                    }
                    for n, stop in enumerate(stops, 1)
                ],
            },
        }
        if product.localized("description"):
            document["description"] = product.localized("description")
        hidden = products.planner_query(product, stops) or {}
        context.update(
            product=product,
            title=product.display_title,
            description=product.localized("description"),
            stops=[{"stop": s, "url": reverse("heritage_public:site", args=[slug, s.site_id])} for s in stops],
            mode=dict(MODES).get(product.mode, product.mode),
            start_name=product.start.display_name
            if product.start
            else (product.start_site.display_name if product.start_site else ""),
            hidden=[
                (name, value)
                for name, values in hidden.items()
                for value in (values if isinstance(values, list) else [values])
            ],
            today=self.region.today(),
            jsonld=jsonld_script(document),
        )
        return context
