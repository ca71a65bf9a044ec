"""The engagement log in the admin (superusers only): every save, inline ones included, is audited,
and records of another region are refused with the same messages as everywhere else."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from inducult.core.admin import AuditedAdmin, VersionedAdmin
from inducult.engagement.models import Attachment, Engagement, EngagementParticipant, FollowUpTask, Topic


@admin.register(Topic)
class TopicAdmin(AuditedAdmin):
    list_display = ("name", "region")
    list_filter = ("region",)
    search_fields = ("name",)


class EngagementForm(forms.ModelForm):
    class Meta:
        model = Engagement
        fields = (
            "region",
            "kind",
            "status",
            "title",
            "starts_at",
            "ends_at",
            "date_only",
            "place_text",
            "place_organisation",
            "anonymous_head_count",
            "topics",
            "minutes",
            "outcomes",
            "visibility",
            "goals",
            "translations",
            "source",
            "is_sample",
        )

    def clean(self):
        cleaned = super().clean()
        region = cleaned.get("region")
        if region is not None:
            try:
                Engagement(region=region).check_links(
                    topics=cleaned.get("topics") or (), goals=cleaned.get("goals") or ()
                )
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


class ParticipantInline(admin.TabularInline):
    model = EngagementParticipant
    raw_id_fields = ("organisation", "person")
    extra = 0


class FollowUpTaskInline(admin.TabularInline):
    model = FollowUpTask
    raw_id_fields = ("owner",)
    fields = ("title", "owner", "due_date", "done_at")
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ("file", "description", "file_name", "content_type", "size")
    readonly_fields = ("file_name", "content_type", "size")
    extra = 0


@admin.register(Engagement)
class EngagementAdmin(VersionedAdmin):
    form = EngagementForm
    list_display = ("title", "region", "kind", "status", "starts_at", "visibility", "is_sample")
    list_filter = ("region", "kind", "status", "visibility", "is_sample")
    search_fields = ("title", "place_text")
    date_hierarchy = "starts_at"
    raw_id_fields = ("place_organisation",)
    filter_horizontal = ("topics", "goals")
    readonly_fields = ("version", "created_at", "updated_at")
    inlines = [ParticipantInline, FollowUpTaskInline, AttachmentInline]
