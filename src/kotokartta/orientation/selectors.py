"""Reads for the planner: the municipalities as `Site`s, the default hosts, a name resolver."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import get_language

from kotokartta.orientation.engine import Site
from kotokartta.orientation.geography import centres
from kotokartta.programme.models import Municipality


def _name(municipality: Municipality, lang: str) -> str:
    names = municipality.name or {}
    return str(names.get(lang) or names.get("fi") or municipality.id)


def planner_sites(*, lang: str | None = None) -> dict[str, Site]:
    """Every loaded municipality with its centre from the shipped borders, by id."""
    lang = (lang or get_language() or "fi").split("-")[0]
    municipalities = list(Municipality.objects.all())
    found = centres(settings.GEO_DIR, [m.code for m in municipalities])
    return {
        m.id: Site(m.id, m.code, _name(m, "sv" if lang == "sv" else "fi"), *found[m.code])
        for m in municipalities
        if m.code in found
    }


def default_hosts() -> tuple[str, ...]:
    """The programme document names Kajaani, Kuusamo and Suomussalmi as the municipalities that
    receive quota refugees, and no other orientation venue: those are the default hosts."""
    return tuple(
        Municipality.objects.filter(receives_quota_refugees=True)
        .order_by("code")
        .values_list("id", flat=True)
    )


def resolve_municipality(term: str) -> str | None:
    """A municipality id from a name, Swedish name, code or alias; None if there is none."""
    found = Municipality.objects.find(term)
    return found.id if found is not None else None


def resolve_many(terms: Iterable[str]) -> tuple[list[str], list[str]]:
    """(ids found, terms not found)."""
    ids, unknown = [], []
    for term in terms:
        found = resolve_municipality(term)
        if found is None:
            unknown.append(term)
        elif found not in ids:
            ids.append(found)
    return ids, unknown
