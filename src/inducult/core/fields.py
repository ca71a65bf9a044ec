"""Model fields shared by apps: a list of short codes in one text column (``DelimitedListField``), and
the fields of a place (town, address, latitude, longitude) with the rule that a point needs both
coordinates.

A list is stored as ",a,b,": the delimiters on both ends let ``filter(field__contains=",glass,")``
find one code exactly, on SQLite and PostgreSQL alike (JSON containment is not available on SQLite).

Organisations, sites and tour starts are places; their fields are defined here once, so that a
coordinate means the same (WGS84 degrees to six decimals, about 10 cm) and is checked the same
everywhere. They are factories rather than an abstract model, so that each model keeps them where
they stand among its own fields (an abstract model's fields would come first, reordering forms,
exports and tables).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class DelimitedListField(models.CharField):
    description = _("List of short texts")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("max_length", 500)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list):
            return value
        return [item for item in value.split(",") if item]

    def get_prep_value(self, value):
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        items = [str(v).strip() for v in value if str(v).strip()]
        for item in items:
            if "," in item:
                raise ValidationError(_("A list item may not contain a comma: %(item)s"), params={"item": item})
        return "," + ",".join(items) + "," if items else ""

    def value_to_string(self, obj):
        return ",".join(self.value_from_object(obj))

    def validate(self, value, model_instance):
        # Choices (if any) apply to each item, not to the whole list.
        if self.choices:
            allowed = {str(k) for k, _v in self.flatchoices}
            bad = [v for v in value if v not in allowed]
            if bad:
                raise ValidationError(_("Unknown value(s): %(bad)s"), params={"bad": ", ".join(bad)})
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        super().run_validators(self.get_prep_value(value))

    def formfield(self, **kwargs):
        from django import forms

        if self.choices:
            return forms.MultipleChoiceField(
                choices=self.choices,
                required=not self.blank,
                label=self.verbose_name,
                help_text=self.help_text,
                widget=forms.CheckboxSelectMultiple,
            )
        return forms.CharField(
            required=not self.blank, label=self.verbose_name, help_text=self.help_text, max_length=self.max_length
        )

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        if kwargs.get("max_length") == 500:
            del kwargs["max_length"]
        return name, path, args, kwargs


# The fields of a place.
BOTH_COORDINATES = _("Give both latitude and longitude, or neither.")


def town_field() -> models.CharField:
    return models.CharField(_("town"), max_length=120, blank=True)


def address_field() -> models.CharField:
    return models.CharField(_("address"), max_length=300, blank=True)


def _coordinate(label, limit: int, *, required: bool) -> models.DecimalField:
    optional = {} if required else {"null": True, "blank": True}
    return models.DecimalField(
        label,
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
        **optional,
    )


def latitude_field(*, required: bool = False) -> models.DecimalField:
    """Degrees north (−90 to 90); optional unless ``required`` (a place may not be located yet)."""
    return _coordinate(_("latitude"), 90, required=required)


def longitude_field(*, required: bool = False) -> models.DecimalField:
    """Degrees east (−180 to 180); optional unless ``required``."""
    return _coordinate(_("longitude"), 180, required=required)


def point_error(latitude, longitude):
    """The message refusing half a point (one coordinate without the other), or None: a point needs
    both coordinates, or neither while the place is not located yet. Each model's ``clean()`` puts it
    where its form shows it."""
    return BOTH_COORDINATES if (latitude is None) != (longitude is None) else None
