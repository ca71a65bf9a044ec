"""Every URL pattern of the platform as ``name<TAB>route`` lines, in the order Django tries them."""

from django.urls import URLResolver, get_resolver


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
