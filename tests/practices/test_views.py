"""The library in the back office: who reads, who writes, what another region sees."""

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inducult.core.models import AuditEntry
from inducult.practices.enums import PracticeTheme
from inducult.practices.models import GoodPractice
from inducult.practices.services import library
from tests.factories import PDF, GoodPracticeFactory
from tests.queries import queries_at_two_sizes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]


def url(name, region, *args):
    return reverse(f"practices:{name}", args=[region.slug, *args])


def as_user(client, user):
    client.force_login(user)
    return client


# --- reading -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["coordinator", "editor", "viewer"])
def test_list_readable_by_everyone_in_the_back_office(client, request, persona, region, own_private, foreign_shared):
    response = as_user(client, request.getfixturevalue(persona)).get(url("list", region))

    assert response.status_code == 200
    rows = [row["practice"] for row in response.context["rows"]]
    assert rows == [own_private, foreign_shared]


def test_list_anonymous_is_sent_to_sign_in(client, region):
    response = client.get(url("list", region))

    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_list_outsider_without_a_role_here_is_refused(client, outsider, region):
    assert as_user(client, outsider).get(url("list", region)).status_code == 403


def test_list_marks_private_and_shared_from_other_regions(client, viewer, region, own_private, foreign_shared):
    content = as_user(client, viewer).get(url("list", region)).content.decode()

    assert 'data-testid="private"' in content
    assert 'data-testid="from-other-region"' in content


def test_list_search_and_filters(client, viewer, region, own_private, foreign_shared):
    as_user(client, viewer)

    def titles(**params):
        response = client.get(url("list", region), params)
        return [row["practice"].title for row in response.context["rows"]]

    assert titles(q="porcelanc") == ["Den otevřených dveří v porcelánce"]
    assert titles(theme=PracticeTheme.EDUCATION) == ["Woche der offenen Unternehmen"]
    assert titles(country="DE") == ["Woche der offenen Unternehmen"]
    assert titles(scope="ours") == ["Den otevřených dveří v porcelánce"]
    assert titles(scope="shared") == ["Woche der offenen Unternehmen"]


def test_list_archived_only_own_when_asked(client, coordinator, region, own_private):
    library.archive_practice(practice=own_private, actor=coordinator)
    as_user(client, coordinator)

    assert client.get(url("list", region)).context["rows"] == []
    assert [r["practice"] for r in client.get(url("list", region), {"archived": "on"}).context["rows"]] == [own_private]


def test_list_query_count_does_not_grow_with_practices(client, viewer, region):
    as_user(client, viewer)

    measured = queries_at_two_sizes(
        add=lambda n: GoodPracticeFactory.create_batch(n, region=region),
        run=lambda: client.get(url("list", region)),
        sizes=(3, 23),
        at_most=12,
    )

    assert [len(response.context["rows"]) for response in measured.results] == [3, 23]


def test_detail_own_practice_shows_language_note(client, viewer, region, own_private):
    own_private.translations = {"title": {"en": "Open day at the porcelain factory"}}
    own_private.save()

    response = as_user(client, viewer).get(url("detail", region, own_private.pk))

    assert response.status_code == 200
    assert response.context["language_note"] == "Written in Czech; also in English."
    assert 'data-testid="translation-en"' in response.content.decode()


def test_detail_shared_practice_of_another_region_is_read_only(client, coordinator, region, foreign_shared):
    response = as_user(client, coordinator).get(url("detail", region, foreign_shared.pk))

    assert response.status_code == 200
    content = response.content.decode()
    assert response.context["language_note"] == "Written in German; no translation."
    assert response.context["can_change"] is False
    assert 'data-testid="read-only"' in content
    assert 'data-testid="edit-practice"' not in content
    assert 'data-testid="share"' not in content


def test_detail_private_practice_of_another_region_is_404_and_logged(
    client, coordinator, region, foreign_private, caplog
):
    with caplog.at_level(logging.WARNING, logger="inducult.practices.access"):
        response = as_user(client, coordinator).get(url("detail", region, foreign_private.pk))

    assert response.status_code == 404
    assert any(f"practice {foreign_private.pk} of region saxony" in r.getMessage() for r in caplog.records)


def test_detail_outsider_reads_a_shared_practice_in_their_own_region(client, outsider, other_region, own_private):
    library.set_shared(practice=own_private, actor=None, shared=True)

    response = as_user(client, outsider).get(url("detail", other_region, own_private.pk))

    assert response.status_code == 200
    assert response.context["is_own"] is False


# --- writing -------------------------------------------------------------------------------------


def _form(**extra):
    return {
        "title": "Workshop designérů",
        "theme": PracticeTheme.CREATIVITY,
        "language": "cs",
        "summary": "Spojili jsme designéry a podniky.",
        "results": "",
        "source": "",
    } | extra


def test_create_by_coordinator_with_translation_and_file(client, coordinator, region):
    data = _form(tr_en_title="Workshop of Designers", attachments=SimpleUploadedFile("návrh.pdf", PDF))

    response = as_user(client, coordinator).post(url("create", region), data)

    practice = GoodPractice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", region, practice.pk)
    assert practice.shared is False
    assert practice.translations == {"title": {"en": "Workshop of Designers"}}
    assert practice.attachments.get().file_name == "návrh.pdf"


def test_create_refuses_a_file_whose_content_is_not_its_type(client, coordinator, region):
    data = _form(attachments=SimpleUploadedFile("návrh.pdf", b"MZ not a pdf"))

    response = as_user(client, coordinator).post(url("create", region), data)

    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["attachments"]] == ["file_content"]
    assert not GoodPractice.objects.exists()


@pytest.mark.parametrize("persona", ["editor", "viewer"])
def test_create_refused_to_editor_and_viewer(client, request, persona, region):
    response = as_user(client, request.getfixturevalue(persona)).post(url("create", region), _form())

    assert response.status_code == 403
    assert not GoodPractice.objects.exists()


def test_edit_with_a_stale_version_is_a_conflict(client, coordinator, region, own_private):
    library.update_practice(practice=own_private, actor=coordinator, data={"title": "Newer"}, version=1)

    response = as_user(client, coordinator).post(url("edit", region, own_private.pk), _form(title="Mine", version=1))

    assert response.status_code == 409
    assert GoodPractice.objects.get(pk=own_private.pk).title == "Newer"


def test_edit_of_another_regions_shared_practice_is_404(client, coordinator, region, foreign_shared, caplog):
    with caplog.at_level(logging.WARNING, logger="inducult.practices.access"):
        response = as_user(client, coordinator).post(url("edit", region, foreign_shared.pk), _form(version=1))

    assert response.status_code == 404
    assert GoodPractice.objects.get(pk=foreign_shared.pk).title == "Woche der offenen Unternehmen"
    refused = [r for r in caplog.records if r.name == "inducult.practices.access"]
    assert any(f"practice {foreign_shared.pk}" in r.getMessage() for r in refused)


def test_share_by_the_owning_coordinator(client, coordinator, region, own_private):
    response = as_user(client, coordinator).post(url("share", region, own_private.pk))

    assert response.status_code == 302
    own_private.refresh_from_db()
    assert own_private.shared is True
    assert AuditEntry.objects.filter(object_id=str(own_private.pk), changes__shared=[False, True]).exists()


@pytest.mark.parametrize("persona", ["editor", "viewer"])
def test_share_refused_to_editor_and_viewer(client, request, persona, region, own_private):
    response = as_user(client, request.getfixturevalue(persona)).post(url("share", region, own_private.pk))

    assert response.status_code == 403
    own_private.refresh_from_db()
    assert own_private.shared is False


def test_another_regions_coordinator_cannot_share_or_unshare(
    client, outsider, other_region, region, own_private, foreign_shared
):
    as_user(client, outsider)
    # Through the owning region's URL: no role there.
    assert client.post(url("share", region, own_private.pk)).status_code == 403
    # Through their own region's URL: not one of theirs.
    assert client.post(url("share", other_region, own_private.pk)).status_code == 404
    own_private.refresh_from_db()
    assert own_private.shared is False


def test_a_reader_cannot_unshare_a_practice_shared_with_them(client, coordinator, region, foreign_shared):
    response = as_user(client, coordinator).post(url("unshare", region, foreign_shared.pk))

    assert response.status_code == 404
    foreign_shared.refresh_from_db()
    assert foreign_shared.shared is True


def test_share_is_post_only(client, coordinator, region, own_private):
    assert as_user(client, coordinator).get(url("share", region, own_private.pk)).status_code == 405


# --- attachments ---------------------------------------------------------------------------------


def _with_file(practice):
    return library.update_practice(
        practice=practice,
        actor=None,
        data={},
        version=practice.version,
        attachments=[SimpleUploadedFile("bericht.pdf", PDF)],
    ).attachments.get()


def test_attachment_of_a_shared_practice_downloads_in_another_region(client, coordinator, region, foreign_shared):
    attachment = _with_file(foreign_shared)

    response = as_user(client, coordinator).get(url("attachment", region, foreign_shared.pk, attachment.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_attachment_of_a_private_practice_of_another_region_is_404_and_logged(
    client, coordinator, region, foreign_private, caplog
):
    attachment = _with_file(foreign_private)

    with caplog.at_level(logging.WARNING, logger="inducult.practices.access"):
        response = as_user(client, coordinator).get(url("attachment", region, foreign_private.pk, attachment.pk))

    assert response.status_code == 404
    assert any(f"practice {foreign_private.pk}" in r.getMessage() for r in caplog.records)


def test_attachment_id_under_another_practice_is_404(client, viewer, region, own_private, foreign_private):
    attachment = _with_file(foreign_private)

    response = as_user(client, viewer).get(url("attachment", region, own_private.pk, attachment.pk))

    assert response.status_code == 404


def test_an_edit_keeps_the_mark_of_our_translation_while_the_language_is_translated(client, coordinator, region):
    practice = GoodPracticeFactory(
        region=region,
        translations={"title": {"de": "Designer-Workshop", "en": "Workshop"}, "_translated_from": {"de": "cs"}},
    )

    kept = as_user(client, coordinator).post(
        url("edit", region, practice.pk),
        _form(version=practice.version, tr_de_title="Designer-Workshop", tr_en_title="Workshop"),
    )
    assert kept.status_code == 302
    assert GoodPractice.objects.get(pk=practice.pk).translated_by_us() == {"de": "cs"}

    practice.refresh_from_db()
    as_user(client, coordinator).post(
        url("edit", region, practice.pk), _form(version=practice.version, tr_en_title="Workshop")
    )
    assert GoodPractice.objects.get(pk=practice.pk).translations == {"title": {"en": "Workshop"}}
