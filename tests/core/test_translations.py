"""The message catalogues: complete in Czech and German, and the committed .mo files current.

The compiled catalogues are committed so that `make run` works on a machine without gettext; this
test is what keeps them from drifting away from the .po sources."""

import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "inducult" / "locale"
LANGUAGES = ["cs", "de", "en"]


def gettext_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} (Debian package gettext) is missing; `make test` installs it.")
    return path


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_catalogue_is_compiled_from_its_source(language, tmp_path):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    compiled = tmp_path / "django.mo"
    subprocess.run([gettext_tool("msgfmt"), "--check-format", "-o", compiled, po], check=True)
    committed = po.with_suffix(".mo")
    assert committed.read_bytes() == compiled.read_bytes(), f"run `make messages` and commit {committed.name}"


@pytest.mark.parametrize("language", ["cs", "de"])
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    msgattrib = gettext_tool("msgattrib")
    untranslated = subprocess.run(
        [msgattrib, "--untranslated", "--no-wrap", po], check=True, capture_output=True, text=True
    ).stdout
    fuzzy = subprocess.run(
        [msgattrib, "--only-fuzzy", "--no-wrap", po], check=True, capture_output=True, text=True
    ).stdout
    # msgattrib prints nothing at all when no entry matches.
    assert untranslated == "", untranslated[:2000]
    assert fuzzy == "", fuzzy[:2000]
