"""The visibility rule, the business actions and their audit trail."""

import logging

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from inducult.core.models import AuditAction, AuditEntry
from inducult.core.versioning import EditConflict
from inducult.practices.enums import PracticeTheme
from inducult.practices.models import GoodPractice
from inducult.practices.services import library
from tests.factories import PDF, GoodPracticeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _data(**extra):
    return {
        "title": "Workshop designérů",
        "theme": PracticeTheme.CREATIVITY,
        "language": "cs",
        "summary": "Popis.",
    } | extra


def test_visible_practices_own_private_and_others_shared(
    coordinator, region, own_private, foreign_shared, foreign_private
):
    visible = set(library.visible_practices(coordinator, region))

    assert visible == {own_private, foreign_shared}


def test_visible_practices_viewer_and_editor_read_the_same(viewer, editor, region, own_private, foreign_shared):
    assert set(library.visible_practices(viewer, region)) == {own_private, foreign_shared}
    assert set(library.visible_practices(editor, region)) == {own_private, foreign_shared}


def test_visible_practices_nothing_without_a_role_in_the_region(outsider, region, own_private):
    assert list(library.visible_practices(outsider, region)) == []


def test_visible_practices_hides_archived_practices_of_other_regions(coordinator, region, foreign_shared):
    library.archive_practice(practice=foreign_shared, actor=None)

    assert list(library.visible_practices(coordinator, region)) == []


def test_visible_practice_of_another_region_not_shared_is_none_and_logged(coordinator, region, foreign_private, caplog):
    with caplog.at_level(logging.WARNING, logger="inducult.practices.access"):
        assert library.visible_practice(user=coordinator, region=region, pk=foreign_private.pk) is None

    [entry] = caplog.records
    assert entry.levelno == logging.WARNING
    assert f"practice {foreign_private.pk} of region saxony" in entry.getMessage()
    assert "user coordinator" in entry.getMessage()


def test_visible_practice_unknown_id_is_not_logged(coordinator, region, caplog):
    with caplog.at_level(logging.WARNING, logger="inducult.practices.access"):
        assert library.visible_practice(user=coordinator, region=region, pk=999999) is None

    assert caplog.records == []


def test_create_practice_is_private_and_audited(coordinator, region):
    practice = library.create_practice(region=region, actor=coordinator, data=_data())

    assert practice.shared is False
    assert practice.created_by == coordinator
    entry = AuditEntry.objects.get(object_type="practices.goodpractice", object_id=str(practice.pk))
    assert entry.action == AuditAction.CREATE
    assert entry.changes["title"] == [None, "Workshop designérů"]


def test_create_practice_refuses_a_contact_of_another_region(coordinator, region, other_region):
    foreign = OrganisationFactory(region=other_region)

    with pytest.raises(ValidationError) as error:
        library.create_practice(region=region, actor=coordinator, data=_data(contact_organisation=foreign))

    assert "contact_organisation" in error.value.message_dict
    assert not GoodPractice.objects.exists()


@pytest.mark.parametrize("code", ["pl", "it", "sl", "hu", "de"])
def test_create_practice_accepts_partner_languages(coordinator, region, code):
    practice = library.create_practice(region=region, actor=coordinator, data=_data(language=code))

    assert practice.language == code


@pytest.mark.parametrize("code", ["xx", "CZ", "ces", ""])
def test_create_practice_refuses_a_code_that_is_not_iso_639_1(coordinator, region, code):
    with pytest.raises(ValidationError) as error:
        library.create_practice(region=region, actor=coordinator, data=_data(language=code))

    assert "language" in error.value.message_dict


def test_set_shared_records_who_shared_and_when(coordinator, own_private):
    with translation.override("en"):
        library.set_shared(practice=own_private, actor=coordinator, shared=True)

    own_private.refresh_from_db()
    assert own_private.shared is True
    assert own_private.shared_at is not None
    entry = AuditEntry.objects.filter(object_id=str(own_private.pk)).first()
    assert entry.actor == coordinator
    assert entry.changes["shared"] == [False, True]
    assert entry.summary == "Shared with all regions."


def test_unsharing_takes_it_back_from_other_regions(coordinator, outsider, region, other_region, own_private):
    library.set_shared(practice=own_private, actor=coordinator, shared=True)
    assert own_private in library.visible_practices(outsider, other_region)

    library.set_shared(practice=own_private, actor=coordinator, shared=False)

    assert own_private not in library.visible_practices(outsider, other_region)
    assert AuditEntry.objects.filter(object_id=str(own_private.pk), changes__shared=[True, False]).exists()


def test_an_archived_practice_cannot_be_shared(coordinator, own_private):
    library.archive_practice(practice=own_private, actor=coordinator)

    with pytest.raises(ValidationError):
        library.set_shared(practice=own_private, actor=coordinator, shared=True)


def test_update_practice_refuses_a_stale_version(coordinator, own_private):
    library.update_practice(practice=own_private, actor=coordinator, data={"title": "First"}, version=1)
    stale = GoodPractice.objects.get(pk=own_private.pk)
    stale.version = 1

    with pytest.raises(EditConflict) as conflict:
        library.update_practice(practice=stale, actor=coordinator, data={"title": "Second"}, version=1)

    assert conflict.value.current.title == "First"
    assert GoodPractice.objects.get(pk=own_private.pk).title == "First"


def test_update_practice_refreshes_the_search_text(coordinator, own_private):
    library.update_practice(
        practice=own_private,
        actor=coordinator,
        data={"results": "Návštěvníci ocenili vitríny", "translations": {"title": {"en": "Open day"}}},
        version=own_private.version,
    )

    assert "navstevnici" in own_private.search_text
    assert "open day" in own_private.search_text


def test_attachment_of_an_allowed_type_is_kept_and_audited(coordinator, region):
    practice = library.create_practice(
        region=region, actor=coordinator, data=_data(), attachments=[SimpleUploadedFile("zpráva.pdf", PDF)]
    )

    [attachment] = practice.attachments.all()
    assert attachment.file_name == "zpráva.pdf"
    assert attachment.content_type == "application/pdf"
    assert AuditEntry.objects.filter(object_type="practices.practiceattachment", action=AuditAction.CREATE).exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("script.exe", b"MZ\x90\x00"), ("fake.pdf", b"<html>not a pdf</html>"), ("photo.png", PDF)],
)
def test_attachment_refused_by_name_or_content(coordinator, region, name, content):
    with pytest.raises(ValidationError) as error:
        library.create_practice(
            region=region, actor=coordinator, data=_data(), attachments=[SimpleUploadedFile(name, content)]
        )

    assert "file" in error.value.message_dict
    assert not GoodPractice.objects.exists()  # nothing written: one transaction


def test_find_practices_searches_folded_text_and_translations(coordinator, region, foreign_shared):
    GoodPracticeFactory(region=region, title="Putovní výstava", translations={"title": {"en": "Touring exhibition"}})

    assert [p.title for p in library.find_practices(coordinator, region, text="putovni")] == ["Putovní výstava"]
    assert [p.title for p in library.find_practices(coordinator, region, text="touring")] == ["Putovní výstava"]
    assert [p.title for p in library.find_practices(coordinator, region, text="woche offenen")] == [
        "Woche der offenen Unternehmen"
    ]


def test_find_practices_filters_by_theme_country_and_scope(coordinator, region, own_private, foreign_shared):
    def titles(**query):
        return [p.title for p in library.find_practices(coordinator, region, **query)]

    assert titles(theme=PracticeTheme.EDUCATION) == ["Woche der offenen Unternehmen"]
    assert titles(country="de") == ["Woche der offenen Unternehmen"]
    assert titles(country="CZ") == ["Den otevřených dveří v porcelánce"]
    assert titles(scope="ours") == ["Den otevřených dveří v porcelánce"]
    assert titles(scope="shared") == ["Woche der offenen Unternehmen"]
    assert library.countries(coordinator, region) == ["CZ", "DE"]
