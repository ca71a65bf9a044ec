"""Editing a site in the back office, opening hours included, without any script: the schedule is
a formset of seasons (from–to every year, weekdays, times) and one of exceptions on given dates.
The pieces are checked together by ``domain.opening_hours.validate``, whose messages name the
season and the times, and are shown above the schedule."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.forms import formset_factory
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext_lazy as _

from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import TourLanguage
from inducult.heritage.models import Site

DATE = {"type": "date"}
MONTH_CHOICES = [(m, MONTHS[m]) for m in range(1, 13)]
WEEKDAY_CHOICES = [(d, WEEKDAYS[d]) for d in range(7)]
HOURS_KINDS = [
    ("regular", _("Regular hours (seasons below)")),
    ("by_appointment", _("By appointment only")),
    ("unknown", _("Unknown")),
]
_INTERVAL = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_intervals(text: str) -> tuple[oh.Interval, ...]:
    """ "9:00–12:00, 13:00–17:00" → intervals; ValueError naming the piece that is not one."""
    intervals = []
    for piece in filter(None, (p.strip() for p in re.split(r"[,;]| and | a | und ", text or ""))):
        match = _INTERVAL.match(piece)
        if not match:
            raise ValueError(piece)
        h1, m1, h2, m2 = map(int, match.groups())
        try:
            intervals.append(oh.Interval(datetime.time(h1, m1), datetime.time(h2, m2)))
        except ValueError:
            raise ValueError(piece) from None
    return tuple(intervals)


def intervals_text(intervals) -> str:
    return ", ".join(f"{i.opens:%H:%M}–{i.closes:%H:%M}" for i in intervals)


class IntervalsField(forms.CharField):
    default_error_messages = {
        "bad": _("“%(piece)s” is not a time range; write e.g. 9:00–12:00, 13:00–17:00."),
    }

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return parse_intervals(text)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["bad"], code="bad", params={"piece": str(error)}) from None


class SeasonForm(forms.Form):
    from_day = forms.IntegerField(label=_("From day"), min_value=1, max_value=31)
    from_month = forms.TypedChoiceField(label=_("From month"), choices=MONTH_CHOICES, coerce=int)
    to_day = forms.IntegerField(label=_("To day"), min_value=1, max_value=31)
    to_month = forms.TypedChoiceField(label=_("To month"), choices=MONTH_CHOICES, coerce=int)
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Days"), choices=WEEKDAY_CHOICES, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    hours = IntervalsField(
        label=_("Hours"),
        required=False,
        max_length=200,
        help_text=_("e.g. 9:00–12:00, 13:00–17:00; empty if not known"),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=200)

    def season(self) -> oh.Season:
        data = self.cleaned_data
        try:
            start = oh.MonthDay(data["from_month"], data["from_day"])
            end = oh.MonthDay(data["to_month"], data["to_day"])
        except oh.OpeningHoursError as error:
            raise forms.ValidationError(str(error)) from None
        return oh.Season(start, end, frozenset(data["weekdays"]), data["hours"], data.get("note", ""))


class ExceptionForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    closed = forms.BooleanField(label=_("Closed"), required=False)
    hours = IntervalsField(label=_("Hours"), required=False, max_length=200)
    note = forms.CharField(label=_("Note"), required=False, max_length=200)

    def exception(self) -> oh.DateException:
        data = self.cleaned_data
        return oh.DateException(
            data["start"], data.get("end") or data["start"], data["closed"], data["hours"], data.get("note", "")
        )


SeasonFormSet = formset_factory(SeasonForm, extra=1, can_delete=True)
ExceptionFormSet = formset_factory(ExceptionForm, extra=1, can_delete=True)


def season_initial(hours: oh.OpeningHours) -> list[dict]:
    return [
        {
            "from_day": s.start.day,
            "from_month": s.start.month,
            "to_day": s.end.day,
            "to_month": s.end.month,
            "weekdays": sorted(s.weekdays),
            "hours": intervals_text(s.intervals),
            "note": s.note,
        }
        for s in hours.seasons
    ]


def exception_initial(hours: oh.OpeningHours) -> list[dict]:
    return [
        {"start": e.start, "end": e.end, "closed": e.closed, "hours": intervals_text(e.intervals), "note": e.note}
        for e in hours.exceptions
    ]


class SiteForm(forms.ModelForm):
    hours_kind = forms.ChoiceField(label=_("Opening hours"), choices=HOURS_KINDS, widget=forms.RadioSelect)
    hours_note = forms.CharField(label=_("Note on the hours"), required=False, max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Site
        fields = [
            "latitude",
            "longitude",
            "coordinate_precision",
            "description",
            "website",
            "opening_hours_text",
            "visit_minutes",
            "tour_languages",
            "price_level",
            "price_note",
            "wheelchair",
            "accessibility_note",
            "attractiveness",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "opening_hours_text": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, coordinator: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not coordinator:
            # A site's own editor does not rate its own site for the tour planner.
            del self.fields["attractiveness"]
        self.fields["tour_languages"] = forms.MultipleChoiceField(
            label=_("Guided tours in"),
            required=False,
            choices=TourLanguage.choices,
            widget=forms.CheckboxSelectMultiple,
            initial=self.instance.tour_languages,
        )
        hours = self.instance.hours()
        if not self.is_bound:
            self.initial.update(hours_kind=str(hours.kind), hours_note=hours.note, version=self.instance.version)

    def _post_clean(self):
        # The domain function validates the site as a whole.
        pass
