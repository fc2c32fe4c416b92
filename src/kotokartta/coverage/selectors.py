"""The coordinators' coverage view: which municipality has what, for whom, and what is missing.

Three reads over the loaded programme, shared by the web page, its downloads and
`kotokartta coverage`:

- `coverage_matrix`: every municipality × phase × client group as one cell with a display class;
- `gap_list`: what a coordinator has to follow up (open, not organised, late or undated plans,
  services without contact details, and every data-quality flag);
- `orientation_languages`: the languages of civic orientation per municipality, and which
  municipalities receive quota refugees.

A cell is derived from the provisions that serve the municipality's residents — its own and the
area-wide ones, exactly as `Provision.objects.serving(municipality)` selects them — filtered by
the client group. Conditions and target groups are not applied: the view shows what exists for the
group as a whole, and the municipality page it links to shows the conditions.

Precedence of a cell with several provisions (best first)::

    available  >  on_need  >  planned  >  not_organised  >  undetermined

The best status decides the display class. When it is `available`, the class is `bought` if any
available provision in the cell is purchased (ostopalvelu), otherwise `available` (the
municipality's own or a non-purchased provider). `on_need` ranks above `planned`: a service that is
arranged when needed serves a person today, a planned one does not yet. When the best status is
not `undetermined` but some provision in the cell is (e.g. Taivalkoski's job seekers who use
Finnish, beside the available service for those who do not), the cell keeps the better class and
is marked `partly_open`. A cell with no provision at all (the data check forbids it) is
`undetermined`, as the path engine treats it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import locale as django_locale
from django.utils import translation

from kotokartta.core.text import in_language, localised
from kotokartta.coverage.labels import (
    NO_CONTACT,
    PLANNED_PAST,
    PLANNED_UNDATED,
    UNNAMED_SELLER,
)
from kotokartta.paths.engine import MunicipalityRef
from kotokartta.paths.labels import not_described
from kotokartta.paths.selectors import municipality_ref
from kotokartta.programme import models as m
from kotokartta.programme.facts import provider_of, seller_of, served_municipalities
from kotokartta.programme.vocabulary import (
    PHASE_BY_ID,
    PHASE_ORDER,
    PHASES,
    ClientGroup,
    Status,
)

# Statuses from best to worst (see the module docstring).
STATUS_PRECEDENCE: tuple[str, ...] = (
    Status.AVAILABLE.value,
    Status.ON_NEED.value,
    Status.PLANNED.value,
    Status.NOT_ORGANISED.value,
    Status.UNDETERMINED.value,
)
STATUS_RANK: dict[str, int] = {status: rank for rank, status in enumerate(STATUS_PRECEDENCE)}

# Display classes, best first.
CLASS_AVAILABLE = "available"
CLASS_BOUGHT = "bought"
DISPLAY_CLASSES: tuple[str, ...] = (
    CLASS_AVAILABLE,
    CLASS_BOUGHT,
    Status.ON_NEED.value,
    Status.PLANNED.value,
    Status.NOT_ORGANISED.value,
    Status.UNDETERMINED.value,
)

CLIENTS: tuple[str, ...] = (ClientGroup.JOB_SEEKER.value, ClientGroup.OTHER.value)

# Kinds of gap rows, in the order the gap list gives them.
GAP_UNDETERMINED = "undetermined"
GAP_NOT_ORGANISED = "not_organised"
GAP_PLANNED_PAST = "planned_past"
GAP_PLANNED_UNDATED = "planned_undated"
GAP_NO_CONTACT = "no_contact"
GAP_FLAG = "flag"
GAP_KINDS: tuple[str, ...] = (
    GAP_UNDETERMINED,
    GAP_NOT_ORGANISED,
    GAP_PLANNED_PAST,
    GAP_PLANNED_UNDATED,
    GAP_NO_CONTACT,
    GAP_FLAG,
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One municipality × phase × client group."""

    municipality: MunicipalityRef
    phase: str
    phase_name: str
    client: str
    status_class: str
    statuses: tuple[str, ...]
    partly_open: bool
    providers: tuple[str, ...]
    purchased_from: tuple[str, ...]
    provisions: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "municipality": {
                "id": self.municipality.id,
                "code": self.municipality.code,
                "name": self.municipality.name,
            },
            "phase": self.phase,
            "phase_name": self.phase_name,
            "client": self.client,
            "status_class": self.status_class,
            "statuses": list(self.statuses),
            "partly_open": self.partly_open,
            "providers": list(self.providers),
            "purchased_from": list(self.purchased_from),
            "provisions": list(self.provisions),
        }


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One municipality: its cells in phase order, job seekers before others."""

    municipality: MunicipalityRef
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Gap:
    """One thing to follow up. `municipality` is None for the area as a whole. `note` says why
    the row is here, in the list's language; `details` are the data's own words (the provision's
    details, the flag's text), in the data's language; `text` is both together."""

    kind: str
    municipality: MunicipalityRef | None
    phase: str | None
    phase_name: str
    clients: tuple[str, ...]
    provision: str | None
    note: str = ""
    details: str = ""
    status: str | None = None
    flag_kind: str | None = None
    flag: str | None = None
    subject: str | None = None

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.note, self.details) if part)

    def as_dict(self) -> dict[str, Any]:
        mun = self.municipality
        return {
            "kind": self.kind,
            "municipality": {"id": mun.id, "code": mun.code, "name": mun.name} if mun else None,
            "phase": self.phase,
            "phase_name": self.phase_name or None,
            "clients": list(self.clients),
            "provision": self.provision,
            "status": self.status,
            "flag_kind": self.flag_kind,
            "flag": self.flag,
            "subject": self.subject,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    name: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name}


@dataclass(frozen=True, slots=True)
class OrientationRow:
    municipality: MunicipalityRef
    languages: tuple[Language, ...]
    receives_quota_refugees: bool
    provisions: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        mun = self.municipality
        return {
            "municipality": {"id": mun.id, "code": mun.code, "name": mun.name},
            "languages": [language.as_dict() for language in self.languages],
            "receives_quota_refugees": self.receives_quota_refugees,
            "provisions": list(self.provisions),
        }


def current_dataset() -> m.DataSet:
    """The latest load; `NoProgrammeLoaded` when there is none."""
    return m.DataSet.objects.require_current()


def _serving_each(municipalities: list[m.Municipality]) -> dict[str, list[m.Provision]]:
    """The provisions serving each municipality's residents (its own and the area-wide ones),
    in provision order, by municipality id: one query for all of them, not one each."""
    serving: dict[str, list[m.Provision]] = {mun.id: [] for mun in municipalities}
    provisions = m.Provision.objects.select_related(
        "provider_organisation__municipality", "provider_unit", "role"
    ).prefetch_related("area_municipalities")
    for provision in provisions:
        for mun in served_municipalities(provision, municipalities=municipalities):
            serving[mun.id].append(provision)
    return serving


def _provider_name(provision: m.Provision, lang: str) -> str | None:
    provider = provider_of(provision)
    if provider is None or provider.organisation is None:
        return None
    org, unit = provider.organisation, provider.unit
    return ", ".join(
        x for x in (localised(org.name, lang), localised(unit.name, lang) if unit else "") if x
    )


def _seller(provision: m.Provision, *, lang: str, data_lang: str) -> str:
    seller = seller_of(provision)
    return in_language(UNNAMED_SELLER, lang) if seller is None else seller.name(data_lang)


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def classify(provisions: list[m.Provision]) -> tuple[str, tuple[str, ...], bool]:
    """(display class, statuses best first, partly open) for the provisions of one cell."""
    statuses = tuple(sorted({p.status for p in provisions}, key=lambda s: STATUS_RANK.get(s, 99)))
    if not statuses:
        return Status.UNDETERMINED.value, (), False
    best = statuses[0]
    status_class = best
    if best == Status.AVAILABLE:
        bought = any(p.purchased for p in provisions if p.status == Status.AVAILABLE)
        status_class = CLASS_BOUGHT if bought else CLASS_AVAILABLE
    partly_open = best != Status.UNDETERMINED and Status.UNDETERMINED.value in statuses
    return status_class, statuses, partly_open


def coverage_matrix(*, lang: str = "fi", data_lang: str | None = None) -> list[MatrixRow]:
    """Every municipality (area order) × phase (`PHASES` order) × client group (job-seeker,
    other), each cell classified as the module docstring describes. Phase names and fixed words
    are in `lang`; the data's names (municipalities, providers, sellers) in `data_lang`, by
    default `lang`."""
    current_dataset()
    data_lang = data_lang or lang
    rows: list[MatrixRow] = []
    municipalities = list(m.Municipality.objects.all())
    serving_each = _serving_each(municipalities)
    for municipality in municipalities:
        ref = municipality_ref(municipality, data_lang)
        serving = serving_each[municipality.id]
        cells: list[Cell] = []
        for phase in PHASES:
            in_phase = [p for p in serving if p.phase == phase.id]
            for client in CLIENTS:
                provisions = [p for p in in_phase if client in p.clients]
                status_class, statuses, partly_open = classify(provisions)
                cells.append(
                    Cell(
                        municipality=ref,
                        phase=phase.id,
                        phase_name=phase.name(lang),
                        client=client,
                        status_class=status_class,
                        statuses=statuses,
                        partly_open=partly_open,
                        providers=_unique([_provider_name(p, data_lang) or "" for p in provisions]),
                        purchased_from=_unique(
                            [
                                _seller(p, lang=lang, data_lang=data_lang)
                                for p in provisions
                                if p.purchased
                            ]
                        ),
                        provisions=tuple(p.id for p in provisions),
                    )
                )
        rows.append(MatrixRow(municipality=ref, cells=tuple(cells)))
    return rows


def matrix_cells(rows: list[MatrixRow]) -> list[Cell]:
    return [cell for row in rows for cell in row.cells]


def _provision_gap(
    kind: str,
    provision: m.Provision,
    refs: dict[str, MunicipalityRef],
    *,
    note: str,
    details: str,
    lang: str,
) -> Gap:
    return Gap(
        kind=kind,
        municipality=refs.get(provision.municipality_id) if provision.municipality_id else None,
        phase=provision.phase,
        phase_name=PHASE_BY_ID[provision.phase].name(lang)
        if provision.phase in PHASE_BY_ID
        else provision.phase,
        clients=tuple(c for c in CLIENTS if c in provision.clients),
        provision=provision.id,
        note=note,
        details=details,
        status=provision.status,
    )


def gap_list(*, today: dt.date, lang: str = "fi", data_lang: str | None = None) -> list[Gap]:
    """What a coordinator has to follow up, one row per provision or flag, grouped by kind in
    `GAP_KINDS` order:

    - `undetermined`: provisions whose status is undetermined;
    - `not_organised`: provisions whose status is not_organised;
    - `planned_past`: planned provisions whose `planned_from` year is before `today`'s year
      ("planned from 2025" seen in 2026); a plan for the current year is not yet late;
    - `planned_undated`: planned provisions with no `planned_from` year;
    - `no_contact` — phases without contact details: provisions with neither a provider
      organisation nor a place, whose status is `available`, `on_need` or `planned`. A role
      alone ("kotoutumisohjaaja") is no contact; `undetermined` provisions are already listed,
      and a `not_organised` one has nobody to contact by definition;
    - `flag`: every data-quality flag (`Flag`) with its kind, text, municipality and subject;
      when the subject is a provision, its phase, client groups and id are given.

    Provision rows are per provision, not per municipality served: an area-wide provision is one
    row with `municipality` None, which stands for the whole area. Within a kind, rows follow the
    area order of municipalities (area-wide first), then phase order, then data order; flags keep
    data order.

    The notes that say why a row is listed, and phase names, are in `lang`; the data's own texts
    and municipality names in `data_lang`, by default `lang`.
    """
    current_dataset()
    data_lang = data_lang or lang
    refs = {mun.id: municipality_ref(mun, data_lang) for mun in m.Municipality.objects.all()}
    mun_rank = {mun_id: rank for rank, mun_id in enumerate(refs)}
    provisions = sorted(
        m.Provision.objects.all(),
        key=lambda p: (
            -1 if p.municipality_id is None else mun_rank.get(p.municipality_id, 99),
            PHASE_ORDER.get(p.phase, 99),
            p.order,
        ),
    )
    by_kind: dict[str, list[Gap]] = {kind: [] for kind in GAP_KINDS}
    for p in provisions:
        details = localised(p.details, data_lang)
        rows: list[tuple[str, str]] = []  # (kind, note)
        if p.status == Status.UNDETERMINED:
            rows.append((GAP_UNDETERMINED, "" if details else not_described(lang)))
        elif p.status == Status.NOT_ORGANISED:
            rows.append((GAP_NOT_ORGANISED, ""))
        elif p.status == Status.PLANNED:
            if p.planned_from is None:
                rows.append((GAP_PLANNED_UNDATED, in_language(PLANNED_UNDATED, lang)))
            elif p.planned_from < today.year:
                note = in_language(PLANNED_PAST, lang, year=p.planned_from, today=today.isoformat())
                rows.append((GAP_PLANNED_PAST, note))
        if (
            p.status in (Status.AVAILABLE, Status.ON_NEED, Status.PLANNED)
            and p.provider_organisation_id is None
            and not p.place_ids
        ):
            rows.append((GAP_NO_CONTACT, in_language(NO_CONTACT, lang)))
        for kind, note in rows:
            by_kind[kind].append(
                _provision_gap(kind, p, refs, note=note, details=details, lang=lang)
            )

    provision_by_id = {p.id: p for p in provisions}
    for flag in m.Flag.objects.all():
        subject = provision_by_id.get(flag.subject)
        mun_id = flag.municipality_id or (subject.municipality_id if subject else None)
        phase = subject.phase if subject else None
        by_kind[GAP_FLAG].append(
            Gap(
                kind=GAP_FLAG,
                municipality=refs.get(mun_id) if mun_id else None,
                phase=phase,
                phase_name=PHASE_BY_ID[phase].name(lang) if phase in PHASE_BY_ID else "",
                clients=tuple(c for c in CLIENTS if c in subject.clients) if subject else (),
                provision=subject.id if subject else None,
                details=localised(flag.text, data_lang),
                flag_kind=flag.kind,
                flag=flag.id,
                subject=flag.subject or None,
            )
        )
    return [gap for kind in GAP_KINDS for gap in by_kind[kind]]


def language_name(code: str, lang: str) -> str:
    """The language's name in `lang` from Django's language info; the ISO code when Django does
    not know the language."""
    if code not in django_locale.LANG_INFO:
        return code
    try:
        info = translation.get_language_info(code)
    except KeyError:
        return code
    with translation.override(lang):
        return str(info["name_translated"])


def orientation_languages(*, lang: str) -> list[OrientationRow]:
    """Per municipality (area order): the languages of the orientation provisions serving it, in
    data order without repeats, named in `lang`; and whether it receives quota refugees."""
    current_dataset()
    rows: list[OrientationRow] = []
    for municipality in m.Municipality.objects.all():
        provisions = list(m.Provision.objects.serving(municipality).filter(phase="orientation"))
        codes = _unique([code for p in provisions for code in p.languages])
        rows.append(
            OrientationRow(
                municipality=municipality_ref(municipality, lang),
                languages=tuple(Language(code, language_name(code, lang)) for code in codes),
                receives_quota_refugees=municipality.receives_quota_refugees,
                provisions=tuple(p.id for p in provisions),
            )
        )
    return rows


def class_counts(rows: list[MatrixRow]) -> dict[str, int]:
    counts = dict.fromkeys(DISPLAY_CLASSES, 0)
    for cell in matrix_cells(rows):
        counts[cell.status_class] = counts.get(cell.status_class, 0) + 1
    return counts


def gap_counts(gaps: list[Gap]) -> dict[str, int]:
    counts = dict.fromkeys(GAP_KINDS, 0)
    for gap in gaps:
        counts[gap.kind] += 1
    return counts
