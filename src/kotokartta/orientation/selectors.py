"""Reads for the planner: the municipalities as `Site`s, the default hosts, a name resolver."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import get_language

from kotokartta.geo.centres import centres
from kotokartta.orientation.engine import DemandRow, Site
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


def entered_demand(*, municipality_ids: Iterable[str] | None = None) -> list[DemandRow]:
    """The demand the municipalities have entered, optionally only for some of them."""
    from kotokartta.orientation.models import DemandEntry

    entries = DemandEntry.objects.all()
    if municipality_ids is not None:
        entries = entries.filter(municipality_id__in=list(municipality_ids))
    return [
        DemandRow(e.municipality_id, e.language, e.count, e.earliest_start or None) for e in entries
    ]


def municipality_codes() -> dict[str, str]:
    return dict(Municipality.objects.values_list("id", "code"))


def municipality_choices(*, lang: str = "fi") -> list[tuple[str, str]]:
    return [(m.id, _name(m, "sv" if lang == "sv" else "fi")) for m in Municipality.objects.all()]
