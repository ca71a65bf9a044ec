"""Back-office downloads: the annual report of a region-year (PDF or DOCX, cs or en) and the
strategy version in force. Coordinators, editors and viewers of the region (``strategy.view_progress``)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.views import View
from django.views.generic import TemplateView

from inducult.core.years import MAX_YEAR, MIN_YEAR
from inducult.regions.views import RegionMixin
from inducult.reports.presentation.context import SUPPORTED_LANGUAGES
from inducult.reports.presentation.pdf import PdfUnavailable
from inducult.reports.services import annual, strategy_export
from inducult.reports.services.gather import years_with_data


def _attachment(content: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=annual.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


class ReportIndexView(RegionMixin, TemplateView):
    rule = "strategy.view_progress"
    template_name = "reports/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            years=years_with_data(self.region),
            report_languages=SUPPORTED_LANGUAGES,
            version=strategy_export.version_in_force(self.region),
        )
        return context


def _unavailable(error: Exception) -> HttpResponse:
    """An operator's problem, said plainly (503: the installation cannot make PDFs right now)."""
    return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")


class AnnualReportView(RegionMixin, View):
    rule = "strategy.view_progress"

    def get(self, request, *args, year: int, fmt: str, **kwargs):
        if not MIN_YEAR <= year <= MAX_YEAR or year > self.region.today().year + 1:
            raise Http404
        report = annual.build_report(self.region, year, request.GET.get("lang") or None)
        try:
            content = annual.render(report, fmt)
        except PdfUnavailable as error:
            return _unavailable(error)
        return _attachment(content, fmt, annual.filename(self.region.slug, year, report.language, fmt))


class StrategyExportView(RegionMixin, View):
    rule = "strategy.view_progress"

    def get(self, request, *args, fmt: str, **kwargs):
        version = strategy_export.version_in_force(self.region)
        if version is None:
            raise Http404
        document = strategy_export.build_export(self.region, version, language=request.GET.get("lang") or None)
        try:
            content = annual.render(document, fmt)
        except PdfUnavailable as error:
            return _unavailable(error)
        return _attachment(content, fmt, strategy_export.filename(self.region.slug, version, document.language, fmt))
