"""The good-practice library in the admin (superusers only), audited like every other write."""

from __future__ import annotations

from django.contrib import admin

from inducult.core.admin import VersionedAdmin
from inducult.practices.models import GoodPractice, PracticeAttachment


class PracticeAttachmentInline(admin.TabularInline):
    model = PracticeAttachment
    fields = ("file", "file_name", "description", "content_type", "size")
    readonly_fields = ("file_name", "content_type", "size")
    extra = 0


@admin.register(GoodPractice)
class GoodPracticeAdmin(VersionedAdmin):
    inlines = [PracticeAttachmentInline]
    list_display = ("title", "region", "theme", "language", "shared", "archived_at", "is_sample")
    list_filter = ("region", "theme", "shared", "is_sample")
    search_fields = ("title", "summary", "results", "external_id")
    readonly_fields = ("shared", "shared_at", "archived_at", "version", "created_by", "created_at", "updated_at")
