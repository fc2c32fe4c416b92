"""Records inside a programme snapshot, in the data files' own structure. Plain Python over
plain data: find a record, say whose it is, apply a draft's changes.

A snapshot is `{"files": {"area.yaml": {...}, "<municipality>.yaml": {...}}, "texts": {...}}`,
each file's content exactly as `programme.schema` reads it. Kinds with an id live in a list of
some file (`provisions`, `places`, …); a municipality's coordinators have no ids and are
edited as one list (`coordinators`, record id = the municipality id).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

AREA_FILE = "area.yaml"

Snapshot = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Kind:
    id: str
    list_key: str


KINDS: dict[str, Kind] = {
    k.id: k
    for k in (
        Kind("provision", "provisions"),
        Kind("place", "places"),
        Kind("activity", "activities"),
        Kind("organisation", "organisations"),
        Kind("flag", "flags"),
        Kind("coordinators", "coordinators"),
    )
}


@dataclass(frozen=True, slots=True)
class Found:
    kind: str
    record_id: str
    file: str
    index: int
    data: Any


@dataclass(frozen=True, slots=True)
class ChangeSpec:
    """What a draft change does, independent of the database."""

    kind: str
    record_id: str
    action: str  # save | retire
    data: Any
    target_file: str = ""


def file_owner(file: str) -> str | None:
    """The municipality a data file belongs to; None for area.yaml."""
    return None if file == AREA_FILE else file.removesuffix(".yaml")


def municipality_file(municipality_id: str | None) -> str:
    return AREA_FILE if not municipality_id else f"{municipality_id}.yaml"


def find(snapshot: Snapshot, kind: str, record_id: str) -> Found | None:
    files: dict[str, Any] = snapshot["files"]
    if kind == "coordinators":
        content = files.get(municipality_file(record_id))
        if content is None or record_id == "":
            return None
        return Found(
            kind, record_id, municipality_file(record_id), 0, content.get("coordinators", [])
        )
    key = KINDS[kind].list_key
    for file, content in files.items():
        for index, item in enumerate(content.get(key, []) or []):
            if item.get("id") == record_id:
                return Found(kind, record_id, file, index, item)
    return None


def records(snapshot: Snapshot, kind: str) -> Iterator[Found]:
    files: dict[str, Any] = snapshot["files"]
    if kind == "coordinators":
        for file, content in files.items():
            if file != AREA_FILE:
                owner = file_owner(file) or ""
                yield Found(kind, owner, file, 0, content.get("coordinators", []))
        return
    key = KINDS[kind].list_key
    for file, content in files.items():
        for index, item in enumerate(content.get(key, []) or []):
            yield Found(kind, item["id"], file, index, item)


def scope_of(kind: str, file: str, data: Any, record_id: str = "") -> str | None:
    """The municipality whose editors may change this record; None for an area-wide one."""
    if kind == "coordinators":
        return record_id or None
    if kind == "place" and isinstance(data, dict) and data.get("municipality"):
        return str(data["municipality"])
    if kind == "organisation":
        return None
    if kind == "activity" and isinstance(data, dict):
        municipalities = data.get("municipalities") or []
        return str(municipalities[0]) if len(municipalities) == 1 else None
    return file_owner(file)


def target_file_for(kind: str, data: dict[str, Any], municipality_id: str | None) -> str:
    """The file a new record goes to (the same rule as `data export`)."""
    if kind == "place":
        return municipality_file(data.get("municipality"))
    if kind == "organisation":
        return municipality_file(
            data.get("municipality") if data.get("kind") == "municipality" else None
        )
    if kind == "activity":
        municipalities = data.get("municipalities") or []
        return municipality_file(municipalities[0] if len(municipalities) == 1 else None)
    return municipality_file(municipality_id)


def apply(snapshot: Snapshot, changes: Iterable[ChangeSpec]) -> Snapshot:
    """A new snapshot with the changes applied; the given one is left untouched. A saved record
    stays where it was in its file; a new one is appended to its target file."""
    result = copy.deepcopy(snapshot)
    files: dict[str, Any] = result["files"]
    for change in changes:
        if change.kind == "coordinators":
            content = files.get(municipality_file(change.record_id))
            if content is not None:
                if change.action == "retire" or not change.data:
                    content.pop("coordinators", None)
                else:
                    content["coordinators"] = copy.deepcopy(change.data)
            continue
        key = KINDS[change.kind].list_key
        found = find(result, change.kind, change.record_id)
        if found is not None:
            items = files[found.file][key]
            if change.action == "retire":
                del items[found.index]
                if not items:
                    del files[found.file][key]
            else:
                items[found.index] = copy.deepcopy(change.data)
        elif change.action == "save":
            target = files.get(change.target_file)
            if target is None:
                raise KeyError(f"no data file {change.target_file!r} for {change.record_id}")
            target.setdefault(key, []).append(copy.deepcopy(change.data))
    return result


def changed_records(old: Snapshot, new: Snapshot) -> Iterator[tuple[str, str, str, Any, str]]:
    """(kind, record id, action, new data, scope) of every record that differs."""
    for kind in KINDS:
        before = {f.record_id: f for f in records(old, kind)}
        after = {f.record_id: f for f in records(new, kind)}
        for record_id, found in after.items():
            previous = before.get(record_id)
            if previous is None or previous.data != found.data:
                action = "added" if previous is None else "changed"
                scope = scope_of(kind, found.file, found.data, record_id) or ""
                yield kind, record_id, action, found.data, scope
        for record_id, previous in before.items():
            if record_id not in after:
                scope = scope_of(kind, previous.file, previous.data, record_id) or ""
                yield kind, record_id, "retired", None, scope
