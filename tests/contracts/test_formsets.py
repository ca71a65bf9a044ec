"""A formset's blank extra row never blocks a save (issue #14).

An edit page renders one or more blank rows under a formset's rows (a new season, task or
indicator). The browser posts them back with the rest, and Django ignores such a row only when none
of its fields differs from blank. A field whose blank text cleans to something else (opening hours
"" → no intervals) or a select without a blank choice (which posts its first option) makes the
untouched row count as filled in: it is validated, refused, and the whole page with it. That refused
every site's edit form. Every formset of the platform, found by its form's module, is rendered blank
here and posted back as a browser posts it (``tests.submitted``); a new formset is checked without
being listed.
"""

import importlib
import inspect

import pytest
from django.apps import apps
from django.forms.formsets import BaseFormSet
from django.utils.datastructures import MultiValueDict

from tests.submitted import submitted

pytestmark = pytest.mark.django_db


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def platform_formsets() -> list[type[BaseFormSet]]:
    for config in apps.get_app_configs():
        if config.name.startswith("inducult."):
            try:
                importlib.import_module(f"{config.name}.forms")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.forms":
                    raise
    found = {
        c for c in _subclasses(BaseFormSet) if getattr(c, "form", None) and c.form.__module__.startswith("inducult.")
    }
    return sorted(found, key=lambda c: (c.form.__module__, c.form.__name__))


def form_kwargs(form_class, region) -> dict:
    """What the formset's forms need to be built: the region, where they take one."""
    samples = {"region": region}
    needed = [
        p.name
        for p in inspect.signature(form_class.__init__).parameters.values()
        if p.kind is p.KEYWORD_ONLY and p.default is p.empty
    ]
    missing = [name for name in needed if name not in samples]
    assert not missing, f"{form_class.__name__} needs {missing}: add a sample value to form_kwargs()"
    return {name: samples[name] for name in needed}


def test_the_platform_has_formsets_to_check():
    assert {c.form.__name__ for c in platform_formsets()} >= {
        "SeasonForm",
        "ExceptionForm",
        "IndicatorForm",
        "TaskForm",
    }


@pytest.mark.parametrize("formset_class", platform_formsets(), ids=lambda c: f"{c.form.__module__}.{c.form.__name__}")
def test_a_blank_extra_row_posted_back_as_rendered_is_ignored(formset_class, region):
    kwargs = form_kwargs(formset_class.form, region)
    blank = formset_class(prefix="rows", form_kwargs=kwargs)
    assert blank.forms, "the formset renders no blank row"
    page = str(blank.management_form) + "".join(str(form) for form in blank.forms)

    posted = formset_class(MultiValueDict(submitted(page)), prefix="rows", form_kwargs=kwargs)

    assert posted.is_valid(), posted.errors
    assert [form.has_changed() for form in posted.forms] == [False] * len(blank.forms)
