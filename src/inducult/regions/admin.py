from django.contrib import admin

from inducult.core.admin import AuditedAdmin
from inducult.regions.models import Region, RegionRole


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ("name", "slug", "country", "default_language", "time_zone")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def audit_region(self, obj):
        return obj


@admin.register(RegionRole)
class RegionRoleAdmin(AuditedAdmin):
    list_display = ("user", "region", "role", "organisation")
    list_filter = ("region", "role")
    search_fields = ("user__username", "user__email")
    raw_id_fields = ("user", "organisation")
