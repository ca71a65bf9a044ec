"""The API's documentation page: Swagger UI from our own static files (drf-spectacular-sidecar), its
start-up script a static file too, so that the strict Content-Security-Policy ('self', nothing
inline) holds here as everywhere."""

from django.views.generic import TemplateView


class ApiDocsView(TemplateView):
    template_name = "api/docs.html"
