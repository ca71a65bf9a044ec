"""Pagination of the back office's lists: one page size, the page asked for in ``?page=``."""

from __future__ import annotations

from django.core.paginator import Paginator

PAGE_SIZE = 50


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page"))
