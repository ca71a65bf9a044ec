"""The shapes of the API's answers. Each serializer's fields make the OpenAPI schema; what it gives
out is built by the owning app's services, so that the API and the open data say the same: a site is
``heritage.services.opendata.record`` (sites.geojson's properties), an exhibition is
``heritage.services.exhibitions.exhibition_record`` (exhibitions.json), progress is
``strategy.services.progress_document.json_document`` (progress.json). Field names are a contract:
add fields, never rename them."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers

from inducult.heritage.enums import SiteKind
from inducult.heritage.models import Event, Exhibition, Site
from inducult.heritage.services import opendata as site_data
from inducult.heritage.services.exhibitions import exhibition_record
from inducult.network.enums import Sector

MIN_DAY, MAX_DAY = datetime.date(1990, 1, 1), datetime.date(2100, 12, 31)


def _absolute(request, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


# --- Filters (query parameters); a value they refuse is a 400 naming the parameter --------------------


class SiteFilters(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SiteKind.choices, required=False, help_text="Only sites of this kind.")
    sector = serializers.ChoiceField(choices=Sector.choices, required=False, help_text="Only sites of this sector.")
    town = serializers.CharField(required=False, max_length=200, help_text="Only sites in this town (exact, any case).")
    outside_region = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="true: only sites beyond the region's borders."
    )
    is_sample = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="false: leave out made-up sample records."
    )


class EventFilters(serializers.Serializer):
    starts_from = serializers.DateField(required=False, help_text="Only events ending on or after this day.")
    starts_until = serializers.DateField(required=False, help_text="Only events starting on or before this day.")
    site = serializers.IntegerField(required=False, min_value=1, help_text="Only events at this site (its id).")
    festival = serializers.SlugField(
        required=False, max_length=80, help_text="Only events of this festival (its slug)."
    )
    is_sample = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="false: leave out made-up sample records."
    )

    def validate(self, attrs):
        for name in ("starts_from", "starts_until"):
            day = attrs.get(name)
            if day is not None and not MIN_DAY <= day <= MAX_DAY:
                raise serializers.ValidationError({name: f"A day between {MIN_DAY} and {MAX_DAY}."})
        return attrs


class ProgressFilters(serializers.Serializer):
    year = serializers.IntegerField(
        required=False, min_value=1990, max_value=2100, help_text="The calendar year (default: this year)."
    )


# --- Sites --------------------------------------------------------------------------------------------


class SiteSerializer(serializers.Serializer):
    """A site as sites.geojson's properties give it (``heritage.services.opendata.record``)."""

    id = serializers.IntegerField()
    external_id = serializers.CharField()
    name = serializers.CharField()
    names = serializers.DictField(
        child=serializers.CharField(), help_text="The name in each of the region's languages."
    )
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    sectors = serializers.ListField(child=serializers.CharField())
    town = serializers.CharField()
    address = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    coordinate_precision = serializers.CharField()
    website = serializers.CharField()
    opening_hours_text = serializers.CharField()
    opening_hours = serializers.JSONField(allow_null=True, help_text="Structured hours where the text could be read.")
    opening_hours_to_check = serializers.BooleanField()
    visit_minutes = serializers.IntegerField(allow_null=True)
    tour_languages = serializers.ListField(child=serializers.CharField())
    price_level = serializers.CharField()
    wheelchair = serializers.CharField()
    is_visitor_site = serializers.BooleanField()
    is_sample = serializers.BooleanField(help_text="A made-up record for demonstration.")
    source = serializers.CharField()
    url = serializers.URLField(help_text="The site's public page.")
    updated_at = serializers.DateTimeField()
    outside_region = serializers.BooleanField(help_text="Beyond the region's borders, listed for the same story.")
    outside_region_notes = serializers.DictField(child=serializers.CharField())

    def to_representation(self, site: Site) -> dict[str, Any]:
        region = self.context["region"]
        url = _absolute(self.context["request"], "heritage_public:site", region.slug, site.pk)
        languages = region.languages or [region.default_language]
        return site_data.record(site, url=url, languages=languages, region_name=region.name)


# --- Events -------------------------------------------------------------------------------------------


class EventSerializer(serializers.Serializer):
    """An approved public event (only approved events are public)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    titles = serializers.DictField(
        child=serializers.CharField(), help_text="The title in each of the region's languages."
    )
    description = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(allow_null=True)
    all_day = serializers.BooleanField()
    site_id = serializers.IntegerField(allow_null=True)
    place = serializers.CharField(help_text="The site and its town, or the place if not at a site.")
    organiser = serializers.CharField(allow_null=True)
    festival = serializers.CharField(allow_null=True, help_text="The festival's slug.")
    website = serializers.CharField()
    price_note = serializers.CharField()
    is_sample = serializers.BooleanField(help_text="A made-up record for demonstration.")
    source = serializers.CharField()
    url = serializers.URLField(help_text="The event's public page.")
    updated_at = serializers.DateTimeField()

    def to_representation(self, event: Event) -> dict[str, Any]:
        region = self.context["region"]
        languages = region.languages or [region.default_language]
        return {
            "id": event.pk,
            "title": event.title,
            "titles": {language: event.localized("title", language) for language in languages},
            "description": event.description,
            "starts_at": event.starts_at.astimezone(datetime.UTC).isoformat(),
            "ends_at": event.ends_at.astimezone(datetime.UTC).isoformat() if event.ends_at else None,
            "all_day": event.all_day,
            "site_id": event.site_id,
            "place": event.where,
            "organiser": event.organisation.name if event.organisation_id else None,
            "festival": event.festival.slug if event.festival_id else None,
            "website": event.website,
            "price_note": event.price_note,
            "is_sample": event.is_sample,
            "source": event.source,
            "url": _absolute(self.context["request"], "heritage_public:event", region.slug, event.pk),
            "updated_at": event.updated_at.astimezone(datetime.UTC).isoformat(),
        }


# --- The touring exhibition ---------------------------------------------------------------------------


class ShowcaseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    title_translations = serializers.DictField(child=serializers.CharField())
    sector = serializers.CharField()
    lender = serializers.CharField(allow_null=True)
    is_sample = serializers.BooleanField()


class StopVotesSerializer(serializers.Serializer):
    showcase_id = serializers.IntegerField()
    votes = serializers.IntegerField()
    sample_votes = serializers.IntegerField(help_text="How many of the votes are made-up samples.")


class StopSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    venue = serializers.CharField()
    occasion = serializers.CharField()
    starts_on = serializers.DateField(allow_null=True)
    ends_on = serializers.DateField(allow_null=True)
    period = serializers.CharField()
    visitors = serializers.IntegerField(allow_null=True)
    visitors_is_sample = serializers.BooleanField()
    votes = StopVotesSerializer(many=True)
    source = serializers.CharField()
    is_sample = serializers.BooleanField()
    sample_votes = serializers.IntegerField()


class OverallVotesSerializer(serializers.Serializer):
    showcase_id = serializers.IntegerField()
    votes = serializers.IntegerField()
    percent = serializers.FloatField(allow_null=True)
    sample_votes = serializers.IntegerField()


class ExhibitionSerializer(serializers.Serializer):
    """An exhibition as exhibitions.json gives it (``heritage.services.exhibitions.exhibition_record``)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    title_translations = serializers.DictField(child=serializers.CharField())
    is_sample = serializers.BooleanField()
    source = serializers.CharField()
    showcases = ShowcaseSerializer(many=True)
    stops = StopSerializer(many=True)
    votes = OverallVotesSerializer(many=True)
    votes_include_samples = serializers.BooleanField()
    sample_votes = serializers.IntegerField()

    def to_representation(self, exhibition: Exhibition) -> dict[str, Any]:
        return exhibition_record(exhibition)


# --- Strategy progress (progress.json) ----------------------------------------------------------------


class ReasonFactsSerializer(serializers.Serializer):
    basis = serializers.CharField()
    held = serializers.IntegerField(allow_null=True)
    target = serializers.IntegerField(allow_null=True)
    needed = serializers.IntegerField(allow_null=True)
    days_left = serializers.IntegerField(allow_null=True)
    planned = serializers.IntegerField(allow_null=True)
    projected = serializers.FloatField(allow_null=True)


class _Reasoned(serializers.Serializer):
    reason = serializers.CharField(allow_null=True, help_text="Why it has its status, in one English sentence.")
    reason_translations = serializers.DictField(child=serializers.CharField())
    reason_facts = ReasonFactsSerializer(allow_null=True)
    includes_samples = serializers.BooleanField(help_text="The count or status rests on made-up sample records.")
    target = serializers.IntegerField(allow_null=True)
    count = serializers.IntegerField(allow_null=True)
    status = serializers.CharField()


class CountRuleSerializer(_Reasoned):
    type = serializers.ChoiceField(choices=["count"])
    kinds = serializers.ListField(child=serializers.CharField())
    minimum = serializers.IntegerField()
    first_year = serializers.IntegerField(allow_null=True)
    last_year = serializers.IntegerField(allow_null=True)
    organisation_kind = serializers.CharField(allow_null=True)
    topic = serializers.CharField(allow_null=True)
    deadline = serializers.DateField(allow_null=True)
    projected = serializers.FloatField(allow_null=True)
    sample_count = serializers.IntegerField()


class DeliverableRuleSerializer(_Reasoned):
    type = serializers.ChoiceField(choices=["deliverable"])
    key = serializers.CharField()
    title = serializers.CharField()
    due = serializers.DateField(allow_null=True)
    late = serializers.BooleanField(allow_null=True)
    sample_count = serializers.IntegerField()


class MilestoneSerializer(_Reasoned):
    code = serializers.CharField()
    title = serializers.CharField()
    title_translations = serializers.DictField(child=serializers.CharField())
    translated_by_platform = serializers.DictField(
        child=serializers.CharField(), help_text="Languages of title_translations that are our translation: from which."
    )
    goal_codes = serializers.ListField(child=serializers.CharField())
    is_standing_target = serializers.BooleanField()
    first_year = serializers.IntegerField(allow_null=True)
    last_year = serializers.IntegerField(allow_null=True)
    rules = PolymorphicProxySerializer(
        component_name="Rule",
        serializers={"count": CountRuleSerializer, "deliverable": DeliverableRuleSerializer},
        resource_type_field_name="type",
        many=True,
    )


class RegionSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField()


class ProgressSerializer(serializers.Serializer):
    """progress.json (``strategy.services.progress_document.json_document``)."""

    region = RegionSerializer()
    year = serializers.IntegerField()
    generated_at = serializers.DateTimeField()
    strategy = serializers.CharField(allow_null=True)
    version_label = serializers.CharField(allow_null=True)
    strategy_translations = serializers.DictField(child=serializers.CharField())
    version_label_translations = serializers.DictField(child=serializers.CharField())
    version_valid_from = serializers.DateField(allow_null=True)
    statuses = serializers.ListField(child=serializers.CharField())
    licence = serializers.CharField()
    licence_url = serializers.URLField()
    source = serializers.CharField()
    notes = serializers.ListField(child=serializers.CharField())
    milestones = MilestoneSerializer(many=True)


# --- Back-office data, for a personal token: the registry and the engagement log ---------------------


class OrganisationSerializer(serializers.Serializer):
    """An organisation of the registry (no people: contacts stay behind the coordinator's pages)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    kind = serializers.CharField()
    sectors = serializers.ListField(child=serializers.CharField())
    town = serializers.CharField()
    website = serializers.CharField()
    description = serializers.CharField()
    is_sample = serializers.BooleanField(help_text="A made-up record for demonstration.")
    source = serializers.CharField()
    archived = serializers.BooleanField()
    updated_at = serializers.DateTimeField()

    def to_representation(self, organisation) -> dict[str, Any]:
        return {
            "id": organisation.pk,
            "name": organisation.name,
            "short_name": organisation.short_name,
            "kind": organisation.kind,
            "sectors": list(organisation.sectors),
            "town": organisation.town,
            "website": organisation.website,
            "description": organisation.description,
            "is_sample": organisation.is_sample,
            "source": organisation.source,
            "archived": organisation.archived_at is not None,
            "updated_at": organisation.updated_at.astimezone(datetime.UTC).isoformat(),
        }


class EngagementSerializer(serializers.Serializer):
    """An engagement of the log (who took part stays behind the coordinator's pages)."""

    id = serializers.IntegerField()
    kind = serializers.CharField()
    status = serializers.CharField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(allow_null=True)
    date_only = serializers.BooleanField()
    place_organisation_id = serializers.IntegerField(allow_null=True)
    place = serializers.CharField()
    topics = serializers.ListField(child=serializers.CharField())
    visibility = serializers.CharField()
    is_sample = serializers.BooleanField(help_text="A made-up record for demonstration.")
    source = serializers.CharField()
    updated_at = serializers.DateTimeField()

    def to_representation(self, engagement) -> dict[str, Any]:
        return {
            "id": engagement.pk,
            "kind": engagement.kind,
            "status": engagement.status,
            "title": engagement.title,
            "starts_at": engagement.starts_at.astimezone(datetime.UTC).isoformat(),
            "ends_at": engagement.ends_at.astimezone(datetime.UTC).isoformat() if engagement.ends_at else None,
            "date_only": engagement.date_only,
            "place_organisation_id": engagement.place_organisation_id,
            "place": engagement.place_text,
            "topics": [topic.name for topic in engagement.topics.all()],
            "visibility": engagement.visibility,
            "is_sample": engagement.is_sample,
            "source": engagement.source,
            "updated_at": engagement.updated_at.astimezone(datetime.UTC).isoformat(),
        }
