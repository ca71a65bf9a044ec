"""Public pages: no sign-in, no personal data."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.views.generic import TemplateView

from inducult.regions.models import Region
from inducult.regions.views import RegionMixin


def home(request):
    """The installation's front page: the regions it hosts (straight to the region if only one)."""
    regions = list(Region.objects.all())
    if len(regions) == 1 and not request.GET.get("all"):
        return redirect("portal:region_home", region_slug=regions[0].slug)
    return render(request, "portal/home.html", {"regions": regions})


class RegionHomeView(RegionMixin, TemplateView):
    template_name = "portal/region_home.html"

    def get_context_data(self, **kwargs):
        from inducult.network.enums import OrganisationKind
        from inducult.network.models import Organisation

        context = super().get_context_data(**kwargs)
        orgs = Organisation.objects.filter(region=self.region).active()
        counts = dict.fromkeys(OrganisationKind.values, 0)
        for kind in orgs.values_list("kind", flat=True):
            counts[kind] += 1
        context["organisation_count"] = sum(counts.values())
        context["kind_counts"] = [(OrganisationKind(k).label, n) for k, n in counts.items() if n]
        return context


class DirectoryView(RegionMixin, TemplateView):  # TODO(helper): replace
    template_name = "portal/region_home.html"


class PublicOrganisationView(RegionMixin, TemplateView):  # TODO(helper): replace
    template_name = "portal/region_home.html"


class OrganisationsCsvView(RegionMixin, TemplateView):  # TODO(helper): replace
    template_name = "portal/region_home.html"


class OrganisationsJsonView(RegionMixin, TemplateView):  # TODO(helper): replace
    template_name = "portal/region_home.html"
