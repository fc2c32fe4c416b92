"""Snapshots ⇄ data folders: the data files stay the exchange format, and validation is the gate.

`validate` writes a snapshot out as a data folder and runs the very same `check_folder` that
`kotokartta data check` runs; a snapshot that does not pass can be neither published nor
previewed.
"""

from __future__ import annotations

import copy
import hashlib
import json
import tempfile
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from kotokartta.programme import schema
from kotokartta.programme.export import export_programme
from kotokartta.programme.validation import Programme, check_folder
from kotokartta.programme.yamlfile import Problem
from kotokartta.staff.records import Snapshot

# libyaml when present: a snapshot is written and read on every save and review.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class InvalidProgramme(ValueError):
    """The programme with these changes does not pass validation."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:5]))


def _plain(data: Any) -> Any:
    """YAML → JSON-safe (dates become ISO strings, which the schema reads back)."""
    return json.loads(json.dumps(data, default=str))


def read_folder(folder: Path) -> Snapshot:
    files: dict[str, Any] = {}
    texts: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".yaml":
            files[path.name] = _plain(
                yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
            )
        elif path.suffix == ".txt":
            texts[path.name] = path.read_text(encoding="utf-8")
    return {"files": files, "texts": texts}


def from_database() -> Snapshot:
    """The programme loaded in the database (`data export`, read back)."""
    with tempfile.TemporaryDirectory(prefix="kotokartta-snapshot-") as tmp:
        export_programme(folder=Path(tmp))
        return read_folder(Path(tmp))


def write_folder(snapshot: Snapshot, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in snapshot["files"].items():
        text = yaml.dump(
            content,
            Dumper=_DUMPER,
            allow_unicode=True,
            sort_keys=False,
            width=100,
            default_flow_style=False,
        )
        (folder / name).write_text(text, encoding="utf-8")
    for name, text in snapshot.get("texts", {}).items():
        (folder / name).write_text(text, encoding="utf-8")


@contextmanager
def as_folder(snapshot: Snapshot) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="kotokartta-version-") as tmp:
        folder = Path(tmp)
        write_folder(snapshot, folder)
        yield folder


# Validated programmes by content: the review page validates the published version on every
# view; a Programme is read-only, so the last few are kept.
_VALID: OrderedDict[str, Programme] = OrderedDict()


def validate(snapshot: Snapshot) -> Programme:
    """The validated programme, or `InvalidProgramme` with every problem."""
    key = hashlib.sha256(json.dumps(snapshot, sort_keys=True).encode()).hexdigest()
    cached = _VALID.get(key)
    if cached is not None:
        return cached
    with as_folder(snapshot) as folder:
        programme, problems = check_folder(folder)
    if problems or programme is None:
        raise InvalidProgramme(problems)
    _VALID[key] = programme
    while len(_VALID) > 4:
        _VALID.popitem(last=False)
    return programme


def check(folder: Path) -> list[Problem]:
    return check_folder(folder)[1]


_SCHEMAS: dict[str, type[Any]] = {
    "provision": schema.Provision,
    "place": schema.Place,
    "activity": schema.Activity,
    "organisation": schema.Organisation,
    "flag": schema.Flag,
    "coordinators": schema.Coordinator,
}


def normalise_record(kind: str, data: Any) -> Any:
    """A record as `data export` writes it: no defaults, no empty values, texts as objects."""
    model = _SCHEMAS[kind]
    if kind == "coordinators":
        return [_dump(model.model_validate(item)) for item in data or []]
    return _dump(model.model_validate(data))


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json", exclude_defaults=True, exclude_none=True)


def normalised(snapshot: Snapshot) -> Snapshot:
    """Every record of a (valid) snapshot in the exported form, so that records compare equal
    when only their spelling in YAML differs."""
    result = copy.deepcopy(snapshot)
    for content in result["files"].values():
        for kind, key in (
            ("provision", "provisions"),
            ("place", "places"),
            ("activity", "activities"),
            ("organisation", "organisations"),
            ("flag", "flags"),
        ):
            if content.get(key):
                content[key] = [normalise_record(kind, item) for item in content[key]]
        if content.get("coordinators"):
            content["coordinators"] = normalise_record("coordinators", content["coordinators"])
    return result


_RECORD_KEYS = {"provisions", "places", "activities", "organisations", "flags", "coordinators"}


def untracked_differences(old: Snapshot, new: Snapshot) -> list[str]:
    """What differs outside the records a draft carries (these are not taken in)."""
    notes = []
    for name in sorted(set(old["files"]) | set(new["files"])):
        before = {k: v for k, v in old["files"].get(name, {}).items() if k not in _RECORD_KEYS}
        after = {k: v for k, v in new["files"].get(name, {}).items() if k not in _RECORD_KEYS}
        if before != after:
            notes.append(
                f"{name}: changes outside provisions, places, activities, organisations, "
                "flags and coordinators are not taken into the draft"
            )
    if old.get("texts") != new.get("texts"):
        notes.append("the source document differs; it is not taken into the draft")
    return notes
