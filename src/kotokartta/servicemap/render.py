"""Rendering a service map as HTML, PDF (A4 portrait, A3 landscape) and SVG."""

from __future__ import annotations

import base64
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from kotokartta.programme.labels import STATUS
from kotokartta.programme.vocabulary import STATUS_NAMES
from kotokartta.servicemap import fit
from kotokartta.servicemap.selectors import (
    PAPERS,
    Row,
    ServiceMap,
    area_overview_svg,
    purchase_arrangements,
)

logger = logging.getLogger(__name__)

CSS_PATH = Path(__file__).parent / "static" / "servicemap" / "map.css"
GROUPS = (
    ("chain", "Kotoutumisohjelman polku", gettext_noop("The programme's path")),
    ("beside", "Rinnalla", gettext_noop("Alongside")),
)


@lru_cache(maxsize=1)
def _css() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


def map_context(service_map: ServiceMap, *, paper: str = "web") -> dict[str, Any]:
    data_lang = service_map.second_lang  # the second line: its words, or the data's (English)
    with translation.override(service_map.second_lang):
        groups = [
            {
                "key": key,
                "fi": fi,
                "other": gettext(en),
                "rows": service_map.chain if key == "chain" else service_map.beside,
            }
            for key, fi, en in GROUPS
        ]
    return {
        "map": service_map,
        "groups": groups,
        "paper": paper,
        "data_lang": data_lang,
        "data_dir": "rtl" if data_lang in settings.LANGUAGES_BIDI else "ltr",
        "statuses": [(status, names[0]) for status, names in STATUS_NAMES.items()],
    }


# Largest and smallest type sizes (pt): a map is one page; a busy municipality gets smaller type.
FONT_SIZES = {"a4": (6.6, 4.4), "a3": (8.6, 5.6)}
FONT_STEP = 0.2


def render_html(
    service_map: ServiceMap, *, paper: str = "a4", font_size: float | None = None
) -> str:
    """A standalone HTML document of the map, for print and for WeasyPrint."""
    size, orientation = PAPERS[paper]
    context = map_context(service_map, paper=paper)
    context.update(
        page_size=size,
        orientation=orientation,
        css=_css(),
        font_size=f"{font_size or FONT_SIZES[paper][0]:.2f}",
    )
    return render_to_string("servicemap/print.html", context)


def _with_font_size(html: str, *, paper: str, old: float, new: float) -> str:
    rule = f".smap--{paper}{{font-size:{old:.2f}pt}}"
    if rule not in html:
        raise ValueError(f"servicemap/print.html no longer sets {rule}")
    return html.replace(rule, f".smap--{paper}{{font-size:{new:.2f}pt}}", 1)


def render_pdf(service_map: ServiceMap, *, paper: str = "a4") -> bytes:
    """The map as a one-page PDF in one layout pass: the type size is chosen from the text's
    measured widths before WeasyPrint runs (servicemap/fit.py). Should the estimate ever be
    wrong, the map is laid out again a step smaller (logged), down to a floor that stays legible;
    past it the map runs on to a second page."""
    from weasyprint import HTML

    largest, smallest = FONT_SIZES[paper]
    html = render_html(service_map, paper=paper, font_size=largest)
    size = fit.choose_font_size(html, paper=paper, largest=largest, smallest=smallest)
    while True:
        sized = _with_font_size(html, paper=paper, old=largest, new=size)
        document = HTML(string=sized, base_url=str(settings.BASE_DIR)).render()
        if len(document.pages) == 1 or size <= smallest:
            return bytes(document.write_pdf())
        logger.warning(
            "service map %s (%s, %s): %.2f pt ran to %d pages; laying it out again",
            service_map.code, paper, service_map.second_lang, size, len(document.pages),
        )  # fmt: skip
        size = max(smallest, round(size - FONT_STEP, 2))


# --- SVG ---------------------------------------------------------------------------------------

STATUS_COLOURS = {
    "available": "#2e7d32",
    "planned": "#b58900",
    "on_need": "#5c6bc0",
    "not_organised": "#c62828",
    "undetermined": "#8e24aa",
}
BOUGHT_COLOUR = "#1565c0"


def _wrap(text: str, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines or [""]


def _entry_lines(
    entry: Any, second: bool, width: int, status_other: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    fi = entry.fi
    head = f"{fi['status'].upper()}: {fi['who']}" + (f" — {fi['role']}" if fi["role"] else "")
    if entry.purchased:
        head += f" ⇄ OSTOPALVELU{': ' + fi['seller'] if fi['seller'] else ''}"
    lines += [("fi", line) for line in _wrap(head, width)]
    extra = " · ".join(
        x for x in ("; ".join(fi["places"]), ", ".join(fi["modes"]), "; ".join(fi["partners"])) if x
    )
    if extra:
        lines += [("fi-small", line) for line in _wrap(extra, width + 8)]
    if second:
        other = entry.other
        word = (status_other or {}).get(entry.status, other["status"])
        text = word + (f": {other['who']}" if other["who"] else "")
        text += f" — {other['role']}" if other["role"] else ""
        if other["modes"]:
            text += " · " + ", ".join(other["modes"])
        lines += [("other", line) for line in _wrap(text, width)]
    return lines


# The SVG map's own style sheet; the map view allows exactly this one inline style by its hash
# (core.middleware.csp_allowing_style), so the file also looks right opened on its own.
SVG_STYLE = (
    "text{font-family:'DejaVu Sans','Noto Sans',sans-serif;font-size:11px;fill:#111}"
    ".h1{font-size:20px;font-weight:700}.meta{font-size:10px;fill:#333}"
    ".head{font-weight:700}.phase{font-weight:700}.phase-other{fill:#333}"
    ".small{font-size:9.5px}.other{font-style:italic;fill:#333}"
    ".group{fill:#f0f0f0}.group-text{font-weight:700}.cell{fill:none;stroke:#888;stroke-width:.6}"
    ".bought{fill:#0d47a1;font-weight:700}"
)


def render_svg(service_map: ServiceMap) -> str:
    """The map as a self-contained SVG diagram: phases × client groups, with a legend and the
    QR code. Text is plain SVG text (searchable, copyable), wrapped by character count."""
    second = service_map.second_lang != "fi"
    data_lang = service_map.second_lang
    rtl = data_lang in settings.LANGUAGES_BIDI
    with translation.override(service_map.second_lang):
        status_other = {status: str(label) for status, label in STATUS.items()}
    second_dir = "rtl" if service_map.second_lang in settings.LANGUAGES_BIDI else "ltr"

    def _in(text: str) -> str:
        """Text in the second language, marked as such inside the Finnish diagram."""
        return (
            f'<tspan lang="{service_map.second_lang}" direction="{second_dir}">'
            f"{escape(text)}</tspan>"
        )

    def beside(msgid: str) -> str:
        """' / <the message in the second language>' after a Finnish label; nothing on a
        Finnish-only map."""
        if not second:
            return ""
        with translation.override(service_map.second_lang):
            return f" / {_in(gettext(msgid))}"

    width, phase_w, col_w, line_h, pad = 1120, 260, 430, 13, 6
    chars = 66
    out: list[str] = []
    y = 96
    rows_svg: list[str] = []
    for key, fi_name, en_name in GROUPS:
        rows = service_map.chain if key == "chain" else service_map.beside
        rows_svg.append(
            f'<rect x="10" y="{y}" width="{width - 20}" height="18" class="group"/>'
            f'<text x="16" y="{y + 13}" class="group-text">'
            f"{escape(fi_name)}{beside(en_name)}</text>"
        )
        y += 22
        for row in rows:
            y = _svg_row(
                rows_svg, row, y, second, rtl, data_lang, phase_w, col_w, line_h, pad, chars,
                status_other,
            )  # fmt: skip
    height = y + 120
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="smap-title smap-desc" lang="fi">'
    )
    out.append(
        f'<title id="smap-title">{escape(service_map.name)}: kotoutumisen alkuvaiheen palvelukartta'
        "</title>"
    )
    out.append(
        f'<desc id="smap-desc">Kotoutumisohjelman vaiheet ja palvelujen tuottajat '
        f"työnhakija-asiakkaille ja muille kotoutuja-asiakkaille. Tiedot {service_map.data_date}. "
        f"{escape(service_map.url)}</desc>"
    )
    out.append(f"<style>{SVG_STYLE}</style>")
    out.append(
        f'<text x="10" y="28" class="h1">{escape(service_map.name)}: kotoutumisen alkuvaiheen '
        "palvelukartta</text>"
    )
    out.append(
        f'<text x="10" y="46" class="meta">Kuntanumero {service_map.code} · '
        f"{escape(service_map.county)} · Tiedot {service_map.data_date} · "
        f"{escape(service_map.url)}</text>"
    )
    header_y = 72
    for x, label, other in (
        (10, "Vaihe", gettext_noop("Phase")),
        (10 + phase_w, "Työnhakija-asiakas", gettext_noop("Job seeker")),
        (10 + phase_w + col_w, "Muu kotoutuja-asiakas", gettext_noop("Other newcomer")),
    ):
        out.append(f'<text x="{x + pad}" y="{header_y}" class="head">{label}{beside(other)}</text>')
    out.extend(rows_svg)
    legend_y = y + 20
    lx = 10
    for status, names in STATUS_NAMES.items():
        other = f" / {_in(status_other[status])}" if second else ""
        out.append(
            f'<rect x="{lx}" y="{legend_y}" width="10" height="10" '
            f'fill="{STATUS_COLOURS[status]}"/><text x="{lx + 14}" y="{legend_y + 9}" '
            f'class="small">{escape(names[0])}{other}</text>'
        )
        lx += 180
    out.append(
        f'<text x="10" y="{legend_y + 30}" class="small">'
        '<tspan class="bought">⇄ OSTOPALVELU</tspan>'
        f" = kunta ostaa palvelun toiselta kunnalta{beside('Purchased service')}</text>"
    )
    contacts = "; ".join(
        f"{c['name']}, {c['title']}, {c['email']}" for c in service_map.coordinators
    )
    out.append(
        f'<text x="10" y="{legend_y + 50}" class="small">Yhteyshenkilöt: {escape(contacts)}</text>'
    )
    qr = service_map.qr.replace("<svg ", f'<svg x="{width - 100}" y="6" ', 1)
    out.append(qr)
    out.append("</svg>")
    return "\n".join(out)


def _svg_row(
    out: list[str], row: Row, y: int, second: bool, rtl: bool, data_lang: str,
    phase_w: int, col_w: int, line_h: int, pad: int, chars: int, status_other: dict[str, str],
) -> int:  # fmt: skip
    cells = [row.cells.get("job-seeker", []), row.cells.get("other", [])]
    cell_lines = []
    for entries in cells:
        lines: list[tuple[str, str, str]] = []
        for entry in entries:
            colour = BOUGHT_COLOUR if entry.purchased else STATUS_COLOURS[entry.status]
            for kind, text in _entry_lines(entry, second, chars, status_other):
                lines.append((kind, text, colour))
            lines.append(("gap", "", colour))
        cell_lines.append(lines)
    phase_lines = _wrap(row.name_fi, 34) + (_wrap(row.name_other, 34) if second else [])
    height = max(len(phase_lines), *(len(lines) for lines in cell_lines)) * line_h + 2 * pad
    out.append(f'<rect x="10" y="{y}" width="{phase_w}" height="{height}" class="cell"/>')
    ty = y + pad + 10
    for index, text in enumerate(phase_lines):
        css = "phase" if index < len(_wrap(row.name_fi, 34)) else "phase-other"
        lang_attr = "" if css == "phase" else f' lang="{row.name_other_lang}"'
        out.append(f'<text x="{10 + pad}" y="{ty}" class="{css}"{lang_attr}>{escape(text)}</text>')
        ty += line_h
    for column, lines in enumerate(cell_lines):
        x = 10 + phase_w + column * col_w
        out.append(f'<rect x="{x}" y="{y}" width="{col_w}" height="{height}" class="cell"/>')
        ty = y + pad + 10
        for kind, text, colour in lines:
            if kind == "gap":
                ty += 3
                continue
            if kind == "fi":
                out.append(
                    f'<rect x="{x + 2}" y="{ty - 10}" width="4" height="{line_h}" fill="{colour}"/>'
                )
            css = {"fi": "", "fi-small": "small", "other": "other"}[kind]
            attrs = f' class="{css}"' if css else ""
            if kind == "other":
                attrs += f' lang="{data_lang}"'
                if rtl:
                    attrs += ' direction="rtl"'
            out.append(f'<text x="{x + pad + 4}" y="{ty}"{attrs}>{escape(text)}</text>')
            ty += line_h
    return y + height


AREA_SVG_CSS = (
    ".muni{fill:#e3ebf3;stroke:#33495e;stroke-width:.6}.muni-label{font-size:9px;fill:#111;"
    "font-family:'DejaVu Sans',sans-serif}.arrow{stroke:#c62828;stroke-width:1.6;fill:none}"
    "marker path{fill:#c62828}"
)


def render_area_html(*, lang: str = "en") -> str:
    """The area overview page for print: the map with arrows and the list of arrangements."""
    svg = area_overview_svg(lang="fi", width=640)
    # As an image, the SVG keeps its own size and its own <style> (page CSS does not reach it).
    opening_end = svg.index(">", svg.index("<svg")) + 1
    svg = svg[:opening_end] + f"<style>{AREA_SVG_CSS}</style>" + svg[opening_end:]
    if "xmlns=" not in svg[:opening_end]:
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    image = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    context = {
        "svg_image": image,
        "arrangements": purchase_arrangements(),
        "second_lang": lang,
        "second_dir": "rtl" if lang in settings.LANGUAGES_BIDI else "ltr",
        "css": _css(),
    }
    return render_to_string("servicemap/area_print.html", context)
