"""The kernel's middleware: no browser or proxy keeps a back-office page or download.

Everything under the back office, the admin and the account pages may hold personal data (people's
pages, the registry's exports, vCards, a person's data export) and is answered with
``Cache-Control: no-store`` (Django's ``add_never_cache_headers``), so a shared computer's browser
cache or a proxy keeps none of it. A response that says how it may be kept keeps its own word (a
network chart or a calendar feed of organisations only, kept privately for five minutes).
"""

from __future__ import annotations

from django.utils.cache import add_never_cache_headers

PRIVATE_PREFIXES = ("/manage/", "/admin/", "/accounts/")


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PRIVATE_PREFIXES) and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
