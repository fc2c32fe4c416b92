"""`data check`: read a data folder, validate every file and every reference between them.

The result is either a complete, consistent `Programme` or a list of problems; never both
half-way. Problems are reported all at once, each as `file:line: field: message`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kotokartta.programme import schema
from kotokartta.programme.vocabulary import PHASES, ClientGroup, OrganisationKind
from kotokartta.programme.yamlfile import LoadedFile, Loc, Problem, read_yaml

AREA_FILE = "area.yaml"


@dataclass
class Programme:
    """A whole, validated programme: every record by id, with the file it came from."""

    area: schema.Area
    document_text: str
    municipalities: dict[str, schema.Municipality] = field(default_factory=dict)
    roles: dict[str, schema.Role] = field(default_factory=dict)
    organisations: dict[str, schema.Organisation] = field(default_factory=dict)
    units: dict[str, tuple[schema.Unit, str]] = field(default_factory=dict)
    places: dict[str, schema.Place] = field(default_factory=dict)
    activities: dict[str, schema.Activity] = field(default_factory=dict)
    # provision id → (municipality id or None for area-wide, provision)
    provisions: dict[str, tuple[str | None, schema.Provision]] = field(default_factory=dict)
    coordinators: list[tuple[str, schema.Coordinator]] = field(default_factory=list)
    flags: dict[str, tuple[str | None, schema.Flag]] = field(default_factory=dict)
    cooperation: dict[str, schema.CooperationBody] = field(default_factory=dict)

    def provisions_for(self, municipality: str) -> Iterator[schema.Provision]:
        """Provisions that serve residents of `municipality`: its own and the area-wide ones."""
        for owner, provision in self.provisions.values():
            if owner == municipality or (
                owner is None
                and (provision.municipalities is None or municipality in provision.municipalities)
            ):
                yield provision


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _data_loc(loc: tuple[Any, ...], data: Any) -> Loc:
    """Keep the part of a pydantic error location that names real keys in the file.

    Pydantic adds union member names ('constrained-str', 'literal[...]') that are not in the
    file; a missing field is named but has no line of its own, so it ends the location.
    """
    kept: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            kept.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part.isidentifier():
            kept.append(part)
            break
    return tuple(kept)


def _message(error: Any) -> str:
    message = str(error.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix) :]
    if error.get("type") == "extra_forbidden":
        return "unknown field (check the spelling; see docs/data-format.md)"
    if error.get("type") == "missing":
        return "required field is missing"
    return message


def _parse(loaded: LoadedFile, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    if not isinstance(loaded.data, dict):
        return None, [loaded.problem((), "the file must be a mapping of sections (key: value)")]
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as error:
        problems: dict[tuple[Loc, str], Problem] = {}
        for item in error.errors(include_url=False):
            loc = _data_loc(tuple(item["loc"]), loaded.data)
            message = _message(item)
            problems.setdefault((loc, message), loaded.problem(loc, message))
        return None, list(problems.values())


class _Checker:
    """Cross-file checks. Remembers where each record was defined, for line numbers."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.problems: list[Problem] = []
        self.where: dict[tuple[str, str], tuple[LoadedFile, Loc]] = {}
        self._document: tuple[str, str] | None = None

    def normalised_document(self) -> str:
        """The source document with whitespace normalised, computed once per text."""
        text = self.programme.document_text
        if self._document is None or self._document[0] is not text:
            self._document = (text, normalise_space(text))
        return self._document[1]

    def add(self, loaded: LoadedFile, loc: Loc, message: str) -> None:
        self.problems.append(loaded.problem(loc, message))

    def define(
        self,
        kind: str,
        record_id: str,
        loaded: LoadedFile,
        loc: Loc,
        store: dict[str, Any],
        value: Any,
    ) -> None:
        if record_id in store:
            first_file, first_loc = self.where[(kind, record_id)]
            self.add(
                loaded,
                (*loc, "id"),
                f"{kind} id {record_id!r} is already used at "
                f"{first_file.name}:{first_file.line_of(first_loc)}",
            )
            return
        store[record_id] = value
        self.where[(kind, record_id)] = (loaded, loc)

    def ref(
        self, loaded: LoadedFile, loc: Loc, kind: str, value: str | None, known: Iterable[str]
    ) -> bool:
        if value is None:
            return True
        if value not in known:
            self.add(loaded, loc, f"unknown {kind} {value!r}")
            return False
        return True


def _collect(
    checker: _Checker, loaded: LoadedFile, parsed: schema.RecordLists, owner: str | None
) -> None:
    p = checker.programme
    for i, org in enumerate(parsed.organisations):
        checker.define("organisation", org.id, loaded, ("organisations", i), p.organisations, org)
        for j, unit in enumerate(org.units):
            checker.define(
                "unit", unit.id, loaded, ("organisations", i, "units", j), p.units, (unit, org.id)
            )
    for i, place in enumerate(parsed.places):
        checker.define("place", place.id, loaded, ("places", i), p.places, place)
    for i, activity in enumerate(parsed.activities):
        checker.define("activity", activity.id, loaded, ("activities", i), p.activities, activity)
    for i, provision in enumerate(parsed.provisions):
        checker.define(
            "provision", provision.id, loaded, ("provisions", i), p.provisions, (owner, provision)
        )
    for i, flag in enumerate(parsed.flags):
        checker.define("flag", flag.id, loaded, ("flags", i), p.flags, (owner, flag))


def _check_references(
    checker: _Checker, loaded: LoadedFile, parsed: schema.RecordLists, owner: str | None
) -> None:
    p = checker.programme
    municipalities = p.municipalities.keys()
    for i, org in enumerate(parsed.organisations):
        loc: Loc = ("organisations", i)
        checker.ref(
            loaded, (*loc, "municipality"), "municipality", org.municipality, municipalities
        )
        if org.kind == OrganisationKind.MUNICIPALITY and org.municipality is None:
            checker.add(loaded, loc, "a municipal organisation must name its municipality")
        for j, unit in enumerate(org.units):
            if unit.parent is not None:
                parent = p.units.get(unit.parent)
                if parent is None:
                    checker.add(
                        loaded, (*loc, "units", j, "parent"), f"unknown unit {unit.parent!r}"
                    )
                elif parent[1] != org.id:
                    checker.add(
                        loaded,
                        (*loc, "units", j, "parent"),
                        f"unit {unit.parent!r} belongs to another organisation ({parent[1]})",
                    )
    for i, place in enumerate(parsed.places):
        loc = ("places", i, "municipality")
        if checker.ref(loaded, loc, "municipality", place.municipality, municipalities) and (
            owner is not None and place.municipality != owner
        ):
            checker.add(loaded, loc, f"a place in {owner}.yaml must be in {owner}")
    for i, activity in enumerate(parsed.activities):
        loc = ("activities", i)
        for j, org_id in enumerate(activity.organisers):
            checker.ref(loaded, (*loc, "organisers", j), "organisation", org_id, p.organisations)
        for j, mun in enumerate(activity.municipalities):
            checker.ref(loaded, (*loc, "municipalities", j), "municipality", mun, municipalities)
    for i, provision in enumerate(parsed.provisions):
        _check_provision(checker, loaded, ("provisions", i), provision, owner)
    known_subjects = {
        *p.provisions,
        *p.activities,
        *p.municipalities,
        *p.organisations,
        *p.places,
        *p.units,
    }
    for i, flag in enumerate(parsed.flags):
        checker.ref(loaded, ("flags", i, "subject"), "flag subject", flag.subject, known_subjects)
    _check_sources(checker, loaded, parsed)


def _check_provision(
    checker: _Checker, loaded: LoadedFile, loc: Loc, provision: schema.Provision, owner: str | None
) -> None:
    p = checker.programme
    if provision.responsible == "residence":
        if owner is not None:
            checker.add(
                loaded,
                (*loc, "responsible"),
                "'residence' is for area-wide provisions; name the responsible municipality",
            )
    else:
        checker.ref(
            loaded, (*loc, "responsible"), "municipality", provision.responsible, p.municipalities
        )
    if owner is not None and provision.municipalities is not None:
        checker.add(
            loaded,
            (*loc, "municipalities"),
            "only area-wide provisions (area.yaml) list municipalities",
        )
    for j, mun in enumerate(provision.municipalities or []):
        checker.ref(loaded, (*loc, "municipalities", j), "municipality", mun, p.municipalities)
    if provision.provider is not None:
        _check_org_unit(
            checker,
            loaded,
            (*loc, "provider"),
            provision.provider.organisation,
            provision.provider.unit,
        )
    checker.ref(loaded, (*loc, "role"), "role", provision.role, p.roles)
    for j, role in enumerate(provision.alternative_roles):
        checker.ref(loaded, (*loc, "alternative_roles", j), "role", role, p.roles)
    for j, place in enumerate(provision.places):
        checker.ref(loaded, (*loc, "places", j), "place", place, p.places)
    for j, partner in enumerate(provision.partners):
        ploc: Loc = (*loc, "partners", j)
        _check_org_unit(checker, loaded, ploc, partner.organisation, partner.unit)
        checker.ref(loaded, (*ploc, "role"), "role", partner.role, p.roles)
    checker.ref(loaded, (*loc, "activity"), "activity", provision.activity, p.activities)


def _check_org_unit(
    checker: _Checker, loaded: LoadedFile, loc: Loc, organisation: str, unit: str | None
) -> None:
    p = checker.programme
    if not checker.ref(
        loaded, (*loc, "organisation"), "organisation", organisation, p.organisations
    ):
        return
    if unit is None:
        return
    found = p.units.get(unit)
    if found is None:
        checker.add(loaded, (*loc, "unit"), f"unknown unit {unit!r}")
    elif found[1] != organisation:
        checker.add(
            loaded, (*loc, "unit"), f"unit {unit!r} belongs to {found[1]}, not to {organisation}"
        )


def _check_sources(checker: _Checker, loaded: LoadedFile, parsed: BaseModel) -> None:
    """Every quote must stand word for word in the source document."""
    document = checker.normalised_document()
    municipalities = checker.programme.municipalities
    for loc, source in _sources(parsed, ()):
        if source.municipality is not None and source.municipality not in municipalities:
            checker.add(
                loaded, (*loc, "municipality"), f"unknown municipality {source.municipality!r}"
            )
        if source.quote is not None and normalise_space(source.quote) not in document:
            checker.add(
                loaded,
                (*loc, "quote"),
                f"quote not found word for word in the source document: {_shorten(source.quote)!r}",
            )


def _sources(value: Any, loc: Loc) -> Iterator[tuple[Loc, schema.Source]]:
    if isinstance(value, schema.Source):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _sources(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _sources(item, (*loc, index))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_completeness(checker: _Checker, area_file: LoadedFile) -> None:
    p = checker.programme
    for municipality in p.area.municipalities:
        if municipality not in p.municipalities:
            continue
        covered = {
            (provision.phase, client)
            for provision in p.provisions_for(municipality)
            for client in provision.clients
        }
        missing = [
            f"{phase.id}/{client.value}"
            for phase in PHASES
            for client in ClientGroup
            if (phase.id, client) not in covered
        ]
        if missing:
            where = checker.where.get(("municipality", municipality))
            loaded, loc = where if where else (area_file, ("area", "municipalities"))
            checker.add(
                loaded,
                loc,
                f"{municipality}: no provision and no explicit status for "
                + ", ".join(missing)
                + " (add a provision; use status 'undetermined' where the document is silent)",
            )


def _check_names(checker: _Checker) -> None:
    """Names, codes and aliases must find exactly one municipality."""
    seen: dict[str, str] = {}
    for mun_id, mun in checker.programme.municipalities.items():
        for key in {mun_id, mun.code, *mun.name.values(), *mun.aliases}:
            other = seen.setdefault(key.casefold(), mun_id)
            if other != mun_id:
                loaded, loc = checker.where[("municipality", mun_id)]
                checker.add(loaded, loc, f"name or alias {key!r} also names {other}")


def check_folder(folder: Path) -> tuple[Programme | None, list[Problem]]:
    """Validate a data folder. Returns the programme only when there are no problems."""
    if not folder.is_dir():
        return None, [Problem(str(folder), 0, "", "no such data folder")]
    files = sorted(folder.glob("*.yaml"))
    if not any(f.name == AREA_FILE for f in files):
        return None, [Problem(str(folder), 0, "", f"the folder has no {AREA_FILE}")]

    problems: list[Problem] = []
    area_loaded = read_yaml(folder / AREA_FILE)
    problems += area_loaded.problems
    area_file, parse_problems = (
        (None, []) if area_loaded.problems else _parse(area_loaded, schema.AreaFile)
    )
    problems += parse_problems
    if area_file is None:
        # Still read the other files, so that one run lists every problem.
        for path in files:
            if path.name != AREA_FILE:
                loaded = read_yaml(path)
                problems += loaded.problems
                if not loaded.problems:
                    problems += _parse(loaded, schema.MunicipalityFile)[1]
        return None, sorted(set(problems))

    document_path = folder / area_file.area.document.file
    try:
        document_text = document_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        problems.append(
            area_loaded.problem(("area", "document", "file"), f"cannot read {document_path.name}")
        )
        document_text = ""

    programme = Programme(area=area_file.area, document_text=document_text)
    checker = _Checker(programme)
    municipal: list[tuple[LoadedFile, schema.MunicipalityFile]] = []
    for path in files:
        if path.name == AREA_FILE:
            continue
        loaded = read_yaml(path)
        problems += loaded.problems
        if loaded.problems:
            continue
        parsed, parse_problems = _parse(loaded, schema.MunicipalityFile)
        problems += parse_problems
        if parsed is None:
            continue
        mun = parsed.municipality
        if path.stem != mun.id:
            checker.add(
                loaded, ("municipality", "id"), f"{path.name} must hold municipality {path.stem!r}"
            )
        checker.define(
            "municipality", mun.id, loaded, ("municipality",), programme.municipalities, mun
        )
        municipal.append((loaded, parsed))

    for i, role in enumerate(area_file.roles):
        checker.define("role", role.id, area_loaded, ("roles", i), programme.roles, role)
    for i, body in enumerate(area_file.cooperation):
        checker.define(
            "cooperation body",
            body.id,
            area_loaded,
            ("cooperation", i),
            programme.cooperation,
            body,
        )
    _collect(checker, area_loaded, area_file, None)
    for loaded, parsed in municipal:
        _collect(checker, loaded, parsed, parsed.municipality.id)

    for i, mun_id in enumerate(area_file.area.municipalities):
        if mun_id not in programme.municipalities:
            checker.add(
                area_loaded,
                ("area", "municipalities", i),
                f"no file {mun_id}.yaml for municipality {mun_id!r}",
            )
    for mun_id in programme.municipalities:
        if mun_id not in area_file.area.municipalities:
            loaded, loc = checker.where[("municipality", mun_id)]
            checker.add(loaded, loc, f"{mun_id} is not listed in area.municipalities")
    for i, body in enumerate(area_file.cooperation):
        checker.ref(
            area_loaded,
            ("cooperation", i, "appointed_by"),
            "cooperation body",
            body.appointed_by,
            programme.cooperation,
        )

    _check_references(checker, area_loaded, area_file, None)
    for loaded, parsed in municipal:
        mun = parsed.municipality
        county = programme.organisations.get(mun.wellbeing_county)
        if county is None or county.kind != OrganisationKind.WELLBEING_COUNTY:
            checker.add(
                loaded,
                ("municipality", "wellbeing_county"),
                f"unknown wellbeing services county {mun.wellbeing_county!r}",
            )
        for i, coordinator in enumerate(parsed.coordinators):
            _check_org_unit(
                checker, loaded, ("coordinators", i), coordinator.organisation, coordinator.unit
            )
            programme.coordinators.append((mun.id, coordinator))
        _check_references(checker, loaded, parsed, mun.id)
    _check_names(checker)
    _check_completeness(checker, area_loaded)

    problems += checker.problems
    if problems:
        return None, sorted(set(problems))
    return programme, []
