"""Back-office views of the stakeholder registry (thin: the work is in network.domain)."""

from __future__ import annotations

from django.views.generic import TemplateView

from inducult.regions.views import RegionMixin


class DashboardView(RegionMixin, TemplateView):
    rule = "region.view_backoffice"
    template_name = "network/dashboard.html"


class OrganisationListView(RegionMixin, TemplateView):
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class OrganisationCreateView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class OrganisationExportView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class OrganisationDetailView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class OrganisationUpdateView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class OrganisationArchiveView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class OrganisationRestoreView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class PersonListView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class PersonCreateView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class PeopleVCardView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class PersonDetailView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class PersonUpdateView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class PersonVCardView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class PersonExportView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class PersonEraseView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class MembershipCreateView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class MembershipEndView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"


class AuditLogView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.view_registry"
    template_name = "network/dashboard.html"
