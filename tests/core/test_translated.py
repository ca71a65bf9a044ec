"""Content translations (core.translated, decision 0018): a text without a version in the reader's
language falls back to English before the original; our own translations carry a mark."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils import translation

from inducult.core.translated import ORIGINAL_LANGUAGE, translation_mark, validate_translations
from inducult.practices.forms import PracticeForm
from tests.factories import GoodPracticeFactory, MilestoneFactory, SiteFactory

pytestmark = pytest.mark.django_db

CZECH = "Organizace minimálně jedné diskuzní skupiny"
ENGLISH = "Organisation of at least one discussion group"
GERMAN = "Organisation mindestens einer Diskussionsgruppe"


def milestone(**texts):
    return MilestoneFactory(title=CZECH, translations={"title": texts} if texts else {})


def test_a_text_without_a_version_in_the_readers_language_falls_back_to_english_before_the_original():
    record = milestone(en=ENGLISH)

    assert record.localized("title", "de") == ENGLISH
    assert record.localized("title", "en") == ENGLISH
    assert record.localized("title", "cs") == CZECH


def test_the_readers_own_version_wins_and_the_original_is_read_in_its_language():
    record = milestone(en=ENGLISH, de=GERMAN)

    assert [record.localized("title", code) for code in ("cs", "en", "de")] == [CZECH, ENGLISH, GERMAN]


def test_without_english_the_original_is_shown():
    assert milestone().localized("title", "de") == CZECH


def test_the_active_language_is_the_readers():
    record = milestone(en=ENGLISH)

    with translation.override("de"):
        assert record.localized("title") == ENGLISH


def test_the_original_is_in_the_regions_language_on_its_pages():
    record = milestone(en=ENGLISH)
    token = ORIGINAL_LANGUAGE.set("de")
    try:
        # A German region's record read in Czech: no Czech version, so English, not the German original.
        assert record.localized("title", "cs") == ENGLISH
        assert record.localized("title", "de") == CZECH  # the original, in the region's language
    finally:
        ORIGINAL_LANGUAGE.reset(token)


def test_a_loaded_region_says_which_language_its_records_are_in():
    site = SiteFactory(name="Sächsisches Industriemuseum", translations={"name": {"en": "Saxon Museum of Industry"}})
    site.region.default_language = "de"

    assert site.localized("name", "de") == "Sächsisches Industriemuseum"
    assert site.localized("name", "cs") == "Saxon Museum of Industry"


def test_a_practice_is_read_in_the_language_it_was_written_in():
    practice = GoodPracticeFactory(language="en", title="Open factory day", translations={"title": {"de": "Tag"}})

    assert practice.localized("title", "cs") == "Open factory day"
    assert practice.localized("title", "de") == "Tag"


def test_our_translation_is_marked_and_the_sources_is_not():
    record = milestone(en=ENGLISH, de=GERMAN)
    record.translations["_translated_from"] = {"de": "cs"}

    assert record.translated_by_us() == {"de": "cs"}
    assert record.our_translation_from("title", "de") == "cs"
    assert record.our_translation_from("title", "en") == ""  # the strategy's own English
    assert record.our_translation_from("title", "cs") == ""
    with translation.override("en"):
        assert translation_mark(record, language="de") == "Czech"
        assert translation_mark(record, language="en") == ""


def test_the_mark_follows_the_text_shown_not_the_readers_language():
    record = milestone(en=ENGLISH)
    record.translations["_translated_from"] = {"en": "cs"}

    assert record.our_translation_from("title", "de") == "cs"  # the German reader is shown our English


def test_the_mark_is_a_valid_part_of_the_translations():
    validate_translations({"title": {"de": GERMAN}, "_translated_from": {"de": "cs"}})
    with pytest.raises(ValidationError):
        validate_translations({"_translated_from": {"xx": "cs"}})


@pytest.mark.parametrize(("language", "expected"), [("cs", "- Vyberte možnost -"), ("de", "- Option auswählen -")])
def test_djangos_empty_choice_reads_in_the_pages_language(language, expected):
    with translation.override(language):
        assert str(BLANK_CHOICE_LABEL) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Allowed: PDF, DOCX"), ("cs", "Povolené: PDF, DOCX"), ("de", "Erlaubt: PDF, DOCX")],
)
def test_an_attachment_fields_help_reads_in_the_pages_language(language, expected):
    with translation.override(language):
        assert str(PracticeForm.base_fields["attachments"].help_text).startswith(expected)


def test_a_field_named_language_says_nothing_of_the_texts_unless_the_model_says_so():
    from tests.factories import TourProductFactory

    tour = TourProductFactory(title="Porcelán a sklo", language="de", translations={"title": {"en": "Porcelain"}})

    # "Guided tours preferably in German" is no claim that the title is German.
    assert tour.original_language() == "cs"
    assert tour.localized("title", "de") == "Porcelain"
