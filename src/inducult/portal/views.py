"""Public pages: no sign-in, no personal data.

Nothing here reads Person or Membership: the public side of the registry is the organisations'
public facts only (name, kind, sectors, town, address, website, description, source).
"""

from __future__ import annotations

import json

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from inducult.core.opendata import open_data
from inducult.core.text import fold
from inducult.heritage.models import Exhibition, Festival
from inducult.network.enums import OrganisationKind, Sector
from inducult.network.models import Organisation
from inducult.network.services.search import OrganisationQuery, find_organisations
from inducult.portal import opendata
from inducult.portal.forms import DirectoryFilterForm
from inducult.regions.models import Region
from inducult.regions.views import RegionMixin
from inducult.tours.models import TourProduct

PAGE_SIZE = 25
SECTOR_LABELS = dict(Sector.choices)
KIND_LABELS = dict(OrganisationKind.choices)


def home(request):
    """The installation's front page: the regions it hosts (straight to the region if only one)."""
    regions = list(Region.objects.all())
    if len(regions) == 1 and not request.GET.get("all"):
        return redirect("portal:region_home", region_slug=regions[0].slug)
    return render(request, "portal/home.html", {"regions": regions})


def _public_rows(organisations) -> list[dict]:
    """What a visitor may see of each organisation, with labels in the visitor's language."""
    return [
        {
            "pk": org.pk,
            "name": org.display_name,
            "original_name": org.name if org.display_name != org.name else "",
            "short_name": org.short_name,
            "kind": KIND_LABELS.get(org.kind, org.kind),
            "sectors": [SECTOR_LABELS[s] for s in org.sectors if s in SECTOR_LABELS],
            "town": org.town,
            "website": org.website,
            "is_sample": org.is_sample,
        }
        for org in organisations
    ]


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


class DirectoryView(RegionMixin, TemplateView):
    template_name = "portal/directory.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        active = Organisation.objects.filter(region=self.region, archived_at__isnull=True)
        towns = sorted(active.exclude(town="").order_by().values_list("town", flat=True).distinct(), key=fold)
        form = DirectoryFilterForm(self.request.GET or None, towns=towns)
        filters = form.filters() if form.is_bound else {}
        query = OrganisationQuery(
            text=filters.get("q", ""),
            kind=filters.get("kind", ""),
            sector=filters.get("sector", ""),
            town=filters.get("town", ""),
            archived="no",
        )
        results = find_organisations(self.region, query).only(
            "id", "name", "short_name", "kind", "sectors", "town", "website", "is_sample", "translations"
        )
        page = Paginator(results, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            form=form,
            page_obj=page,
            rows=_public_rows(page.object_list),
            filtered=any(filters.values()),
        )
        return context


class PublicOrganisationView(RegionMixin, TemplateView):
    template_name = "portal/organisation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = get_object_or_404(Organisation, pk=self.kwargs["pk"], region=self.region, archived_at__isnull=True)
        context.update(
            organisation=org,
            row=_public_rows([org])[0],
            description=org.localized("description"),
            # The demo loader joins the sources of merged records with " | "; one per line reads better.
            sources=[part.strip() for part in org.source.split(" | ") if part.strip()],
        )
        return context


class OrganisationsCsvView(RegionMixin, View):
    def get(self, request, *args, **kwargs):
        records = [opendata.record(org) for org in opendata.organisations(self.region)]
        response = HttpResponse(opendata.csv_text(records), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="organisations-{self.region.slug}.csv"'
        return open_data(response)


class OrganisationsJsonView(RegionMixin, View):
    def get(self, request, *args, **kwargs):
        records = [opendata.record(org) for org in opendata.organisations(self.region)]
        document = opendata.json_document(self.region, records, timezone.now())
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
        )
        return open_data(response)
