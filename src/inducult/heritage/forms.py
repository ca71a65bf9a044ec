"""The public site finder's filters (a GET form: it never writes; the URL keeps the filters)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inducult.heritage.enums import SiteKind, TourLanguage
from inducult.network.enums import Sector


class SiteFilterForm(forms.Form):
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors")), *Sector.choices],
        error_messages={"invalid_choice": _("Choose a sector from the list; “%(value)s” is not one of them.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *SiteKind.choices],
        error_messages={"invalid_choice": _("Choose a kind from the list; “%(value)s” is not one of them.")},
    )
    open_on = forms.DateField(
        label=_("Open on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Give the day as a date, e.g. 2026-07-11.")},
    )
    wheelchair = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    language = forms.ChoiceField(
        label=_("Guided tours in"),
        required=False,
        choices=[("", _("Any language")), *TourLanguage.choices],
        error_messages={"invalid_choice": _("Choose a language from the list; “%(value)s” is not one of them.")},
    )

    def filters(self) -> dict:
        """The valid filters only: one mistyped value in a shared link must not hide every result."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors}
