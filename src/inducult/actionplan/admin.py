"""The action plan and funding catalogue in the admin (superusers only), audited like every other write."""

from __future__ import annotations

from django.contrib import admin

from inducult.actionplan.models import Activity, FundingCall, FundingInstrument, Indicator
from inducult.core.admin import AuditedAdmin, VersionedAdmin


class FundingCallInline(admin.TabularInline):
    model = FundingCall
    fields = ("title", "opens_on", "closes_on", "budget", "currency", "url", "is_sample")
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = ("name", "unit", "target", "achieved", "order")
    extra = 0


@admin.register(FundingInstrument)
class FundingInstrumentAdmin(VersionedAdmin):
    inlines = [FundingCallInline]
    list_display = ("__str__", "region", "country", "external_id", "is_sample")
    list_filter = ("region", "country", "is_sample")
    search_fields = ("programme", "name", "provider", "external_id")
    readonly_fields = ("version", "created_at", "updated_at")


@admin.register(FundingCall)
class FundingCallAdmin(AuditedAdmin):
    list_display = ("title", "instrument", "opens_on", "closes_on", "is_sample")
    list_filter = ("instrument__region", "is_sample")
    search_fields = ("title", "instrument__programme", "instrument__name")
    raw_id_fields = ("instrument",)
    readonly_fields = ("created_at", "updated_at")

    def audit_region(self, obj):
        return obj.instrument.region


@admin.register(Activity)
class ActivityAdmin(VersionedAdmin):
    inlines = [IndicatorInline]
    list_display = ("title", "region", "work_package", "status", "starts_on", "ends_on", "external_id", "is_sample")
    list_filter = ("region", "work_package", "status", "is_sample")
    search_fields = ("title", "responsible_text", "external_id")
    filter_horizontal = ("responsible", "instruments", "goals")
    raw_id_fields = ("engagements",)
    readonly_fields = ("version", "created_at", "updated_at")


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ("name", "activity", "unit", "target", "achieved")
    search_fields = ("name", "activity__title")
    raw_id_fields = ("activity",)

    def audit_region(self, obj):
        return obj.activity.region
