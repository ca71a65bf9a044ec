"""The practice form (with optional translations and files) and the library's search and filters."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from inducult.core.files import ALLOWED_ATTACHMENTS_HELP
from inducult.core.forms import MultipleFileField
from inducult.core.translated import TRANSLATED_FROM
from inducult.network.models import Organisation
from inducult.practices.enums import PARTNER_LANGUAGES, PracticeTheme, Scope
from inducult.practices.models import GoodPractice, PracticeAttachment, language_name

TEXT_FIELDS = GoodPractice.TEXT_FIELDS


def language_choices() -> list:
    """The partners' languages first, then every other two-letter code Django knows, by name."""
    others = sorted(
        (code for code in LANG_INFO if len(code) == 2 and "name" in LANG_INFO[code] and code not in PARTNER_LANGUAGES),
        key=lambda code: LANG_INFO[code]["name"],
    )
    return [
        (_("Languages of the partners"), [(code, language_name(code)) for code in PARTNER_LANGUAGES]),
        (_("Other languages"), [(code, language_name(code)) for code in others]),
    ]


class PracticeForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Written in"), choices=language_choices)
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=ALLOWED_ATTACHMENTS_HELP,
    )

    class Meta:
        model = GoodPractice
        fields = ("title", "theme", "language", "summary", "results", "contact_organisation", "source")
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "source": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["contact_organisation"].queryset = (
            Organisation.objects.active().filter(region=region).order_by("name_key", "id")
        )
        if not self.instance.pk:
            self.fields["language"].initial = region.default_language
        existing = self.instance.translations or {}
        for code, name in settings.LANGUAGES:
            for field in TEXT_FIELDS:
                model_field = GoodPractice._meta.get_field(field)
                self.fields[f"tr_{code}_{field}"] = forms.CharField(
                    label=f"{model_field.verbose_name} ({name})",
                    required=False,
                    max_length=getattr(model_field, "max_length", None),
                    widget=forms.TextInput() if field == "title" else forms.Textarea(attrs={"rows": 3}),
                    initial=(existing.get(field) or {}).get(code, ""),
                )

    def translation_fields(self) -> list[dict]:
        """The translation inputs grouped by language, for the template."""
        return [
            {"code": code, "name": name, "fields": [self[f"tr_{code}_{field}"] for field in TEXT_FIELDS]}
            for code, name in settings.LANGUAGES
        ]

    def clean(self):
        data = super().clean()
        language = data.get("language")
        for field in TEXT_FIELDS:
            if language and (data.get(f"tr_{language}_{field}") or "").strip():
                self.add_error(
                    f"tr_{language}_{field}",
                    _("The practice is written in this language; put the text in the fields above."),
                )
        return data

    def translations(self) -> dict:
        data = self.cleaned_data
        result: dict[str, dict[str, str]] = {}
        for code, _name in settings.LANGUAGES:
            for field in TEXT_FIELDS:
                text = (data.get(f"tr_{code}_{field}") or "").strip()
                if text:
                    result.setdefault(field, {})[code] = text
        # The mark of the platform's own translations stays with the languages still translated
        # (docs/decisions/0018-translation-fallback-and-marks.md).
        ours = (self.instance.translations or {}).get(TRANSLATED_FROM) or {}
        if kept := {code: source for code, source in ours.items() if any(code in texts for texts in result.values())}:
            result[TRANSLATED_FROM] = kept
        return result

    def domain_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        for name in ("title", "summary", "results", "source"):
            data[name] = (data[name] or "").strip()
        data["translations"] = self.translations()
        return data


class PracticeEditForm(PracticeForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Remove attachments"),
        queryset=PracticeAttachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["remove_attachments"].queryset = self.instance.attachments.all()
        if not self.fields["remove_attachments"].queryset.exists():
            del self.fields["remove_attachments"]


class PracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), choices=[("", _("All"))] + PracticeTheme.choices, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    scope = forms.ChoiceField(label=_("Show"), choices=Scope.choices, required=False)
    archived = forms.BooleanField(label=_("Archived only"), required=False)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All"))] + [(code, code) for code in countries]

    def query(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "text": data["q"],
            "theme": data["theme"],
            "country": data["country"],
            "scope": data["scope"] or Scope.ALL,
            "archived": data["archived"],
        }
