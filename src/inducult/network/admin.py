"""The registry in the admin (superusers only). Saves go through the business actions, so the
admin's changes are validated and audited like any other."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from inducult.core import audit
from inducult.core.admin import AuditedAdmin, SuperuserOnlyAdmin
from inducult.core.models import AuditAction
from inducult.network.models import Membership, Organisation, OrganisationRelationship, Person
from inducult.network.services import organisations, people


def _adopt(obj, saved) -> None:
    """Make the admin's unsaved instance the saved one, so the admin's redirects and log work."""
    obj.__dict__.update({k: v for k, v in saved.__dict__.items() if k != "_state"})
    obj._state.adding = False
    obj._state.db = saved._state.db


@admin.register(Organisation)
class OrganisationAdmin(SuperuserOnlyAdmin):
    list_display = ("name", "region", "kind", "town", "is_sample", "archived_at", "updated_at")
    list_filter = ("region", "kind", "is_sample", ("archived_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "short_name", "town")
    readonly_fields = ("archived_at", "version", "created_at", "updated_at")
    actions = ["archive", "restore"]

    def save_model(self, request, obj, form, change):
        data = {name: getattr(obj, name) for name in Organisation.AUDITED_FIELDS}
        if change:
            stored = Organisation.objects.get(pk=obj.pk)
            saved = organisations.update_organisation(
                organisation=stored, actor=request.user, data=data, version=stored.version
            )
            if stored.region_id != obj.region_id:
                messages.warning(request, _("An organisation cannot move to another region; the region was kept."))
        else:
            saved = organisations.create_organisation(region=obj.region, actor=request.user, data=data)
        _adopt(obj, saved)

    def delete_model(self, request, obj):
        audit.record(actor=request.user, action=AuditAction.DELETE, instance=obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    @admin.action(description=_("Archive the selected organisations"))
    def archive(self, request, queryset):
        for org in queryset:
            organisations.archive_organisation(organisation=org, actor=request.user)

    @admin.action(description=_("Restore the selected organisations"))
    def restore(self, request, queryset):
        for org in queryset:
            organisations.restore_organisation(organisation=org, actor=request.user)


@admin.register(Person)
class PersonAdmin(SuperuserOnlyAdmin):
    list_display = ("__str__", "region", "email", "lawful_basis", "is_sample", "erased_at")
    list_filter = ("region", "lawful_basis", "is_sample")
    search_fields = ("last_name", "first_name", "email")
    readonly_fields = ("erased_at", "version", "created_at", "updated_at")
    actions = ["erase"]

    def save_model(self, request, obj, form, change):
        data = {name: getattr(obj, name) for name in Person.AUDITED_FIELDS}
        if change:
            stored = Person.objects.get(pk=obj.pk)
            saved = people.update_person(person=stored, actor=request.user, data=data, version=stored.version)
        else:
            saved = people.create_person(region=obj.region, actor=request.user, data=data)
        _adopt(obj, saved)

    def has_delete_permission(self, request, obj=None):
        # Erasure (which keeps the anonymous record and the trail) is the way to remove a person.
        return False

    @admin.action(description=_("Erase the personal data of the selected people"))
    def erase(self, request, queryset):
        for person in queryset:
            people.erase_person(person=person, actor=request.user)


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("person", "organisation", "role", "start_date", "end_date")
    list_filter = ("organisation__region",)
    raw_id_fields = ("person", "organisation")

    def audit_region(self, obj):
        return obj.organisation.region

    def has_delete_permission(self, request, obj=None):
        # A role ends (end date) rather than disappearing; the trail of a deleted one would keep the name.
        return False


@admin.register(OrganisationRelationship)
class OrganisationRelationshipAdmin(AuditedAdmin):
    list_display = ("source", "kind", "target", "valid_from", "valid_to")
    list_filter = ("kind", "source__region")
    search_fields = ("source__name", "target__name", "note")
    raw_id_fields = ("source", "target")
    readonly_fields = ("created_at",)

    def audit_region(self, obj):
        return obj.source.region if obj.source_id else None
