"""Forms of the version pages: actualise, edit a goal or a milestone, edit a rule.

They collect and check input only; ``strategy.services.versions`` writes and audits.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from inducult.core.forms import DateInput
from inducult.engagement.enums import EngagementKind
from inducult.engagement.models import Topic
from inducult.engagement.validators import validate_engagement_kinds
from inducult.network.enums import OrganisationKind
from inducult.strategy.models import YEAR_VALIDATORS


class ActualisationForm(forms.Form):
    label = forms.CharField(label=_("Label"), max_length=120, help_text=_("e.g. 2021 actualisation"))
    valid_from = forms.DateField(
        label=_("In force from"),
        widget=DateInput(),
        help_text=_("Must be after the day the current version came into force."),
    )


class LockedForm(forms.Form):
    """An edit of a stored goal, milestone or rule carries the version it began at (hidden), for the
    optimistic check (``core.versioning``); a form that adds a record has no such field. Pass
    ``locked_at`` (the record's ``edit_version``) for an edit."""

    NOT_DATA = ("version", "goals")

    def __init__(self, *args, locked_at: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if locked_at is not None:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, initial=locked_at)

    def domain_data(self) -> dict:
        """What the record is given: every field but the version and links to other records."""
        return {k: v for k, v in self.cleaned_data.items() if k not in self.NOT_DATA}


class GoalForm(LockedForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class MilestoneForm(LockedForm):
    code = forms.CharField(label=_("Code"), max_length=16, help_text=_("e.g. M12; T5 for a standing target"))
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    first_year = forms.IntegerField(label=_("First year"), validators=YEAR_VALIDATORS)
    last_year = forms.IntegerField(
        label=_("Last year"), validators=YEAR_VALIDATORS, required=False, help_text=_("Empty: every year from then on.")
    )
    is_standing_target = forms.BooleanField(label=_("Standing target"), required=False)
    goals = forms.ModelMultipleChoiceField(
        label=_("Strategic goals"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, version, is_new: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = version.goals.all()
        self.fields["goals"].label_from_instance = lambda goal: f"{goal.code}: {goal.title}"
        if not is_new:
            del self.fields["code"]

    def clean(self):
        data = super().clean()
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("The last year must not be before the first year."))
        return data


class KindsField(forms.MultipleChoiceField):
    """Checkboxes of engagement kinds; an unknown code is refused with the allowed ones listed."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=EngagementKind.choices, **kwargs)

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        validate_engagement_kinds(list(value))


class CountRuleForm(LockedForm):
    kinds = KindsField(label=_("Engagement kinds"), help_text=_("Any of the ticked kinds counts."))
    minimum = forms.IntegerField(label=_("At least"), min_value=1, help_text=_("Held engagements per year."))
    first_year = forms.IntegerField(label=_("First year"), validators=YEAR_VALIDATORS)
    last_year = forms.IntegerField(
        label=_("Last year"), validators=YEAR_VALIDATORS, required=False, help_text=_("Empty: every year from then on.")
    )
    organisation_kind = forms.ChoiceField(
        label=_("With a participant of kind"),
        choices=[("", _("any"))] + list(OrganisationKind.choices),
        required=False,
    )
    topic = forms.ModelChoiceField(label=_("On topic"), queryset=Topic.objects.none(), required=False)

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(region=region)

    def clean(self):
        data = super().clean()
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("The last year must not be before the first year."))
        return data

    def domain_data(self) -> dict:
        data = super().domain_data()
        data["kinds"] = list(data.get("kinds") or [])
        data["organisation_kind"] = data.get("organisation_kind") or ""
        return data


class DeliverableRuleForm(LockedForm):
    key = forms.SlugField(label=_("Key"), max_length=60, help_text=_("A short identifier, e.g. sclld-priorities"))
    title = forms.CharField(label=_("Title"), max_length=300)
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())
