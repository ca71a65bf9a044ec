"""View plumbing shared by every region-scoped page."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from inducult.regions.lookup import region_by_slug
from inducult.regions.models import Region
from inducult.regions.rules import has_rule


def region_for(request, slug: str) -> Region:
    """The region of the URL, or 404; the row the locale middleware already read, if it did."""
    seen = getattr(request, "_region_by_slug", None)
    region = seen[1] if seen is not None and seen[0] == slug else region_by_slug(slug)
    if region is None:
        raise Http404
    return region


class RegionMixin:
    """Resolves ``region_slug`` to ``request.region`` and enforces the view's named ``rule``.

    A view without a rule is public. Anonymous visitors of a protected view are sent to sign in;
    signed-in users without the rule get 403, including everyone looking into a region where they
    hold no role.
    """

    rule: str | None = None

    def dispatch(self, request, *args, **kwargs):
        self.region = region_for(request, kwargs["region_slug"])
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
