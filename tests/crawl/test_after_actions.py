"""The history and audit pages still answer after what a coordinator does in a day: an engagement
with tasks, participants and a file created, edited, deleted and brought back; an indicator added to
an activity; a small CSV imported, one row merged into an organisation the registry has; a person
erased; an organisation archived and restored. Once, the audit log answered 500 on every page and
filter holding such an entry, in every language (issue #14)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inducult.actionplan.models import Activity
from inducult.actionplan.services.activities import update_activity
from inducult.engagement.enums import EngagementKind, EngagementStatus
from inducult.engagement.models import Engagement
from inducult.engagement.services import engagements
from inducult.network.models import Organisation, Person
from inducult.network.services import organisations, people
from inducult.network.services.importing import batches
from tests.crawl.conftest import LANGUAGES
from tests.crawl.crawler import Crawler
from tests.factories import PDF


def act_as_a_coordinator(region, coordinator) -> dict[str, list]:
    """Take the actions; the records whose histories they changed, by history page."""
    museum, gallery = Organisation.objects.filter(region=region).order_by("pk")[:2]
    person = Person.objects.filter(region=region).order_by("pk").first()

    engagement = engagements.create_engagement(
        region=region,
        actor=coordinator,
        data={
            "kind": EngagementKind.ROUND_TABLE,
            "status": EngagementStatus.HELD,
            "title": "Kulatý stůl o industriálním dědictví",
            "starts_at": datetime.datetime(2026, 6, 1, 10, tzinfo=region.tz),
        },
    )
    engagements.add_participant(engagement=engagement, actor=coordinator, organisation=museum)
    engagements.add_participant(engagement=engagement, actor=coordinator, person=person)
    engagements.add_follow_up_task(engagement=engagement, actor=coordinator, title="Poslat zápis", owner=person)
    engagements.add_attachment(engagement=engagement, actor=coordinator, file=SimpleUploadedFile("zápis.pdf", PDF))
    engagement = engagements.update_engagement(
        engagement=engagement, actor=coordinator, data={"title": "Kulatý stůl v Sokolově"}, version=engagement.version
    )
    engagements.delete_engagement(engagement=engagement, actor=coordinator)
    engagements.restore_engagement(engagement=engagement, actor=coordinator)
    # One of the demo's engagements with a task, deleted and left so: its entries are in the audit log
    # (a deleted engagement has no page of its own until it is brought back).
    with_task = Engagement.objects.filter(region=region, tasks__isnull=False).order_by("pk").first()
    engagements.delete_engagement(engagement=with_task, actor=coordinator)

    activity = Activity.objects.filter(region=region).order_by("pk").first()
    update_activity(
        activity=activity,
        actor=coordinator,
        data={},
        version=activity.version,
        indicators=[{"name": "Návštěvníci", "unit": "osob", "target": 1200}],
    )

    csv = f"name,kind,town,website\n{gallery.name},{gallery.kind},{gallery.town},https://example.org/\n"
    csv += "Spolek Cínová cesta,association,Krásno,\n"
    batch = batches.start_batch(region=region, actor=coordinator, file_name="spolky.csv", data=csv.encode())
    counts = batches.run_import(batch=batch, actor=coordinator)
    assert (counts["created"], counts["updated"]) == (1, 1)

    people.erase_person(person=person, actor=coordinator)
    organisations.archive_organisation(organisation=museum, actor=coordinator)
    organisations.restore_organisation(organisation=museum, actor=coordinator)

    imported = Organisation.objects.get(region=region, name="Spolek Cínová cesta")
    return {
        "engagement:detail": [engagement.pk],
        "network:organisation_detail": [museum.pk, gallery.pk, imported.pk],
        "network:person_detail": [person.pk],
    }


def test_history_and_audit_pages_answer_after_a_coordinators_actions(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    slug = demo.region.slug
    touched = act_as_a_coordinator(demo.region, demo.users["coordinator"])
    pages = [(name, reverse(name, args=[slug, pk])) for name, pks in touched.items() for pk in pks]
    pages.append(("network:audit_log", reverse("network:audit_log", args=[slug])))

    statuses, problems = {}, []
    for language in LANGUAGES:
        # Every page of the audit log, and every page under every value of each of its filters.
        crawler = Crawler(demo.client("coordinator"), persona="coordinator", language=language, options_per_field=None)
        crawler.crawl(pages)
        statuses.update({f"{language} {path}": status for path, status in crawler.statuses.items()})
        problems += crawler.problems

    assert not problems, "\n".join(problems)
    assert {path: status for path, status in statuses.items() if status != 200} == {}
