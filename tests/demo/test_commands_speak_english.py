"""`make run` speaks English, the README's language, whatever the installation's default language
(Czech): the demo commands it runs say each step in English, the password line included (issue #14),
and the same on the second start, when they change nothing (issue #15)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

pytestmark = pytest.mark.django_db


def run(command: str, **options) -> list[str]:
    out = StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue().splitlines()


def test_the_demo_commands_report_each_step_in_english_under_a_czech_default(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("INDUCULT_DEMO_PASSWORD", raising=False)
    settings.LANGUAGE_CODE = "cs"
    settings.VAR_DIR = tmp_path
    created = "Demo coordinator created: user “%(user)s”, password “%(password)s” (%(origin)s)"
    found = "Demo coordinator: user “%(user)s” already exists; nothing changed (%(state)s)"
    with translation.override("cs"):
        assert translation.gettext(created) != created and translation.gettext(found) != found, (
            "the Czech catalogue translates the lines, so this test can tell the languages apart"
        )
        loading = run("load_demo")
        coordinator = run("ensure_demo_coordinator")
        second = run("load_demo") + run("ensure_demo_coordinator")

    assert loading[0] == "Loading the Karlovy Vary demo region into the empty database ..."
    assert loading[1].startswith("Karlovy Vary demo: 48 organisations (48 new, 0 updated)")
    assert "; strategy: 7 goals, 11 milestones, 4 standing targets" in loading[1]
    assert len(coordinator) == 1
    password = (tmp_path / "demo_password").read_text().strip()
    assert coordinator[0] == (
        f"Demo coordinator created: user “coordinator”, password “{password}” (kept in {tmp_path / 'demo_password'})"
    )
    assert second == [
        "Demo already loaded: nothing changed (use --refresh to update the demo records)",
        "Demo coordinator: user “coordinator” already exists; nothing changed "
        f"(its password is kept in {tmp_path / 'demo_password'})",
    ]


def test_the_missing_region_is_reported_in_english(settings):
    settings.LANGUAGE_CODE = "cs"
    from django.core.management.base import CommandError

    with translation.override("cs"), pytest.raises(CommandError) as refused:
        run("ensure_demo_coordinator", region="nowhere")

    assert str(refused.value) == "Region “nowhere” does not exist; run “manage.py load_demo” first."
