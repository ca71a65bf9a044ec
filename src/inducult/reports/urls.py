"""Back-office URLs of the reports, under /manage/<region-slug>/reports/."""

from django.urls import path

from inducult.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.ReportIndexView.as_view(), name="index"),
    path("annual/<int:year>.pdf", views.AnnualReportView.as_view(), {"fmt": "pdf"}, name="annual_pdf"),
    path("annual/<int:year>.docx", views.AnnualReportView.as_view(), {"fmt": "docx"}, name="annual_docx"),
    path("strategy.pdf", views.StrategyExportView.as_view(), {"fmt": "pdf"}, name="strategy_pdf"),
    path("strategy.docx", views.StrategyExportView.as_view(), {"fmt": "docx"}, name="strategy_docx"),
]
