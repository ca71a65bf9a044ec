"""An edit refused by the optimistic lock, as every edit page shows it (core.views.conflicts)."""

import pytest
from django.test import RequestFactory

from inducult.core.audit import record_created
from inducult.core.views.conflicts import refused_edit
from inducult.network.forms import OrganisationEditForm
from inducult.network.models import Organisation
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_refused_edit_resubmits_at_the_stored_version_and_names_what_differs(region, english):
    stored = OrganisationFactory(region=region, name="Muzeum Sokolov", town="Sokolov", version=4)
    record_created(actor=UserFactory(username="jana"), instance=stored, values={"name": stored.name})
    posted = {"name": "Muzeum Sokolov", "town": "Loket", "kind": stored.kind, "version": "3"}
    request = RequestFactory().post("/", posted)
    form = OrganisationEditForm(request.POST, instance=Organisation.objects.get(pk=stored.pk))

    data, conflict = refused_edit(request, form, stored, ["name", "town"], "Saved by %(who)s at %(when)s.")

    assert data["version"] == "4" and data["town"] == "Loket"  # the user's values, now over the stored version
    assert conflict["conflict_message"].startswith("Saved by jana at ")
    assert [(row["name"], row["stored"], row["mine"]) for row in conflict["differing"]] == [
        ("town", "Sokolov", "Loket")
    ]
