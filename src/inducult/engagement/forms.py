"""Forms of the engagement log. They validate and shape input; the business actions (``services``) write.

One page logs a whole meeting: the engagement, who took part (from the registry or added on the
spot), topics, goals, follow-up tasks and files. Dates and times are read in the region's time zone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from inducult.core.files import ALLOWED_ATTACHMENTS_HELP
from inducult.core.forms import DateInput, MultipleFileField, TimeInput
from inducult.core.text import split_tags
from inducult.engagement.enums import EngagementKind, EngagementStatus, Visibility
from inducult.engagement.models import Engagement, FollowUpTask, Topic
from inducult.network.enums import LawfulBasis, OrganisationKind
from inducult.network.models import Organisation, Person
from inducult.network.services.organisations import possible_duplicates

FILTERABLE = {"data-filterable": "", "data-filter-placeholder": _("Type to filter the list")}


class RegionChoiceMixin:
    """A choice among one region's records that names the reason when an id belongs to another
    region (the business actions refuse those too), without revealing anything about the record."""

    foreign_message = _("%(record)s #%(value)s belongs to another region; only this region's records can be chosen.")

    def _refuse_foreign(self, values) -> None:
        model = self.queryset.model
        ids = []
        for value in values:
            try:
                ids.append(int(value))
            except (TypeError, ValueError):
                continue
        allowed = set(self.queryset.filter(pk__in=ids).values_list("pk", flat=True))
        foreign = [pk for pk in ids if pk not in allowed and model._base_manager.filter(pk=pk).exists()]
        if foreign:
            record = capfirst(model._meta.verbose_name)
            raise forms.ValidationError(
                [
                    forms.ValidationError(self.foreign_message, code="foreign", params={"record": record, "value": pk})
                    for pk in foreign
                ]
            )


class RegionModelChoiceField(RegionChoiceMixin, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            self._refuse_foreign([value])
        return super().to_python(value)


class RegionModelMultipleChoiceField(RegionChoiceMixin, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        self._refuse_foreign(value)
        return super()._check_values(value)


def goals_in_force(region, day: datetime.date, keep=()) -> list:
    """Goals of every strategy version of the region in force on ``day``, plus goals already linked.

    The strategy app sits above the log (its progress counts engagements), so its models are reached
    through the engagement's ``goals`` relation, never imported (decision 0015).
    """
    goal_model = Engagement._meta.get_field("goals").related_model
    version_model = goal_model._meta.get_field("version").related_model
    versions = []
    for strategy in region.strategies.all():
        version = version_model.objects.filter(strategy=strategy).in_force_on(day)
        if version is not None:
            versions.append(version.pk)
    return goal_model.objects.filter(Q(version__in=versions) | Q(pk__in=list(keep))).order_by(
        "version__valid_from", "order", "code"
    )


def five_years_from(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def is_far_from_today(engagement: Engagement) -> bool:
    """More than five years before or after today, in the region's time zone: likely a typo."""
    today = engagement.region.today()
    day = engagement.local_date
    return day > five_years_from(today, 5) or day < five_years_from(today, -5)


class EngagementForm(forms.ModelForm):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=TimeInput(),
        help_text=_("In the region's time zone. Leave empty if only the date is known."),
    )
    end_time = forms.TimeField(label=_("End time"), required=False, widget=TimeInput())
    organisations = RegionModelMultipleChoiceField(
        label=_("Organisations taking part"),
        required=False,
        queryset=Organisation.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8, **FILTERABLE}),
    )
    people = RegionModelMultipleChoiceField(
        label=_("People taking part"),
        required=False,
        queryset=Person.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6, **FILTERABLE}),
    )
    new_topics = forms.CharField(
        label=_("New topics"),
        required=False,
        max_length=600,
        help_text=_("Separate topics with commas; an existing topic typed again is reused."),
    )
    # A new organisation added on the spot (registry's duplicate check applies).
    new_org_name = forms.CharField(label=_("Name"), required=False, max_length=300)
    new_org_kind = forms.ChoiceField(label=_("Kind"), required=False)
    new_org_town = forms.CharField(label=_("Town"), required=False, max_length=120)
    new_org_create_anyway = forms.BooleanField(
        label=_("Create anyway: this is a different organisation"), required=False
    )
    # A new person added on the spot: personal data needs its lawful basis.
    new_person_first_name = forms.CharField(label=_("First name"), required=False, max_length=100)
    new_person_last_name = forms.CharField(label=_("Last name"), required=False, max_length=100)
    new_person_email = forms.EmailField(label=_("E-mail"), required=False)
    new_person_lawful_basis = forms.ChoiceField(label=_("Lawful basis"), required=False)
    new_person_consent_date = forms.DateField(
        label=_("Consent date"),
        required=False,
        widget=DateInput(),
        help_text=_("Required when the lawful basis is consent."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=ALLOWED_ATTACHMENTS_HELP,
    )

    class Meta:
        model = Engagement
        fields = [
            "kind",
            "status",
            "title",
            "place_text",
            "place_organisation",
            "anonymous_head_count",
            "topics",
            "minutes",
            "outcomes",
            "goals",
            "visibility",
        ]
        widgets = {
            "minutes": forms.Textarea(attrs={"rows": 5}),
            "outcomes": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
            "status": forms.RadioSelect,
            "visibility": forms.RadioSelect,
        }

    MODEL_FIELDS = ("kind", "status", "title", "place_text", "place_organisation", "anonymous_head_count")
    TEXT_FIELDS = ("minutes", "outcomes", "visibility")

    def __init__(self, *args, region, can_view_people: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        engagement = self.instance
        tz = region.tz
        linked_orgs, linked_people = [], []
        if engagement.pk:
            participants = list(engagement.participants.all())
            linked_orgs = [p.organisation_id for p in participants if p.organisation_id]
            linked_people = [p.person_id for p in participants if p.person_id]
            if engagement.place_organisation_id:
                linked_orgs.append(engagement.place_organisation_id)
        orgs = Organisation.objects.filter(region=region).filter(Q(archived_at__isnull=True) | Q(pk__in=linked_orgs))
        self.fields["kind"].choices = [("", "—")] + list(EngagementKind.choices)
        self.fields["status"].choices = list(EngagementStatus.choices)
        self.fields["visibility"].choices = list(Visibility.choices)
        place = RegionModelChoiceField(
            label=_("Host organisation"), required=False, queryset=orgs.order_by("name_key", "id")
        )
        self.fields["place_organisation"] = place
        self.fields["organisations"].queryset = orgs.order_by("name_key", "id")
        if can_view_people:
            # An erased person who took part stays a participant ("Erased person #id"), never offered anew.
            self.fields["people"].queryset = Person.objects.filter(region=region).filter(
                Q(erased_at__isnull=True) | Q(pk__in=linked_people)
            )
        else:
            del self.fields["people"]
        self.fields["topics"].queryset = Topic.objects.filter(region=region)
        self.fields["topics"].required = False
        today = region.today()
        self.fields["goals"].queryset = goals_in_force(
            region, today, keep=engagement.goals.values_list("pk", flat=True) if engagement.pk else ()
        )
        self.fields["goals"].required = False
        self.fields["new_org_kind"].choices = [("", "—")] + list(OrganisationKind.choices)
        self.fields["new_person_lawful_basis"].choices = [("", "—")] + list(LawfulBasis.choices)
        if engagement.pk and not self.is_bound:
            local = engagement.local_starts_at
            self.initial["date"] = local.date()
            if not engagement.date_only:
                self.initial["time"] = local.time().replace(second=0, microsecond=0)
                if engagement.ends_at:
                    self.initial["end_time"] = timezone.localtime(engagement.ends_at, tz).time()
            self.initial["organisations"] = [p.organisation_id for p in participants if p.person_id is None]
            if "people" in self.fields:
                self.initial["people"] = [p.person_id for p in participants if p.person_id]
        elif not self.is_bound:
            self.initial.setdefault("date", today)
            self.initial["status"] = EngagementStatus.HELD

    # --- validation ---------------------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("time"), cleaned.get("end_time")
        if end and not start:
            self.add_error("end_time", _("Give the start time too, or clear the end time."))
        elif start and end and end < start:
            self.add_error("end_time", _("The end must not be before the start."))
        self._clean_new_organisation(cleaned)
        self._clean_new_person(cleaned)
        return cleaned

    def _clean_new_organisation(self, cleaned) -> None:
        name = cleaned.get("new_org_name", "").strip()
        kind = cleaned.get("new_org_kind", "")
        town = cleaned.get("new_org_town", "").strip()
        if not name:
            if kind or town:
                self.add_error("new_org_name", _("Give the new organisation's name, or clear its kind and town."))
            return
        if not kind:
            self.add_error("new_org_kind", _("Choose the new organisation's kind."))
        duplicates = possible_duplicates(region=self.region, name=name, town=town)
        self.duplicates = duplicates
        if duplicates and not cleaned.get("new_org_create_anyway"):
            self.add_error(
                "new_org_name",
                forms.ValidationError(
                    _(
                        "The registry already has %(names)s: choose it among the organisations taking part, "
                        "or tick “Create anyway” if this is a different organisation."
                    ),
                    params={"names": ", ".join(f"{d.name} ({d.town})" if d.town else d.name for d in duplicates)},
                ),
            )

    def _clean_new_person(self, cleaned) -> None:
        if "people" not in self.fields:
            return
        first = cleaned.get("new_person_first_name", "").strip()
        last = cleaned.get("new_person_last_name", "").strip()
        given = first or last or cleaned.get("new_person_email") or cleaned.get("new_person_lawful_basis")
        if not given:
            return
        if not last:
            self.add_error("new_person_last_name", _("Give the new person's last name."))
        basis = cleaned.get("new_person_lawful_basis")
        if not basis:
            self.add_error(
                "new_person_lawful_basis",
                _("Choose the lawful basis for keeping this person's data (e.g. legitimate interests)."),
            )
        elif basis == LawfulBasis.CONSENT and not cleaned.get("new_person_consent_date"):
            self.add_error("new_person_consent_date", _("Consent needs the date it was given."))

    def _post_clean(self):
        # The business actions validate the engagement as a whole (region, dates, status).
        pass

    # --- values for the business actions ------------------------------------------------------

    def starts_at(self) -> datetime.datetime:
        day, time = self.cleaned_data["date"], self.cleaned_data.get("time")
        return datetime.datetime.combine(day, time, tzinfo=self.region.tz) if time else self.region.start_of_day(day)

    def domain_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in (*self.MODEL_FIELDS, *self.TEXT_FIELDS)}
        for name in ("title", "place_text", "minutes", "outcomes"):
            data[name] = (data[name] or "").strip()
        data["date_only"] = self.cleaned_data.get("time") is None
        data["starts_at"] = self.starts_at()
        end = self.cleaned_data.get("end_time")
        data["ends_at"] = (
            datetime.datetime.combine(self.cleaned_data["date"], end, tzinfo=self.region.tz)
            if end and not data["date_only"]
            else None
        )
        return data

    def new_topic_names(self) -> list[str]:
        return split_tags(self.cleaned_data.get("new_topics", ""))

    def new_organisation(self) -> dict | None:
        name = self.cleaned_data.get("new_org_name", "").strip()
        if not name:
            return None
        kind, town = self.cleaned_data["new_org_kind"], self.cleaned_data["new_org_town"].strip()
        anyway = bool(self.cleaned_data.get("new_org_create_anyway"))
        return {"name": name, "kind": kind, "town": town, "create_anyway": anyway}

    def new_person(self) -> dict | None:
        if "people" not in self.fields or not self.cleaned_data.get("new_person_last_name", "").strip():
            return None
        return {
            "first_name": self.cleaned_data["new_person_first_name"].strip(),
            "last_name": self.cleaned_data["new_person_last_name"].strip(),
            "email": self.cleaned_data["new_person_email"],
            "lawful_basis": self.cleaned_data["new_person_lawful_basis"],
            "consent_date": self.cleaned_data.get("new_person_consent_date"),
        }

    # --- groups of fields for the template ----------------------------------------------------

    def group(self, *names):
        return [self[name] for name in names if name in self.fields]

    def when_fields(self):
        return self.group("date", "time", "end_time")

    def place_fields(self):
        return self.group("place_text", "place_organisation")

    def new_org_fields(self):
        return self.group("new_org_name", "new_org_kind", "new_org_town")

    def new_person_fields(self):
        return self.group(
            "new_person_first_name",
            "new_person_last_name",
            "new_person_email",
            "new_person_lawful_basis",
            "new_person_consent_date",
        )


class EngagementEditForm(EngagementForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Remove attachments"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        # What each participant did, for those already taking part (new ones get theirs on the next edit).
        can_view_people = "people" in self.fields
        self.role_names = []
        for participant in self.instance.participants.select_related("organisation", "person"):
            if participant.person_id and not can_view_people:
                continue  # someone who may not see people does not edit what they did either
            name = f"role_{participant.pk}"
            self.fields[name] = forms.CharField(
                label=participant_label(participant),
                required=False,
                max_length=150,
                initial=participant.role,
                help_text=_("e.g. host, speaker, guest"),
            )
            self.role_names.append(name)
        self.fields["remove_attachments"].queryset = self.instance.attachments.all()
        if not self.fields["remove_attachments"].queryset.exists():
            del self.fields["remove_attachments"]

    def role_fields(self):
        return self.group(*self.role_names)

    def roles(self) -> dict[int, str]:
        """Participant id → role, as typed."""
        return {int(name.removeprefix("role_")): self.cleaned_data.get(name, "") for name in self.role_names}


def participant_label(participant) -> str:
    """A participant as the role field names it: the organisation, the person, or both."""
    parts = []
    if participant.organisation_id:
        parts.append(participant.organisation.name)
    if participant.person_id:
        parts.append(str(participant.person))
    return ": ".join(parts)


class TaskForm(forms.Form):
    """One follow-up task: a new one when ``id`` is empty; an existing one is changed or removed."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Task"), required=False, max_length=300)
    owner = RegionModelChoiceField(label=_("Owner"), required=False, queryset=Person.objects.none())
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())
    remove = forms.BooleanField(label=_("Remove"), required=False)

    def __init__(self, *args, region, can_view_people: bool = True, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        if can_view_people:
            self.fields["owner"].queryset = Person.objects.filter(region=region).filter(
                Q(erased_at__isnull=True) | Q(pk__in=list(owners))
            )
        else:
            del self.fields["owner"]

    def clean(self):
        cleaned = super().clean()
        titled = bool(cleaned.get("title", "").strip())
        if not titled and not cleaned.get("id") and (cleaned.get("owner") or cleaned.get("due_date")):
            self.add_error("title", _("Say what is to be done, or clear the owner and due date."))
        if cleaned.get("id") and not titled and not cleaned.get("remove"):
            self.add_error("title", _("A task needs a title; tick “Remove” to drop it."))
        return cleaned


class BaseTaskFormSet(forms.BaseFormSet):
    def __init__(self, *args, tasks=(), **kwargs):
        self.tasks = {task.pk: task for task in tasks}
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        for form in self.forms:
            pk = form.cleaned_data.get("id") if hasattr(form, "cleaned_data") else None
            if pk and pk not in self.tasks:
                raise forms.ValidationError(_("A task was changed that does not belong to this engagement."))


TaskFormSet = forms.formset_factory(TaskForm, formset=BaseTaskFormSet, extra=3, max_num=50, absolute_max=60)


@dataclass(frozen=True)
class TaskChange:
    task: FollowUpTask | None
    title: str
    owner: Person | None
    due_date: datetime.date | None
    remove: bool


def task_formset(data=None, *, region, tasks=(), can_view_people=True) -> BaseTaskFormSet:
    tasks = list(tasks)
    initial = [{"id": t.pk, "title": t.title, "owner": t.owner_id, "due_date": t.due_date} for t in tasks]
    formset = TaskFormSet(
        data,
        prefix="tasks",
        initial=initial,
        tasks=tasks,
        form_kwargs={
            "region": region,
            "can_view_people": can_view_people,
            "owners": [t.owner_id for t in tasks if t.owner_id],
        },
    )
    formset.extra = 2 if tasks else 3
    return formset


def task_changes(formset: BaseTaskFormSet) -> list[TaskChange]:
    changes = []
    for form in formset.forms:
        data = form.cleaned_data
        pk, title = data.get("id"), (data.get("title") or "").strip()
        if not pk and not title:
            continue
        task = formset.tasks.get(pk) if pk else None
        # Someone who may not see people does not get the owner field; the owner then stays.
        owner = data.get("owner") if "owner" in form.fields else (task.owner if task else None)
        changes.append(
            TaskChange(
                task=task,
                title=title,
                owner=owner,
                due_date=data.get("due_date"),
                remove=bool(data.get("remove")),
            )
        )
    return changes


class EngagementFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    visibility = forms.ChoiceField(label=_("Visibility"), required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"), required=False, queryset=Organisation.objects.none())

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        any_choice = [("", _("any"))]
        self.fields["kind"].choices = any_choice + list(EngagementKind.choices)
        self.fields["status"].choices = any_choice + list(EngagementStatus.choices)
        self.fields["visibility"].choices = any_choice + list(Visibility.choices)
        # Only organisations that took part in something: the list stays short in a large registry.
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(region=region, engagement_participations__engagement__region=region)
            .distinct()
            .order_by("name_key", "id")
        )

    def values(self) -> dict:
        """The filters that validate; one that does not is ignored, not an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {k: data.get(k) for k in ("q", "year", "kind", "status", "visibility", "organisation")}
