"""Page-number pagination for every list: `?page=` from 1, `?page_size=` up to 200. The values
are validated with the endpoint's other query parameters (`filters.PageParams`); a page past the
last one is a 404 in the shared error shape, naming `page`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import EmptyPage, Paginator
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.views import APIView

from kotokartta.api.errors import not_found

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class ApiPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(
        self, queryset: Any, request: Request, view: APIView | None = None
    ) -> list[Any]:
        params = getattr(view, "params", {})
        size = params.get("page_size") or self.page_size
        number = params.get("page") or 1
        paginator = Paginator(queryset, size)
        try:
            self.page = paginator.page(number)
        except EmptyPage:
            raise not_found(
                f"page={number} does not exist: there {'is' if paginator.num_pages == 1 else 'are'}"
                f" {paginator.num_pages} page{'' if paginator.num_pages == 1 else 's'} of "
                f"{size} at most.",
                parameter="page",
            ) from None
        self.request = request
        return list(self.page)

    def get_schema_operation_parameters(self, view: Any) -> Sequence[dict[str, Any]]:
        # Documented with the endpoint's other parameters (filters.PageParams).
        return []

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Items in all pages together."},
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next page, or null on the last page.",
                },
                "previous": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The previous page, or null on the first page.",
                },
                "results": schema,
            },
        }
