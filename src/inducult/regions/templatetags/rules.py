"""Template helpers of the back office."""

from __future__ import annotations

from django import template

from inducult.regions.rules import has_rule

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, rule: str, obj=None) -> bool:
    """``{% can "network.view_people" as allowed %}``: the same named rules the views enforce."""
    request = context.get("request")
    region = context.get("region")
    if request is None or region is None:
        return False
    return has_rule(request.user, rule, region, obj)
