"""The heritage forms: the public site finder's filters (a GET form: it never writes; the URL keeps
the filters); editing a site in the back office, opening hours included; a public event (back
office; times are read in the region's time zone); and the upload of a site photo.

A site's opening hours are edited without any script: the schedule is a formset of seasons (from–to
every year, weekdays, times) and one of exceptions on given dates. The pieces are checked together by
``domain.opening_hours.validate``, whose messages name the season and the times, and are shown above
the schedule. A photo comes with its text alternative in the region's language and, optionally, in
the platform's other languages, and the credit."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.conf import settings
from django.forms import formset_factory
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext_lazy as _

from inducult.core.forms import DateInput, TimeInput
from inducult.engagement.models import Engagement
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import SiteKind, TourLanguage
from inducult.heritage.models import Event, Festival, Site
from inducult.heritage.services.photo_files import ACCEPTED_FORMATS
from inducult.network.enums import Sector
from inducult.network.models import Organisation


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
        widget=DateInput(),
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


# --- Editing a site, opening hours included -------------------------------------------------------

# A blank first choice: a select without one sends January from an untouched empty row, which then
# counts as filled in (Django ignores an extra row only if nothing in it differs from blank).
MONTH_CHOICES = [("", "—"), *((m, MONTHS[m]) for m in range(1, 13))]
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
    """Times typed as text, cleaned to intervals."""

    default_error_messages = {
        "bad": _("“%(piece)s” is not a time range; write e.g. 9:00–12:00, 13:00–17:00."),
    }

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return parse_intervals(text)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["bad"], code="bad", params={"piece": str(error)}) from None

    def has_changed(self, initial, data):
        # Django compares the cleaned value with the initial text, and no intervals, (), never equals
        # "": an untouched blank row counted as filled in and refused the save. Intervals are
        # compared with intervals.
        try:
            return parse_intervals(initial or "") != self.to_python(data)
        except (ValueError, forms.ValidationError):
            return True


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
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), required=False, widget=DateInput())
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
        # The business action (services.sites.update_site) validates the site as a whole.
        pass


# --- A public event -------------------------------------------------------------------------------


class EventForm(forms.ModelForm):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=TimeInput(),
        help_text=_("Leave empty for an all-day event."),
    )
    end_date = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=DateInput(),
        help_text=_("For an event over several days."),
    )
    end_time = forms.TimeField(label=_("End time"), required=False, widget=TimeInput())
    # The version an edit began from, for the optimistic lock: without it a stale edit would overwrite
    # a newer one. A new event has none (the field is dropped); an edit must bring it, checked in
    # clean() so that the refusal reads at the top of the form rather than at a hidden field.
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    MISSING_VERSION = _(
        "This change does not say which version of the event it was made to, so it could overwrite "
        "someone else's newer one; nothing was saved. Open the event again and redo the change."
    )

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
        if not instance.pk:
            del self.fields["version"]
        elif not self.is_bound:
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
        if "version" in self.fields and cleaned.get("version") is None:
            self.add_error(None, self.MISSING_VERSION)
        day, time = cleaned.get("date"), cleaned.get("time")
        end_day, end_time = cleaned.get("end_date"), cleaned.get("end_time")
        if day is None:
            return cleaned
        if end_time and not time:
            self.add_error("end_time", _("Give the start time too, or clear the end time."))
            return cleaned
        start = datetime.datetime.combine(day, time, tzinfo=self.tz) if time else self.region.start_of_day(day)
        end = None
        if end_day or end_time:
            end = datetime.datetime.combine(end_day or day, end_time or datetime.time(23, 59), tzinfo=self.tz)
            if not time:
                end = self.region.start_of_day(end_day or day)
            if end < start:
                self.add_error("end_date" if end_day else "end_time", _("The end must not be before the start."))
        cleaned["starts_at"], cleaned["ends_at"], cleaned["all_day"] = start, end, time is None
        return cleaned

    def _post_clean(self):
        # The business actions (services.events) validate the event as a whole (region, times, place).
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


# --- A site photo ---------------------------------------------------------------------------------


class PhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP. It is stored upright, scaled for the web and without its EXIF data."),
        error_messages={"required": _("Choose the photo to upload."), "empty": _("The uploaded file is empty.")},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f"image/{k.lower()}" for k in ACCEPTED_FORMATS)}),
    )
    alt_text = forms.CharField(
        label=_("Text alternative"),
        max_length=300,
        help_text=_(
            "What the photo shows, for people who cannot see it, e.g. “Kiln hall with a row of glass furnaces”."
        ),
        error_messages={"required": _("Describe what the photo shows for people who cannot see it.")},
    )
    credit = forms.CharField(
        label=_("Credit"), max_length=200, required=False, help_text=_("Photographer or source, and the licence.")
    )

    def __init__(self, *args, region_language: str, **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        self.fields["alt_text"].label = _("Text alternative (%(language)s)") % {
            "language": names.get(region_language, region_language)
        }
        self.other_languages = [code for code, _name in settings.LANGUAGES if code != region_language]
        for code in self.other_languages:
            self.fields[f"alt_text_{code}"] = forms.CharField(
                label=_("Text alternative (%(language)s)") % {"language": names[code]},
                max_length=300,
                required=False,
            )

    def translations(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"alt_text_{code}", "") for code in self.other_languages}
