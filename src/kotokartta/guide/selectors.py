"""Reads for the guide's pages. Views stay thin; the path engine does the routing."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from kotokartta.core.borders import require_borders
from kotokartta.core.text import localised
from kotokartta.geo.svgmap import load_features, render_svg
from kotokartta.paths.engine import Profile
from kotokartta.paths.selectors import path_for
from kotokartta.programme import models as m
from kotokartta.programme.vocabulary import ClientGroup
from kotokartta.search.selectors import search as run_search


def current_dataset() -> m.DataSet | None:
    return m.DataSet.objects.current()


def municipality_list(*, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": mun.id,
            "code": mun.code,
            "name": localised(mun.name, lang),
            "name_fi": mun.name.get("fi", mun.id),
            "url": reverse("guide:municipality", kwargs={"slug": mun.id}),
        }
        for mun in m.Municipality.objects.all()
    ]


def area_map(*, lang: str) -> str:
    municipalities = list(m.Municipality.objects.all())
    if not municipalities:
        return ""
    codes = {mun.code for mun in municipalities}
    # Municipalities without a border in the shipped file (e.g. test data) are left off the map.
    features = [f for f in load_features(require_borders()) if f.code in codes]
    if not features:
        return ""
    by_code = {mun.code: mun for mun in municipalities}
    return render_svg(
        features,
        links={
            code: reverse("guide:municipality", kwargs={"slug": mun.id})
            for code, mun in by_code.items()
        },
        labels={code: mun.name.get(lang) or mun.name["fi"] for code, mun in by_code.items()},
        title=_("Map of the programme's municipalities"),
        description=_(
            "The ten municipalities of the Kainuu-Koillismaa employment area on their real "
            "borders. Each municipality is a link to its page; the same links are listed below "
            "the map."
        ),
        lang=lang,
        width=360,
    )


def coordinators(*, municipality: m.Municipality, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "name": c.name,
            "title": localised(c.title, lang),
            "email": c.email,
            "organisation": localised(c.organisation.name, lang),
            "unit": localised(c.unit.name, lang) if c.unit else "",
        }
        for c in municipality.coordinators.select_related("organisation", "unit")
    ]


def municipality_flags(*, municipality: m.Municipality, lang: str) -> list[dict[str, str]]:
    return [
        {"kind": f.kind, "text": localised(f.text, lang)}
        for f in m.Flag.objects.filter(municipality=municipality)
    ]


def phase_across_municipalities(*, phase: str, lang: str) -> list[dict[str, Any]]:
    rows = []
    for mun in m.Municipality.objects.all():
        steps = []
        for client in ClientGroup:
            path = path_for(municipality=mun, profile=Profile(client=client), lang=lang)
            steps += [
                {**s, "client": client.value}
                for s in path.as_dict()["steps"]
                if s["phase"] == phase
            ]
        rows.append({"municipality": mun, "name": localised(mun.name, lang), "steps": steps})
    return rows


def search(*, query: str, municipality: m.Municipality | None, lang: str) -> list[dict[str, Any]]:
    return run_search(query=query, municipality=municipality, lang=lang)
