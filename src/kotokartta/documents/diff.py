"""What changed between two versions of the programme data, as a reviewer reads it.

`diff_programmes` compares two validated folders (`programme.validation.check_folder`) record by
record: the area, municipality records, coordinators, provisions, activities, flags,
organisations, places, roles and cooperation bodies. Every change is placed under its
municipality (or the whole area) and, for provisions, its phase; a changed record lists each
changed field with its old and new value, ids resolved to names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from kotokartta.core.text import localised
from kotokartta.documents.diff_labels import EMPTY, GROUPS, count_text, field_label, texts
from kotokartta.programme import schema
from kotokartta.programme.labels import basis_name, language_name
from kotokartta.programme.labels import label as vocabulary_label
from kotokartta.programme.validation import Programme
from kotokartta.programme.vocabulary import (
    PHASE_BY_ID,
    PHASE_ORDER,
)

AREA = ""  # the municipality key of area-wide changes

# Order of the groups under one municipality.
LONG_VALUE = 70  # longer old/new values are printed on lines of their own


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str
    old_value: Any = None
    new_value: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "label": self.label,
            "old": self.old,
            "new": self.new,
            "old_value": self.old_value,
            "new_value": self.new_value,
        }


@dataclass(frozen=True, slots=True)
class Change:
    municipality: str  # municipality id, or AREA
    group: str
    record: str  # record id (or a coordinator's name)
    action: str  # added | removed | changed
    phase: str | None = None
    label: str = ""  # how a reviewer recognises the record
    summary: str = ""  # for added and removed records
    fields: tuple[FieldChange, ...] = field(default=())

    def as_dict(self, municipality_name: str, phase_name: str | None) -> dict[str, Any]:
        return {
            "municipality": self.municipality or None,
            "municipality_name": municipality_name,
            "group": self.group,
            "phase": self.phase,
            "phase_name": phase_name,
            "record": self.record,
            "label": self.label,
            "action": self.action,
            "summary": self.summary,
            "fields": [f.as_dict() for f in self.fields],
        }


class _Names:
    """Ids of one programme version resolved to names in one language."""

    def __init__(self, programme: Programme, lang: str) -> None:
        self.p = programme
        self.lang = lang
        self.t = texts(lang)

    def text(self, value: Mapping[str, str] | None) -> str:
        return localised(value, self.lang)

    def municipality(self, mun_id: str | None) -> str:
        if not mun_id:
            return EMPTY
        mun = self.p.municipalities.get(mun_id)
        return self.text(mun.name) if mun else mun_id

    def organisation(self, org_id: str | None, unit_id: str | None = None) -> str:
        if not org_id:
            return EMPTY
        org = self.p.organisations.get(org_id)
        name = self.text(org.name) if org else org_id
        if unit_id:
            unit = self.p.units.get(unit_id)
            name += ", " + (self.text(unit[0].name) if unit else unit_id)
        return name

    def role(self, role_id: str | None) -> str:
        if not role_id:
            return EMPTY
        role = self.p.roles.get(role_id)
        return self.text(role.name) if role else role_id

    def place(self, place_id: str) -> str:
        place = self.p.places.get(place_id)
        return self.text(place.name) if place else place_id

    def activity(self, activity_id: str | None) -> str:
        if not activity_id:
            return EMPTY
        activity = self.p.activities.get(activity_id)
        return self.text(activity.name) if activity else activity_id

    def subject(self, subject: str | None) -> str:
        if not subject:
            return EMPTY
        for table in (self.p.activities, self.p.organisations, self.p.places):
            record = table.get(subject)
            if record is not None:
                return f"{self.text(record.name)} [{subject}]"
        if subject in self.p.municipalities:
            return self.municipality(subject)
        if subject in self.p.provisions:
            return subject
        return subject

    def listing(self, values: Iterable[str]) -> str:
        return ", ".join(values) or EMPTY

    def yes_no(self, value: bool) -> str:
        return self.t["yes"] if value else self.t["no"]

    def source(self, source: schema.Source | None) -> str:
        if source is None:
            return EMPTY
        out = source.section
        if source.municipality:
            out += f" ({self.municipality(source.municipality)})"
        if source.quote:
            out += f": “{source.quote}”"
        return out

    def value(self, name: str, value: Any) -> str:
        """One field's value as a reviewer reads it."""
        lang = self.lang
        if value is None or value == [] or value == {}:
            return EMPTY
        if isinstance(value, bool):
            return self.yes_no(value)
        if name == "phase":
            return f"{PHASE_BY_ID[value].name(lang)} [{value}]" if value in PHASE_BY_ID else value
        if name == "phases":
            return self.listing(PHASE_BY_ID[v].name(lang) if v in PHASE_BY_ID else v for v in value)
        if name == "clients":
            return self.listing(vocabulary_label("document_client", v, lang) or v for v in value)
        if name == "status":
            return vocabulary_label("document_status", value, lang) or value
        if name == "responsible":
            return self.t["residence"] if value == "residence" else self.municipality(value)
        if name == "appointed_by":
            body = self.p.cooperation.get(value)
            return self.text(body.name) if body else value
        if name == "municipality":
            return self.municipality(value)
        if name == "municipalities":
            return self.listing(self.municipality(v) for v in value)
        if name == "provider" and isinstance(value, schema.Provider):
            return self.organisation(value.organisation, value.unit)
        if name == "organisation":
            return self.organisation(value)
        if name == "wellbeing_county":
            return self.organisation(value)
        if name == "unit":
            unit = self.p.units.get(value)
            return self.text(unit[0].name) if unit else value
        if name == "organisers":
            return self.listing(self.organisation(v) for v in value)
        if name == "role":
            return self.role(value)
        if name == "alternative_roles":
            return self.listing(self.role(v) for v in value)
        if name == "places":
            return self.listing(self.place(v) for v in value)
        if name == "modes":
            return self.listing(vocabulary_label("document_mode", v, lang) or v for v in value)
        if name == "languages":
            return self.listing(language_name(v, lang) for v in value)
        if name == "target_groups":
            return self.listing(basis_name(v, lang) for v in value)
        if name == "activity":
            return self.activity(value)
        if name == "subject":
            return self.subject(value)
        if name == "partners":
            return "; ".join(self.partner(p) for p in value)
        if name == "source" and isinstance(value, schema.Source):
            return self.source(value)
        if name == "condition" and isinstance(value, schema.Condition):
            text = self.text(value.text)
            if value.uses_finnish is not None:
                text += f" (uses_finnish: {self.yes_no(value.uses_finnish)})"
            return text
        if name == "period" and isinstance(value, schema.Period):
            return "–".join(str(y) for y in (value.start_year, value.end_year) if y)
        if name == "units":
            return self.listing(self.text(u.name) + f" [{u.id}]" for u in value)
        if name == "members":
            return self.listing(self.text(m) for m in value)
        if isinstance(value, list):
            return self.listing(str(v) for v in value)
        if isinstance(value, BaseModel):
            return str(value.model_dump(exclude_none=True))
        return str(value)

    def partner(self, partner: schema.Partner) -> str:
        out = self.organisation(partner.organisation, partner.unit)
        if partner.role:
            out += f", {self.role(partner.role)}"
        if partner.note:
            out += f" ({self.text(partner.note)})"
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


# Nested records shown as one value; any other nested record is compared field by field.
_ONE_VALUE = (schema.Provider, schema.Condition, schema.Source, schema.Period)


def _field_changes(
    old: BaseModel,
    new: BaseModel,
    old_names: _Names,
    new_names: _Names,
    *,
    skip: Iterable[str] = ("id",),
    prefix: str = "",
) -> list[FieldChange]:
    lang = old_names.lang
    changes: list[FieldChange] = []
    for name in type(new).model_fields:
        if name in skip:
            continue
        a = getattr(old, name, None)
        b = getattr(new, name, None)
        if a == b:
            continue
        if (
            isinstance(a, BaseModel)
            and isinstance(b, BaseModel)
            and type(a) is type(b)
            and not isinstance(a, _ONE_VALUE)
        ):
            changes += _field_changes(a, b, old_names, new_names, prefix=f"{prefix}{name}.")
            continue
        label = field_label(name, lang)
        if _is_text(a) or _is_text(b):  # a translated text: one line per changed language
            a_text, b_text = a or {}, b or {}
            for code in sorted(set(a_text) | set(b_text), key=_lang_order):
                if a_text.get(code) != b_text.get(code):
                    changes.append(
                        FieldChange(
                            f"{prefix}{name}.{code}",
                            f"{label} ({code})",
                            a_text.get(code) or EMPTY,
                            b_text.get(code) or EMPTY,
                            a_text.get(code),
                            b_text.get(code),
                        )
                    )
            continue
        changes.append(
            FieldChange(
                f"{prefix}{name}",
                label,
                old_names.value(name, a),
                new_names.value(name, b),
                _plain(a),
                _plain(b),
            )
        )
    return changes


def _lang_order(code: str) -> tuple[int, str]:
    return (0 if code == "fi" else 1 if code == "en" else 2, code)


def _summary(record: BaseModel, names: _Names) -> str:
    """One line that says what an added or removed record is."""
    if isinstance(record, schema.Provision):
        parts = [names.value("status", record.status)]
        if record.provider:
            parts.append(names.value("provider", record.provider))
        if record.role:
            parts.append(names.role(record.role))
        if record.purchased:
            parts.append(field_label("purchased", names.lang))
        details = names.text(record.details)
        if details:
            parts.append(details)
        return "; ".join(parts)
    if isinstance(record, schema.Coordinator):
        return f"{names.text(record.title)}, {record.email}"
    if isinstance(record, schema.Flag):
        return f"{record.kind}: {names.text(record.text)}"
    name = getattr(record, "name", None)
    if isinstance(name, dict):
        return names.text(name)
    return ""


def _owner_of_activity(activity: schema.Activity) -> str:
    return activity.municipalities[0] if len(activity.municipalities) == 1 else AREA


def _records(
    programme: Programme,
) -> dict[str, dict[str, tuple[str, str | None, BaseModel]]]:
    """group → record key → (municipality key, phase, record)."""
    p = programme
    out: dict[str, dict[str, tuple[str, str | None, BaseModel]]] = {g: {} for g in GROUPS}
    out["area"]["area"] = (AREA, None, p.area)
    for mun_id, mun in p.municipalities.items():
        out["municipality"][mun_id] = (mun_id, None, mun)
    for prov_id, (owner, provision) in p.provisions.items():
        out["provision"][prov_id] = (owner or AREA, provision.phase, provision)
    for act_id, activity in p.activities.items():
        out["activity"][act_id] = (_owner_of_activity(activity), None, activity)
    for flag_id, (owner, flag) in p.flags.items():
        phase = None
        if flag.subject and flag.subject in p.provisions:
            phase = p.provisions[flag.subject][1].phase
        out["flag"][flag_id] = (owner or AREA, phase, flag)
    for org_id, org in p.organisations.items():
        owner = org.municipality if org.kind == "municipality" and org.municipality else AREA
        out["organisation"][org_id] = (owner, None, org)
    for place_id, place in p.places.items():
        out["place"][place_id] = (place.municipality, None, place)
    for role_id, role in p.roles.items():
        out["role"][role_id] = (AREA, None, role)
    for body_id, body in p.cooperation.items():
        out["cooperation"][body_id] = (AREA, None, body)
    return out


def _coordinator_changes(
    old: Programme, new: Programme, old_names: _Names, new_names: _Names
) -> list[Change]:
    changes: list[Change] = []
    municipalities = list(dict.fromkeys([*new.municipalities, *old.municipalities]))
    for mun_id in municipalities:
        before = [c for m, c in old.coordinators if m == mun_id]
        after = [c for m, c in new.coordinators if m == mun_id]
        pairs: list[tuple[schema.Coordinator | None, schema.Coordinator | None]] = []
        for attribute in ("email", "name"):  # the same person: same e-mail, else same name
            for person in list(before):
                key = getattr(person, attribute).casefold()
                match = next((c for c in after if getattr(c, attribute).casefold() == key), None)
                if match is not None:
                    pairs.append((person, match))
                    before.remove(person)
                    after.remove(match)
        pairs += [(person, None) for person in before] + [(None, person) for person in after]
        for a, b in pairs:
            if a == b:
                continue
            if a is None or b is None:
                present = b if b is not None else a
                assert present is not None
                changes.append(
                    Change(
                        mun_id,
                        "coordinator",
                        present.name,
                        "added" if a is None else "removed",
                        label=present.name,
                        summary=_summary(present, new_names if a is None else old_names),
                    )
                )
                continue
            record = b.name
            fields = _field_changes(a, b, old_names, new_names, skip=())
            changes.append(
                Change(mun_id, "coordinator", record, "changed", label=record, fields=tuple(fields))
            )
    return changes


def diff_programmes(old: Programme, new: Programme, *, lang: str = "fi") -> list[Change]:
    """Every difference between two validated programme versions, grouped and ordered:
    area first, then municipalities in the (new) area's order, then by group and phase."""
    old_names, new_names = _Names(old, lang), _Names(new, lang)
    before, after = _records(old), _records(new)
    changes: list[Change] = []
    for group in GROUPS:
        if group in {"coordinator", "document"}:
            continue
        keys = list(dict.fromkeys([*after[group], *before[group]]))
        for key in keys:
            a = before[group].get(key)
            b = after[group].get(key)
            if a is not None and b is not None and a[2] == b[2] and a[0] == b[0]:
                continue
            where, phase, record = b if b is not None else a  # type: ignore[misc]
            label = _label(group, key, record, new_names if b is not None else old_names)
            if a is None or b is None:
                names = new_names if a is None else old_names
                changes.append(
                    Change(
                        where,
                        group,
                        key,
                        "added" if a is None else "removed",
                        phase,
                        label,
                        _summary(record, names),
                    )
                )
                continue
            fields = _field_changes(a[2], b[2], old_names, new_names)
            if a[0] != b[0]:
                fields.insert(
                    0,
                    FieldChange(
                        "owner",
                        field_label("owner", lang),
                        f"{a[0] or 'area'}.yaml",
                        f"{b[0] or 'area'}.yaml",
                        a[0] or None,
                        b[0] or None,
                    ),
                )
            changes.append(Change(where, group, key, "changed", phase, label, "", tuple(fields)))
    changes += _coordinator_changes(old, new, old_names, new_names)
    if old.document_text != new.document_text:
        old_lines = set(old.document_text.splitlines())
        new_lines = set(new.document_text.splitlines())
        text = old_names.t["document_changed"].format(
            file=new.area.document.file,
            removed=len(old_lines - new_lines),
            added=len(new_lines - old_lines),
        )
        changes.append(Change(AREA, "document", new.area.document.file, "changed", summary=text))
    order = {mun: i for i, mun in enumerate([AREA, *new.area.municipalities])}
    for mun in old.area.municipalities:
        order.setdefault(mun, len(order))
    changes.sort(
        key=lambda c: (
            order.get(c.municipality, len(order)),
            GROUPS.index(c.group),
            PHASE_ORDER.get(c.phase or "", -1) if c.group == "provision" else 0,
        )
    )
    return changes


def _label(group: str, key: str, record: BaseModel, names: _Names) -> str:
    if isinstance(record, schema.Provision):
        return f"{key} ({names.value('clients', record.clients)})"
    if group in {"area", "municipality"}:
        return names.text(getattr(record, "name", None)) or key
    name = getattr(record, "name", None)
    if isinstance(name, dict):
        return f"{names.text(name)} [{key}]"
    return key


def municipality_name(programmes: Iterable[Programme], mun_id: str, lang: str) -> str:
    if not mun_id:
        return texts(lang)["area"]
    for programme in programmes:
        mun = programme.municipalities.get(mun_id)
        if mun is not None:
            return f"{localised(mun.name, lang)} ({mun.code})"
    return mun_id


def render_diff_text(
    changes: list[Change],
    *,
    old: Programme,
    new: Programme,
    old_label: str,
    new_label: str,
    lang: str = "fi",
) -> str:
    t = texts(lang)
    lines = [t["heading"].format(old=old_label, new=new_label)]
    if not changes:
        lines.append(t["none"])
        return "\n".join(lines) + "\n"
    lines.append(count_text(len(changes), lang))
    current_mun: str | None = None
    current_head: tuple[str, str | None] | None = None
    for change in changes:
        if change.municipality != current_mun:
            current_mun = change.municipality
            current_head = None
            lines += ["", municipality_name((new, old), change.municipality, lang)]
        head = (change.group, change.phase if change.group == "provision" else None)
        if head != current_head:
            current_head = head
            if change.group == "provision" and change.phase:
                phase = PHASE_BY_ID[change.phase]
                lines.append(f"  {phase.name(lang)} [{change.phase}]")
            else:
                lines.append(f"  {t.get('group_' + change.group, change.group)}")
        lines += _change_lines(change, t)
    return "\n".join(lines) + "\n"


def _change_lines(change: Change, t: Mapping[str, str]) -> list[str]:
    mark = {"added": "+", "removed": "-", "changed": "~"}[change.action]
    label = change.label or change.record
    if change.group == "document":
        return [f"    ~ {change.summary}"]
    if change.action != "changed":
        line = f"    {mark} {label}: {t[change.action]}"
        if change.summary:
            line += f" — {change.summary}"
        return [line]
    out = [f"    {mark} {label}"]
    for f in change.fields:
        name = f"{f.field} ({f.label})" if f.label and f.label != f.field else f.field
        if len(f.old) + len(f.new) <= LONG_VALUE:
            out.append(f"        {name}: {f.old} → {f.new}")
        else:
            out += [f"        {name}:", f"          − {f.old}", f"          + {f.new}"]
    return out


def diff_as_json(
    changes: list[Change],
    *,
    old: Programme,
    new: Programme,
    old_label: str,
    new_label: str,
    lang: str = "fi",
) -> dict[str, Any]:
    def phase_name(change: Change) -> str | None:
        return PHASE_BY_ID[change.phase].name(lang) if change.phase in PHASE_BY_ID else None

    return {
        "old": old_label,
        "new": new_label,
        "count": len(changes),
        "changes": [
            c.as_dict(municipality_name((new, old), c.municipality, lang), phase_name(c))
            for c in changes
        ],
    }
