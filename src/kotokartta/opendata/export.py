"""Writing the HSDS data set as files: one JSON file per table, plus datapackage.json and README.md.

Each `<table>.json` is a list of complete flat HSDS objects (UTF-8, sorted by id, indented two
spaces); relations are by id, as in HSDS's tabular form. The same database gives byte-identical
files: nothing in them depends on the time of the export.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kotokartta.opendata import schemas
from kotokartta.opendata.hsds import HSDS_VERSION, TABLES, HsdsData

SCHEMA_URL = schemas.BASE_URI

LICENCE_NOTES = {
    "programme": (
        "The programme data comes from the public programme document of the municipalities of "
        "the employment area (a public document, julkinen asiakirja). No open licence has been "
        "declared for it; ask the municipalities before reusing it beyond the law's limits. "
        "It names the coordinators with their work e-mail addresses as the document does."
    ),
    "borders": (
        "Service-area borders (`extent`): National Land Survey of Finland, administrative "
        "divisions 2021, © Maanmittauslaitos, CC BY 4.0 "
        "(https://creativecommons.org/licenses/by/4.0/)."
    ),
    "hsds": (
        "Format: Human Services Data Specification 3.0, an Open Referral resource "
        "(https://openreferral.org/), CC BY-SA 4.0."
    ),
}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def validation_errors(data: HsdsData, limit: int = 20) -> tuple[int, list[str]]:
    """How many objects break the official HSDS 3.0 schemas, and the first messages."""
    count, messages = 0, []
    for table, schema_file in TABLES.items():
        for row in data.tables[table]:
            found = schemas.errors(row, schema_file, strict=True)
            if found:
                count += 1
                messages += [f"{table}.json {row.get('id')}: {e}" for e in found]
    return count, messages[:limit]


def datapackage(data: HsdsData) -> dict[str, Any]:
    info = data.info
    return {
        "name": f"kotokartta-hsds-{info['area_id']}-{data.lang}",
        "title": f"{info['document_title']} — HSDS {HSDS_VERSION}",
        "description": (
            f"The integration programme of {info['area_name']} as an Open Referral HSDS "
            f"{HSDS_VERSION} data set, exported by Kotokartta (`kotokartta export hsds`). "
            "One JSON file per table, each a list of objects sorted by id."
        ),
        "profile": "data-package",
        "hsds_version": HSDS_VERSION,
        "language": data.lang,
        "data_date": info["data_date"],
        "sources": [
            {"title": info["document_title"], "path": info["document_file"]},
            {"title": "Municipal borders 2021, Maanmittauslaitos", "path": "data/geo/NOTICE.md"},
        ],
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Municipal borders in service_areas.json (extent)",
            }
        ],
        "licence_notes": list(LICENCE_NOTES.values()),
        "source_checksum": info["checksum"],
        "resources": [
            {
                "name": table,
                "path": f"{table}.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "schema": SCHEMA_URL + schema_file,
                "count": len(data.tables[table]),
            }
            for table, schema_file in TABLES.items()
        ],
    }


def readme(data: HsdsData) -> str:
    info = data.info
    rows = "\n".join(
        f"| `{table}.json` | {len(data.tables[table])} | `{schema_file}` |"
        for table, schema_file in TABLES.items()
    )
    notes = "\n".join(f"- {note}" for note in LICENCE_NOTES.values())
    return f"""# {info["document_title"]} — HSDS {HSDS_VERSION}

The integration programme of {info["area_name"]} as an Open Referral Human Services Data
Specification {HSDS_VERSION} data set, exported by Kotokartta (`kotokartta export hsds`).

- Data date: {info["data_date"]}
- Language of the texts: {data.lang}
- Source: {info["document_title"]} ({info["document_publisher"]}), `{info["document_file"]}`
- Live guide: {info["public_url"]}/

Each file is a list of complete HSDS objects (UTF-8, sorted by `id`); objects refer to each other
by id. Identifiers are UUIDs derived from Kotokartta's stable ids (uuid5), the same in every
export. Schemas: {SCHEMA_URL}

| file | objects | HSDS schema |
|---|---|---|
{rows}

## Licences and sources

{notes}
"""


def export_hsds(
    data: HsdsData, folder: Path, progress: Callable[[str, int], None] | None = None
) -> list[Path]:
    """Write `data` into `folder` (created if missing). Returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = folder / f"{table}.json"
        path.write_text(_dump(data.tables[table]), encoding="utf-8")
        written.append(path)
        if progress:
            progress(path.name, len(data.tables[table]))
    for name, text in (
        ("datapackage.json", _dump(datapackage(data))),
        ("README.md", readme(data)),
    ):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
        if progress:
            progress(name, -1)
    return written
