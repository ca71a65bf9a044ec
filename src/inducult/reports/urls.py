"""Back-office URLs of the reports (namespace ``reports``)."""

from django.urls import path

from inducult.regions.urls import MANAGE
from inducult.reports.views import backoffice

REPORTS = f"{MANAGE}reports/"

backoffice_patterns = [
    path(REPORTS, backoffice.ReportIndexView.as_view(), name="index"),
    path(f"{REPORTS}annual/<int:year>.pdf", backoffice.AnnualReportView.as_view(), {"fmt": "pdf"}, name="annual_pdf"),
    path(
        f"{REPORTS}annual/<int:year>.docx", backoffice.AnnualReportView.as_view(), {"fmt": "docx"}, name="annual_docx"
    ),
    path(f"{REPORTS}strategy.pdf", backoffice.StrategyExportView.as_view(), {"fmt": "pdf"}, name="strategy_pdf"),
    path(f"{REPORTS}strategy.docx", backoffice.StrategyExportView.as_view(), {"fmt": "docx"}, name="strategy_docx"),
]
