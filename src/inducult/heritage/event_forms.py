"""The form for a public event (back office). Times are read in the region's time zone."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from inducult.engagement.models import Engagement
from inducult.heritage.models import Event, Festival, Site
from inducult.network.models import Organisation

DATE = {"type": "date"}
TIME = {"type": "time"}


class EventForm(forms.ModelForm):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=forms.TimeInput(attrs=TIME, format="%H:%M"),
        help_text=_("Leave empty for an all-day event."),
    )
    end_date = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        help_text=_("For an event over several days."),
    )
    end_time = forms.TimeField(label=_("End time"), required=False, widget=forms.TimeInput(attrs=TIME, format="%H:%M"))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "site",
            "place_text",
            "organisation",
            "festival",
            "website",
            "price_note",
            "engagement",
            "is_sample",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, region, coordinator: bool, own_organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.tz = region.tz
        self.fields["site"].queryset = Site.objects.active().filter(region=region)
        self.fields["festival"].queryset = Festival.objects.filter(region=region)
        if coordinator:
            self.fields["organisation"].queryset = Organisation.objects.active().filter(region=region)
            # Only public engagements can stand for a public event.
            self.fields["engagement"].queryset = Engagement.objects.filter(region=region, visibility="public")
            self.fields["engagement"].help_text = _(
                "A held engagement this event is, so that it counts toward the strategy without being logged twice."
            )
        else:
            # An editor's events are their organisation's; the link to the log is the coordinator's.
            del self.fields["organisation"], self.fields["engagement"], self.fields["is_sample"]
            self.own_organisation = own_organisation
        instance = self.instance
        if instance.pk and not self.is_bound:
            start = instance.starts_at.astimezone(self.tz)
            self.initial.update(date=start.date(), version=instance.version)
            if not instance.all_day:
                self.initial["time"] = start.time().replace(second=0, microsecond=0)
            if instance.ends_at:
                end = instance.ends_at.astimezone(self.tz)
                if end.date() != start.date():
                    self.initial["end_date"] = end.date()
                if not instance.all_day:
                    self.initial["end_time"] = end.time().replace(second=0, microsecond=0)

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("date"), cleaned.get("time")
        end_day, end_time = cleaned.get("end_date"), cleaned.get("end_time")
        if day is None:
            return cleaned
        if end_time and not time:
            self.add_error("end_time", _("Give the start time too, or clear the end time."))
            return cleaned
        start = datetime.datetime.combine(day, time or datetime.time.min, tzinfo=self.tz)
        end = None
        if end_day or end_time:
            end = datetime.datetime.combine(end_day or day, end_time or datetime.time(23, 59), tzinfo=self.tz)
            if not time:
                end = datetime.datetime.combine(end_day or day, datetime.time.min, tzinfo=self.tz)
            if end < start:
                self.add_error("end_date" if end_day else "end_time", _("The end must not be before the start."))
        cleaned["starts_at"], cleaned["ends_at"], cleaned["all_day"] = start, end, time is None
        return cleaned

    def _post_clean(self):
        # The domain functions validate the event as a whole (region, times, place).
        pass

    def domain_data(self) -> dict:
        names = [n for n in self.Meta.fields if n in self.fields]
        data = {name: self.cleaned_data.get(name) for name in names}
        for name in ("title", "description", "place_text", "website", "price_note"):
            data[name] = (data.get(name) or "").strip()
        data.update(
            starts_at=self.cleaned_data["starts_at"],
            ends_at=self.cleaned_data["ends_at"],
            all_day=self.cleaned_data["all_day"],
        )
        if "organisation" not in self.fields:
            data["organisation"] = self.own_organisation
        return data
