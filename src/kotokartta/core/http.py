"""HTTP pieces every app's views share without importing the site shell."""

from __future__ import annotations

from django.http import Http404


class NotFound(Http404):
    """Nothing at this address; the site's 404 page says what was looked for. `kind` is
    "municipality", "phase" or "page"; `term` is what the visitor asked for."""

    def __init__(self, *, kind: str = "page", term: str = "") -> None:
        super().__init__(f"{kind} not found: {term}" if term else f"{kind} not found")
        self.kind = kind
        self.term = term
