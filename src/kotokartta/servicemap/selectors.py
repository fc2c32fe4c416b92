"""The visual service map (palvelukartta) of one municipality, and the area overview, as data.

Both are read from the path engine through `paths.selectors.municipality_overview`, so the map
can never say something the guide does not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kotokartta.core.borders import require_borders
from kotokartta.core.text import content_language, data_language, localised
from kotokartta.geo.svgmap import load_features, render_svg
from kotokartta.paths.selectors import municipality_overview
from kotokartta.programme import content
from kotokartta.programme import models as m
from kotokartta.programme.facts import providing_municipality
from kotokartta.programme.labels import label
from kotokartta.programme.vocabulary import PHASES

# The programme's chain, in order; the other phases run beside it.
CHAIN = (
    "assessment",
    "multi_assessment",
    "plan",
    "multi_plan",
    "orientation",
    "training",
    "final_test",
)
# Phases whose provider decides the purchase arrangements drawn on the area overview.
ARRANGEMENT_PHASES = ("assessment", "multi_assessment", "plan", "multi_plan", "guidance")
PAPERS = {"a4": ("A4", "portrait"), "a3": ("A3", "landscape")}


def live_url(municipality: m.Municipality, lang: str = "fi") -> str:
    with translation.override(lang):
        path = reverse("guide:municipality", kwargs={"slug": municipality.id})
    return settings.PUBLIC_URL + path


def qr_svg(url: str, *, scale: int = 2) -> str:
    """A QR code for `url` as inline SVG (error correction M: survives a worn print)."""
    import segno  # where it is used: not every request draws a QR code

    return segno.make(url, error="m", micro=False).svg_inline(scale=scale, dark="#000", light=None)


@dataclass
class Entry:
    """One provision in one cell: the same facts in Finnish and in the second language."""

    status: str
    fi: dict[str, Any]
    other: dict[str, Any]
    purchased: bool
    open: bool


@dataclass
class Row:
    phase: str
    name_fi: str
    name_other: str
    name_other_lang: str
    in_chain: bool
    cells: dict[str, list[Entry]] = field(default_factory=dict)
    provision_ids: dict[str, list[str | None]] = field(default_factory=dict)

    @property
    def shared(self) -> bool:
        """Both client groups are served by exactly the same provisions (e.g. orientation)."""
        ids = list(self.provision_ids.values())
        return len(ids) == 2 and ids[0] == ids[1] and all(i is not None for i in ids[0])


@dataclass
class ServiceMap:
    municipality: m.Municipality
    name: str
    code: str
    second_lang: str
    second_dir: str
    rows: list[Row]
    coordinators: list[dict[str, str]]
    data_date: str
    url: str
    qr: str
    county: str

    @property
    def chain(self) -> list[Row]:
        return [row for row in self.rows if row.in_chain]

    @property
    def beside(self) -> list[Row]:
        return [row for row in self.rows if not row.in_chain]


def _describe(step: dict[str, Any], words_lang: str) -> dict[str, Any]:
    """One step's facts for a map cell: the data's texts as `step` has them, the vocabulary
    (status, modes) in `words_lang` through gettext."""
    provider = step["provider"] or {}
    who = ", ".join(x for x in (provider.get("organisation"), provider.get("unit")) if x)
    seller = step["seller"] or {}
    return {
        "status": label("document_status", step["status"], words_lang) or step["status"],
        "who": who,
        "role": provider.get("role") or "",
        "alternatives": step["alternative_roles"],
        "seller": seller.get("name", "") if step["purchased"] else "",
        "places": [p["name"] for p in step["places"]],
        "modes": [label("document_mode", mode, words_lang) or mode for mode in step["modes"]],
        "partners": [
            ", ".join(x for x in (p["organisation"], p["role"]) if x) for p in step["partners"]
        ],
        "activity": (step["activity"] or {}).get("name", ""),
        "condition": step["condition"] or "",
        "details": step["details"] if not step["provision"] else "",
    }


_DATA_TEXTS = (
    "who", "role", "alternatives", "seller", "places", "partners", "activity", "condition",
    "details",
)  # fmt: skip


def _vocabulary_only(described: dict[str, Any]) -> dict[str, Any]:
    """A step's second-language facts without the data's own texts (the data has none in that
    language): status and modes stay."""
    return {key: ([] if isinstance(value, list) else "") if key in _DATA_TEXTS else value
            for key, value in described.items()}  # fmt: skip


def service_map(*, municipality: m.Municipality, second_lang: str) -> ServiceMap:
    """The map's content: Finnish beside `second_lang`. The second language's line has the
    vocabulary (status, modes, phase names) in that language; the data's own texts (names, roles,
    notes) only where the data is written in it (English), as on the guide's pages: a reader of
    another language finds them in Finnish on the line above, never in English."""
    data_lang = content_language(second_lang)
    texts_in_second = data_language(second_lang) == second_lang
    finnish = municipality_overview(municipality=municipality, lang="fi")
    # The second line's vocabulary comes from the ids, which the Finnish overview has too; a
    # second overview is read only when its texts are shown.
    other = (
        municipality_overview(municipality=municipality, lang=data_lang)
        if texts_in_second
        else finnish
    )
    rows = []
    for fi_row, other_row in zip(finnish, other, strict=True):
        phase = fi_row["phase"].id
        name_other = content.phase_name(phase, second_lang)
        row = Row(
            phase=phase,
            name_fi=content.phase_name(phase, "fi").text,
            name_other=name_other.text,
            name_other_lang=name_other.lang,
            in_chain=phase in CHAIN,
        )
        for fi_group, other_group in zip(fi_row["clients"], other_row["clients"], strict=True):
            row.provision_ids[fi_group["client"]] = [s["provision"] for s in fi_group["steps"]]
            row.cells[fi_group["client"]] = [
                Entry(
                    status=fi_step["status"],
                    fi=_describe(fi_step, "fi"),
                    other=(
                        _describe(other_step, second_lang)
                        if texts_in_second
                        else _vocabulary_only(_describe(other_step, second_lang))
                    ),
                    purchased=bool(fi_step["purchased"]),
                    open=fi_step["status"] == "undetermined",
                )
                for fi_step, other_step in zip(fi_group["steps"], other_group["steps"], strict=True)
            ]
        rows.append(row)
    dataset = m.DataSet.objects.current()
    url = live_url(municipality, "fi")
    return ServiceMap(
        municipality=municipality,
        name=municipality.name["fi"],
        code=municipality.code,
        second_lang=second_lang,
        second_dir="rtl" if second_lang in settings.LANGUAGES_BIDI else "ltr",
        rows=rows,
        coordinators=[
            {
                "name": c.name,
                "title": localised(c.title, "fi"),
                "email": c.email,
                "unit": localised(c.unit.name, "fi") if c.unit else "",
            }
            for c in municipality.coordinators.select_related("unit")
        ],
        data_date=dataset.data_date.isoformat() if dataset else dt.date.today().isoformat(),
        url=url,
        qr=qr_svg(url),
        county=municipality.wellbeing_county.name["fi"],
    )


def purchase_arrangements() -> list[dict[str, Any]]:
    """Who serves whose residents in the statutory phases: one arrow per (from, to) pair.

    An arrow goes from the municipality of residence to the municipality whose own organisation
    provides (`facts.providing_municipality`) when they differ: Puolanka → Suomussalmi, Paltamo →
    Kajaani, Taivalkoski → Kuusamo …"""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    provisions = m.Provision.objects.filter(
        municipality__isnull=False, phase__in=ARRANGEMENT_PHASES
    ).select_related("municipality", "provider_organisation__municipality")
    for provision in provisions:
        providing = providing_municipality(provision)
        if providing is None or provision.municipality is None:
            continue
        if providing.id == provision.municipality_id:
            continue
        key = (provision.municipality.code, providing.code)
        pair = pairs.setdefault(
            key,
            {
                "from": provision.municipality,
                "to": providing,
                "clients": set(),
                "phases": set(),
                "purchased": False,
                "conditional": False,
            },
        )
        pair["clients"].update(provision.clients)
        pair["phases"].add(provision.phase)
        pair["purchased"] |= provision.purchased
        pair["conditional"] |= bool(provision.condition)
    return sorted(pairs.values(), key=lambda p: (p["from"].order, p["to"].order))


def area_overview_svg(*, lang: str = "fi", width: int = 520) -> str:

    municipalities = list(m.Municipality.objects.all())
    codes = {mun.code for mun in municipalities}
    # Municipalities without a border in the shipped file (e.g. test data) are left off the map.
    features = [f for f in load_features(require_borders()) if f.code in codes]
    if not features:
        return ""
    drawn = {f.code for f in features}
    arrows = [
        (p["from"].code, p["to"].code)
        for p in purchase_arrangements()
        if p["from"].code in drawn and p["to"].code in drawn
    ]
    with translation.override(lang):
        return render_svg(
            features,
            labels={mun.code: mun.name.get(lang) or mun.name["fi"] for mun in municipalities},
            arrows=arrows,
            width=width,
            title=_("Purchase arrangements of the Kainuu-Koillismaa integration programme"),
            description=_(
                "Arrows go from the municipality of residence to the municipality that provides "
                "its residents' statutory integration services (assessment, plan, guidance)."
            ),
            lang=lang,
            id_prefix="area",
        )


def all_phases() -> list[str]:
    return [phase.id for phase in PHASES]
