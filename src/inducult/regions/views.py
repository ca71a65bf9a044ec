"""View plumbing shared by every region-scoped page."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from inducult.regions.models import Region
from inducult.regions.rules import has_rule


class RegionMixin:
    """Resolves ``region_slug`` to ``request.region`` and enforces the view's named ``rule``.

    A view without a rule is public. Anonymous visitors of a protected view are sent to sign in;
    signed-in users without the rule get 403, including everyone looking into a region where they
    hold no role.
    """

    rule: str | None = None

    def dispatch(self, request, *args, **kwargs):
        self.region = get_object_or_404(Region, slug=kwargs["region_slug"])
        request.region = self.region
        if self.rule is not None:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_rule(request.user, self.rule, self.region, self.get_rule_object()):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_rule_object(self):
        return None

    def can(self, rule: str, obj=None) -> bool:
        return has_rule(self.request.user, rule, self.region, obj)
