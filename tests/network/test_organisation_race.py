"""Two people add the same organisation at the same moment (issue #15: both passed the duplicate check
and the registry got it twice). The check and the creation are one step under the registry's lock
(``services.organisations.lock_registry``), on SQLite and on PostgreSQL alike."""

import datetime
import threading

import pytest
from django.test import Client
from django.urls import reverse

from inducult.network.models import Organisation
from inducult.network.services import organisations
from tests.concurrency import SharedDatabase, at_once
from tests.submitted import submitted

pytestmark = pytest.mark.django_db(transaction=True)

# How long the first check waits for the other one to reach it too. Without the lock both checks
# meet (each found nothing); with it the second waits for the first's commit, so the first goes on
# after this time and the second then finds the first's organisation.
MEETING = 1.5


class Meeting:
    """Holds each duplicate check after it has read, until both have read or ``MEETING`` has passed."""

    def __init__(self, real):
        self.real = real
        self.arrived = 0
        self.lock = threading.Lock()
        self.both = threading.Event()

    def __call__(self, **kwargs):
        found = self.real(**kwargs)
        with self.lock:
            self.arrived += 1
            if self.arrived == 2:
                self.both.set()
        self.both.wait(MEETING)
        return found


def test_two_simultaneous_new_organisation_posts_create_one(region, coordinator, monkeypatch, tmp_path):
    url = reverse("network:organisation_create", args=[region.slug])
    clients = []
    for _ in range(2):
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(coordinator)
        form = submitted(client.get(url).content.decode(), "organisation-form")
        form.update(name=["Porcelánka Loket"], kind=["enterprise"], town=["Loket"])
        clients.append((client, form))
    database = SharedDatabase(tmp_path / "copy.sqlite3", Organisation)
    database.prepare()
    monkeypatch.setattr(organisations, "possible_duplicates", Meeting(organisations.possible_duplicates))

    answers = at_once(database, *(lambda c=client, f=form: c.post(url, f).status_code for client, form in clients))

    assert database.count(name="Porcelánka Loket") == 1
    # One was created (and sent to its page); the other was shown the possible duplicate.
    assert sorted(answers) == [200, 302]


def test_the_check_is_part_of_the_creation_and_create_anyway_skips_it(region, coordinator, museum):
    data = {"name": museum.name.upper(), "kind": museum.kind, "town": museum.town}

    with pytest.raises(organisations.PossibleDuplicates) as refused:
        organisations.create_organisation(region=region, actor=coordinator, data=data, refuse_duplicates=True)

    assert refused.value.duplicates == [museum]
    organisations.create_organisation(region=region, actor=coordinator, data=data)
    assert Organisation.objects.filter(region=region, name_key=museum.name_key).count() == 2


def test_an_engagements_new_organisation_is_checked_under_the_lock_too(region, coordinator, museum):
    from inducult.engagement.models import Engagement
    from inducult.engagement.services.recording import save_engagement
    from tests.factories import PRAGUE

    new = {"name": museum.name, "kind": museum.kind, "town": museum.town, "create_anyway": False}
    when = datetime.datetime(2024, 10, 4, 14, 0, tzinfo=PRAGUE)
    data = {"title": "Schůzka", "kind": "bilateral_meeting", "status": "held", "starts_at": when}

    with pytest.raises(organisations.PossibleDuplicates):
        save_engagement(region=region, actor=coordinator, data=data, new_organisation=new)

    assert not Engagement.objects.exists()  # nothing of the save was kept
    assert Organisation.objects.filter(region=region).count() == 1
