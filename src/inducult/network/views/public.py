"""The registry's public side: the directory of a region's organisations and an organisation's page.
No sign-in, no personal data.

Nothing here reads Person or Membership: the public side of the registry is the organisations'
public facts only (name, kind, sectors, town, address, website, description, source).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from inducult.core.text import fold
from inducult.network.enums import OrganisationKind, Sector
from inducult.network.forms import DirectoryFilterForm
from inducult.network.models import Organisation
from inducult.network.services.search import OrganisationQuery, find_organisations
from inducult.regions.views import RegionMixin

PAGE_SIZE = 25
SECTOR_LABELS = dict(Sector.choices)
KIND_LABELS = dict(OrganisationKind.choices)


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


class DirectoryView(RegionMixin, TemplateView):
    template_name = "network/directory.html"

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
    template_name = "network/public_organisation.html"

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
