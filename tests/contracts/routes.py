"""Every URL pattern of the platform as ``name<TAB>route`` lines, and a path that each named route
must answer, built by filling its converters with sample values."""

from __future__ import annotations

import re

from django.urls import URLResolver, get_resolver

SAMPLES = {"slug": "sample-slug", "int": "7", "str": "sample", "path": "a/b"}


def _walk(resolver, prefix: str = "", namespaces: tuple[str, ...] = ()):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from _walk(pattern, prefix + str(pattern.pattern), inner)
        else:
            name = ":".join(namespaces + (pattern.name,)) if pattern.name else "(unnamed)"
            yield f"{name}\t{prefix}{pattern.pattern}"


def route_lines() -> list[str]:
    return list(_walk(get_resolver()))


def sample_path(route: str) -> str:
    """``r/<slug:region_slug>/sites/<int:pk>/`` → ``/r/sample-slug/sites/7/``."""
    return "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLES[m.group(1) or "str"], route)


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool: PYTHONPATH=src python -m tests.contracts.routes
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    print("\n".join(route_lines()))
