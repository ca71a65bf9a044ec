"""Sites in the admin (superusers only), audited like every other write."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from inducult.core.admin import AuditedAdmin, VersionedAdmin
from inducult.heritage.models import Event, Exhibition, ExhibitionStop, Festival, Showcase, Site, SitePhoto


class SitePhotoInline(admin.TabularInline):
    """Read-only: photos are added on the site's photos page, where they are checked and re-encoded."""

    model = SitePhoto
    fields = ("alt_text", "credit", "width", "height", "position", "removed_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Site)
class SiteAdmin(VersionedAdmin):
    inlines = [SitePhotoInline]
    list_display = ("name", "region", "kind", "town", "external_id", "needs_hours_check", "is_sample")
    list_filter = ("region", "kind", "is_sample")
    search_fields = ("name", "town", "external_id")
    raw_id_fields = ("organisation",)
    readonly_fields = ("version", "created_at", "updated_at")

    @admin.display(boolean=True, description=_("opening hours to check"))
    def needs_hours_check(self, site: Site) -> bool:
        return bool(site.opening_hours_review)


class ShowcaseInline(admin.TabularInline):
    model = Showcase
    raw_id_fields = ("lender",)
    extra = 0


class StopInline(admin.TabularInline):
    model = ExhibitionStop
    raw_id_fields = ("site", "event")
    extra = 0


@admin.register(Exhibition)
class ExhibitionAdmin(AuditedAdmin):
    list_display = ("title", "region", "is_sample")
    inlines = [ShowcaseInline, StopInline]


@admin.register(Festival)
class FestivalAdmin(AuditedAdmin):
    list_display = ("name", "region", "starts_on", "ends_on", "is_sample")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Event)
class EventAdmin(AuditedAdmin):
    list_display = ("title", "region", "starts_at", "status", "is_sample")
    list_filter = ("region", "status", "is_sample")
    raw_id_fields = ("site", "organisation", "festival", "engagement", "submitted_by", "reviewed_by")
