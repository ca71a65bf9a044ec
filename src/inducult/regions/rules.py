"""Every permission of the platform, as named rules in one place.

A rule is a function ``(user, region, obj=None) -> bool``. Views declare the rule they need
(``rule = "network.change_organisation"``) and ``RegionMixin`` checks it; templates ask through
``can``. Superusers may do everything; nobody may do anything in a region where they hold no role,
which is how regions stay isolated from each other.
"""

from __future__ import annotations

from collections.abc import Callable

from inducult.regions.models import Region, RegionRole, Role

RuleFn = Callable[..., bool]


def role_of(user, region: Region) -> RegionRole | None:
    """The user's role in the region, cached per request on the user object."""
    if not getattr(user, "is_authenticated", False) or region is None:
        return None
    cache = user.__dict__.setdefault("_region_roles", {})
    if region.pk not in cache:
        cache[region.pk] = RegionRole.objects.filter(user=user, region=region).select_related("organisation").first()
    return cache[region.pk]


def _has(*roles: str) -> RuleFn:
    def check(user, region, obj=None) -> bool:
        if getattr(user, "is_superuser", False):
            return True
        role = role_of(user, region)
        return role is not None and role.role in roles

    return check


def _edits_own_organisation(user, region, obj=None) -> bool:
    """Coordinators change any organisation; an editor only the one they are bound to."""
    if _has(Role.COORDINATOR)(user, region):
        return True
    role = role_of(user, region)
    return role is not None and role.role == Role.EDITOR and obj is not None and obj.pk == role.organisation_id


def _keeps_event(user, region, obj=None) -> bool:
    """Coordinators keep every event; an editor only those of the organisation they are bound to
    (``obj`` None: whether they may submit events at all)."""
    if _has(Role.COORDINATOR)(user, region):
        return True
    role = role_of(user, region)
    if role is None or role.role != Role.EDITOR:
        return False
    return obj is None or obj.organisation_id == role.organisation_id


def _keeps_site(user, region, obj=None) -> bool:
    """Coordinators keep every site; an editor those their organisation runs (``obj`` None: whether
    they keep any sites at all)."""
    if _has(Role.COORDINATOR)(user, region):
        return True
    role = role_of(user, region)
    if role is None or role.role != Role.EDITOR:
        return False
    return obj is None or obj.organisation_id == role.organisation_id


RULES: dict[str, RuleFn] = {
    "region.view_backoffice": _has(Role.COORDINATOR, Role.EDITOR, Role.VIEWER),
    "network.view_registry": _has(Role.COORDINATOR, Role.EDITOR, Role.VIEWER),
    "network.add_organisation": _has(Role.COORDINATOR),
    "network.change_organisation": _edits_own_organisation,
    "network.archive_organisation": _has(Role.COORDINATOR),
    "network.import": _has(Role.COORDINATOR),
    "network.export": _has(Role.COORDINATOR, Role.VIEWER),
    # Personal data of contacts: only the coordinator, who answers for its lawful basis.
    "network.view_people": _has(Role.COORDINATOR),
    "network.change_person": _has(Role.COORDINATOR),
    "network.erase_person": _has(Role.COORDINATOR),
    "core.view_audit": _has(Role.COORDINATOR),
    # The engagement log and the strategy: the coordinator keeps them; everyone in the back office
    # reads them (names of people who took part stay behind network.view_people).
    "engagement.view_log": _has(Role.COORDINATOR, Role.EDITOR, Role.VIEWER),
    "engagement.change_log": _has(Role.COORDINATOR),
    "strategy.view_progress": _has(Role.COORDINATOR, Role.EDITOR, Role.VIEWER),
    "strategy.change_strategy": _has(Role.COORDINATOR),
    # Public events: editors submit their organisation's, the coordinator approves before publication.
    "heritage.submit_event": _keeps_event,
    "heritage.review_event": _has(Role.COORDINATOR),
    # Sites: the coordinator keeps all; a museum's editor its own (hours, visit, prices, access).
    "heritage.change_site": _keeps_site,
    # Network analytics (who meets whom, who has gone quiet): the coordinator and the read-only
    # leadership; editors of one organisation do not see the others' standing.
    "network.view_analytics": _has(Role.COORDINATOR, Role.VIEWER),
    # Declared relationships between organisations feed the analytics: the coordinator keeps them.
    "network.change_relationships": _has(Role.COORDINATOR),
    # The action plan and funding catalogue: read in the back office, kept by the coordinator.
    "actionplan.view": _has(Role.COORDINATOR, Role.EDITOR, Role.VIEWER),
    "actionplan.change": _has(Role.COORDINATOR),
    # Tours: anyone plans a day; the coordinator publishes tours as products with their own pages.
    "tours.publish": _has(Role.COORDINATOR),
    # School–enterprise and creative–industry cooperation: read in the back office, kept by the coordinator.
    "cooperation.view": _has(Role.COORDINATOR, Role.EDITOR, Role.VIEWER),
    "cooperation.change": _has(Role.COORDINATOR),
    # Good practices: a region's coordinator writes and shares them; everyone in a back office reads the shared ones.
    "practices.view": _has(Role.COORDINATOR, Role.EDITOR, Role.VIEWER),
    "practices.change": _has(Role.COORDINATOR),
}


def has_rule(user, name: str, region: Region, obj=None) -> bool:
    try:
        rule = RULES[name]
    except KeyError:
        raise KeyError(f"Unknown permission rule {name!r}; define it in inducult.regions.rules.RULES") from None
    return rule(user, region, obj)


def regions_for(user):
    """The regions a user may enter the back office of."""
    if getattr(user, "is_superuser", False):
        return Region.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Region.objects.none()
    return Region.objects.filter(roles__user=user).distinct()
