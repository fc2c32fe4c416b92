"""The taxonomies and terms Kotokartta's HSDS export classifies with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kotokartta.core.text import localised
from kotokartta.opendata.hsds.common import (
    STATUS_TO_HSDS,
    _pair,
    _sentence,
    _t,
    hsds_id,
)
from kotokartta.opendata.hsds.labels import ORGANISATION_KIND_NAMES, in_language
from kotokartta.programme import models as m
from kotokartta.programme.labels import (
    DOCUMENT_FLAG_KIND,
    RESIDENCE_BASIS_GROUP,
    basis_name,
    flag_kind_name,
)
from kotokartta.programme.vocabulary import (
    CLIENT_NAMES,
    MODE_NAMES,
    PHASES,
    SECTIONS,
    STATUS_NAMES,
)

# --------------------------------------------------------------------------------------------
# Taxonomies


@dataclass(frozen=True, slots=True)
class Term:
    taxonomy: str
    code: str
    name: str
    description: str
    parent: str | None = None  # code of the parent term, same taxonomy
    uri: str | None = None

    @property
    def id(self) -> str:
        return hsds_id("taxonomy-term", self.taxonomy, self.code)


def _terms(
    *,
    lang: str,
    municipalities: list[m.Municipality],
    roles: list[m.Role],
    phase_url: Callable[[str], str],
) -> list[Term]:
    terms: list[Term] = []
    for phase in PHASES:
        law = phase.law.current
        name = phase.name(lang)
        terms.append(
            Term(
                "kotokartta-phases",
                phase.id,
                name,
                f"{name} ({law})." if law else _sentence(name),
                uri=phase_url(phase.id),
            )
        )
    for client, pair in CLIENT_NAMES.items():
        terms.append(
            Term(
                "kotokartta-client-groups",
                f"client-group:{client}",
                _pair(pair, lang),
                _t(
                    lang,
                    "Työvoimapalveluihin ilmoittautunut asiakas."
                    if client == "job-seeker"
                    else "Muu kotoutuja-asiakas kuin työnhakija.",
                    "A client registered with employment services."
                    if client == "job-seeker"
                    else "A newcomer who is not a registered job seeker.",
                ),
            )
        )
    for status, pair in STATUS_NAMES.items():
        terms.append(
            Term(
                "kotokartta-statuses",
                f"status:{status}",
                _pair(pair, lang),
                _sentence(_pair(pair, lang).capitalize())
                + " "
                + _t(lang, "HSDS-tila: ", "HSDS status: ")
                + STATUS_TO_HSDS[status]
                + ".",
            )
        )
    arr = "kotokartta-arrangements"
    terms.append(
        Term(
            arr,
            "responsible-municipality",
            _t(lang, "Vastuukunta", "Responsible municipality"),
            _t(
                lang,
                "Kunta, jolla on palvelun järjestämisvastuu.",
                "The municipality responsible for arranging the service.",
            ),
        )
    )
    terms.append(
        Term(
            arr,
            "purchased",
            _t(lang, "Ostopalvelu", "Purchased service"),
            _t(
                lang,
                "Vastuukunta ostaa palvelun toiselta toimijalta.",
                "The responsible municipality buys the service from another provider.",
            ),
        )
    )
    for mun in municipalities:
        label = f"{localised(mun.name, lang)} ({mun.code})"
        terms.append(
            Term(
                arr,
                f"responsible-municipality:{mun.code}",
                _t(lang, f"Vastuukunta: {label}", f"Responsible municipality: {label}"),
                _t(
                    lang,
                    f"Järjestämisvastuu on kunnalla {label}.",
                    f"{label} is responsible for arranging the service.",
                ),
                parent="responsible-municipality",
            )
        )
    terms.append(
        Term(
            arr,
            "responsible-municipality:residence",
            _t(lang, "Vastuukunta: asiakkaan kotikunta", "Responsible: the client's municipality"),
            _t(
                lang,
                "Järjestämisvastuu on asiakkaan omalla kotikunnalla.",
                "The client's own municipality of residence is responsible for arranging it.",
            ),
            parent="responsible-municipality",
        )
    )
    for mun in municipalities:
        label = f"{localised(mun.name, lang)} ({mun.code})"
        terms.append(
            Term(
                arr,
                f"purchased-from:{mun.code}",
                _t(lang, f"Ostetaan kunnalta {label}", f"Bought from {label}"),
                _t(
                    lang,
                    f"Vastuukunta ostaa palvelun kunnalta {label}.",
                    f"The responsible municipality buys the service from {label}.",
                ),
                parent="purchased",
            )
        )
    terms.append(
        Term(
            arr,
            "partner",
            _t(lang, "Yhteistyökumppani", "Partner"),
            _t(
                lang,
                "Toimija, joka osallistuu palveluun; arvona toimija, yksikkö ja nimike.",
                "An organisation that takes part in the service; the value names it, its unit "
                "and role.",
            ),
        )
    )
    for basis in RESIDENCE_BASIS_GROUP:
        terms.append(
            Term(
                "kotokartta-target-groups",
                f"target-group:{basis}",
                basis_name(basis, lang),
                _sentence(_t(lang, "Kohderyhmä: ", "Target group: ") + basis_name(basis, lang)),
            )
        )
    for mode, pair in MODE_NAMES.items():
        terms.append(
            Term(
                "kotokartta-modes",
                f"mode:{mode}",
                _pair(pair, lang),
                _sentence(_t(lang, "Toteutustapa: ", "Given: ") + _pair(pair, lang)),
            )
        )
    for role in roles:
        name = localised(role.name, lang)
        terms.append(
            Term(
                "kotokartta-roles",
                f"role:{role.id}",
                name,
                _sentence(_t(lang, "Tehtävänimike: ", "Job title: ") + name),
            )
        )
    for kind in DOCUMENT_FLAG_KIND:
        terms.append(
            Term(
                "kotokartta-flags",
                f"flag:{kind}",
                flag_kind_name(kind, lang),
                _sentence(
                    _t(lang, "Huomautus asiakirjasta: ", "Note on the document: ")
                    + flag_kind_name(kind, lang).lower()
                ),
            )
        )
    terms.append(
        Term(
            "kotokartta-sources",
            "source-section",
            _t(lang, "Lähdeasiakirjan kohta", "Section of the source document"),
            _t(
                lang,
                "Kotoutumisohjelmaa kuvaavan asiakirjan kohta; arvona sanatarkka lainaus.",
                "A section of the programme document; the value is a word-for-word quote "
                "(in Finnish).",
            ),
        )
    )
    for section, title in SECTIONS.items():
        terms.append(
            Term(
                "kotokartta-sources",
                f"source-section:{section}",
                title,
                _sentence(_t(lang, "Asiakirjan kohta: ", "Document section (Finnish): ") + title),
                parent="source-section",
            )
        )
    terms.append(
        Term(
            "kotokartta-sources",
            "kotokartta-id",
            _t(lang, "Kotokartan tunniste", "Kotokartta identifier"),
            _t(
                lang,
                "Tietueen pysyvä tunniste Kotokartan tiedostoissa; HSDS-tunniste on sen UUID5.",
                "The record's stable id in Kotokartta's data files; its HSDS id is the UUID5 "
                "of it.",
            ),
        )
    )
    for kind, text in ORGANISATION_KIND_NAMES.items():
        terms.append(
            Term(
                "kotokartta-organisation-kinds",
                f"organisation-kind:{kind}",
                in_language(text, lang),
                _sentence(
                    _t(lang, "Toimijan laji: ", "Kind of organisation: ") + in_language(text, lang)
                ),
            )
        )
    return terms
