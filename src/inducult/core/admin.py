"""The admin's kernel: superusers only, every save and deletion audited, an edit of a versioned
record moving its version on; and the audit trail itself, read-only for everyone."""

from django.contrib import admin
from django.core.files import File
from django.db import models, transaction

from inducult.core import audit
from inducult.core.models import AuditAction, AuditEntry
from inducult.core.versioning import bump_version, is_versioned
from inducult.core.views.accounts import AdminSignInForm

# The admin's sign-in is throttled like the site's (core.views.accounts).
admin.site.login_form = AdminSignInForm


class SuperuserOnlyAdmin(admin.ModelAdmin):
    """The admin is the superuser's tool; region staff work in the back office, where rules apply."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


def _plain(value):
    # Related records by id: a name here would outlive an erasure of the person it names.
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple) and all(isinstance(v, models.Model) for v in value):
        return sorted(v.pk for v in value)  # many-to-many choices
    if isinstance(value, File):
        return value.name  # an upload by its name, never its content
    return audit.snapshot(_Holder(value), ["value"])["value"]


class _Holder:
    def __init__(self, value):
        self.value = value


class AuditedAdmin(SuperuserOnlyAdmin):
    """For models without a business action: the admin's saves and deletions are still audited."""

    def audit_region(self, obj):
        return getattr(obj, "region", None)

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            after = {name: _plain(form.cleaned_data.get(name)) for name in form.changed_data}
            if change:
                changes = {name: [_plain(form.initial.get(name)), value] for name, value in after.items()}
            else:
                changes = audit.created(after)
            audit.record(
                actor=request.user,
                action=AuditAction.CHANGE if change else AuditAction.CREATE,
                instance=obj,
                region=self.audit_region(obj),
                changes=changes,
            )

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit.record(actor=request.user, action=AuditAction.DELETE, instance=obj, region=self.audit_region(obj))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        """Inline records are audited too, in the region of the record they belong to."""
        region = self.audit_region(form.instance)
        with transaction.atomic():
            # Recorded before the deletion, while the record still has its id.
            for deleted in formset.deleted_forms:
                if deleted.instance.pk is not None:
                    audit.record(
                        actor=request.user, action=AuditAction.DELETE, instance=deleted.instance, region=region
                    )
            super().save_formset(request, form, formset, change)
            for obj in formset.new_objects:
                audit.record(actor=request.user, action=AuditAction.CREATE, instance=obj, region=region)
            for obj, changed in formset.changed_objects:
                inline_form = next(f for f in formset.forms if f.instance is obj)
                audit.record(
                    actor=request.user,
                    action=AuditAction.CHANGE,
                    instance=obj,
                    region=region,
                    changes={
                        name: [_plain(inline_form.initial.get(name)), _plain(inline_form.cleaned_data.get(name))]
                        for name in changed
                    },
                )


class VersionedAdmin(AuditedAdmin):
    """For models with a lock (``core.versioning``), and inline records that have one: an admin's
    edit counts as an edit, so a back-office form opened before it is refused rather than silently
    overwriting it."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if change and is_versioned(type(obj)):
                bump_version(obj)

    def save_formset(self, request, form, formset, change):
        with transaction.atomic():
            super().save_formset(request, form, formset, change)
            for obj, _changed in formset.changed_objects:
                if is_versioned(type(obj)):
                    bump_version(obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(SuperuserOnlyAdmin):
    list_display = ("created_at", "region", "actor_name", "action", "object_type", "object_repr")
    list_filter = ("action", "object_type", "region")
    search_fields = ("object_repr", "actor_name", "summary")
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    # The trail is evidence: nobody adds, edits or deletes entries by hand.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
