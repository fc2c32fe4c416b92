"""The coverage view as files: CSV (one row per municipality × phase × client), JSON (matrix,
gaps, orientation, data date) and a plain-text table for the terminal. Shared by
`kotokartta coverage` and the web page's downloads, so both give the same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kotokartta.coverage.selectors import (
    CLASS_AVAILABLE,
    CLASS_BOUGHT,
    GAP_KINDS,
    Cell,
    Gap,
    MatrixRow,
    OrientationRow,
    coverage_matrix,
    current_dataset,
    gap_list,
    matrix_cells,
    orientation_languages,
)
from kotokartta.programme.labels import label as vocabulary_label
from kotokartta.programme.vocabulary import PHASES, Status

CSV_HEADER: tuple[str, ...] = (
    "municipality_code",
    "municipality",
    "phase",
    "client",
    "status_class",
    "statuses",
    "providers",
    "purchased_from",
    "provision_ids",
    "partly_open",
)
# Several values in one CSV field are separated by this.
CSV_SEPARATOR = "; "


def _join(values: tuple[str, ...]) -> str:
    return CSV_SEPARATOR.join(values)


def csv_row(cell: Cell) -> list[str]:
    return [
        cell.municipality.code,
        cell.municipality.name,
        cell.phase,
        cell.client,
        cell.status_class,
        _join(cell.statuses),
        _join(cell.providers),
        _join(cell.purchased_from),
        _join(cell.provisions),
        "yes" if cell.partly_open else "",
    ]


def matrix_csv(rows: list[MatrixRow]) -> str:
    """The matrix as CSV text: a header row, then one row per cell; write it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for cell in matrix_cells(rows):
        writer.writerow(csv_row(cell))
    return out.getvalue()


def coverage_document(
    *,
    today: dt.date,
    lang: str = "fi",
    cell_url: Callable[[Cell], str] | None = None,
) -> dict[str, Any]:
    """Everything in one JSON-ready dict: `{"matrix", "gaps", "orientation", "data_date", …}`.
    `cell_url`, when given, adds each cell's link to its municipality page."""
    dataset = current_dataset()
    cells = []
    for cell in matrix_cells(coverage_matrix(lang=lang)):
        item = cell.as_dict()
        if cell_url is not None:
            item["url"] = cell_url(cell)
        cells.append(item)
    return {
        "matrix": cells,
        "gaps": [gap.as_dict() for gap in gap_list(today=today, lang=lang)],
        "orientation": [row.as_dict() for row in orientation_languages(lang=lang)],
        "data_date": dataset.data_date.isoformat(),
        "today": today.isoformat(),
        "lang": lang,
    }


def coverage_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# The terminal table: one letter per display class; words and letters from the catalogues.
def _text_labels() -> dict[str, str]:
    return {
        "title": _("Coverage of the integration programme"),
        "municipality": _("Municipality"),
        "cell": _("Cell: job seeker/other newcomer"),
        "partly_open": _("partly not decided"),
        "phases": _("Phases"),
        "gaps": _("To follow up"),
        "none": _("none"),
        "area": _("whole area"),
        "orientation": _("Languages of civic orientation"),
        "quota": _("receives quota refugees"),
        "quota_list": _("Receive quota refugees"),
        CLASS_AVAILABLE: _("available (own or not purchased)"),
        CLASS_BOUGHT: _("purchased service"),
        Status.ON_NEED: _("arranged if needed"),
        Status.PLANNED: pgettext("coverage", "planned"),
        Status.NOT_ORGANISED: pgettext("coverage", "not organised"),
        Status.UNDETERMINED: _("not decided"),
        "gap:undetermined": _("Not decided (not agreed or not described)"),
        "gap:not_organised": _("Not organised"),
        "gap:planned_past": _("Planned, start year passed"),
        "gap:planned_undated": _("Planned with no start year"),
        "gap:no_contact": _("No contact details (no provider, no place)"),
        "gap:flag": _("Notes on the document"),
    }


def _text_codes() -> dict[str, str]:
    return {
        CLASS_AVAILABLE: pgettext("coverage letter for available", "A"),
        CLASS_BOUGHT: pgettext("coverage letter for purchased", "B"),
        Status.ON_NEED: pgettext("coverage letter for if needed", "N"),
        Status.PLANNED: pgettext("coverage letter for planned", "P"),
        Status.NOT_ORGANISED: pgettext("coverage letter for not organised", "X"),
        Status.UNDETERMINED: "?",
    }


def _code(cell: Cell, codes: dict[str, str]) -> str:
    return codes[cell.status_class] + ("*" if cell.partly_open else "")


def render_text(
    *,
    rows: list[MatrixRow],
    gaps: list[Gap],
    orientation: list[OrientationRow],
    data_date: str,
    lang: str = "fi",
) -> str:
    """A compact grid (municipalities × numbered phases, `job seeker/other` per cell), its
    legend, the gap list by kind, and the orientation languages."""
    with translation.override(lang):
        return _render_text(
            rows=rows, gaps=gaps, orientation=orientation, data_date=data_date, lang=lang
        )


def _render_text(
    *,
    rows: list[MatrixRow],
    gaps: list[Gap],
    orientation: list[OrientationRow],
    data_date: str,
    lang: str,
) -> str:
    t = _text_labels()
    codes = _text_codes()
    name_width = max([len(t["municipality"])] + [len(f"{r.municipality.name} (000)") for r in rows])
    width = 7
    checked = _("Data checked against the document on %(date)s") % {"date": data_date}
    lines = [f"{t['title']} — {checked}", ""]
    header = t["municipality"].ljust(name_width) + "".join(
        str(number).rjust(width) for number in range(1, len(PHASES) + 1)
    )
    lines += [header, "-" * len(header)]
    for row in rows:
        by_phase: dict[str, list[Cell]] = {}
        for cell in row.cells:
            by_phase.setdefault(cell.phase, []).append(cell)
        label = f"{row.municipality.name} ({row.municipality.code})".ljust(name_width)
        lines.append(
            label
            + "".join(
                "/".join(_code(c, codes) for c in by_phase.get(phase.id, [])).rjust(width)
                for phase in PHASES
            )
        )
    lines += ["", t["cell"] + "; " + ", ".join(f"{codes[k]} = {t[k]}" for k in codes)]
    lines.append(f"* = {t['partly_open']}")
    lines += ["", f"{t['phases']}:"]
    lines += [f"{n:>3}. {phase.name(lang)}" for n, phase in enumerate(PHASES, start=1)]

    lines += ["", f"{t['gaps']}:"]
    for kind in GAP_KINDS:
        in_kind = [gap for gap in gaps if gap.kind == kind]
        lines += ["", f"{t['gap:' + kind]} ({len(in_kind)})"]
        if not in_kind:
            lines.append(f"  {t['none']}")
        for gap in in_kind:
            where = gap.municipality.name if gap.municipality else t["area"]
            if gap.phase_name:
                where += f" — {gap.phase_name}"
            if gap.clients:
                clients = ", ".join(
                    vocabulary_label("document_client", c) or c for c in gap.clients
                )
                where += f" ({clients})"
            ref = gap.provision or gap.subject or ""
            if gap.flag_kind:
                ref = f"{gap.flag_kind}: {gap.flag}" + (f" → {ref}" if ref else "")
            lines.append(f"  - {where} [{ref}]" if ref else f"  - {where}")
            lines.append(f"    {gap.text}")

    lines += ["", f"{t['orientation']}:"]
    for orow in orientation:
        languages = ", ".join(f"{lg.name} ({lg.code})" for lg in orow.languages) or t["none"]
        quota = f" — {t['quota']}" if orow.receives_quota_refugees else ""
        lines.append(f"  {orow.municipality.name}: {languages}{quota}")
    quota_names = [o.municipality.name for o in orientation if o.receives_quota_refugees]
    lines += ["", f"{t['quota_list']}: {', '.join(quota_names) or t['none']}"]
    return "\n".join(lines) + "\n"
