"""Phrases of the regenerated document: a provision as one item of prose."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kotokartta.core.text import localised, text_language
from kotokartta.documents import finnish
from kotokartta.documents.labels import OR, label, labels, phase_lead
from kotokartta.documents.lookups import load_lookups
from kotokartta.documents.model import Item, Paragraph
from kotokartta.documents.texts import (
    SECTION_PLAN,
    _chain,
    _join,
    _sentence,
)
from kotokartta.programme import models as m
from kotokartta.programme.facts import (
    seller_of,
)
from kotokartta.programme.labels import basis_name, flag_kind_name, language_name
from kotokartta.programme.labels import label as vocabulary_label
from kotokartta.programme.vocabulary import (
    ClientGroup,
    Status,
)


class PhraseBuilder:
    """The document's phrases for one provision: who does it, bought from whom, where, with
    whom; the section builder (`build._Builder`) puts them under headings."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.finnish = lang == "fi"  # Finnish grammar: cases, word order, punctuation
        self.t = labels(lang)
        self.data = load_lookups()
        self.by_mun = {mun.id: mun for mun in self.data.municipalities}
        self.fallbacks = 0
        self._fell_back = False
        self.flags_by_subject: dict[str, list[m.Flag]] = {}
        for flag in self.data.flags:
            if flag.subject:
                self.flags_by_subject.setdefault(flag.subject, []).append(flag)
        self.flags_number = str(len(SECTION_PLAN) + 4)
        self.area_heading = self.t["area"]

    # --- texts --------------------------------------------------------------------------
    def text(self, value: Mapping[str, str] | None) -> str:
        """A data text in the document's language; remembers when Finnish stands in."""
        out = localised(value, self.lang)
        if out and text_language(value, self.lang) != self.lang:
            self._fell_back = True
        return out

    def name(self, mun: m.Municipality | None) -> str:
        """Municipality names are proper names: the same in English, never marked."""
        if mun is None:
            return ""
        return localised(mun.name, self.lang)

    def prose(self, text: str, kind: str = "prose") -> Paragraph:
        paragraph = Paragraph(text, self.lang, kind, self._fell_back)
        self.fallbacks += paragraph.fallback
        self._fell_back = False
        return paragraph

    def own(self, value: Mapping[str, str] | None, kind: str = "details") -> Paragraph | None:
        """A text from the data as it stands (details, descriptions, flag texts)."""
        text = localised(value, self.lang)
        if not text:
            return None
        lang = text_language(value, self.lang) or self.lang
        paragraph = Paragraph(text, lang, kind, lang != self.lang)
        self.fallbacks += paragraph.fallback
        return paragraph

    def clients(self, clients: Iterable[str], lower: bool = False) -> str:
        values = set(clients)
        key = "both" if values >= {c.value for c in ClientGroup} else next(iter(sorted(values)))
        return self.t[f"{key}_lower" if lower else key]

    def status(self, provision: m.Provision) -> str:
        if provision.status == Status.AVAILABLE:
            return ""
        word = vocabulary_label("document_status", provision.status, self.lang) or provision.status
        if provision.planned_from:
            word += ", " + self.t["planned_from"].format(year=provision.planned_from)
        return f" ({word})"

    # --- who -----------------------------------------------------------------------------
    def role_phrase(self, role_id: str | None, alternatives: Iterable[str] = ()) -> str:
        if role_id is None or role_id not in self.data.roles:
            return ""
        main = self.text(self.data.roles[role_id].name)
        alts = [self.text(self.data.roles[r].name) for r in alternatives if r in self.data.roles]
        if alts:
            main += f" ({label(OR, self.lang)} {_join(alts, self.lang, alternatives=True)})"
        return main

    def actor(
        self,
        org_id: str | None,
        unit_id: str | None,
        role_id: str | None,
        alternatives: Iterable[str] = (),
    ) -> tuple[str, bool]:
        """Who does it, as a noun phrase, and whether it takes a plural verb (Finnish)."""
        org = self.data.organisations.get(org_id) if org_id else None
        unit = self.data.units.get(unit_id) if unit_id else None
        org_name = self.text(org.name) if org else ""
        unit_name = self.text(unit.name) if unit else ""
        role = self.role_phrase(role_id, alternatives)
        role_head = self.text(self.data.roles[role_id].name) if role and role_id else ""
        if not self.finnish:  # "employment counsellor, City of Kajaani, employment services"
            return ", ".join(x for x in (role, org_name, unit_name) if x), False
        if role:
            org_gen = finnish.genitive(org_name) if org else ""
            unit_gen = finnish.genitive(unit_name) if unit else ""
            if org_gen is not None and unit_gen is not None:
                prefix = _chain(org_gen, unit_gen)
                words = role.split()
                if prefix and words and words[0] == prefix.split()[-1]:
                    role = " ".join(words[1:])  # "kunnan" + "kunnan viranhaltijat"
                return f"{prefix} {role}".strip(), finnish.is_plural(role_head)
            where = ", ".join(x for x in (org_name, unit_name) if x)
            return f"{role} ({where})", finnish.is_plural(role_head)
        if unit:
            org_gen = finnish.genitive(org_name) if org else None
            phrase = _chain(org_gen, unit_name) if org_gen else f"{org_name}, {unit_name}"
            return phrase, finnish.is_plural(unit_name)
        return org_name, finnish.is_plural(org_name) if org_name else False

    def purchase(self, provision: m.Provision, home: m.Municipality | None, actor: str) -> str:
        if not provision.purchased:
            return ""
        sold_by = seller_of(provision)
        seller = self.text(sold_by.organisation.name) if sold_by else ""
        if not seller or seller == actor:
            text = self.t["purchased_mark"]
        elif self.finnish and (abl := finnish.ablative(seller)):
            text = self.t["bought_from"].format(seller=abl)
        else:
            text = self.t["bought_from_plain"].format(seller=seller)
        buyer = self.by_mun.get(provision.responsible_id or "")
        if buyer is not None and buyer != home:
            separator = "; " if self.finnish else ", "
            text += separator + self.t["buyer"].format(buyer=self.name(buyer))
        return f" ({text})" if self.finnish else f"; {text}"

    def place_phrase(self, place: m.Place, provider_names: Iterable[str]) -> str:
        """Where, with the address and municipality when the name does not already say it.
        A place named after the provider ('Kaukametsän opisto') adds only what is new."""
        name = self.text(place.name)
        mun = self.by_mun.get(place.municipality_id)
        extra = []
        same = next((p for p in provider_names if p and name.startswith(p)), None)
        if same is not None:
            rest = name[len(same) :].strip(" ,")
            extra.append(rest)
            name = ""
        if place.address:
            extra.append(place.address)
        mun_name = self.name(mun)
        org_names = [
            localised(o.name, "fi")
            for o in self.data.organisations.values()
            if o.kind == "municipality" and o.municipality_id == place.municipality_id
        ]
        stems = {mun_name, *(n.split()[0] for n in org_names if n.split())}
        if mun is not None and not any(stem and stem in (name or same or "") for stem in stems):
            extra.append(mun_name)
        extra = [x for x in extra if x]
        suffix = f" ({', '.join(extra)})" if extra else ""
        if not name:
            return suffix.strip()
        if self.finnish and (loc := finnish.locative(name)):
            return loc + suffix
        return self.t["place"].format(place=name + suffix)

    # --- provisions -----------------------------------------------------------------------
    def provision_item(self, provision: m.Provision, home: m.Municipality | None) -> Item:
        lang = self.lang
        status = self.status(provision)
        actor, plural = self.actor(
            provision.provider_organisation_id,
            provision.provider_unit_id,
            provision.role_id,
            provision.alternative_role_ids,
        )
        if not actor and provision.responsible_is_residence:
            actor, plural = self.t["residence"], False
        responsible = self.by_mun.get(provision.responsible_id or "")
        if actor:
            verb = phase_lead(provision.phase, lang, plural=plural)
            body = f"{verb} {actor}"
        elif provision.status == Status.UNDETERMINED:
            body = self.t["left_open"]
        elif responsible is not None:
            body = self.t["responsible_only"].format(name=self.name(responsible))
        else:
            body = self.t["no_provider"]
        body += self.purchase(provision, home, actor)
        provider_names = [
            self.text(record.name)
            for record in (
                self.data.organisations.get(provision.provider_organisation_id or ""),
                self.data.units.get(provision.provider_unit_id or ""),
            )
            if record is not None
        ]
        for pid in provision.place_ids:
            if pid not in self.data.places:
                continue
            place = self.place_phrase(self.data.places[pid], provider_names)
            if not self.finnish:
                body += ("; at " if not place.startswith("(") else " ") + place
            else:
                body += (" " if place.startswith("(") else ", ") + place
        if provision.modes:
            body += "; " + ", ".join(
                vocabulary_label("document_mode", mode, lang) or mode for mode in provision.modes
            )
        sentences = [f"{self.clients(provision.clients)}{status}: {_sentence(body)}"]
        if actor and responsible is not None and responsible != home and not provision.purchased:
            sentences.append(self.t["responsible"].format(name=self.name(responsible)))
        elif (
            responsible is None
            and not provision.responsible_is_residence
            and provision.status != Status.UNDETERMINED
        ):
            sentences.append(self.t["no_responsible"])
        condition = provision.condition or {}
        if condition.get("text"):
            condition_text = self.text(condition["text"]).rstrip(".")
            label = self.t["condition"].split(":")[0]
            if condition_text.casefold().startswith(label.casefold()):
                sentences.append(_sentence(condition_text))  # already says "Koskee …"
            else:
                sentences.append(self.t["condition"].format(text=condition_text))
        if provision.target_groups:
            groups = [basis_name(g, lang) for g in provision.target_groups]
            sentences.append(self.t["targets"].format(groups=_join(groups, lang)))
        if provision.languages:
            names = [language_name(c, lang) for c in provision.languages]
            sentences.append(self.t["languages"].format(names=_join(names, lang)))
        partners = [self.partner_phrase(p) for p in self.data.partners.get(provision.id, [])]
        if partners:
            sentences.append(self.t["partners"].format(partners="; ".join(partners)))
        activity = self.data.activities.get(provision.activity_id or "")
        if activity is not None:
            named = {provision.provider_organisation_id or ""} | {
                p.organisation_id for p in self.data.partners.get(provision.id, [])
            }
            sentences.append(
                self.t["activity"].format(name=self.activity_phrase(activity, skip=named))
            )
        flags = self.flags_by_subject.get(provision.id, [])
        if flags:
            kinds = sorted({flag_kind_name(f.kind, lang).lower() for f in flags})
            sentences.append(
                self.t["flag_ref"].format(kinds=", ".join(kinds), number=self.flags_number)
            )
        paragraphs = [self.prose(" ".join(sentences))]
        details = self.own(provision.details)
        if details is None and activity is not None:
            details = self.own(activity.description)
        if details is not None:
            paragraphs.append(details)
        return Item(tuple(paragraphs), provision.status, provision.id)

    def partner_phrase(self, partner: m.Partner) -> str:
        actor, _plural = self.actor(partner.organisation_id, partner.unit_id, partner.role_id)
        note = self.text(partner.note)
        return f"{actor} ({note.rstrip('.')})" if note else actor

    def activity_phrase(self, activity: m.Activity, skip: Iterable[str] = ()) -> str:
        name = self.text(activity.name)
        extra = []
        organisers = [
            self.text(self.data.organisations[o].name)
            for o in activity.organiser_order
            if o in self.data.organisations and o not in set(skip)
        ]
        if organisers:
            extra.append(self.t["organised_by"].format(names=_join(organisers, self.lang)))
        if activity.start_year or activity.end_year:
            years = "–".join(str(y) for y in (activity.start_year, activity.end_year) if y)
            extra.append(years)
        return ", ".join([name, *extra])

    def area_reference(self, provision: m.Provision, home: m.Municipality) -> Item:
        who = (
            self.t["home"].format(name=self.name(home))
            if provision.responsible_is_residence
            else self.name(self.by_mun.get(provision.responsible_id or "")) or self.t["residence"]
        )
        text = self.t["area_ref"].format(heading=self.area_heading, who=who)
        sentence = f"{self.clients(provision.clients)}{self.status(provision)}: {text}."
        return Item((self.prose(sentence),), provision.status, provision.id)
