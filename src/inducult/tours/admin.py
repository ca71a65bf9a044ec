from django.contrib import admin

from inducult.core.admin import AuditedAdmin
from inducult.tours.models import TourProduct, TourProductStop, TourStart


@admin.register(TourStart)
class TourStartAdmin(AuditedAdmin):
    list_display = ("name", "region", "latitude", "longitude", "position")
    list_filter = ("region",)
    search_fields = ("name",)


class TourProductStopInline(admin.TabularInline):
    model = TourProductStop
    raw_id_fields = ("site",)
    extra = 0


@admin.register(TourProduct)
class TourProductAdmin(AuditedAdmin):
    list_display = ("title", "region", "slug", "mode", "is_published")
    list_filter = ("region", "is_published")
    search_fields = ("title", "slug")
    raw_id_fields = ("start", "start_site")
    inlines = [TourProductStopInline]
