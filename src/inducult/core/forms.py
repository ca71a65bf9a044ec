"""The kernel's form plumbing: form fields every app's forms may use.

``MultipleFileField`` is here, not in the first app that needed it, because every app that takes
documents (the engagement log, the good practices) needs the same field with the same checks.
"""

from __future__ import annotations

from django import forms

from inducult.core.files import validate_attachment


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
