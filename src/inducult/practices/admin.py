"""The good-practice library in the admin (superusers only), audited like every other write."""

from __future__ import annotations

from django.contrib import admin

from inducult.core.admin import AuditedAdmin
from inducult.practices.models import GoodPractice, PracticeAttachment


class PracticeAttachmentInline(admin.TabularInline):
    model = PracticeAttachment
    fields = ("file", "file_name", "description", "content_type", "size")
    readonly_fields = ("file_name", "content_type", "size")
    extra = 0


@admin.register(GoodPractice)
class GoodPracticeAdmin(AuditedAdmin):
    inlines = [PracticeAttachmentInline]
    list_display = ("title", "region", "theme", "language", "shared", "archived_at", "is_sample")
    list_filter = ("region", "theme", "shared", "is_sample")
    search_fields = ("title", "summary", "results", "external_id")
    readonly_fields = ("shared", "shared_at", "archived_at", "version", "created_by", "created_at", "updated_at")

    def save_model(self, request, obj, form, change):
        # An admin save counts as an edit: it moves the version on, so an open back-office form notices.
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
