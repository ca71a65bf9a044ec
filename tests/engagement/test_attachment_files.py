"""An attachment's stored file goes with its row, whichever way the row goes, and only once the
deletion is committed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from inducult.engagement.models import Engagement
from inducult.engagement.services.engagements import add_attachment, delete_attachment
from tests.factories import PDF, EngagementFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def attachment(region, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    engagement = EngagementFactory(region=region)
    return add_attachment(engagement=engagement, actor=UserFactory(), file=SimpleUploadedFile("zápis.pdf", PDF))


def stored(attachment):
    return attachment.file.storage.exists(attachment.file.name)


def test_removing_an_attachment_deletes_its_file(attachment, django_capture_on_commit_callbacks):
    assert stored(attachment)

    with django_capture_on_commit_callbacks(execute=True):
        delete_attachment(attachment=attachment, actor=UserFactory())

    assert not stored(attachment)


def test_an_engagement_deleted_for_good_takes_its_files_along(attachment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Engagement.all_objects.filter(pk=attachment.engagement_id).delete()

    assert not stored(attachment)


def test_a_rolled_back_removal_keeps_the_file(attachment, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        delete_attachment(attachment=attachment, actor=UserFactory())
        raise RuntimeError("something later in the same request failed")

    assert callbacks == []
    assert stored(attachment)


def test_a_softly_deleted_engagement_keeps_its_files_for_the_undo(attachment, django_capture_on_commit_callbacks):
    from inducult.engagement.services.engagements import delete_engagement

    with django_capture_on_commit_callbacks(execute=True):
        delete_engagement(engagement=attachment.engagement, actor=UserFactory())

    assert stored(attachment)
