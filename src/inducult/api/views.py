"""The API's answers (``/api/v1/<region>/…``): public data only, readable by anyone, each region's
records only under its own address (another region's id is a 404, like on the pages).

Every answer carries an ETag and answers ``If-None-Match`` with a 304 (``conditional``), the open
data's terms (any origin may read it, caches may keep it five minutes: ``core.opendata.open_data``),
and lists come in pages (``pagination.Pages``)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from inducult.api import serializers as s
from inducult.api.conditional import conditional
from inducult.api.forms import TokenForm
from inducult.api.permissions import TokenHoldsRule
from inducult.api.services import tokens as token_service
from inducult.core import opendata
from inducult.engagement.models import Engagement
from inducult.heritage.models import Event, Exhibition
from inducult.heritage.services.opendata import sites as active_sites
from inducult.network.models import Organisation
from inducult.regions.views import RegionMixin, region_for
from inducult.strategy.services import progress as progress_service
from inducult.strategy.services.progress_document import json_document

REGION = OpenApiParameter(
    "region_slug",
    {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
    OpenApiParameter.PATH,
    description="The region's short name, as in its pages' addresses.",
)
ID = OpenApiParameter("id", {"type": "integer", "minimum": 0}, OpenApiParameter.PATH, description="The record's id.")
ERROR = OpenApiResponse(
    {"type": "object", "additionalProperties": True}, description="What was wrong with the request, by parameter."
)
NOT_FOUND = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    description="No such region, or no such record in this region.",
)


@method_decorator(conditional, name="dispatch")
class RegionAPIView(APIView):
    """A region's public data: ``self.region`` from the address (404 for an unknown region)."""

    filters_class: type[s.serializers.Serializer] | None = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.region = region_for(request, kwargs["region_slug"])

    def get_serializer_context(self):
        return {"request": self.request, "region": self.region, "view": self}

    def filters(self) -> dict:
        if self.filters_class is None:
            return {}
        reading = self.filters_class(data=self.request.query_params)
        if not reading.is_valid():
            raise ValidationError(reading.errors)
        return reading.validated_data

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            opendata.open_data(response)
        return response


class SiteList(RegionAPIView, generics.ListAPIView):
    serializer_class = s.SiteSerializer
    filters_class = s.SiteFilters

    def get_queryset(self):
        sites = active_sites(self.region).select_related("region")
        found = self.filters()
        if "kind" in found:
            sites = sites.filter(kind=found["kind"])
        if found.get("outside_region") is not None:
            sites = sites.filter(outside_region=found["outside_region"])
        if found.get("is_sample") is not None:
            sites = sites.filter(is_sample=found["is_sample"])
        # Sectors are a list in one column, towns compared as people write them: read, then kept.
        if "sector" in found:
            sites = [site for site in sites if found["sector"] in site.sectors]
        if found.get("town"):
            sites = [site for site in sites if site.town.casefold() == found["town"].strip().casefold()]
        return sites


class SiteDetail(RegionAPIView, generics.RetrieveAPIView):
    serializer_class = s.SiteSerializer

    def get_queryset(self):
        return active_sites(self.region)


def published(region):
    return (
        Event.objects.published()
        .filter(region=region)
        .select_related("site", "festival", "organisation")
        .order_by("starts_at", "id")
    )


class EventList(RegionAPIView, generics.ListAPIView):
    serializer_class = s.EventSerializer
    filters_class = s.EventFilters

    def get_queryset(self):
        events = published(self.region)
        found = self.filters()
        if day := found.get("starts_from"):
            start = self.region.start_of_day(day)
            events = events.filter(ends_at__gte=start) | events.filter(ends_at__isnull=True, starts_at__gte=start)
        if day := found.get("starts_until"):
            events = events.filter(starts_at__lt=self.region.start_of_day(day + datetime.timedelta(days=1)))
        if "site" in found:
            events = events.filter(site_id=found["site"])
        if "festival" in found:
            events = events.filter(festival__slug=found["festival"])
        if found.get("is_sample") is not None:
            events = events.filter(is_sample=found["is_sample"])
        return events.order_by("starts_at", "id")


class EventDetail(RegionAPIView, generics.RetrieveAPIView):
    serializer_class = s.EventSerializer

    def get_queryset(self):
        return published(self.region)


class ExhibitionList(RegionAPIView, generics.ListAPIView):
    serializer_class = s.ExhibitionSerializer

    def get_queryset(self):
        return Exhibition.objects.filter(region=self.region).order_by("title", "id")


class ExhibitionDetail(RegionAPIView, generics.RetrieveAPIView):
    serializer_class = s.ExhibitionSerializer

    def get_queryset(self):
        return Exhibition.objects.filter(region=self.region)


class Progress(RegionAPIView):
    """The strategy's progress in a year: exactly progress.json."""

    filters_class = s.ProgressFilters

    @extend_schema(
        operation_id="progress_retrieve",
        description="The strategy's progress in a year, exactly as progress.json gives it.",
        parameters=[REGION, s.ProgressFilters],
        responses={200: s.ProgressSerializer, 400: ERROR, 404: NOT_FOUND},
        tags=["progress"],
    )
    def get(self, request, *args, **kwargs):
        now = timezone.now()
        year = self.filters().get("year") or self.region.today(now).year
        progress = progress_service.region_progress(self.region, year, now=now, titles=False)
        return Response(json_document(progress, now))


class TokenAPIView(RegionAPIView):
    """Back-office data: a personal token of this region whose user holds ``rule`` there. Not public:
    no caching by others (``private``), and the open data's CORS terms do not apply."""

    rule: str = ""
    permission_classes = [TokenHoldsRule]

    def initial(self, request, *args, **kwargs):
        # The region first (404 for an unknown one), then who asks (401 without a token, 403 without the rule).
        self.region = region_for(request, kwargs["region_slug"])
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = APIView.finalize_response(self, request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response


def registry(region):
    return Organisation.objects.filter(region=region).order_by("name", "id")


def engagement_log(region):
    return Engagement.objects.filter(region=region).prefetch_related("topics").order_by("-starts_at", "-id")


class OrganisationList(TokenAPIView, generics.ListAPIView):
    rule = "network.view_registry"
    serializer_class = s.OrganisationSerializer

    def get_queryset(self):
        return registry(self.region)


class OrganisationDetail(TokenAPIView, generics.RetrieveAPIView):
    rule = "network.view_registry"
    serializer_class = s.OrganisationSerializer

    def get_queryset(self):
        return registry(self.region)


class EngagementList(TokenAPIView, generics.ListAPIView):
    rule = "engagement.view_log"
    serializer_class = s.EngagementSerializer

    def get_queryset(self):
        return engagement_log(self.region)


class EngagementDetail(TokenAPIView, generics.RetrieveAPIView):
    rule = "engagement.view_log"
    serializer_class = s.EngagementSerializer

    def get_queryset(self):
        return engagement_log(self.region)


UNAUTHORISED = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    description="No token, or a token unknown or revoked.",
)
FORBIDDEN = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    description="The token is for another region, or its user may not read this.",
)

# The schema of each list and detail: the region and id in the path, the filters, the errors.
for view, filters, tag, description in (
    (SiteList, s.SiteFilters, "sites", "The region's sites (archived ones left out), by name."),
    (EventList, s.EventFilters, "events", "The region's approved public events, by start."),
    (ExhibitionList, None, "exhibitions", "The region's touring exhibitions, by title."),
):
    extend_schema_view(
        get=extend_schema(
            description=description,
            parameters=[REGION, *([filters] if filters else [])],
            responses={200: view.serializer_class(many=True), 400: ERROR, 404: NOT_FOUND},
            tags=[tag],
        )
    )(view)
TOKEN_ERRORS = {401: UNAUTHORISED, 403: FORBIDDEN, 404: NOT_FOUND}
for view, tag, description, many in (
    (OrganisationList, "registry", "The region's organisations (archived ones too), by name.", True),
    (OrganisationDetail, "registry", "One organisation of the region's registry.", False),
    (EngagementList, "engagement log", "The region's engagement log, newest first.", True),
    (EngagementDetail, "engagement log", "One engagement of the region's log.", False),
):
    extend_schema_view(
        get=extend_schema(
            description=description + " Needs a personal token of the region.",
            parameters=[REGION] if many else [REGION, ID],
            responses={200: view.serializer_class(many=many), **TOKEN_ERRORS},
            tags=[tag],
        )
    )(view)
for view, tag, description in (
    (SiteDetail, "sites", "One site of the region (as in sites.geojson)."),
    (EventDetail, "events", "One approved public event of the region."),
    (ExhibitionDetail, "exhibitions", "One touring exhibition: showcases, stops, visitors and votes."),
):
    extend_schema_view(
        get=extend_schema(
            description=description,
            parameters=[REGION, ID],
            responses={200: view.serializer_class, 404: NOT_FOUND},
            tags=[tag],
        )
    )(view)


# --- Pages ---------------------------------------------------------------------------------------------


class ApiDocsView(TemplateView):
    """The API's documentation page: Swagger UI from our own static files (drf-spectacular-sidecar), its
    start-up script a static file too, so that the strict Content-Security-Policy holds here as everywhere."""

    template_name = "api/docs.html"


class TokensView(RegionMixin, TemplateView):
    """The signed-in user's personal API tokens for this region: make one (its secret shown once), revoke
    one. Anyone with a role in the region's back office may; a token reads what its user may read."""

    rule = "region.view_backoffice"
    template_name = "api/tokens.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", TokenForm())
        context["tokens"] = token_service.tokens_of(self.request.user, self.region)
        return context

    def post(self, request, *args, **kwargs):
        if "revoke" in request.POST:
            token = get_object_or_404(
                token_service.tokens_of(request.user, self.region), pk=_int(request.POST.get("revoke"))
            )
            token_service.revoke_token(token=token, actor=request.user)
            messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
            return redirect("api:tokens", self.region.slug)
        form = TokenForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        token, secret = token_service.create_token(
            user=request.user, region=self.region, name=form.cleaned_data["name"]
        )
        return self.render_to_response(self.get_context_data(new_token=token, secret=secret))


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
