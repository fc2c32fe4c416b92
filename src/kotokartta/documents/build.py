"""The programme document ("kotoutumisohjelmaa kuvaava asiakirja"), regenerated from the data.

`programme_document` reads the loaded database and lays the programme out in the law's order:
title, introduction, coordinators, then one section per part of the programme (assessment,
plan, orientation, training, final test, literacy, guidance, other municipal services, community,
employment), cooperation and responsibilities, and the data-quality notes. Under every section
every municipality appears, in the area's order.

The prose is generated from the structured fields (who provides, for whom, where, how, bought
from whom, with whom); the provision's own `details` text follows it. Nothing is pasted from the
source document, and nothing the data does not hold is added: a field the data leaves empty is
said to be open, never filled in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property

from django.utils import translation

from kotokartta.core.text import localised, text_language
from kotokartta.documents import finnish
from kotokartta.documents.index import DocumentIndex, build_index
from kotokartta.documents.labels import SOURCE_SECTIONS, SWEDISH_NAME, label, phase_short_name
from kotokartta.documents.model import Block, DocumentModel, Item, Paragraph, Table
from kotokartta.documents.phrases import PhraseBuilder
from kotokartta.documents.texts import (
    LANGUAGES,
    SECTION_PLAN,
    _capitalise,
    _join,
    _sentence,
    phase_title,
    section_title,
)
from kotokartta.programme import models as m
from kotokartta.programme.facts import (
    providing_municipality,
    seller_of,
)
from kotokartta.programme.labels import flag_kind_name
from kotokartta.programme.vocabulary import (
    PHASE_BY_ID,
    SECTIONS,
    Status,
)

__all__ = ["LANGUAGES", "SECTION_PLAN", "programme_document", "section_title"]


class _Builder(PhraseBuilder):
    @cached_property
    def index(self) -> DocumentIndex:
        return build_index(self.data)

    # --- sections -------------------------------------------------------------------------
    def document(self) -> DocumentModel:
        data = self.data
        dataset = data.dataset
        date = self._date(dataset)
        sections: list[Block] = [self.introduction(), self.coordinators()]
        for section_id, phases in SECTION_PLAN:
            sections.append(self.phase_section(section_id, phases))
        sections.append(self.cooperation())
        sections.append(self.flag_section())
        numbered = tuple(
            replace(block, number=f"{index}.") for index, block in enumerate(sections, start=1)
        )
        title = localised(dataset.document_title, self.lang)
        title_lang = text_language(dataset.document_title, self.lang) or "fi"
        return DocumentModel(
            lang=self.lang,
            title=title,
            title_lang=title_lang,
            subtitle=self.t["subtitle"].format(date=date),
            area_name=localised(dataset.area_name, self.lang),
            data_date=dataset.data_date,
            source_title=localised(dataset.document_title, "fi"),
            sections=numbered,
            labels=dict(self.t),
            fallback_count=self.fallbacks + (title_lang != self.lang),
        )

    def _date(self, dataset: m.DataSet) -> str:
        d = dataset.data_date
        return f"{d.day}.{d.month}.{d.year}" if self.finnish else d.isoformat()

    def introduction(self) -> Block:
        t = self.t
        dataset = self.data.dataset
        mun_names = [f"{self.name(mun)} ({mun.code})" for mun in self.data.municipalities]
        area = localised(dataset.area_name, self.lang)
        area_phrase = (finnish.genitive(area) or area) if self.finnish else area
        paragraphs = [
            self.prose(
                t["intro_area"].format(
                    area=area_phrase,
                    count=len(self.data.municipalities),
                ),
                "text",
            ),
            self.prose(t["intro_municipalities"].format(names=_join(mun_names, self.lang)), "text"),
            self.prose(
                t["intro_source"].format(
                    title=localised(dataset.document_title, "fi"),
                    publisher=self.text(dataset.document_publisher) or "–",
                    file=dataset.document_file,
                    date=self._date(dataset),
                ),
                "text",
            ),
            self.prose(t["intro_generated"], "note"),
        ]
        legal = [
            f
            for f in self.data.flags
            if f.kind == "legal_reference"
            and f.municipality_id is None
            and (f.source or {}).get("section") == "introduction"
        ]
        if legal:
            for flag in legal:
                note = self.own(flag.text, "law")
                if note is not None:
                    paragraphs.append(
                        Paragraph(
                            t["law_note"].format(text=note.text),
                            note.lang,
                            "law",
                            note.fallback,
                        )
                    )
        else:
            paragraphs.append(self.prose(t["law_note"].format(text=t["repealed_13"]), "law"))
        rows = []
        for mun in self.data.municipalities:
            name = self.name(mun)
            if mun.name.get("sv") and mun.name["sv"] != mun.name.get("fi"):
                name += f" ({label(SWEDISH_NAME, self.lang).format(name=mun.name['sv'])})"
            county = self.text(mun.wellbeing_county.name)
            rows.append((name, mun.code, county))
        self._fell_back = False
        table = Table(
            caption=t["municipalities_caption"],
            columns=(t["municipality"], t["code"], t["county"]),
            rows=tuple(rows),
        )
        return Block(
            "introduction",
            section_title("introduction", self.lang),
            "section",
            paragraphs=tuple(paragraphs),
            table=table,
        )

    def coordinators(self) -> Block:
        t = self.t
        rows = []
        for mun in self.data.municipalities:
            people = [c for c in self.data.coordinators if c.municipality_id == mun.id]
            if not people:
                rows.append((self.name(mun), t["not_named"], "", "", ""))
            for c in people:
                org = self.data.organisations.get(c.organisation_id)
                unit = self.data.units.get(c.unit_id or "")
                where = ", ".join(
                    x
                    for x in (
                        self.text(org.name) if org else "",
                        self.text(unit.name) if unit else "",
                    )
                    if x
                )
                rows.append((self.name(mun), c.name, self.text(c.title), where, c.email))
        self._fell_back = False
        return Block(
            "coordinators",
            section_title("coordinators", self.lang),
            "section",
            paragraphs=(self.prose(t["coordinators_intro"], "text"),),
            table=Table(
                caption=t["coordinators_caption"],
                columns=(t["municipality"], t["name"], t["title"], t["unit"], t["email"]),
                rows=tuple(rows),
                email_column=4,
            ),
        )

    def phase_section(self, section_id: str, phases: tuple[str, ...]) -> Block:
        lang = self.lang
        paragraphs: list[Paragraph] = []
        for phase_id in phases:
            law = PHASE_BY_ID[phase_id].law
            note = law.note(lang)
            if note:
                paragraphs.append(self.prose(self.t["law_note"].format(text=note), "law"))
        if section_id == "orientation":
            quota = [
                self.name(mun) for mun in self.data.municipalities if mun.receives_quota_refugees
            ]
            paragraphs.append(self.prose(self.t["quota_list"].format(names=_join(quota, lang))))
        children: list[Block] = []
        area_block = self.area_block(section_id, phases)
        if area_block is not None:
            children.append(area_block)
        for mun in self.data.municipalities:
            children.append(self.municipality_block(section_id, phases, mun))
        return Block(
            section_id,
            section_title(section_id, lang),
            "section",
            paragraphs=tuple(paragraphs),
            children=tuple(children),
        )

    def _area_activities(self, phases: tuple[str, ...]) -> list[m.Activity]:
        known = self.index.area_activities.get(phases)
        if known is not None:
            return known
        everyone = {mun.id for mun in self.data.municipalities}
        found = [
            a
            for a in self.data.activities.values()
            if set(a.municipality_order) >= everyone and set(a.phases) & set(phases)
        ]
        self.index.area_activities[phases] = found
        return found

    def area_block(self, section_id: str, phases: tuple[str, ...]) -> Block | None:
        groups: list[tuple[str, list[Item]]] = []
        for phase_id in phases:
            items = [
                self.provision_item(p, None)
                for p in self.data.provisions
                if p.municipality_id is None and p.phase == phase_id
            ]
            for activity in self._area_activities((phase_id,)):
                organisers = [
                    self.text(self.data.organisations[o].name)
                    for o in activity.organiser_order
                    if o in self.data.organisations
                ]
                lead = (
                    self.t["organised_by"].format(names=_join(organisers, self.lang)) + "; "
                    if organisers
                    else ""
                )
                text = self.t["area_activity"].format(
                    name=self.text(activity.name),
                    organisers=lead,
                    count=len(activity.municipality_order),
                )
                paragraphs = [self.prose(_capitalise(text))]
                description = self.own(activity.description)
                if description is not None:
                    paragraphs.append(description)
                flags = self.flags_by_subject.get(activity.id, [])
                if flags:
                    kinds = sorted({flag_kind_name(f.kind, self.lang).lower() for f in flags})
                    paragraphs.append(
                        self.prose(
                            self.t["flag_ref"].format(
                                kinds=", ".join(kinds), number=self.flags_number
                            )
                        )
                    )
                items.append(Item(tuple(paragraphs), "", activity.id))
            if items:
                groups.append((phase_id, items))
        if not groups:
            return None
        return self._grouped_block(f"{section_id}-area", self.t["area"], "area", phases, groups)

    def municipality_block(
        self, section_id: str, phases: tuple[str, ...], mun: m.Municipality
    ) -> Block:
        groups: list[tuple[str, list[Item]]] = []
        for phase_id in phases:
            items: list[Item] = []
            for provision in self.index.provisions.get((phase_id, mun.id), []):
                if provision.municipality_id == mun.id:
                    items.append(self.provision_item(provision, mun))
                else:
                    items.append(self.area_reference(provision, mun))
            linked = self.index.linked.get((phase_id, mun.id), set()) | self.index.linked_area.get(
                phase_id, set()
            )
            area_wide = {a.id for a in self._area_activities((phase_id,))}
            for activity in self.index.activities.get((phase_id, mun.id), []):
                if activity.id not in linked and activity.id not in area_wide:
                    paragraphs = [
                        self.prose(self.t["activity"].format(name=self.activity_phrase(activity)))
                    ]
                    description = self.own(activity.description)
                    if description is not None:
                        paragraphs.append(description)
                    items.append(Item(tuple(paragraphs), "", activity.id))
            if not items:
                items.append(
                    Item(
                        (self.prose(self.t["not_described"].format(name=self.name(mun))),),
                        Status.UNDETERMINED,
                    )
                )
            groups.append((phase_id, items))
        if section_id == "orientation":
            key = "quota_yes" if mun.receives_quota_refugees else "quota_no"
            groups[-1][1].append(Item((self.prose(self.t[key].format(name=self.name(mun))),)))
        title = f"{self.name(mun)} ({mun.code})"
        return self._grouped_block(
            f"{section_id}-{mun.id}", title, "municipality", phases, groups, municipality=mun.id
        )

    def _grouped_block(
        self,
        block_id: str,
        title: str,
        kind: str,
        phases: tuple[str, ...],
        groups: list[tuple[str, list[Item]]],
        municipality: str = "",
    ) -> Block:
        if len(phases) == 1:
            items = tuple(item for _phase, group in groups for item in group)
            return Block(block_id, title, kind, items=items, municipality=municipality)
        children = tuple(
            Block(
                f"{block_id}-{phase_id}",
                phase_title(phase_id, self.lang),
                "phase",
                items=tuple(group),
                municipality=municipality,
            )
            for phase_id, group in groups
        )
        return Block(block_id, title, kind, children=children, municipality=municipality)

    def cooperation(self) -> Block:
        t = self.t
        bodies = {body.id: body for body in self.data.bodies}
        items = []
        for body in self.data.bodies:
            sentences = [_sentence(self.text(body.name))]
            parent = bodies.get(body.appointed_by_id or "")
            if parent is not None:
                sentences.append(t["appointed_by"].format(name=self.text(parent.name)))
            if body.members:
                members = [self.text(member) for member in body.members]
                sentences.append(t["members"].format(names=_join(members, self.lang)))
            paragraphs = [self.prose(" ".join(sentences))]
            tasks = self.own(body.tasks)
            if tasks is not None:
                paragraphs.append(tasks)
            items.append(Item(tuple(paragraphs), "", body.id))
        children = [Block("cooperation-bodies", t["bodies"], "area", items=tuple(items))]
        for mun in self.data.municipalities:
            children.append(
                Block(
                    f"cooperation-{mun.id}",
                    f"{self.name(mun)} ({mun.code})",
                    "municipality",
                    items=tuple(self.responsibilities(mun)),
                    municipality=mun.id,
                )
            )
        return Block(
            "cooperation",
            section_title("cooperation", self.lang),
            "section",
            children=tuple(children),
        )

    def _phase_list(self, provisions: Iterable[m.Provision]) -> str:
        seen: list[str] = []
        for provision in sorted(provisions, key=lambda p: list(PHASE_BY_ID).index(p.phase)):
            short = phase_short_name(provision.phase, self.lang)
            if short not in seen:
                seen.append(short)
        return ", ".join(seen)

    def responsibilities(self, mun: m.Municipality) -> list[Item]:
        t = self.t
        data = self.data
        items: list[Item] = []
        people = [
            f"{c.name}, {self.text(c.title)}"
            for c in data.coordinators
            if c.municipality_id == mun.id
        ]
        if people:
            items.append(Item((self.prose(t["coordinated_by"].format(people="; ".join(people))),)))
        own = self.index.own.get(mun.id, [])

        def provider_mun(p: m.Provision) -> str | None:
            providing = providing_municipality(p)
            return providing.id if providing is not None else None

        bought: dict[str, list[m.Provision]] = {}
        sellers: dict[str, m.Organisation] = {}
        for p in own:
            if (sold_by := seller_of(p)) is not None:
                bought.setdefault(sold_by.organisation.id, []).append(p)
                sellers[sold_by.organisation.id] = sold_by.organisation
        for org_id, provisions in bought.items():
            seller = self.text(sellers[org_id].name)
            phases = self._phase_list(provisions)
            if self.finnish and (abl := finnish.ablative(seller)):
                text = t["buys"].format(name=self.name(mun), seller=abl, phases=phases)
            elif not self.finnish:
                text = t["buys"].format(name=self.name(mun), seller=seller, phases=phases)
            else:
                text = t["buys_plain"].format(seller=seller, phases=phases)
            items.append(Item((self.prose(text),)))
        others: dict[str, list[m.Provision]] = {}
        for p in own:
            if p.responsible_id and p.responsible_id != mun.id and not p.purchased:
                others.setdefault(p.responsible_id, []).append(p)
        if others:
            listed = [
                f"{self.name(self.by_mun[r])} ({self._phase_list(ps)})" for r, ps in others.items()
            ]
            items.append(
                Item((self.prose(t["other_responsible"].format(items="; ".join(listed))),))
            )
        produced: dict[str, list[m.Provision]] = {}
        for p in own:
            pm = provider_mun(p)
            if pm and pm != mun.id and not p.purchased and p.provider_organisation_id:
                produced.setdefault(p.provider_organisation_id, []).append(p)
        if produced:
            listed = [
                f"{self.text(data.organisations[o].name)} ({self._phase_list(ps)})"
                for o, ps in produced.items()
            ]
            items.append(
                Item((self.prose(t["produced_by_other"].format(items="; ".join(listed))),))
            )
        served: dict[str, list[m.Provision]] = {}
        for other_id, p in self.index.serves.get(mun.id, []):
            served.setdefault(other_id, []).append(p)
        if served:
            listed = []
            for other_id, ps in served.items():
                mark = f"; {t['purchased_mark']}" if any(p.purchased for p in ps) else ""
                listed.append(f"{self.name(self.by_mun[other_id])} ({self._phase_list(ps)}{mark})")
            items.append(
                Item(
                    (
                        self.prose(
                            t["serves_others"].format(name=self.name(mun), items="; ".join(listed))
                        ),
                    )
                )
            )
        if not (bought or others or produced):
            items.append(Item((self.prose(t["self_arranged"]),)))
        open_items = [
            f"{phase_short_name(p.phase, self.lang)} ({self.clients(p.clients, lower=True)})"
            for p in sorted(own, key=lambda p: list(PHASE_BY_ID).index(p.phase))
            if p.status == Status.UNDETERMINED
        ]
        if open_items:
            items.append(
                Item(
                    (self.prose(t["open_items"].format(items="; ".join(open_items))),),
                    Status.UNDETERMINED,
                )
            )
        return items

    def subject_phrase(self, subject: str) -> str:
        data = self.data
        provision = self.index.by_id.get(subject)
        if provision is not None:
            return (
                f"{PHASE_BY_ID[provision.phase].name(self.lang)} "
                f"({self.clients(provision.clients, lower=True)})"
            )
        for table in (data.activities, data.organisations, data.places, data.units):
            record = table.get(subject)
            if record is not None:
                return self.text(record.name)
        if subject in self.by_mun:
            return self.name(self.by_mun[subject])
        return subject

    def flag_item(self, flag: m.Flag) -> Item:
        t = self.t
        kind = flag_kind_name(flag.kind, self.lang)
        text = self.own(flag.text, "text")
        paragraphs = []
        if text is not None:
            paragraphs.append(Paragraph(f"{kind}: {text.text}", text.lang, "text", text.fallback))
        meta = []
        if flag.subject:
            meta.append(t["concerns"].format(subject=self.subject_phrase(flag.subject)))
        source = flag.source or {}
        section = source.get("section", "")
        if section:
            section_name = self._source_section_name(section)
            where = self.by_mun.get(source.get("municipality") or "")
            if where is not None and where.id != flag.municipality_id:
                meta.append(
                    t["source_in"].format(section=section_name, municipality=self.name(where))
                )
            else:
                meta.append(t["source"].format(section=section_name))
        if meta:
            paragraphs.append(self.prose(" ".join(meta), "note"))
        return Item(tuple(paragraphs), flag.kind, flag.id)

    def _source_section_name(self, section: str) -> str:
        """The part of the source document a flag cites: in Finnish its own heading, in
        another language the phase it describes or a translated name."""
        if self.lang == "fi":
            return SECTIONS.get(section, section)
        if section in PHASE_BY_ID:
            return PHASE_BY_ID[section].name(self.lang)
        if section in SOURCE_SECTIONS:
            return label(SOURCE_SECTIONS[section], self.lang)
        return section

    def flag_section(self) -> Block:
        t = self.t
        area_flags = [f for f in self.data.flags if f.municipality_id is None]
        children = [
            Block(
                "flags-area",
                t["area"],
                "area",
                items=tuple(self.flag_item(f) for f in area_flags)
                or (Item((self.prose(t["no_flags"]),)),),
            )
        ]
        for mun in self.data.municipalities:
            flags = [f for f in self.data.flags if f.municipality_id == mun.id]
            items = tuple(self.flag_item(f) for f in flags) or (Item((self.prose(t["no_flags"]),)),)
            children.append(
                Block(
                    f"flags-{mun.id}",
                    f"{self.name(mun)} ({mun.code})",
                    "municipality",
                    items=items,
                    municipality=mun.id,
                )
            )
        return Block(
            "flags",
            section_title("flags", self.lang),
            "section",
            paragraphs=(self.prose(t["flags_intro"], "text"),),
            children=tuple(children),
        )


def programme_document(*, lang: str = "fi") -> DocumentModel:
    """The whole programme document from the loaded data, in Finnish or English.

    Raises `NoProgrammeLoaded` when no data is loaded and `ValueError` for another language.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"the document is written in {' or '.join(LANGUAGES)}, not {lang!r}")
    with translation.override(lang):
        return _Builder(lang).document()
