"""The plan on the area map: hosts highlighted, an arrow from each participating municipality to
the host of its group. Drawn by `geo.svgmap.render_svg`, from the plan's JSON (so a saved
scenario draws the same map it had)."""

from __future__ import annotations

import base64
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from kotokartta.geo.centres import BORDERS_FILE
from kotokartta.geo.svgmap import load_features, render_svg
from kotokartta.programme.models import Municipality

PRINT_STYLE = (
    "<style>.muni{fill:#f2f2f2;stroke:#333;stroke-width:.75}"
    ".muni--highlight{fill:#c9dcf0}.muni-label{font:11px sans-serif;fill:#111}"
    ".muni-label--highlight{font-weight:bold}"
    ".arrow{stroke:#0b4f8a;stroke-width:1.5}.arrow-head{fill:#0b4f8a}</style>"
)


def plan_map_svg(plan: dict[str, Any], *, lang: str = "fi", id_prefix: str = "plan") -> str:
    """An inline SVG of the area; empty when no border of the loaded municipalities is known."""
    municipalities = list(Municipality.objects.all())
    codes = {m.code for m in municipalities}
    features = [f for f in load_features(settings.GEO_DIR / BORDERS_FILE) if f.code in codes]
    if not features:
        return ""
    drawn = {f.code for f in features}
    hosts = {g["host"]["code"] for g in plan["groups"] if g["host"]}
    arrows: list[tuple[str, str]] = []
    for group in plan["groups"]:
        if not group["host"]:
            continue
        for member in group["members"]:
            pair = (member["municipality"]["code"], group["host"]["code"])
            if pair[0] != pair[1] and pair not in arrows and drawn >= set(pair):
                arrows.append(pair)
    with translation.override(lang):
        return render_svg(
            features,
            labels={m.code: m.name.get(lang) or m.name["fi"] for m in municipalities},
            highlight=hosts & drawn,
            arrows=arrows,
            width=460,
            title=_("Orientation groups on the map"),
            description=_(
                "Host municipalities are highlighted. Arrows go from each municipality whose "
                "people join a group to the municipality that hosts it; the tables say who "
                "attends in person and who remotely."
            ),
            lang=lang,
            id_prefix=id_prefix,
        )


def plan_map_data_uri(plan: dict[str, Any], *, lang: str = "fi") -> str:
    """The map as a self-contained image (with its own colours) for the PDF."""
    svg = plan_map_svg(plan, lang=lang, id_prefix="print")
    if not svg:
        return ""
    head, _sep, rest = svg.partition(">")
    styled = f"{head}>{PRINT_STYLE}{rest}"
    return "data:image/svg+xml;base64," + base64.b64encode(styled.encode()).decode()
