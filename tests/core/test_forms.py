import datetime

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from inducult.core.forms import DateInput, TimeInput, add_domain_errors
from tests.submitted import submitted


class EventForm(forms.Form):
    title = forms.CharField()
    date = forms.DateField()


def bound_form() -> EventForm:
    form = EventForm({"title": "Den otevřených dveří", "date": "2026-05-09"})
    assert form.is_valid()
    return form


def test_add_domain_errors_puts_each_message_at_its_field():
    form = bound_form()
    add_domain_errors(form, ValidationError({"title": ["Too short.", "Not unique."], "date": "In the past."}))
    assert form.errors == {"title": ["Too short.", "Not unique."], "date": ["In the past."]}
    assert "title" not in form.cleaned_data


def test_add_domain_errors_puts_a_field_the_form_lacks_at_the_top():
    form = bound_form()
    add_domain_errors(form, ValidationError({"owner": "The owner is archived.", "title": "Too short."}))
    assert form.non_field_errors() == ["The owner is archived."]
    assert form.errors["title"] == ["Too short."]


def test_add_domain_errors_puts_all_fields_errors_at_the_top():
    form = bound_form()
    add_domain_errors(form, ValidationError({NON_FIELD_ERRORS: ["The region is read-only."]}))
    assert form.non_field_errors() == ["The region is read-only."]


def test_add_domain_errors_puts_an_unkeyed_refusal_at_the_top():
    form = bound_form()
    add_domain_errors(form, ValidationError(["A site may show at most 8 photos.", "Remove one first."]))
    assert form.non_field_errors() == ["A site may show at most 8 photos.", "Remove one first."]
    assert list(form.errors) == [NON_FIELD_ERRORS]


def test_add_domain_errors_renames_keys_to_the_forms_fields():
    form = bound_form()
    add_domain_errors(
        form,
        ValidationError({"starts_at": "Starts before the festival.", "title": "Too short."}),
        fields={"starts_at": "date"},
    )
    assert form.errors == {"date": ["Starts before the festival."], "title": ["Too short."]}


def test_add_domain_errors_renamed_to_none_goes_to_the_top_even_if_the_form_has_the_field():
    form = bound_form()
    add_domain_errors(form, ValidationError({"title": "Taken by another event."}), fields={"title": None})
    assert form.non_field_errors() == ["Taken by another event."]
    assert "title" not in form.errors


def test_add_domain_errors_returns_messages_kept_for_elsewhere_without_adding_them():
    form = bound_form()
    kept = add_domain_errors(
        form,
        ValidationError({"opening_hours": ["Seasons overlap.", "No days."], "title": "Too short."}),
        elsewhere={"opening_hours"},
    )
    assert kept == {"opening_hours": ["Seasons overlap.", "No days."]}
    assert form.errors == {"title": ["Too short."]}


def test_add_domain_errors_returns_nothing_when_nothing_is_kept():
    assert add_domain_errors(bound_form(), ValidationError("No."), elsewhere={"opening_hours"}) == {}
    assert add_domain_errors(bound_form(), ValidationError({"title": "No."}), elsewhere={"opening_hours"}) == {}


def test_add_domain_errors_keeps_codes_and_fills_in_parameters():
    form = bound_form()
    error = ValidationError(
        {"title": ValidationError("At most %(limit)d characters.", code="max_length", params={"limit": 80})}
    )
    add_domain_errors(form, error)
    assert form.errors["title"] == ["At most 80 characters."]
    assert form.has_error("title", "max_length")


class MeetingForm(forms.Form):
    day = forms.DateField(widget=DateInput())
    starts = forms.TimeField(widget=TimeInput())


@pytest.mark.parametrize("language", ["cs", "de", "en"])
def test_date_and_time_inputs_hold_what_the_pickers_read_in_every_language(language):
    with translation.override(language):
        page = str(MeetingForm(initial={"day": datetime.date(2019, 12, 31), "starts": datetime.time(9, 30, 15)}))
        posted = MeetingForm(MultiValueDict(submitted(page)))

        assert 'type="date"' in page and 'type="time"' in page
        assert submitted(page) == {"day": ["2019-12-31"], "starts": ["09:30"]}
        assert posted.is_valid()
        assert posted.cleaned_data == {"day": datetime.date(2019, 12, 31), "starts": datetime.time(9, 30)}
