"""Who may read a region's back-office data through the API: a personal token made for this region,
whose user holds the view's named rule there (``regions.rules``), as on the back-office pages."""

from __future__ import annotations

from rest_framework import permissions

from inducult.api.models import ApiToken
from inducult.regions.rules import has_rule


class TokenHoldsRule(permissions.BasePermission):
    message = "This token's user may not read this in this region, or the token is for another region."

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return False
        return token.region_id == view.region.pk and has_rule(request.user, view.rule, view.region)
