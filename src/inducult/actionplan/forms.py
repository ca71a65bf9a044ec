"""The activity form (with its indicators as a formset) and the list filters."""

from __future__ import annotations

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from inducult.actionplan.enums import ActivityStatus, Theme, WorkPackage
from inducult.actionplan.models import Activity, FundingInstrument, Indicator
from inducult.core.forms import DateInput
from inducult.engagement.models import Engagement
from inducult.network.models import Organisation
from inducult.strategy.models import StrategicGoal

RELATIONS = Activity.AUDITED_RELATIONS


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = (
            "work_package",
            "title",
            "description",
            "status",
            "themes",
            "responsible",
            "responsible_text",
            "starts_on",
            "ends_on",
            "funding_form",
            "instruments",
            "budget",
            "currency",
            "goals",
            "engagements",
            "source",
        )
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "source": forms.Textarea(attrs={"rows": 2}),
            "instruments": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = Organisation.objects.active().filter(region=region).order_by("name")
        self.fields["instruments"].queryset = FundingInstrument.objects.filter(region=region)
        self.fields["goals"].queryset = StrategicGoal.objects.filter(version__strategy__region=region).select_related(
            "version"
        )
        self.fields["engagements"].queryset = (
            Engagement.objects.filter(region=region).select_related("region").order_by("-starts_at")
        )
        self.fields["responsible"].help_text = _("Hold Ctrl (⌘ on a Mac) to choose more than one.")
        self.fields["engagements"].help_text = _("Meetings and events of the log that belong to this activity.")

    def domain_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name not in RELATIONS}
        for name in ("title", "description", "responsible_text", "funding_form", "source"):
            data[name] = (data[name] or "").strip()
        return data

    def relations(self) -> dict:
        return {name: list(self.cleaned_data[name]) for name in RELATIONS}


class ActivityEditForm(ActivityForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, initial=self.instance.version)


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=300)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2, required=False)
    achieved = forms.DecimalField(label=_("Achieved"), max_digits=14, decimal_places=2, required=False)

    def clean(self):
        data = super().clean()
        for name in ("target", "achieved"):
            if data.get(name) is not None and data[name] < 0:
                self.add_error(name, Indicator._meta.get_field(name).validators[0].message)
        return data


IndicatorFormSet = formset_factory(IndicatorForm, extra=1, can_delete=True)


def indicator_initial(activity: Activity | None) -> list[dict]:
    if activity is None:
        return []
    return [
        {"name": i.name, "unit": i.unit, "target": i.target, "achieved": i.achieved} for i in activity.indicators.all()
    ]


def indicator_rows(formset) -> list[dict]:
    """The indicators the formset keeps, in order (empty extra forms and deleted ones left out)."""
    return [
        {name: f.cleaned_data.get(name) for name in ("name", "unit", "target", "achieved")}
        for f in formset.forms
        if f.has_changed() and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("name")
    ]


class ActivityFilterForm(forms.Form):
    work_package = forms.ChoiceField(
        label=_("Work package"), choices=[("", _("All"))] + WorkPackage.choices, required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All"))] + ActivityStatus.choices, required=False)
    theme = forms.ChoiceField(label=_("Theme"), choices=[("", _("All"))] + Theme.choices, required=False)

    def filter(self, activities):
        if not self.is_valid():
            return activities
        data = self.cleaned_data
        if data["work_package"]:
            activities = activities.filter(work_package=data["work_package"])
        if data["status"]:
            activities = activities.filter(status=data["status"])
        if data["theme"]:
            activities = activities.filter(themes__contains=f",{data['theme']},")
        return activities
