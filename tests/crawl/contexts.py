"""The names a page's chrome sets, and the names a view passes, so that the two never meet.

The base templates (every template another one extends) set variables with tags such as
``{% get_language_info_list … as name %}``: such a name overwrites the view's variable of that
name for the rest of the page, blocks included. The context processors set names every page has;
a view passing one of them overwrites the chrome's (``user`` would change whose name "Sign out"
shows). Both went wrong once: the base template's ``languages`` replaced a site's tour languages
with the platform's language list (issue #14).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.template.base import Node
from django.template.context import RequestContext
from django.test import RequestFactory
from django.utils.module_loading import import_string

TEMPLATES = Path(settings.TEMPLATES[0]["DIRS"][0])
EXTENDS = re.compile(r"""{%\s*extends\s+["']([^"']+)["']\s*%}""")
# Node attributes holding the name an ``… as name`` tag binds in the current layer of the context,
# where it stays for the rest of the page. Loop variables and ``with`` names are left out: those
# tags push a layer of their own, so they shadow nothing outside themselves.
BINDING_ATTRIBUTES = ("variable", "var_name", "asvar", "target_var", "variable_name")


@functools.cache
def base_templates() -> frozenset[str]:
    """Every template some other template extends."""
    return frozenset(
        match.group(1) for path in TEMPLATES.rglob("*.html") for match in EXTENDS.finditer(path.read_text("utf-8"))
    )


def names_bound(node_list) -> set[str]:
    names = set()
    for node in node_list.get_nodes_by_type(Node):
        for attribute in BINDING_ATTRIBUTES:
            value = getattr(node, attribute, None)
            if isinstance(value, str):
                names.add(value)
    return names


@functools.cache
def chrome_names(template_name: str) -> frozenset[str]:
    """The names a base template binds with ``as`` (what it includes binds them in a layer of its own)."""
    template = engines["django"].engine.get_template(template_name)
    return frozenset(names_bound(template.nodelist))


@functools.cache
def processor_names() -> frozenset[str]:
    """The names the context processors give every page (asked of an anonymous request)."""
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    names = set()
    for path in settings.TEMPLATES[0]["OPTIONS"]["context_processors"]:
        names.update(import_string(path)(request))
    return frozenset(names)


def view_names(context) -> set[str]:
    """The names a view passed to the template it rendered: what the context holds above the
    processors' layer (``RequestContext`` keeps their place in ``_processors_index``)."""
    if not isinstance(context, RequestContext):
        return set()
    names = set()
    for layer in context.dicts[context._processors_index + 1 :]:
        names.update(layer)
    return names


def collisions(view_names: set[str], rendered: set[str]) -> set[str]:
    """The names a view passed that the processors or the base templates among ``rendered`` set."""
    chrome = set(processor_names())
    for name in rendered & base_templates():
        chrome |= chrome_names(name)
    return view_names & chrome
