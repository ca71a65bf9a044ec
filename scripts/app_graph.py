"""The app-to-app import graph of src/inducult, and its cycles.

Walks every module (migrations left out) with ``ast``, maps each ``inducult.<app>`` import to an
edge from the importing app to the imported one, and prints the edges with the modules behind them,
then the strongly connected components of more than one app (a cycle). Exits 1 when there is one.
``make lint`` enforces the order of apps with import-linter (.importlinter); this script shows the
whole picture, e.g. when a contract fails.

    .venv/bin/python scripts/app_graph.py [--quiet]
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent / "src" / "inducult"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level == 0:
            base = node.module or ""
            return [base] + [f"{base}.{alias.name}" for alias in node.names]
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([node.module] if node.module else []))
        return [base] + [f"{base}.{alias.name}" for alias in node.names]
    return []


def _app(module: str) -> str:
    parts = module.split(".")
    # Project modules (settings, urls, env, wsgi) are their own nodes; every app is one node.
    return parts[1] if len(parts) > 1 else module


def edges() -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = _module_name(path)
        source = _app(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for name in _imported(node, module, path.name == "__init__.py"):
                if name.startswith("inducult.") and (target := _app(name)) != source:
                    found[source, target].add(module)
    return found


def cycles(found) -> list[list[str]]:
    graph = nx.DiGraph(list(found))
    return [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]


def main(argv: list[str]) -> int:
    found = edges()
    if "--quiet" not in argv:
        for (source, target), modules in sorted(found.items()):
            print(f"{source} -> {target}: {', '.join(sorted(modules))}")
    strong = cycles(found)
    for component in strong:
        print("cycle:", " ".join(component))
    if not strong:
        print("no cycle between apps")
    return 1 if strong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
