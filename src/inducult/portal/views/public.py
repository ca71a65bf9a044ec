"""The public front pages: the installation's front page (the regions it hosts) and a region's
home. No sign-in, no personal data: a region's home counts organisations by kind and shows festivals,
exhibitions and published tours."""

from __future__ import annotations

from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.generic import TemplateView

from inducult.heritage.models import Exhibition, Festival
from inducult.network.enums import OrganisationKind
from inducult.network.models import Organisation
from inducult.regions.models import Region
from inducult.regions.views import RegionMixin
from inducult.tours.models import TourProduct

KIND_LABELS = dict(OrganisationKind.choices)


def home(request):
    """The installation's front page: the regions it hosts (straight to the region if only one)."""
    regions = list(Region.objects.all())
    if len(regions) == 1 and not request.GET.get("all"):
        return redirect("portal:region_home", region_slug=regions[0].slug)
    return render(request, "portal/home.html", {"regions": regions})


class RegionHomeView(RegionMixin, TemplateView):
    template_name = "portal/region_home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict(
            Organisation.objects.filter(region=self.region, archived_at__isnull=True)
            .values_list("kind")
            .annotate(n=Count("id"))
            .order_by()
        )
        # The enum's order (museums first, media last) keeps the list the same from visit to visit.
        context["kind_counts"] = [(kind, KIND_LABELS[kind], counts[kind]) for kind in KIND_LABELS if counts.get(kind)]
        context["organisation_count"] = sum(counts.values())
        context["festivals"] = list(Festival.objects.filter(region=self.region).order_by("-starts_on")[:3])
        context["exhibitions"] = list(Exhibition.objects.filter(region=self.region))
        context["tours"] = list(TourProduct.objects.filter(region=self.region, is_published=True))
        return context
