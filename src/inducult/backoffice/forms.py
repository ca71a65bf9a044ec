"""The audit log's filters (a GET form: it never writes)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inducult.core.models import AuditAction


class AuditFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    action = forms.ChoiceField(label=_("Action"), required=False)
    object_type = forms.ChoiceField(label=_("Record type"), required=False)

    def __init__(self, *args, object_types: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("any"))] + list(AuditAction.choices)
        self.fields["object_type"].choices = [("", _("any"))] + object_types

    def values(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {k: data.get(k, "") for k in ("q", "action", "object_type")}
