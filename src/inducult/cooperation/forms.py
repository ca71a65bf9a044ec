"""Forms of the cooperation back office. They check the shape of the input; the rules (kinds of the
pair, plausible pupils, dates in the school year) are the models' and are checked by the services,
whose messages the views put on the fields."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inducult.cooperation.domain import pairs
from inducult.cooperation.enums import ACTIVITY_TYPES, PARTNER_B_KIND, CooperationKind
from inducult.core.forms import DateInput
from inducult.engagement.enums import EngagementStatus
from inducult.network.enums import OrganisationKind, Sector
from inducult.network.models import Organisation


class OrganisationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.town})" if obj.town else obj.name


def _school_year_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=_("School year"),
        max_length=9,
        help_text=_("e.g. 2019/2020 (September to August)."),
        widget=forms.TextInput(attrs={"placeholder": "2019/2020", "inputmode": "numeric"}),
        **kwargs,
    )


def clean_year(text: str) -> int:
    year = pairs.parse_school_year(text)
    if year is None:
        raise forms.ValidationError(_("Write the school year as 2019/2020."))
    return year


class CooperationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CooperationKind.choices, widget=forms.RadioSelect)
    partner_a = OrganisationChoice(label=_("School or creative"), queryset=Organisation.objects.none())
    partner_b = OrganisationChoice(label=_("Enterprise"), queryset=Organisation.objects.none())
    school_year = _school_year_field()
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    source = forms.CharField(
        label=_("Source"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Where the facts of this record come from."),
    )
    is_sample = forms.BooleanField(label=_("Sample (made up for demonstration)"), required=False)

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        active = Organisation.objects.active().filter(region=region)
        self.fields["partner_a"].queryset = active.filter(
            Q(kind=OrganisationKind.SCHOOL) | Q(kind=OrganisationKind.CREATIVE)
        )
        self.fields["partner_b"].queryset = active.filter(kind=PARTNER_B_KIND)

    def clean_school_year(self) -> int:
        return clean_year(self.cleaned_data["school_year"])

    def domain_data(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("note", "source"):
            data[name] = data[name].strip()
        return data


class CooperationEditForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    source = forms.CharField(label=_("Source"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    is_sample = forms.BooleanField(label=_("Sample (made up for demonstration)"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def domain_data(self) -> dict:
        return {
            "note": self.cleaned_data["note"].strip(),
            "source": self.cleaned_data["source"].strip(),
            "is_sample": self.cleaned_data["is_sample"],
        }


class ActivityForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"))
    date = forms.DateField(label=_("Date"), widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=EngagementStatus.choices, initial=EngagementStatus.PLANNED)
    pupils = forms.IntegerField(
        label=_("Pupils taking part"), required=False, help_text=_("A count only; pupils are never recorded by name.")
    )
    teacher_feedback = forms.CharField(
        label=_("Teachers' feedback"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    pupil_feedback = forms.CharField(
        label=_("Pupils' feedback"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown only in the back office. Leave out pupils' names."),
    )
    source = forms.CharField(label=_("Source"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    is_sample = forms.BooleanField(label=_("Sample (made up for demonstration)"), required=False)

    DATA_FIELDS = ("type", "date", "pupils", "teacher_feedback", "pupil_feedback", "source", "is_sample")

    def __init__(self, *args, cooperation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [(t.value, t.label) for t in ACTIVITY_TYPES[CooperationKind(cooperation.kind)]]
        if not cooperation.is_school:
            del self.fields["pupils"]
            self.fields["teacher_feedback"].label = _("Feedback of the creatives")
            self.fields["pupil_feedback"].label = _("Feedback of the enterprise")
            self.fields["pupil_feedback"].help_text = ""

    def domain_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.DATA_FIELDS if name in self.cleaned_data}
        for name in ("teacher_feedback", "pupil_feedback", "source"):
            data[name] = data[name].strip()
        return data


class ActivityCreateForm(ActivityForm):
    title = forms.CharField(
        label=_("Title in the engagement log"),
        required=False,
        max_length=300,
        help_text=_("Leave empty for “type: school – enterprise”."),
    )
    public = forms.BooleanField(
        label=_("Public engagement"),
        required=False,
        help_text=_("May appear on the region's public pages (never the feedback or the pupils' count)."),
    )


class ActivityEditForm(ActivityForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ListFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("School year"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All"))] + CooperationKind.choices)
    q = forms.CharField(label=_("Organisation"), required=False, max_length=100)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All"))] + [(y, pairs.school_year_label(y)) for y in years]

    def filter(self, cooperations):
        if not self.is_valid():
            return cooperations
        data = self.cleaned_data
        if data["year"] is not None:
            cooperations = cooperations.filter(school_year=data["year"])
        if data["kind"]:
            cooperations = cooperations.filter(kind=data["kind"])
        if data["q"].strip():
            q = data["q"].strip()
            cooperations = cooperations.filter(
                Q(partner_a__name__icontains=q)
                | Q(partner_b__name__icontains=q)
                | Q(partner_a__short_name__icontains=q)
                | Q(partner_b__short_name__icontains=q)
            )
        return cooperations


class SuggestionForm(forms.Form):
    sectors = forms.MultipleChoiceField(
        label=_("Sectors wanted"),
        required=False,
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Empty: the school's or creative's own sectors."),
    )
