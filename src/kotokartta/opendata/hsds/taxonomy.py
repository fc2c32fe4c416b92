"""The taxonomies and terms Kotokartta's HSDS export classifies with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from kotokartta.core.text import in_language, localised
from kotokartta.opendata.hsds import labels as t
from kotokartta.opendata.hsds.common import (
    STATUS_TO_HSDS,
    _sentence,
    hsds_id,
)
from kotokartta.opendata.hsds.labels import ORGANISATION_KIND_NAMES
from kotokartta.programme import models as m
from kotokartta.programme.labels import (
    DOCUMENT_CLIENT,
    DOCUMENT_FLAG_KIND,
    DOCUMENT_MODE,
    DOCUMENT_STATUS,
    RESIDENCE_BASIS_GROUP,
    basis_name,
    flag_kind_name,
)
from kotokartta.programme.vocabulary import (
    PHASES,
    SECTIONS,
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
    for client, client_name in DOCUMENT_CLIENT.items():
        terms.append(
            Term(
                "kotokartta-client-groups",
                f"client-group:{client}",
                in_language(client_name, lang),
                in_language(t.CLIENT_GROUP_DESCRIPTIONS[client], lang),
            )
        )
    for status, status_name in DOCUMENT_STATUS.items():
        name = in_language(status_name, lang)
        terms.append(
            Term(
                "kotokartta-statuses",
                f"status:{status}",
                name,
                _sentence(name.capitalize())
                + " "
                + in_language(t.TERM_HSDS_STATUS, lang, status=STATUS_TO_HSDS[status]),
            )
        )
    arr = "kotokartta-arrangements"

    def per_municipality(
        prefix: str, parent: str, name: Promise, description: Promise
    ) -> list[Term]:
        """One term `<prefix>:<code>` per municipality under `parent`, named after it."""
        found = []
        for mun in municipalities:
            label = f"{localised(mun.name, lang)} ({mun.code})"
            found.append(
                Term(
                    arr,
                    f"{prefix}:{mun.code}",
                    in_language(name, lang, municipality=label),
                    in_language(description, lang, municipality=label),
                    parent=parent,
                )
            )
        return found

    terms.append(
        Term(
            arr,
            "responsible-municipality",
            in_language(t.TERM_RESPONSIBLE, lang),
            in_language(t.TERM_RESPONSIBLE_DESCRIPTION, lang),
        )
    )
    terms.append(
        Term(
            arr,
            "purchased",
            in_language(t.TERM_PURCHASED, lang),
            in_language(t.TERM_PURCHASED_DESCRIPTION, lang),
        )
    )
    terms += per_municipality(
        "responsible-municipality",
        "responsible-municipality",
        t.TERM_RESPONSIBLE_MUNICIPALITY,
        t.TERM_RESPONSIBLE_MUNICIPALITY_DESCRIPTION,
    )
    terms.append(
        Term(
            arr,
            "responsible-municipality:residence",
            in_language(t.TERM_RESPONSIBLE_RESIDENCE, lang),
            in_language(t.TERM_RESPONSIBLE_RESIDENCE_DESCRIPTION, lang),
            parent="responsible-municipality",
        )
    )
    terms += per_municipality(
        "purchased-from", "purchased", t.TERM_BOUGHT_FROM, t.TERM_BOUGHT_FROM_DESCRIPTION
    )
    terms.append(
        Term(
            arr,
            "partner",
            in_language(t.TERM_PARTNER, lang),
            in_language(t.TERM_PARTNER_DESCRIPTION, lang),
        )
    )
    for basis in RESIDENCE_BASIS_GROUP:
        terms.append(
            Term(
                "kotokartta-target-groups",
                f"target-group:{basis}",
                basis_name(basis, lang),
                _sentence(in_language(t.TERM_TARGET_GROUP, lang, group=basis_name(basis, lang))),
            )
        )
    for mode, mode_name in DOCUMENT_MODE.items():
        name = in_language(mode_name, lang)
        terms.append(
            Term(
                "kotokartta-modes",
                f"mode:{mode}",
                name,
                _sentence(in_language(t.TERM_MODE, lang, mode=name)),
            )
        )
    for role in roles:
        name = localised(role.name, lang)
        terms.append(
            Term(
                "kotokartta-roles",
                f"role:{role.id}",
                name,
                _sentence(in_language(t.TERM_ROLE, lang, role=name)),
            )
        )
    for kind in DOCUMENT_FLAG_KIND:
        terms.append(
            Term(
                "kotokartta-flags",
                f"flag:{kind}",
                flag_kind_name(kind, lang),
                _sentence(in_language(t.TERM_FLAG, lang, kind=flag_kind_name(kind, lang).lower())),
            )
        )
    terms.append(
        Term(
            "kotokartta-sources",
            "source-section",
            in_language(t.TERM_SOURCE_SECTION, lang),
            in_language(t.TERM_SOURCE_SECTION_DESCRIPTION, lang),
        )
    )
    for section, title in SECTIONS.items():
        terms.append(
            Term(
                "kotokartta-sources",
                f"source-section:{section}",
                title,
                _sentence(in_language(t.TERM_SECTION, lang, section=title)),
                parent="source-section",
            )
        )
    terms.append(
        Term(
            "kotokartta-sources",
            "kotokartta-id",
            in_language(t.TERM_KOTOKARTTA_ID, lang),
            in_language(t.TERM_KOTOKARTTA_ID_DESCRIPTION, lang),
        )
    )
    for kind, text in ORGANISATION_KIND_NAMES.items():
        name = in_language(text, lang)
        terms.append(
            Term(
                "kotokartta-organisation-kinds",
                f"organisation-kind:{kind}",
                name,
                _sentence(in_language(t.TERM_ORGANISATION_KIND, lang, kind=name)),
            )
        )
    return terms
