"""The audit trail: who changed what, when, with the values before and after."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("created")
    CHANGE = "change", _("changed")
    ARCHIVE = "archive", _("archived")
    RESTORE = "restore", _("restored")
    IMPORT = "import", _("imported")
    EXPORT = "export", _("exported personal data")
    ERASE = "erase", _("erased personal data")
    DELETE = "delete", _("deleted")


class AuditEntry(models.Model):
    """One change to shared data. Written by the business actions in the same transaction as the
    change itself, so an entry exists exactly when the change does."""

    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="audit_entries"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # Kept as text too, so the trail still says who acted after an account is deleted.
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    object_type = models.CharField(max_length=60)  # "network.organisation"
    object_id = models.CharField(max_length=40, blank=True)
    object_repr = models.CharField(max_length=300, blank=True)
    # {"field": [before, after], ...}; for a create only "after" values are meaningful.
    changes = models.JSONField(default=dict, blank=True)
    summary = models.CharField(max_length=500, blank=True)
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["region", "-created_at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"


class SubmittedForm(models.Model):
    """A rendered create form that was sent and taken (``core.submissions``): its one-time token and
    the page its record is shown on, where a second sending of the same form lands instead of
    creating the record again. Kept a day."""

    token = models.CharField(max_length=32, unique=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.token
