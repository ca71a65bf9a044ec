"""Forms of the registry: organisations, people and their roles, relationships between organisations,
the steps of the spreadsheet import, and the back office's and the public directory's search and
filters (GET forms that never write). They only validate and shape input; the services write."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inducult.core.forms import DateInput
from inducult.core.text import split_tags
from inducult.network.enums import OrganisationKind, Sector
from inducult.network.models import Membership, Organisation, OrganisationRelationship, Person
from inducult.network.services.importing.mapping import IGNORE, TARGETS
from inducult.network.services.importing.reading import ENCODINGS, EXTENSIONS, not_a_spreadsheet
from inducult.network.services.search import SORTS, OrganisationQuery

# Languages a coordinator may add a translation of the public texts in.
TRANSLATION_LANGUAGES = (("en", _("English")), ("de", _("German")))
TRANSLATED_FIELDS = ("name", "description")


def _interpolate(message, params) -> str:
    return message % params


# Form classes are built at import time; the messages must be translated when shown, not then.
interpolate_lazy = lazy(_interpolate, str)


class CoordinateField(forms.DecimalField):
    """Decimal degrees; accepts a decimal comma as typed on Czech and German keyboards."""

    def __init__(self, *, limit: int, label, example: str, **kwargs):
        message = interpolate_lazy(
            _("%(label)s must be between -%(limit)s and %(limit)s degrees, e.g. %(example)s."),
            {"label": label, "limit": limit, "example": example},
        )
        super().__init__(
            label=label,
            required=False,
            max_digits=9,
            decimal_places=6,
            min_value=-limit,
            max_value=limit,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            help_text=interpolate_lazy(_("Decimal degrees, e.g. %(example)s."), {"example": example}),
            error_messages={
                "min_value": message,
                "max_value": message,
                "invalid": interpolate_lazy(
                    _("Enter a number in decimal degrees, e.g. %(example)s."), {"example": example}
                ),
                "max_decimal_places": _("Use at most 6 decimal places."),
                "max_digits": message,
                "max_whole_digits": message,
            },
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class OrganisationForm(forms.ModelForm):
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=480,
        help_text=_("Separate tags with commas, e.g. porcelain, guided tours."),
    )
    latitude = CoordinateField(limit=90, label=_("Latitude"), example="50.2305")
    longitude = CoordinateField(limit=180, label=_("Longitude"), example="12.6632")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "kind",
            "sectors",
            "town",
            "address",
            "latitude",
            "longitude",
            "website",
            "email",
            "phone",
            "description",
            "tags",
            "influence",
            "interest",
            "position",
            "source",
            "is_sample",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "source": forms.Textarea(attrs={"rows": 2})}

    # The coordinator's assessment of a stakeholder; the organisation's own editor does not rate itself.
    ASSESSMENT_FIELDS = ("influence", "interest", "position", "is_sample")

    def __init__(self, *args, can_assess: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_assess:
            for name in self.ASSESSMENT_FIELDS:
                del self.fields[name]
        translations = self.instance.translations or {}
        for code, language in TRANSLATION_LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name in %(language)s") % {"language": language},
                required=False,
                max_length=300,
                initial=(translations.get("name") or {}).get(code, ""),
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s") % {"language": language},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=(translations.get("description") or {}).get(code, ""),
            )
        if self.instance.pk and not self.is_bound:
            self.initial["tags"] = ", ".join(self.instance.tags)
        self.fields["website"].help_text = _("The full address, starting with https://")

    def clean_tags(self) -> list[str]:
        tags = split_tags(self.cleaned_data.get("tags", ""))
        too_long = [t for t in tags if len(t) > 60]
        if too_long:
            raise forms.ValidationError(
                _("Keep each tag under 60 characters; shorten: %(tags)s"), params={"tags": ", ".join(too_long)}
            )
        return tags

    def clean(self):
        cleaned = super().clean()
        lat_given = self.data.get(self.add_prefix("latitude"), "").strip() != ""
        lon_given = self.data.get(self.add_prefix("longitude"), "").strip() != ""
        if lat_given and not lon_given:
            self.add_error("longitude", _("Give the longitude too, or clear the latitude."))
            cleaned.pop("latitude", None)
        elif lon_given and not lat_given:
            self.add_error("latitude", _("Give the latitude too, or clear the longitude."))
            cleaned.pop("longitude", None)
        return cleaned

    def main_fields(self):
        return [self[name] for name in self._meta.fields if name in self.fields]

    def translation_fields(self):
        return [self[f"{field}_{code}"] for code, _language in TRANSLATION_LANGUAGES for field in TRANSLATED_FIELDS]

    def domain_data(self) -> dict:
        """The cleaned values as the business actions take them, translations folded into one dict."""
        data = {name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields}
        translations = {k: dict(v or {}) for k, v in (self.instance.translations or {}).items()}
        for field in TRANSLATED_FIELDS:
            texts = translations.setdefault(field, {})
            for code, _language in TRANSLATION_LANGUAGES:
                value = self.cleaned_data.get(f"{field}_{code}", "").strip()
                if value:
                    texts[code] = value
                else:
                    texts.pop(code, None)
        data["translations"] = {k: v for k, v in translations.items() if v}
        return data


class VersionedFormMixin:
    """Carries the version the edit started from, for the business action's optimistic check."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, initial=self.instance.version)


class OrganisationEditForm(VersionedFormMixin, OrganisationForm):
    pass


class OrganisationCreateForm(OrganisationForm):
    create_anyway = forms.BooleanField(
        label=_("Create anyway: this is a different organisation"),
        required=False,
    )


class OrganisationFilterForm(forms.Form):
    ARCHIVED_CHOICES = (("no", _("Active")), ("yes", _("Archived")), ("all", _("All")))
    SORT_CHOICES = (
        ("name", _("Name A–Z")),
        ("-name", _("Name Z–A")),
        ("town", _("Town")),
        ("kind", _("Kind")),
        ("-updated", _("Recently updated")),
    )

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    town = forms.ChoiceField(label=_("Town"), required=False)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=60)
    archived = forms.ChoiceField(label=_("Status"), required=False, choices=ARCHIVED_CHOICES)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, towns: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        any_choice = [("", _("any"))]
        self.fields["kind"].choices = any_choice + list(OrganisationKind.choices)
        self.fields["sector"].choices = any_choice + list(Sector.choices)
        self.fields["town"].choices = any_choice + [(t, t) for t in towns]

    def query(self) -> OrganisationQuery:
        """The search the form describes; a value that does not validate is ignored, not an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        sort = data.get("sort") or "name"
        return OrganisationQuery(
            text=data.get("q", ""),
            kind=data.get("kind", ""),
            sector=data.get("sector", ""),
            town=data.get("town", ""),
            tag=data.get("tag", ""),
            archived=data.get("archived") or "no",
            sort=sort if sort in SORTS else "name",
        )


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "title",
            "first_name",
            "last_name",
            "email",
            "phone",
            "language",
            "lawful_basis",
            "consent_date",
            "notes",
            "is_sample",
        ]
        widgets = {
            "consent_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"] = forms.ChoiceField(
            label=_("Language"),
            required=False,
            choices=[("", _("not known"))] + list(settings.LANGUAGES),
            help_text=_("Preferred language for contact"),
        )
        self.fields["consent_date"].help_text = _("Required when the lawful basis is consent.")

    def domain_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class PersonEditForm(VersionedFormMixin, PersonForm):
    pass


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)


class MembershipForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())

    class Meta:
        model = Membership
        fields = ["organisation", "role", "start_date", "end_date"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
        }

    def __init__(self, *args, region, **kwargs):
        kwargs.setdefault("prefix", "membership")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(region=region).active().order_by("name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end must not be before the start."))
        return cleaned

    def _post_clean(self):
        # The person is set by the business action; model validation there covers the rest.
        pass


class MembershipEndForm(forms.Form):
    end_date = forms.DateField(
        label=_("End date"),
        widget=DateInput(),
        error_messages={"required": _("Give the date the role ended.")},
    )

    def __init__(self, *args, membership, **kwargs):
        kwargs.setdefault("prefix", f"end-{membership.pk}")
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_end_date(self):
        end = self.cleaned_data["end_date"]
        start = self.membership.start_date
        if start and end < start:
            raise forms.ValidationError(
                _("The end must not be before the start (%(start)s)."), params={"start": start.isoformat()}
            )
        return end


class RelationshipForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationRelationship.Kind.choices)
    target = forms.ModelChoiceField(
        label=_("Related organisation"),
        queryset=Organisation.objects.none(),
        error_messages={
            "invalid_choice": _(
                "Choose another current organisation of this region: not this one (an organisation cannot have a "
                "relationship with itself), nor one of another region or archived."
            )
        },
    )
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DateInput())
    valid_to = forms.DateField(label=_("Valid to"), required=False, widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = (
            Organisation.objects.filter(region_id=organisation.region_id, archived_at__isnull=True)
            .exclude(pk=organisation.pk)
            .order_by("name")
        )


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


# --- The spreadsheet import's steps (the work is in services.importing) ---------------------------


class UploadForm(forms.Form):
    # An empty file gets the importer's own message, which says what the file should hold.
    file = forms.FileField(
        label=_("Spreadsheet"),
        allow_empty_file=True,
        help_text=_("A CSV or XLSX file with the column names in the first row and one organisation per row."),
    )
    encoding = forms.ChoiceField(
        label=_("Encoding of a CSV file"),
        choices=ENCODINGS,
        initial="auto",
        help_text=_("Leave it on automatic unless the preview shows garbled letters."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.INDUCULT_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                gettext("This file is %(size)s; files up to %(limit)s can be imported. Split it into smaller files.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(not_a_spreadsheet(gettext("The file name must end in .csv or .xlsx.")).message)
        return upload


def target_choices():
    organisation = [(code, t.label) for code, t in TARGETS.items() if not t.contact]
    contact = [(code, t.label) for code, t in TARGETS.items() if t.contact]
    return [
        (IGNORE, _("— ignore this column —")),
        (_("Organisation"), organisation),
        (_("Contact person"), contact),
    ]


class MappingForm(forms.Form):
    encoding = forms.ChoiceField(label=_("Encoding"), choices=ENCODINGS)

    def __init__(self, *args, columns: list[str], samples: list[str], mapping: list[str], is_csv: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_csv:
            del self.fields["encoding"]
        choices = target_choices()
        for index, column in enumerate(columns):
            sample = samples[index] if index < len(samples) else ""
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=column,
                choices=choices,
                required=False,
                initial=mapping[index] if index < len(mapping) else IGNORE,
                help_text=gettext("e.g. %(value)s") % {"value": sample[:60]} if sample else "",
            )
        self.width = len(columns)

    @property
    def column_fields(self):
        return [self[f"column_{i}"] for i in range(self.width)]

    def mapping(self) -> list[str]:
        return [self.cleaned_data.get(f"column_{i}") or IGNORE for i in range(self.width)]


class RunForm(forms.Form):
    only_valid = forms.BooleanField(required=False)
    expected_valid = forms.IntegerField(required=False, min_value=0)
