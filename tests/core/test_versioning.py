"""The optimistic lock (core.versioning): of two edits begun at one version exactly one is written,
the other is refused with the record as saved; an unchecked bump still moves the version on."""

import datetime

import pytest
from django.utils import timezone, translation

from inducult.core.versioning import EditConflict, bump_version, bump_versions, update_if_version
from inducult.engagement.models import Engagement
from inducult.engagement.services import engagements
from inducult.heritage.models import Event
from inducult.heritage.services import events
from inducult.network.models import Organisation, Person
from inducult.network.services import organisations, people
from inducult.practices.models import GoodPractice
from inducult.practices.services import library
from tests.factories import EngagementFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_of_two_editors_at_one_version_the_first_wins_and_the_second_gets_the_saved_record(region):
    org = OrganisationFactory(region=region, name="Muzeum", phone="")
    first, second = Organisation.objects.get(pk=org.pk), Organisation.objects.get(pk=org.pk)

    update_if_version(first, version=1, values={"phone": "111"})
    with pytest.raises(EditConflict) as refused:
        update_if_version(second, version=1, values={"phone": "222", "town": "Loket"})

    assert (refused.value.current.phone, refused.value.current.version) == ("111", 2)
    stored = Organisation.objects.get(pk=org.pk)
    assert (stored.phone, stored.town, stored.version) == ("111", "Sokolov", 2)


def test_an_edit_at_the_current_version_writes_raises_the_version_and_stamps_updated_at(region):
    org = OrganisationFactory(region=region)
    Organisation.objects.filter(pk=org.pk).update(updated_at=timezone.now() - datetime.timedelta(days=1))
    before = Organisation.objects.get(pk=org.pk).updated_at

    update_if_version(org, version=1, values={"phone": "111"})

    stored = Organisation.objects.get(pk=org.pk)
    assert (stored.phone, stored.version) == ("111", 2)
    assert stored.updated_at > before


def test_a_conflict_reads_the_saved_record_through_the_queryset_given(region, django_assert_num_queries):
    org = OrganisationFactory(region=region)
    bump_version(org)

    with pytest.raises(EditConflict) as refused:
        update_if_version(org, version=1, values={"phone": "1"}, current=Organisation.objects.select_related("region"))

    with django_assert_num_queries(0):
        assert refused.value.current.region.slug == region.slug


def test_a_row_that_fails_what_the_edit_requires_is_a_conflict(region):
    person = PersonFactory(region=region, phone="")
    Person.objects.filter(pk=person.pk).update(erased_at=timezone.now())

    with pytest.raises(EditConflict):
        update_if_version(person, version=1, values={"phone": "111"}, require={"erased_at__isnull": True})

    assert Person.objects.get(pk=person.pk).phone == ""


def test_the_conflict_carries_the_records_message_and_the_current_row(region):
    org = OrganisationFactory(region=region)
    bump_version(org)

    with translation.override("en"), pytest.raises(EditConflict) as refused:
        update_if_version(org, version=1, values={})

    assert str(refused.value) == "This record was changed by someone else while you were editing it."
    assert refused.value.current.pk == org.pk


def test_a_bump_writes_the_values_raises_the_version_and_stamps_updated_at(region):
    org = OrganisationFactory(region=region)
    Organisation.objects.filter(pk=org.pk).update(updated_at=timezone.now() - datetime.timedelta(days=1))
    org.refresh_from_db()
    stamped = org.updated_at
    archived = timezone.now()

    bump_version(org, archived_at=archived)

    stored = Organisation.objects.get(pk=org.pk)
    assert (stored.archived_at, stored.version) == (archived, 2)
    assert stored.updated_at > stamped
    assert (org.archived_at, org.version, org.updated_at) == (archived, 2, stored.updated_at)


def test_a_bump_makes_an_edit_begun_before_it_a_conflict(region):
    org = OrganisationFactory(region=region)
    bump_version(Organisation.objects.get(pk=org.pk), archived_at=timezone.now())

    with pytest.raises(EditConflict):
        update_if_version(org, version=1, values={"phone": "111"})


def test_a_bump_reaches_a_softly_deleted_record(region):
    engagement = EngagementFactory(region=region, deleted_at=timezone.now())
    assert not Engagement.objects.filter(pk=engagement.pk).exists()  # the default manager hides it

    bump_version(engagement, deleted_at=None)

    assert (Engagement.objects.get(pk=engagement.pk).version, engagement.deleted_at) == (2, None)


def test_bumping_many_rows_raises_each_version_once(region):
    orgs = [OrganisationFactory(region=region) for _ in range(3)]
    bump_version(orgs[0])

    written = bump_versions(Organisation.objects.filter(pk__in=[o.pk for o in orgs]))

    assert written == 3
    assert sorted(Organisation.objects.values_list("version", flat=True)) == [2, 2, 3]


# --- every app's unchecked actions go through bump_version ---------------------------------------


def _archived_organisation(region):
    org = OrganisationFactory(region=region)
    Organisation.objects.filter(pk=org.pk).update(archived_at=timezone.now())
    return Organisation.objects.get(pk=org.pk)


def _practice(region, **values):
    return GoodPractice.objects.create(region=region, title="Den", theme="tourism", language="cs", **values)


def _event(region):
    return Event.objects.create(region=region, title="Noc v dole", starts_at=timezone.now(), place_text="Krásno")


UNCHECKED_ACTIONS = {
    "archive an organisation": (
        lambda region: OrganisationFactory(region=region),
        lambda record, actor: organisations.archive_organisation(organisation=record, actor=actor),
    ),
    "restore an organisation": (
        _archived_organisation,
        lambda record, actor: organisations.restore_organisation(organisation=record, actor=actor),
    ),
    "erase a person": (
        lambda region: PersonFactory(region=region),
        lambda record, actor: people.erase_person(person=record, actor=actor),
    ),
    "delete an engagement": (
        lambda region: EngagementFactory(region=region),
        lambda record, actor: engagements.delete_engagement(engagement=record, actor=actor),
    ),
    "restore an engagement": (
        lambda region: EngagementFactory(region=region, deleted_at=timezone.now()),
        lambda record, actor: engagements.restore_engagement(engagement=record, actor=actor),
    ),
    "share a practice": (
        lambda region: _practice(region),
        lambda record, actor: library.set_shared(practice=record, actor=actor, shared=True),
    ),
    "archive a practice": (
        lambda region: _practice(region),
        lambda record, actor: library.archive_practice(practice=record, actor=actor),
    ),
    "restore a practice": (
        lambda region: _practice(region, archived_at=timezone.now()),
        lambda record, actor: library.restore_practice(practice=record, actor=actor),
    ),
    "approve an event": (
        _event,
        lambda record, actor: events.review_event(event=record, actor=actor, approve=True),
    ),
}


@pytest.mark.parametrize("action", list(UNCHECKED_ACTIONS))
def test_an_unchecked_action_moves_the_version_on_and_refuses_an_edit_begun_before_it(region, coordinator, action):
    make, run = UNCHECKED_ACTIONS[action]
    record = make(region)
    model = type(record)
    model._base_manager.filter(pk=record.pk).update(updated_at=timezone.now() - datetime.timedelta(days=1))
    opened = model._base_manager.get(pk=record.pk)  # an edit form opened before the action

    run(model._base_manager.get(pk=record.pk), coordinator)

    stored = model._base_manager.get(pk=record.pk)
    assert stored.version == 2
    assert stored.updated_at > opened.updated_at
    with pytest.raises(EditConflict):
        update_if_version(opened, version=opened.version, values={}, current=model._base_manager)
