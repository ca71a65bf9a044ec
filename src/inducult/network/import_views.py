"""Import of organisations and contacts from CSV/XLSX (views; the work is in network.importing)."""

from django.views.generic import TemplateView

from inducult.regions.views import RegionMixin


class ImportUploadView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.import"
    template_name = "network/dashboard.html"


class ImportPreviewView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.import"
    template_name = "network/dashboard.html"


class ImportRunView(RegionMixin, TemplateView):  # TODO(helper): replace
    rule = "network.import"
    template_name = "network/dashboard.html"
