"""The day planner's form: a GET form, so that a plan's address is its share link and works without
any script. Every field has a default, so a visitor can press "Plan my day" at once."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from inducult.core.forms import DateInput, TimeInput
from inducult.core.geo import distance_km
from inducult.heritage.enums import TourLanguage
from inducult.network.enums import Sector

MODES = [
    ("car", _("Car")),
    ("public_transport", _("Public transport (approximate times)")),
    ("walk", _("On foot")),
]
INTEREST_CHOICES = [
    ("0", _("Not interested")),
    ("1", _("Interested")),
    ("2", _("Very interested")),
    ("3", _("Above all")),
]
MIN_DAY_MINUTES = 60
MAX_DAYS_AHEAD = 400
MAX_KM_FROM_SITES = 150  # a start further from every site is a typo, not a hotel in the region
OWN_POINT = "point"


class PlannerForm(forms.Form):
    start = forms.ChoiceField(
        label=_("Start and end of the day"),
        error_messages={
            "invalid_choice": _("That starting point is not among this region's; choose one from the list.")
        },
    )
    latitude = forms.FloatField(label=_("Latitude of your start"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude of your start"), required=False, min_value=-180, max_value=180)
    day = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        error_messages={"invalid": _("Give the day as a date, e.g. 2026-07-11.")},
    )
    day_from = forms.TimeField(
        label=_("From"),
        widget=TimeInput(),
        error_messages={"invalid": _("Give a time such as 9:00.")},
    )
    day_to = forms.TimeField(
        label=_("Back by"),
        widget=TimeInput(),
        error_messages={"invalid": _("Give a time such as 17:30.")},
    )
    mode = forms.ChoiceField(label=_("Travelling by"), choices=MODES, widget=forms.RadioSelect)
    must = forms.MultipleChoiceField(
        label=_("Places you must see"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "%(value)s is not a site of this region that can be planned (it may have been removed "
                "or have no location); choose from the list."
            )
        },
    )
    language = forms.ChoiceField(
        label=_("Guided tours preferably in"), required=False, choices=[("", _("Any language")), *TourLanguage.choices]
    )
    wheelchair = forms.BooleanField(label=_("Wheelchair accessible places only"), required=False)

    def __init__(self, data=None, *, starts, sites, sectors, today: datetime.date, **kwargs):
        """``starts``: the region's starting points; ``sites``: (pk, name, point) of visitor sites with a
        location; ``sectors``: the sector codes the region's sites have."""
        super().__init__(data, **kwargs)
        self.today = today
        self.starts = {f"start-{s.pk}": s for s in starts}
        self.sites = {f"site-{pk}": (name, point) for pk, name, point in sites}
        self.fields["start"].choices = [
            (_("Starting points"), [(key, s.display_name) for key, s in self.starts.items()]),
            (_("A site"), [(key, name) for key, (name, _point) in self.sites.items()]),
            (_("Elsewhere"), [(OWN_POINT, _("My own point (latitude and longitude below)"))]),
        ]
        self.fields["must"].choices = [(str(pk), name) for pk, name, _point in sites]
        labels = dict(Sector.choices)
        self.sector_fields = []
        for code in sectors:
            name = f"interest_{code}"
            self.fields[name] = forms.TypedChoiceField(
                label=labels.get(code, code), choices=INTEREST_CHOICES, coerce=int, initial="1", required=False
            )
            self.sector_fields.append(name)
        first_start = next(iter(self.starts), None) or next(iter(self.sites), OWN_POINT)
        self.initial.update(
            start=first_start, day=today, day_from=datetime.time(9, 0), day_to=datetime.time(17, 30), mode="car"
        )

    def interest_fields(self):
        return [self[name] for name in self.sector_fields]

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < self.today - datetime.timedelta(days=1):
            raise forms.ValidationError(_("That day has passed; choose today or a day ahead."))
        if day > self.today + datetime.timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(
                _("Plan at most %(days)d days ahead: opening hours further out are not known.")
                % {"days": MAX_DAYS_AHEAD}
            )
        return day

    def clean(self):
        data = super().clean()
        start, end = data.get("day_from"), data.get("day_to")
        # Both are times of the one chosen day, so a day never spans more than 24 hours.
        if start and end and end <= start:
            self.add_error(
                "day_to",
                _("Your day would end (%(end)s) before it starts (%(start)s); give a later time to be back by.")
                % {"end": end.strftime("%H:%M"), "start": start.strftime("%H:%M")},
            )
        elif start and end and (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute) < MIN_DAY_MINUTES:
            self.add_error("day_to", _("Leave at least an hour between the start and the end of your day."))
        if data.get("start") == OWN_POINT:
            latitude, longitude = data.get("latitude"), data.get("longitude")
            if latitude is None or longitude is None:
                self.add_error(
                    "latitude", _("Give both the latitude and the longitude of your start, e.g. 50.2305 and 12.8713.")
                )
            elif self.sites:
                nearest = min(distance_km((latitude, longitude), point) for _name, point in self.sites.values())
                if nearest > MAX_KM_FROM_SITES:
                    self.add_error(
                        "latitude",
                        _(
                            "That point is %(km)d km from the nearest site of the region. "
                            "Latitude and longitude swapped?"
                        )
                        % {"km": nearest},
                    )
        return data

    def start_point(self) -> tuple[str, tuple[float, float]]:
        key = self.cleaned_data["start"]
        if key == OWN_POINT:
            return str(_("Your start")), (self.cleaned_data["latitude"], self.cleaned_data["longitude"])
        if key in self.starts:
            start = self.starts[key]
            return start.display_name, start.point
        name, point = self.sites[key]
        return name, point

    def interests(self) -> dict[str, float]:
        """Sector weights; all "interested" (the default) means no preference."""
        weights = {name.removeprefix("interest_"): self.cleaned_data.get(name) for name in self.sector_fields}
        weights = {code: (1 if value in (None, "") else int(value)) for code, value in weights.items()}
        return {} if all(value == 1 for value in weights.values()) else weights
