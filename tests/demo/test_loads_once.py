"""The demo loads once (issue #15, part 6): `make run` starts again after a coordinator edited a demo
site, renamed and deleted demo organisations, changed the coordinator's password and an admin took
its role away — and the second start changes nothing. ``load_demo --refresh`` updates the demo
records nobody changed and leaves the others, saying which (decision 0021)."""

import re
import shlex
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from inducult.core.models import AuditEntry
from inducult.demo import records
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.models import Site
from inducult.heritage.services.sites import update_site
from inducult.network.models import Organisation
from inducult.network.services.organisations import update_organisation
from inducult.regions.models import Region, RegionRole
from tests.contracts.demo_records import rows_by_model

pytestmark = pytest.mark.django_db

RUN_SH = Path(__file__).resolve().parents[2] / "scripts" / "run.sh"
RENAMED = "Amati-Denak"  # a demo organisation the coordinator renames
DELETED = "Centrum tradičních řemesel Královské Poříčí, o.p.s."  # and one an administrator deletes


def run(command: str, *args) -> list[str]:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue().splitlines()


def start_as_make_run_does() -> list[str]:
    """The commands scripts/run.sh runs before the server, read from the script itself (the static
    files and the server aside), so a step added there is run here too."""
    lines = []
    for line in RUN_SH.read_text().splitlines():
        match = re.match(r"\$PY manage\.py (.+)", line.strip())
        if match:
            command, *args = shlex.split(match.group(1))
            if command not in {"runserver", "collectstatic"}:
                lines += run(command, *args)
    return lines


def everything() -> dict:
    """Every table of the project (in the demo fingerprint's order-free form), the trail's length and
    the accounts with their password hashes."""
    users = get_user_model().objects.order_by("username").values_list("username", "password", "is_active")
    return {"rows": rows_by_model(), "trail": AuditEntry.objects.count(), "users": list(users)}


@pytest.fixture
def var_dir(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("INDUCULT_DEMO_PASSWORD", raising=False)
    settings.VAR_DIR = tmp_path
    return tmp_path


def edit_as_people_do() -> dict[str, object]:
    """A coordinator edits a demo site and renames an organisation; an administrator deletes another,
    the coordinator changes their password and an administrator removes their role."""
    user = get_user_model().objects.get(username="coordinator")
    site = Site.objects.filter(region__slug="karlovy-vary").order_by("name").first()
    update_site(
        site=site,
        actor=user,
        data={"description": "Our own words about the place."},
        hours=oh.from_dict(site.opening_hours),
        version=site.version,
    )
    amati = Organisation.objects.get(name=RENAMED)
    update_organisation(organisation=amati, actor=user, data={"name": "Amati Kraslice"}, version=amati.version)
    Organisation.objects.get(name=DELETED).delete()
    user.set_password("my own secret")
    user.save()
    RegionRole.objects.filter(user=user).delete()
    return {"site": site.pk, "amati": amati.pk}


def test_a_second_make_run_after_edits_changes_nothing(var_dir):
    first = start_as_make_run_does()
    assert first[0] == "Loading the Karlovy Vary demo region into the empty database ..."
    assert first[1].startswith("Karlovy Vary demo: 48 organisations (48 new, 0 updated)")
    assert first[2].startswith("Demo coordinator created: user “coordinator”, password “")
    edited = edit_as_people_do()
    before = everything()

    second = start_as_make_run_does()

    assert everything() == before
    assert second == [
        "Demo already loaded: nothing changed (use --refresh to update the demo records)",
        "Demo coordinator: user “coordinator” already exists; nothing changed (its password is its owner’s, not "
        "the demo’s; it holds no role in Karlovarský kraj, so it cannot sign in to the back office there)",
    ]
    # What people did stays: the site's words, the new name, no copy of the old one, no second Krásno.
    assert Site.objects.get(pk=edited["site"]).description == "Our own words about the place."
    assert Organisation.objects.get(pk=edited["amati"]).name == "Amati Kraslice"
    assert not Organisation.objects.filter(name__in=[RENAMED, DELETED]).exists()
    assert get_user_model().objects.get(username="coordinator").check_password("my own secret")


def test_make_run_loads_nothing_into_a_database_that_holds_another_region(var_dir, other_region):
    assert run("load_demo") == [
        f"The database already holds regions ({other_region.slug}): the demo is loaded only into an empty database; "
        "nothing changed (use --refresh to add it)"
    ]
    assert not Organisation.objects.exists()


def test_refresh_after_a_fresh_load_writes_nothing_and_reports_nothing(var_dir):
    run("load_demo")
    before = everything()

    lines = run("load_demo", "--refresh")

    assert lines == [
        "Refreshing the Karlovy Vary demo region (records someone changed are left alone) ...",
        "Demo refreshed: 0 records created, 0 updated",
    ]
    assert everything() == before


def test_refresh_updates_an_untouched_record_and_leaves_an_edited_one(var_dir, monkeypatch):
    start_as_make_run_does()
    edited = edit_as_people_do()
    user = get_user_model().objects.get(username="coordinator")
    ksmas = Organisation.objects.get(short_name="KSMAS KK")
    kept = Organisation.objects.get(name="Thun 1794 a.s.")
    update_organisation(organisation=kept, actor=user, data={"website": "https://our.example"}, version=kept.version)
    kept.refresh_from_db()
    ksmas_version = ksmas.version
    # The demo's data moves on: new descriptions for an organisation nobody touched, for the one the
    # coordinator edited, and for the renamed one.
    demo_records = records.organisation_records()
    for record in demo_records:
        if record.data["name"] in (ksmas.name, kept.name, RENAMED):
            record.data["description"] = "The demo's newer description."
    monkeypatch.setattr(records, "organisation_records", lambda: demo_records)
    kept_row = {f.attname: getattr(kept, f.attname) for f in Organisation._meta.concrete_fields}

    before = rows_by_model()

    lines = run("load_demo", "--refresh")

    ksmas.refresh_from_db()
    assert ksmas.description == "The demo's newer description."
    assert ksmas.version == ksmas_version + 1
    kept.refresh_from_db()
    assert {f.attname: getattr(kept, f.attname) for f in Organisation._meta.concrete_fields} == kept_row
    amati = Organisation.objects.get(pk=edited["amati"])
    assert (amati.name, amati.description) != (RENAMED, "The demo's newer description.")
    assert not Organisation.objects.filter(name__in=[RENAMED, DELETED]).exists()
    assert Site.objects.get(pk=edited["site"]).description == "Our own words about the place."
    assert lines[:2] == [
        "Refreshing the Karlovy Vary demo region (records someone changed are left alone) ...",
        "Demo refreshed: 0 records created, 1 updated",
    ]
    assert lines[2:5] == [
        "Left alone, changed since the demo wrote them (2):",
        "  organisation: Thun 1794 a.s.",
        f"  site: {Site.objects.get(pk=edited['site'])}",
    ]
    assert lines[5] == "Not created again, deleted or renamed since (12):"
    # The two organisations, and what the demo had hung on the renamed one: its cooperation, their
    # engagements and participants, a sample membership.
    assert {f"  organisation: {RENAMED}", f"  organisation: {DELETED}"} <= set(lines[6:])
    assert len(lines) == 6 + 12
    # Nothing else changed: one row of the organisations (KSMAS) and one entry in the trail.
    after = rows_by_model()
    assert {label for label in before if before[label] != after[label]} == {"network.organisation", "core.auditentry"}
    assert len(set(after["network.organisation"]) - set(before["network.organisation"])) == 1
    assert len(after["core.auditentry"]) == len(before["core.auditentry"]) + 1
    newest = AuditEntry.objects.order_by("-id").first()
    assert (newest.object_repr, newest.action, newest.actor_name) == (ksmas.name, "change", "")


def test_the_coordinator_is_created_once_with_its_role_and_its_password_printed_once(var_dir):
    run("load_demo")

    created = run("ensure_demo_coordinator")
    again = run("ensure_demo_coordinator")

    password = (var_dir / "demo_password").read_text().strip()
    assert created == [
        f"Demo coordinator created: user “coordinator”, password “{password}” (kept in {var_dir / 'demo_password'})"
    ]
    assert again == [
        "Demo coordinator: user “coordinator” already exists; nothing changed "
        f"(its password is kept in {var_dir / 'demo_password'})"
    ]
    assert password not in again[0]
    user = get_user_model().objects.get(username="coordinator")
    assert user.check_password(password)
    assert list(RegionRole.objects.filter(user=user).values_list("region__slug", "role", "organisation")) == [
        ("karlovy-vary", "coordinator", None)
    ]


def test_the_coordinator_password_from_the_environment_is_set_once(var_dir, monkeypatch):
    run("load_demo")
    monkeypatch.setenv("INDUCULT_DEMO_PASSWORD", "first-pass-2026")
    assert run("ensure_demo_coordinator") == [
        "Demo coordinator created: user “coordinator”, password “first-pass-2026” (from INDUCULT_DEMO_PASSWORD)"
    ]
    assert run("ensure_demo_coordinator") == [
        "Demo coordinator: user “coordinator” already exists; nothing changed "
        "(its password is the one in INDUCULT_DEMO_PASSWORD)"
    ]
    # Another value in the environment later resets nothing: the owner's password stays.
    monkeypatch.setenv("INDUCULT_DEMO_PASSWORD", "second-pass-2026")

    assert run("ensure_demo_coordinator") == [
        "Demo coordinator: user “coordinator” already exists; nothing changed (its password is its owner’s, not "
        "the demo’s)"
    ]
    assert get_user_model().objects.get(username="coordinator").check_password("first-pass-2026")
    assert not (var_dir / "demo_password").exists()


def test_an_account_named_coordinator_that_the_command_did_not_create_is_left_alone(var_dir):
    run("load_demo")
    someone = get_user_model().objects.create_user(username="coordinator", password="their own")

    lines = run("ensure_demo_coordinator")

    someone.refresh_from_db()
    assert someone.check_password("their own")
    assert not RegionRole.objects.filter(user=someone).exists()
    assert lines == [
        "Demo coordinator: user “coordinator” already exists; nothing changed (its password is its owner’s, not "
        "the demo’s; it holds no role in Karlovarský kraj, so it cannot sign in to the back office there)"
    ]
    assert not (var_dir / "demo_password").exists()


def test_a_deleted_coordinator_account_is_not_created_again_while_the_region_has_a_coordinator(var_dir):
    run("load_demo")
    run("ensure_demo_coordinator")
    admin = get_user_model().objects.create_user(username="anna")
    RegionRole.objects.create(user=admin, region=Region.objects.get(slug="karlovy-vary"), role="coordinator")
    get_user_model().objects.filter(username="coordinator").delete()

    lines = run("ensure_demo_coordinator")

    assert lines == [
        "Demo coordinator: no user “coordinator”, and Karlovarský kraj already has a coordinator; nothing changed"
    ]
    assert not get_user_model().objects.filter(username="coordinator").exists()
