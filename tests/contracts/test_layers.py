"""The order of apps is a contract (docs/decisions/0015-app-layers.md, `.importlinter`): no cycle
between apps, and import-linter refuses a new upward import or Django in a pure module. The
breaking cases run import-linter on a copy of the source with one line added."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _app_graph():
    spec = importlib.util.spec_from_file_location("app_graph", ROOT / "scripts" / "app_graph.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lint_imports(source_root: Path, config: Path = ROOT / ".importlinter") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", str(config)],
        cwd=source_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def source_copy(tmp_path) -> Path:
    shutil.copytree(ROOT / "src" / "inducult", tmp_path / "inducult", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_the_app_to_app_import_graph_has_no_cycle():
    graph = _app_graph()

    assert graph.cycles(graph.edges()) == []


def test_settings_import_no_app():
    edges = _app_graph().edges()

    assert sorted(target for source, target in edges if source == "settings") == ["env"]


def test_import_linter_keeps_every_contract():
    result = _lint_imports(ROOT / "src")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


KERNEL = {"core", "regions"}  # shared by design: every app uses their views, forms and template tags


def test_every_apps_own_modules_are_protected():
    # A new views, forms, presentation or templatetags module of an app must come with its contract.
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    protected = {
        section: (config[section]["protected_modules"].split(), config[section]["allowed_importers"].split())
        for section in config.sections()
        if config[section].get("type") == "protected"
    }
    apps = sorted(p.name for p in (ROOT / "src" / "inducult").iterdir() if (p / "apps.py").exists())
    missing = []
    for app in set(apps) - KERNEL:
        own = [
            f"inducult.{app}.{name}"
            for name in ("views", "forms", "presentation", "templatetags")
            if (ROOT / "src" / "inducult" / app / name).exists()
            or (ROOT / "src" / "inducult" / app / f"{name}.py").exists()
        ]
        contract = protected.get(f"importlinter:contract:own-{app}")
        if own and (contract is None or sorted(contract[0]) != sorted(own)):
            missing.append((app, own))
        elif contract is not None:
            assert contract[1] == [f"inducult.{app}", "inducult.urls"]
    assert missing == []


def test_a_new_upward_import_breaks_the_layers_contract(source_copy):
    text = source_copy / "inducult" / "core" / "text.py"
    text.write_text(text.read_text(encoding="utf-8") + "\nfrom inducult.reports import urls  # noqa\n")

    result = _lint_imports(source_copy)

    assert result.returncode == 1
    assert "inducult.core is not allowed to import inducult.reports" in result.stdout


def test_django_in_the_tour_planners_core_breaks_the_purity_contract(source_copy):
    model = source_copy / "inducult" / "tours" / "planning" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nimport django  # noqa\n")

    result = _lint_imports(source_copy)

    assert result.returncode == 1
    assert "inducult.tours.planning is not allowed to import django" in result.stdout


def test_another_apps_views_are_out_of_reach(source_copy):
    services = source_copy / "inducult" / "tours" / "services" / "products.py"
    services.write_text(
        services.read_text(encoding="utf-8") + "\nfrom inducult.heritage.views.public import sites  # noqa\n"
    )

    result = _lint_imports(source_copy)

    assert result.returncode == 1
    assert "heritage's views, forms, presentation are its own" in result.stdout
