"""The project's URLs with the reports included under /manage/<region>/reports/, for as long as
the project's urls.py does not include them itself (then it is used as it is)."""

from django.urls import include, path

from inducult import urls as project

_included = any(getattr(p, "namespace", None) == "reports" for p in project.urlpatterns)
urlpatterns = (
    list(project.urlpatterns)
    if _included
    else [path("manage/<slug:region_slug>/reports/", include("inducult.reports.urls")), *project.urlpatterns]
)
