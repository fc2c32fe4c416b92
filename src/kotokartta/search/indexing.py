"""Building the search index from the loaded programme."""

from __future__ import annotations

from collections.abc import Iterable

from kotokartta.core.text import localised
from kotokartta.programme import content
from kotokartta.programme import models as m
from kotokartta.programme.vocabulary import CONTENT_LANGUAGES, PHASES
from kotokartta.search import backends
from kotokartta.search.analysis import index_terms
from kotokartta.search.lexicon import load_lexicon
from kotokartta.search.models import SearchDocument, SearchTerm
from kotokartta.search.selectors import forget_index


class _Terms:
    """A document's terms from its texts. The same names (organisations, roles, phases,
    municipalities) recur in thousands of documents: each text is analysed once per rebuild."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], list[str]] = {}

    def __call__(self, texts: Iterable[tuple[str, str]]) -> str:
        seen: dict[str, None] = {}
        for text, lang in texts:
            if text:
                terms = self.known.get((text, lang))
                if terms is None:
                    terms = self.known[text, lang] = index_terms(text, lang)
                seen.update(dict.fromkeys(terms))
        return " ".join(seen)


def _local_texts(value: dict[str, str] | None) -> list[tuple[str, str]]:
    return [(text, lang) for lang, text in (value or {}).items()]


def rebuild_index() -> int:
    """Replace the index with documents for every phase, provision, activity and municipality,
    the vocabulary of their terms, and bring the database's text-search and trigram indexes in
    step (`backends.sync_index`). The search lexicon's words for a phase go into the phase's
    document and every provision of the phase. Raises `LexiconError` for a broken lexicon
    before anything is replaced."""
    lexicon = load_lexicon()
    terms_of = _Terms()
    lexicon_terms = {phase.id: terms_of(lexicon.for_phase(phase.id)) for phase in PHASES}
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    docs: list[SearchDocument] = []
    texts = content.content()
    # Phase names come from the gettext catalogues, in every content language.
    all_phase_names = {
        phase.id: {lang: phase.name(lang) for lang in CONTENT_LANGUAGES} for phase in PHASES
    }
    for phase in PHASES:
        phase_texts = all_phase_names[phase.id]
        summaries = texts.get("phases", {}).get(phase.id, {}).get("summary") or {}
        title_texts = [*_local_texts(phase_texts), (phase.name_fi, "fi"), (phase.name_en, "en")]
        docs.append(
            SearchDocument(
                kind="phase",
                ref=phase.id,
                phase=phase.id,
                title=dict(phase_texts),
                snippet=dict(summaries),
                title_terms=terms_of(title_texts),
                lexicon_terms=lexicon_terms[phase.id],
                terms=terms_of([*title_texts, *_local_texts(summaries)]),
            )
        )
    provisions = m.Provision.objects.select_related(
        "provider_organisation", "provider_unit", "role", "activity", "municipality"
    ).prefetch_related("partners__organisation", "partners__role")
    for provision in provisions:
        if provision.municipality is None:
            continue  # area-wide provisions are found through their phase
        parts: list[tuple[str, str]] = [*_local_texts(provision.details)]
        for named in (provision.provider_organisation, provision.provider_unit, provision.role):
            if named is not None:
                parts += _local_texts(named.name)
        if provision.activity is not None:
            parts += _local_texts(provision.activity.name) + _local_texts(
                provision.activity.description
            )
        for partner in provision.partners.all():
            parts += _local_texts(partner.organisation.name)
            if partner.role:
                parts += _local_texts(partner.role.name)
        phase_names = all_phase_names[provision.phase]
        mun = provision.municipality
        title = {
            lang: f"{localised(phase_names, lang)} – {localised(mun.name, lang)}"
            for lang in phase_names
        }
        if provision.activity is not None:
            title = {
                lang: f"{localised(provision.activity.name, lang)} – {localised(mun.name, lang)}"
                for lang in ("fi", "en")
            }
        docs.append(
            SearchDocument(
                kind="provision",
                ref=provision.id,
                municipality=mun,
                phase=provision.phase,
                title=title,
                snippet=dict(provision.details or {}),
                title_terms=terms_of(_local_texts(title)),
                lexicon_terms=lexicon_terms[provision.phase],
                terms=terms_of([*parts, *_local_texts(title)]),
            )
        )
    for mun in m.Municipality.objects.all():
        names = [*_local_texts(mun.name), *((alias, "fi") for alias in mun.aliases)]
        docs.append(
            SearchDocument(
                kind="municipality",
                ref=mun.id,
                municipality=mun,
                title=dict(mun.name),
                title_terms=terms_of(names),
                terms=terms_of(names),
            )
        )
    SearchDocument.objects.bulk_create(docs, batch_size=500)
    vocabulary: dict[str, None] = {}
    for doc in docs:
        vocabulary.update(dict.fromkeys(doc.terms.split()))
        vocabulary.update(dict.fromkeys(doc.lexicon_terms.split()))
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term) for term in vocabulary if len(term) <= 200], batch_size=1000
    )
    backends.sync_index()
    forget_index()
    return len(docs)
