"""The public directory's search and filters (a GET form: it never writes)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inducult.network.enums import OrganisationKind, Sector


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        strip=True,
        error_messages={"max_length": _("Shorten the search to at most %(limit_value)d characters.")},
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *OrganisationKind.choices],
        error_messages={"invalid_choice": _("Choose a kind from the list; “%(value)s” is not one of them.")},
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors")), *Sector.choices],
        error_messages={"invalid_choice": _("Choose a sector from the list; “%(value)s” is not one of them.")},
    )
    town = forms.ChoiceField(
        label=_("Town"),
        required=False,
        error_messages={"invalid_choice": _("Choose a town from the list; “%(value)s” is not one of them.")},
    )

    def __init__(self, *args, towns: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].choices = [("", _("All towns")), *((t, t) for t in towns)]

    def filters(self) -> dict[str, str]:
        """The valid filters only: one mistyped value in a shared link must not hide every result."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) or "" for name in self.fields if name not in self.errors}
