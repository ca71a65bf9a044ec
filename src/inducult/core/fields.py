"""A list of short codes stored in one text column as ",a,b,".

The delimiters on both ends let ``filter(field__contains=",glass,")`` find one code exactly, on
SQLite and PostgreSQL alike (JSON containment is not available on SQLite).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
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
