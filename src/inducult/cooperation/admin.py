"""Cooperation in the admin (superusers only), audited like every other write.

Activities are read-only here: each is written with its engagement by ``services.add_activity``,
which the admin cannot do for them."""

from __future__ import annotations

from django.contrib import admin

from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.core.admin import VersionedAdmin


class ActivityInline(admin.TabularInline):
    model = CooperationActivity
    fields = ("date", "type", "pupils", "engagement", "is_sample")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Cooperation)
class CooperationAdmin(VersionedAdmin):
    inlines = [ActivityInline]
    list_display = ("__str__", "region", "kind", "school_year", "is_sample")
    list_filter = ("region", "kind", "school_year", "is_sample")
    search_fields = ("partner_a__name", "partner_b__name")
    raw_id_fields = ("partner_a", "partner_b")
    readonly_fields = ("version", "created_at", "updated_at")
