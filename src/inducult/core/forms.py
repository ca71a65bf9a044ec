"""The kernel's form plumbing, used by every app's forms and edit pages.

- ``add_domain_errors``: a business action's refusal shown on the form that asked for it. Business
  actions (``<app>.services``) check their input and refuse with Django's ``ValidationError``, keyed by
  model field (``{"starts_at": [...]}``) or, for a refusal of the whole request, without keys. The page
  shows each message at the form field it concerns and the rest at the top of the form. Every edit
  page needs this, and the pages had grown five copies of the loop that differed only in which fields
  they renamed; this is the one.
- ``MultipleFileField``: several documents in one input, each checked like every stored attachment
  (the engagement log and the good practices take documents the same way).
- ``DateInput`` and ``TimeInput``: the browser's date and time pickers. A picker reads and sends ISO
  values (2026-05-09, 14:30) whatever the page's language, while Django writes a value in the active
  language's own format (31.12.2019 in Czech), which the picker cannot show: the field then came back
  empty from a form saved unchanged. Each form had set the ISO format itself, and the ones that forgot
  could not be saved in Czech or German; every date and time field uses these two instead.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_noop

from inducult.core.files import validate_attachment

# Django's label of an empty choice (django.db.models.fields.BLANK_CHOICE_LABEL) has no Czech or German
# in Django's own catalogues; ours, which Django reads first (LOCALE_PATHS), gives it.
gettext_noop("- Select an option -")


def add_domain_errors(
    form: forms.BaseForm,
    error: ValidationError,
    *,
    fields: Mapping[str, str | None] | None = None,
    elsewhere: Collection[str] = (),
) -> dict[str, list[str]]:
    """Put ``error``'s messages on ``form``: each at the form field of its key, and at the top of the
    form when the error has no keys or the form has no such field (a model field it does not edit,
    ``__all__``).

    ``fields`` renames the action's keys to the form's fields where they differ (an engagement's
    ``starts_at`` is the form's ``date``; ``None`` sends a key to the top of the form). Messages under a
    key in ``elsewhere`` are not put on the form but returned by key, for a page that shows them beside
    another part of it (a site's opening hours beside their formsets).
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return {}
    renamed = fields or {}
    kept: dict[str, list[str]] = {}
    for key, errors in error.error_dict.items():
        if key in elsewhere:
            kept[key] = ValidationError(errors).messages
            continue
        name = renamed.get(key, key)
        # add_error refuses a field the form does not have; such a message still has to be seen.
        form.add_error(name if name in form.fields else None, errors)
    return kept


class DateInput(forms.DateInput):
    """``<input type="date">`` with its value in ISO, the only form the browser's picker reads."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    """``<input type="time">`` with its value as hours and minutes, the form the browser's picker reads."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploads in one input; each is checked by type (name and content) and size
    (``core.files.validate_attachment``), and every refused file is named at once."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files]
        errors = []
        for upload in cleaned:
            try:
                validate_attachment(upload)
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned
