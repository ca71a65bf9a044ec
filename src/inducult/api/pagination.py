"""Pages of the API's lists: ``?page=`` and ``?page_size=`` (at most ``MAX``), with the total ``count``
and the ``next``/``previous`` addresses. A page past the last answers 404 (DRF's own behaviour)."""

from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
