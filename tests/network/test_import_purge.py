"""Abandoned uploads (personal data) are removed after a while; imported ones are already gone."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from inducult.core.models import AuditAction, AuditEntry
from inducult.network.models import ImportBatch
from inducult.network.services.importing import batches

pytestmark = pytest.mark.django_db(transaction=True)  # the file is removed on commit


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(region, name="kontakty.csv"):
    return batches.start_batch(region=region, actor=None, file_name=name, data=b"name,kind\nA,museum\n")


def age(batch, days):
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_old_abandoned_upload_loses_its_file_and_the_removal_is_audited(region, settings):
    old, recent = upload(region, "old.csv"), upload(region, "recent.csv")
    old_path = Path(settings.MEDIA_ROOT) / old.file.name
    age(old, 8)
    age(recent, 6)

    removed = batches.purge_abandoned_files(older_than=timedelta(days=7))

    assert removed == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old.file
    assert not old_path.exists()
    assert recent.file and (Path(settings.MEDIA_ROOT) / recent.file.name).exists()
    entry = AuditEntry.objects.get(action=AuditAction.DELETE, object_id=str(old.pk))
    assert "old.csv" in entry.summary
    assert entry.region == region


def test_purge_command_reports_and_rejects_negative_days(region):
    age(upload(region), 30)
    out = StringIO()

    with translation.override("en"):
        call_command("purge_import_files", "--days", "7", stdout=out)

    assert out.getvalue().strip() == "Removed 1 abandoned upload older than 7 days."
    assert not ImportBatch.objects.exclude(file="").exists()
    with translation.override("en"), pytest.raises(CommandError, match="--days must be 0 or more"):
        call_command("purge_import_files", "--days", "-1")
