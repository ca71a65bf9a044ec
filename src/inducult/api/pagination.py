"""Pages of the API's lists: ``?page=`` and ``?page_size=`` (at most ``MAX``), with the total ``count``,
the ``next``/``previous`` addresses and ``sample_count``: how many of the records counted are made-up
samples (so that a count resting on samples says so, as every figure of the open data does). A page
past the last answers 404 (DRF's own behaviour)."""

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        if isinstance(queryset, list):
            self.sample_count = sum(1 for record in queryset if record.is_sample)
        else:
            self.sample_count = queryset.filter(is_sample=True).count()
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "sample_count": self.sample_count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["sample_count"] = {
            "type": "integer",
            "description": "How many of the records counted are made-up samples.",
            "example": 0,
        }
        paginated["required"] = [*paginated.get("required", []), "sample_count"]
        return paginated
