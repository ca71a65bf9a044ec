"""Strategies in the admin (superusers only): versions with their goals, milestones with their rules,
deliverables. Every save, inline ones included, is audited, and an edit of a goal, milestone or rule
moves its lock on (``core.admin.VersionedAdmin``)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from inducult.core.admin import AuditedAdmin, VersionedAdmin
from inducult.strategy.models import (
    CountRule,
    Deliverable,
    DeliverableRule,
    Milestone,
    StrategicGoal,
    Strategy,
    StrategyVersion,
)


class StrategyVersionInline(admin.TabularInline):
    model = StrategyVersion
    fields = ("label", "valid_from")
    show_change_link = True
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(AuditedAdmin):
    list_display = ("title", "region")
    list_filter = ("region",)
    search_fields = ("title",)
    inlines = [StrategyVersionInline]


class StrategicGoalInline(admin.StackedInline):
    model = StrategicGoal
    fields = ("code", "title", "description", "order", "translations", "source")
    extra = 0


@admin.register(StrategyVersion)
class StrategyVersionAdmin(VersionedAdmin):
    list_display = ("strategy", "label", "valid_from")
    list_filter = ("strategy__region",)
    inlines = [StrategicGoalInline]


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = (
            "version",
            "code",
            "title",
            "description",
            "goals",
            "first_year",
            "last_year",
            "is_standing_target",
            "order",
            "translations",
            "source",
        )

    def clean(self):
        cleaned = super().clean()
        version = cleaned.get("version")
        if version is not None:
            try:
                Milestone(version=version).check_goals(cleaned.get("goals") or ())
            except ValidationError as error:
                self.add_error("goals", error)
        return cleaned


class CountRuleInline(admin.TabularInline):
    model = CountRule
    raw_id_fields = ("topic",)
    extra = 0


class DeliverableRuleInline(admin.TabularInline):
    model = DeliverableRule
    fields = ("order", "key", "title", "due_date")
    extra = 0


@admin.register(Milestone)
class MilestoneAdmin(VersionedAdmin):
    form = MilestoneForm
    list_display = ("code", "title", "version", "first_year", "last_year", "is_standing_target")
    list_filter = ("version__strategy__region", "version", "is_standing_target")
    search_fields = ("code", "title")
    filter_horizontal = ("goals",)
    inlines = [CountRuleInline, DeliverableRuleInline]


@admin.register(Deliverable)
class DeliverableAdmin(AuditedAdmin):
    list_display = ("title", "rule", "dated", "is_sample")
    list_filter = ("rule__milestone__version__strategy__region", "is_sample")
    search_fields = ("title",)
    raw_id_fields = ("rule",)
