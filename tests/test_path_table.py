"""Table-driven tests of the path engine against the programme document itself.

Every expected value below was decided by reading `data/kainuu-koillismaa/kotoutumisohjelma.txt`
(the Kainuu-Koillismaa integration programme document); only the ids (organisations, units,
roles, places) were looked up in the YAML files. Where the data disagrees with the document the
row stays as the document says and is marked `xfail(strict=True)` with the reason.

Conventions used when reading the document:

* `responsible` is the municipality that has to arrange the service (vastuukunta). A municipality
  that buys a service stays responsible for it; the seller is the provider. Where the document
  says another municipality itself "vastaa" (Taivalkoski's job seekers: "vastaa Kuusamon
  kaupunki") or "Vastuukunta Kajaani järjestää", that municipality is responsible.
* `purchased` is true only where the document says the service is bought ("ostetaan",
  "ostopalveluna", "hankitaan"), directly or for the whole paragraph.
* `places` are the premises the paragraph names; a paragraph that names none expects none.
* `role` is the title the document gives (as written: "palveluhoitaja", "sosiaalihoitaja").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import pytest
from _pytest.mark.structures import ParameterSet

from kotokartta.paths.engine import Path, Profile
from kotokartta.paths.selectors import path_for
from kotokartta.programme.models import Municipality
from kotokartta.programme.vocabulary import ClientGroup

JS = ClientGroup.JOB_SEEKER
OTHER = ClientGroup.OTHER

AVAILABLE = "available"
PLANNED = "planned"
ON_NEED = "on_need"
UNDETERMINED = "undetermined"

# Municipality codes.
HYRYNSALMI = "105"
KAJAANI = "205"
KUHMO = "290"
KUUSAMO = "305"
PALTAMO = "578"
PUOLANKA = "620"
RISTIJARVI = "697"
SOTKAMO = "765"
SUOMUSSALMI = "777"
TAIVALKOSKI = "832"

MUNICIPALITIES = (
    "Hyrynsalmi",
    "Kajaani",
    "Kuhmo",
    "Kuusamo",
    "Paltamo",
    "Puolanka",
    "Ristijärvi",
    "Sotkamo",
    "Suomussalmi",
    "Taivalkoski",
)

# The programme's phases in the order the brief (and the document's sections) give them.
PROGRAMME_ORDER = (
    "assessment",
    "multi_assessment",
    "plan",
    "multi_plan",
    "orientation",
    "training",
    "final_test",
    "literacy",
    "guidance",
    "municipal_services",
    "community",
    "employment",
)

# Partner roles are given by name (Finnish) in the path JSON.
SOSIAALIOHJAAJA = "sosiaaliohjaaja"
SOSIAALIHOITAJA = "sosiaalihoitaja"
KAINUU_HVA = "kainuun-hyvinvointialue"
PP_HVA = "pohjois-pohjanmaan-hyvinvointialue"


class _Anything:
    """A wildcard for values a row does not check."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Anything()


@dataclass(frozen=True)
class Case:
    """What the document says one step of a person's path must be.

    The case matches when at least one step of `phase` has every expected value. Where several
    steps share the phase, `organisation` (and `unit` where two units of one organisation share
    it) names the one meant.
    """

    municipality: str
    client: ClientGroup
    phase: str
    responsible: str | None
    organisation: str | None
    role: str | None
    places: frozenset[str]
    purchased: bool
    status: str
    unit: str | None = ANY
    partners: frozenset[tuple[str, str | None]] = ANY
    uses_finnish: bool | None = None
    label: str = ""

    @property
    def id(self) -> str:
        name = unicodedata.normalize("NFKD", self.municipality).encode("ascii", "ignore")
        parts = [name.decode().lower(), self.client.value, self.phase]
        if self.label:
            parts.append(self.label)
        return "-".join(parts)

    def expected(self) -> dict[str, Any]:
        return {
            "responsible": self.responsible,
            "organisation": self.organisation,
            "unit": self.unit,
            "role": self.role,
            "places": self.places,
            "purchased": self.purchased,
            "status": self.status,
            "partners": self.partners,
        }


def case(
    municipality: str,
    client: ClientGroup,
    phase: str,
    *,
    responsible: str | None,
    organisation: str | None,
    role: str | None = None,
    places: tuple[str, ...] = (),
    purchased: bool = False,
    status: str = AVAILABLE,
    unit: str | None = ANY,
    partners: tuple[tuple[str, str | None], ...] | None = None,
    uses_finnish: bool | None = None,
    label: str = "",
) -> Case:
    return Case(
        municipality=municipality,
        client=client,
        phase=phase,
        responsible=responsible,
        organisation=organisation,
        role=role,
        places=frozenset(places),
        purchased=purchased,
        status=status,
        unit=unit,
        partners=ANY if partners is None else frozenset(partners),
        uses_finnish=uses_finnish,
        label=label,
    )


def undetermined(
    municipality: str, client: ClientGroup, phase: str, *, responsible: str | None
) -> Case:
    return case(
        municipality,
        client,
        phase,
        responsible=responsible,
        organisation=None,
        status=UNDETERMINED,
    )


def data_error(row: Case, reason: str) -> ParameterSet:
    """A row where the data contradicts the document: kept as the document says, xfail."""
    return pytest.param(
        row, id=row.id, marks=pytest.mark.xfail(strict=True, reason=f"data: {reason}")
    )


# The table keeps one `case(...)` per row, so the formatter leaves it alone.
# fmt: off
# --------------------------------------------------------------------------------------------
# Osaamisen ja kotoutumisen palvelutarpeen arviointi (KotoL 14 §)
# --------------------------------------------------------------------------------------------
ASSESSMENT: list[Case | ParameterSet] = [
    # "Ostopalveluna hankittavan työnhakija-asiakkaiden ... arvioinnin tekee ... Suomussalmen
    # kunnan elinvoimapalveluiden työllisyysohjaaja" / "järjestetään lähipalveluna Hyrnsalmen
    # kunnantalolla".
    case(
        "Hyrynsalmi", JS, "assessment",
        responsible=HYRYNSALMI, organisation="suomussalmi", unit="suomussalmi-tyollisyyspalvelut",
        role="tyollisyysohjaaja", places=("hyrynsalmen-kunnantalo",), purchased=True,
    ),
    # "Samoin ostopalveluna hankittava muiden kotoutuja-asiakkaiden ... arvioinnin tekee
    # Suomussalmen kunnan hallintopalveluiden maahanmuutto-ohjaaja".
    case(
        "Hyrynsalmi", OTHER, "assessment",
        responsible=HYRYNSALMI, organisation="suomussalmi",
        unit="suomussalmi-maahanmuuttopalvelut", role="maahanmuutto-ohjaaja",
        places=("hyrynsalmen-kunnantalo",), purchased=True,
    ),
    # "Työnhakija-asiakkaiden kohdalla ... vastaa asiakkaan oma työllisyysohjaaja työllisyys- ja
    # kansainvälisyyspalveluista" / "Kajaanin kaupungintalolla".
    case(
        "Kajaani", JS, "assessment",
        responsible=KAJAANI, organisation="kajaani", role="tyollisyysohjaaja",
        places=("kajaanin-kaupungintalo",),
    ),
    # "Muiden kotoutuja-asiakkaiden ... vastaa kotoutumispalveluissa asiakkaan oma työntekijä."
    case(
        "Kajaani", OTHER, "assessment",
        responsible=KAJAANI, organisation="kajaani", unit="kajaani-kotoutumispalvelut",
        role="oma-tyontekija", places=("kajaanin-kaupungintalo",),
    ),
    # "... työvoimapalvelut tuottavat Sotkamon kunnan työllisyyspalvelut." No title, no place,
    # no purchase is stated.
    case(
        "Kuhmo", JS, "assessment",
        responsible=KUHMO, organisation="sotkamo", unit="sotkamo-tyollisyyspalvelut",
    ),
    # "... tuotetaan sopimusperusteisella tavalla, jonka sisältö ... selviää joulukuussa 2024".
    undetermined("Kuhmo", OTHER, "assessment", responsible=KUHMO),
    # "Työnhakija-asiakkaiden osalta ... vastaa työllisyysohjaaja (tai kotoutumisohjaaja)".
    case(
        "Kuusamo", JS, "assessment",
        responsible=KUUSAMO, organisation="kuusamo", role="tyollisyysohjaaja",
        places=("kuusamon-kaupungintalo",),
    ),
    # "muiden kotoutuja-asiakkaiden osalta kotoutumisohjaaja (tai työllisyysohjaaja)".
    case(
        "Kuusamo", OTHER, "assessment",
        responsible=KUUSAMO, organisation="kuusamo", role="kotoutumisohjaaja",
        places=("kuusamon-kaupungintalo",),
    ),
    # "Työnhakija-asiakkaiden palvelut ostetaan Suomussalmen kunnan työllisyyspalveluilta ja
    # järjestetään lähipalveluna Paltamon kunnantalolla" / "asiakkaan oma työllisyysohjaaja".
    case(
        "Paltamo", JS, "assessment",
        responsible=PALTAMO, organisation="suomussalmi", role="tyollisyysohjaaja",
        places=("paltamon-kunnantalo",), purchased=True,
    ),
    # "... muiden kuin työnhakijoina olevien ... palvelut ostetaan Kajaanin kaupungin
    # työllisyys- ja kansainvälisyyspalveluista" / "kotoutumispalveluissa asiakkaan oma työntekijä".
    case(
        "Paltamo", OTHER, "assessment",
        responsible=PALTAMO, organisation="kajaani", role="oma-tyontekija",
        places=("paltamon-kunnantalo",), purchased=True,
    ),
    case(
        "Puolanka", JS, "assessment",
        responsible=PUOLANKA, organisation="suomussalmi", unit="suomussalmi-tyollisyyspalvelut",
        role="tyollisyysohjaaja", places=("puolangan-kunnantalo",), purchased=True,
    ),
    case(
        "Puolanka", OTHER, "assessment",
        responsible=PUOLANKA, organisation="suomussalmi", unit="suomussalmi-maahanmuuttopalvelut",
        role="maahanmuutto-ohjaaja", places=("puolangan-kunnantalo",), purchased=True,
    ),
    # "Hallintopalvelujen maahanmuuttopalvelujen yleinen palvelutarpeen arviointi on mahdollista
    # kaikille kotoutuja-asiakkaille" — job seekers too.
    case(
        "Puolanka", JS, "assessment",
        responsible=PUOLANKA, organisation="suomussalmi", unit="suomussalmi-maahanmuuttopalvelut",
        role="maahanmuutto-ohjaaja", places=("puolangan-kunnantalo",), purchased=True,
        label="maahanmuutto-ohjaaja",
    ),
    case(
        "Ristijärvi", JS, "assessment",
        responsible=RISTIJARVI, organisation="suomussalmi", unit="suomussalmi-tyollisyyspalvelut",
        role="tyollisyysohjaaja", places=("ristijarven-kunnantalo",), purchased=True,
    ),
    case(
        "Ristijärvi", OTHER, "assessment",
        responsible=RISTIJARVI, organisation="suomussalmi",
        unit="suomussalmi-maahanmuuttopalvelut", role="maahanmuutto-ohjaaja",
        places=("ristijarven-kunnantalo",), purchased=True,
    ),
    # "Vieraskielisten niin työnhakijana olevien kuin muiden ... vastaa asiakkaan oma
    # työllisyysohjaaja" / "Sotkamon kunnan työllisyyspalveluiden toimipisteessä".
    case(
        "Sotkamo", JS, "assessment",
        responsible=SOTKAMO, organisation="sotkamo", role="tyollisyysohjaaja",
        places=("sotkamo-tyollisyyspalveluiden-toimipiste",),
    ),
    case(
        "Sotkamo", OTHER, "assessment",
        responsible=SOTKAMO, organisation="sotkamo", role="tyollisyysohjaaja",
        places=("sotkamo-tyollisyyspalveluiden-toimipiste",),
    ),
    # "... vastaa vieraskielisten henkilöasiakaspalvelusta vastaava elinvoimapalveluiden
    # työllisyysohjaaja" / "työllisyyspalveluissa Suomussalmen kunnantalolla".
    case(
        "Suomussalmi", JS, "assessment",
        responsible=SUOMUSSALMI, organisation="suomussalmi",
        unit="suomussalmi-tyollisyyspalvelut", role="tyollisyysohjaaja",
        places=("suomussalmen-kunnantalo",),
    ),
    # "Kaikkien kotoutuja-asiakkaiden ... vastaa osaltaan myös hallintopalveluiden
    # maahanmuutto-ohjaaja".
    case(
        "Suomussalmi", JS, "assessment",
        responsible=SUOMUSSALMI, organisation="suomussalmi",
        unit="suomussalmi-maahanmuuttopalvelut", role="maahanmuutto-ohjaaja",
        places=("suomussalmen-kunnantalo",), label="maahanmuutto-ohjaaja",
    ),
    case(
        "Suomussalmi", OTHER, "assessment",
        responsible=SUOMUSSALMI, organisation="suomussalmi",
        unit="suomussalmi-maahanmuuttopalvelut", role="maahanmuutto-ohjaaja",
        places=("suomussalmen-kunnantalo",),
    ),
    # "Vieraskielisten, jotka eivät asioi suomeksi, työnhakija-asiakkaiden palveluista vastaa
    # Kuusamon kaupunki." / "... arvioinnista vastaa Kuusamon kaupungin työllisyys- ja
    # kansainvälisyyspalvelut." No title; no purchase; in Taivalkoski at Kauppatie 19.
    case(
        "Taivalkoski", JS, "assessment",
        responsible=KUUSAMO, organisation="kuusamo", places=("taivalkoski-kauppatie-19",),
        uses_finnish=False,
    ),
    # "Muiden kotoutuja-asiakkaiden ... vastaa Taivalkosken kunnan hallintopalveluiden
    # palveluhoitaja."
    case(
        "Taivalkoski", OTHER, "assessment",
        responsible=TAIVALKOSKI, organisation="taivalkoski", role="palveluhoitaja",
        places=("taivalkoski-kauppatie-19",),
    ),
]

# --------------------------------------------------------------------------------------------
# Monialainen arviointi (the document: KotoL 15 §) — who joins from the wellbeing county.
# --------------------------------------------------------------------------------------------
MULTI_ASSESSMENT: list[Case | ParameterSet] = []
for _client in (JS, OTHER):
    MULTI_ASSESSMENT += [
        # "Monialaiseen osaamisen ja kotoutumisen palvelutarpeen arvioinnin tekevät Suomussalmen
        # kunnan viranhaltijat, yhteistyössä ... aikuisten sosiaalityön sosiaalihoitajien kanssa."
        case(
            "Hyrynsalmi", _client, "multi_assessment",
            responsible=HYRYNSALMI, organisation="suomussalmi", role="viranhaltija",
            places=("hyrynsalmen-kunnantalo",), purchased=True,
            partners=((KAINUU_HVA, SOSIAALIHOITAJA),),
        ),
        # "... kutsutaan mukaan Kainuun hyvinvointialueelta aikuisten sosiaalityössä
        # työskentelevä sosiaaliohjaaja."
        case(
            "Kajaani", _client, "multi_assessment",
            responsible=KAJAANI, organisation="kajaani", places=("kajaanin-kaupungintalo",),
            partners=((KAINUU_HVA, SOSIAALIOHJAAJA),),
        ),
        # Kuhmo's paragraph says nothing about a multi-professional assessment.
        undetermined("Kuhmo", _client, "multi_assessment", responsible=KUHMO),
        # "... kutsutaan mukaan Pohjois-Pohjanmaan hyvinvointialueelta työikäisten
        # sosiaalipalveluiden sosiaaliohjaaja."
        case(
            "Kuusamo", _client, "multi_assessment",
            responsible=KUUSAMO, organisation="kuusamo", places=("kuusamon-kaupungintalo",),
            partners=((PP_HVA, SOSIAALIOHJAAJA),),
        ),
        # "Ostopalveluna hankittava monialaiseen ... tekee Suomussalmen kunnan viranhaltijat,
        # yhteistyössä ... aikuisten sosiaalityön sosiaalihoitajien kanssa."
        case(
            "Puolanka", _client, "multi_assessment",
            responsible=PUOLANKA, organisation="suomussalmi", role="viranhaltija",
            places=("puolangan-kunnantalo",), purchased=True,
            partners=((KAINUU_HVA, SOSIAALIHOITAJA),),
        ),
        # "... yhteistyössä ... aikuisten sosiaalityön sosiaaliohjaajien kanssa."
        case(
            "Ristijärvi", _client, "multi_assessment",
            responsible=RISTIJARVI, organisation="suomussalmi", role="viranhaltija",
            places=("ristijarven-kunnantalo",), purchased=True,
            partners=((KAINUU_HVA, SOSIAALIOHJAAJA),),
        ),
        # "... tehdään yhteistyössä Kainuun hyvinvointialueen aikuissosiaalityön kanssa." No title.
        case(
            "Sotkamo", _client, "multi_assessment",
            responsible=SOTKAMO, organisation="sotkamo",
            places=("sotkamo-tyollisyyspalveluiden-toimipiste",),
            partners=((KAINUU_HVA, None),),
        ),
        case(
            "Suomussalmi", _client, "multi_assessment",
            responsible=SUOMUSSALMI, organisation="suomussalmi",
            places=("suomussalmen-kunnantalo",), partners=((KAINUU_HVA, SOSIAALIOHJAAJA),),
        ),
    ]
MULTI_ASSESSMENT += [
    # Paltamo: the same invitation; the services are bought from Suomussalmi (job seekers) and
    # from Kajaani (others).
    case(
        "Paltamo", JS, "multi_assessment",
        responsible=PALTAMO, organisation="suomussalmi", places=("paltamon-kunnantalo",),
        purchased=True, partners=((KAINUU_HVA, SOSIAALIOHJAAJA),),
    ),
    case(
        "Paltamo", OTHER, "multi_assessment",
        responsible=PALTAMO, organisation="kajaani", places=("paltamon-kunnantalo",),
        purchased=True, partners=((KAINUU_HVA, SOSIAALIOHJAAJA),),
    ),
    # "... kutsutaan mukaan Pohjois-Pohjanmaan hyvinvointialueelta työikäisten
    # sosiaalipalveluiden sosiaalihoitaja." Job seekers who do not use Finnish are Kuusamo's,
    # with the hybrid model "asiakas Taivalkosken kunnan hallintopalveluiden palveluhoitajan luona".
    case(
        "Taivalkoski", JS, "multi_assessment",
        responsible=KUUSAMO, organisation="kuusamo", places=("taivalkoski-kauppatie-19",),
        partners=((PP_HVA, SOSIAALIHOITAJA), ("taivalkoski", "palveluhoitaja")),
        uses_finnish=False,
    ),
    case(
        "Taivalkoski", OTHER, "multi_assessment",
        responsible=TAIVALKOSKI, organisation="taivalkoski",
        places=("taivalkoski-kauppatie-19",), partners=((PP_HVA, SOSIAALIHOITAJA),),
    ),
]

# --------------------------------------------------------------------------------------------
# Kotoutumissuunnitelma (KotoL 16 §)
# --------------------------------------------------------------------------------------------
PLAN: list[Case | ParameterSet] = [
    # "Ostopalveluna hankittavan työnhakija-asiakkaiden kotoutumissuunnitelmien laatimisesta
    # tekee ... Suomussalmen kunnan elinvoimapalveluiden työllisyysohjaaja."
    case(
        "Hyrynsalmi", JS, "plan",
        responsible=HYRYNSALMI, organisation="suomussalmi", role="tyollisyysohjaaja",
        places=("hyrynsalmen-kunnantalo",), purchased=True,
    ),
    case(
        "Hyrynsalmi", OTHER, "plan",
        responsible=HYRYNSALMI, organisation="suomussalmi", role="maahanmuutto-ohjaaja",
        places=("hyrynsalmen-kunnantalo",), purchased=True,
    ),
    # "Työnhakija-asiakkaiden kohdalla kotoutumissuunnitelman laatimisesta vastaa asiakkaan oma
    # työllisyysohjaaja."
    case(
        "Kajaani", JS, "plan",
        responsible=KAJAANI, organisation="kajaani", role="tyollisyysohjaaja",
        places=("kajaanin-kaupungintalo",),
    ),
    case(
        "Kajaani", OTHER, "plan",
        responsible=KAJAANI, organisation="kajaani", role="oma-tyontekija",
        places=("kajaanin-kaupungintalo",),
    ),
    case(
        "Kuhmo", JS, "plan",
        responsible=KUHMO, organisation="sotkamo", unit="sotkamo-tyollisyyspalvelut",
    ),
    undetermined("Kuhmo", OTHER, "plan", responsible=KUHMO),
    # "Työnhakijoiden kotoutumissuunnitelmien laatimisesta vastaa asiakkaan oma
    # työllisyysohjaaja (tai kotoutumisohjaaja)."
    case(
        "Kuusamo", JS, "plan",
        responsible=KUUSAMO, organisation="kuusamo", role="tyollisyysohjaaja",
        places=("kuusamon-kaupungintalo",),
    ),
    case(
        "Kuusamo", OTHER, "plan",
        responsible=KUUSAMO, organisation="kuusamo", role="kotoutumisohjaaja",
        places=("kuusamon-kaupungintalo",),
    ),
    # Paltamo's plan paragraph repeats the assessment paragraph: it states the purchases but
    # names nobody as writing the plan, so no role is expected.
    case(
        "Paltamo", JS, "plan",
        responsible=PALTAMO, organisation="suomussalmi", places=("paltamon-kunnantalo",),
        purchased=True,
    ),
    case(
        "Paltamo", OTHER, "plan",
        responsible=PALTAMO, organisation="kajaani", places=("paltamon-kunnantalo",),
        purchased=True,
    ),
    case(
        "Puolanka", JS, "plan",
        responsible=PUOLANKA, organisation="suomussalmi", role="tyollisyysohjaaja",
        places=("puolangan-kunnantalo",), purchased=True,
    ),
    case(
        "Puolanka", OTHER, "plan",
        responsible=PUOLANKA, organisation="suomussalmi", role="maahanmuutto-ohjaaja",
        places=("puolangan-kunnantalo",), purchased=True,
    ),
    case(
        "Ristijärvi", JS, "plan",
        responsible=RISTIJARVI, organisation="suomussalmi", role="tyollisyysohjaaja",
        places=("ristijarven-kunnantalo",), purchased=True,
    ),
    case(
        "Ristijärvi", OTHER, "plan",
        responsible=RISTIJARVI, organisation="suomussalmi", role="maahanmuutto-ohjaaja",
        places=("ristijarven-kunnantalo",), purchased=True,
    ),
    # "... palvelutarpeen arvioinnista ja kotoutumissuunnitelman laatimisesta vastaa asiakkaan
    # oma työllisyysohjaaja."
    case(
        "Sotkamo", JS, "plan",
        responsible=SOTKAMO, organisation="sotkamo", role="tyollisyysohjaaja",
        places=("sotkamo-tyollisyyspalveluiden-toimipiste",),
    ),
    case(
        "Sotkamo", OTHER, "plan",
        responsible=SOTKAMO, organisation="sotkamo", role="tyollisyysohjaaja",
        places=("sotkamo-tyollisyyspalveluiden-toimipiste",),
    ),
    case(
        "Suomussalmi", JS, "plan",
        responsible=SUOMUSSALMI, organisation="suomussalmi", role="tyollisyysohjaaja",
        places=("suomussalmen-kunnantalo",),
    ),
    # "Muiden kotoutuja-asiakkaiden kotoutumissuunnitelman laatimisesta vastaa
    # hallintopalveluiden maahanmuutto-ohjaaja."
    case(
        "Suomussalmi", OTHER, "plan",
        responsible=SUOMUSSALMI, organisation="suomussalmi", role="maahanmuutto-ohjaaja",
        places=("suomussalmen-kunnantalo",),
    ),
    # "Työnhakija-asiakkaiden kotoutumissuunnitelmien laatimisesta vastaa Kuusamon kaupungin
    # työllisyys- ja kansainvälisyyspalvelut."
    case(
        "Taivalkoski", JS, "plan",
        responsible=KUUSAMO, organisation="kuusamo", places=("taivalkoski-kauppatie-19",),
        uses_finnish=False,
    ),
    # "Muiden kotoutuja-asiakkaiden kotoutumissuunnitelmien laatimisesta vastaa Taivalkosken
    # kunnan hallintopalveluiden palveluohjaaja."
    case(
        "Taivalkoski", OTHER, "plan",
        responsible=TAIVALKOSKI, organisation="taivalkoski", role="palveluohjaaja",
        places=("taivalkoski-kauppatie-19",),
    ),
]

# --------------------------------------------------------------------------------------------
# Kotoutumiskoulutus (KotoL 26 ja 27 §)
# --------------------------------------------------------------------------------------------
TRAINING: list[Case | ParameterSet] = [
    # "Vastuukunta Kajaani järjestää kotoutumiskoulutuksen työnhakija-asiakkaille. Asiakkaat
    # ohjataan todennäköisesti pääsääntöisesti verkkokotokoulutukseen." No provider is named.
    case("Hyrynsalmi", JS, "training", responsible=KAJAANI, organisation=None),
    # "Koulutuksen toteuttajana on Kainuun ammattiopisto (KAO)."
    case("Kajaani", JS, "training", responsible=KAJAANI, organisation="kainuun-ammattiopisto"),
    # "Tavoitteena on, että Sotkamon ja Kuhmon yhteinen kansalaisopisto järjestää
    # kotoutumiskoulutusta lähiopetuksena vuodesta 2025 alkaen."
    case(
        "Kuhmo", JS, "training",
        responsible=KUHMO, organisation="sotkamo", unit="sotkamo-kansalaisopisto",
        status=PLANNED,
    ),
    # "Kunnalla on mahdollisuus myös hyödyntää työvoimaviranomaisen järjestämää
    # kotoutumiskoulutusta".
    case(
        "Kuhmo", JS, "training",
        responsible=KUHMO, organisation="tyovoimaviranomainen", status=ON_NEED,
        label="tyovoimaviranomainen",
    ),
    # "Vastuukunta järjestää kotoutumiskoulutuksen kuusamolaisille työnhakija-asiakkaille.
    # Koulutuksen toteuttaa Kainuun ammattiopisto lähiopetuksena Kuusamossa." The area's
    # vastuukunta is Kajaani ("Vastuukunta Kajaani" in five other paragraphs).
    case("Kuusamo", JS, "training", responsible=KAJAANI, organisation="kainuun-ammattiopisto"),
    case("Paltamo", JS, "training", responsible=KAJAANI, organisation=None),
    case("Puolanka", JS, "training", responsible=KAJAANI, organisation=None),
    case("Ristijärvi", JS, "training", responsible=KAJAANI, organisation=None),
    # "Tavoitteena on, että Sotkamon kunnan oma kansalaisopisto järjestää kotoutumiskoulutusta
    # lähiopetuksena vuodesta 2025 alkaen."
    case(
        "Sotkamo", JS, "training",
        responsible=SOTKAMO, organisation="sotkamo", unit="sotkamo-kansalaisopisto",
        status=PLANNED,
    ),
    # "Suomussalmi: Kianta-opisto järjestää kotoutumiskoulutusta lähiopetuksena ja
    # etäopetuksena."
    case(
        "Suomussalmi", JS, "training",
        responsible=SUOMUSSALMI, organisation="suomussalmi", unit="kianta-opisto",
    ),
    # "Tarpeen vaatiessa kotoutumiskoulutusta voidaan myös ostaa palveluntuottajilta
    # (verkkokotokoulutus)." — bought, from providers the document does not name.
    case(
        "Suomussalmi", JS, "training",
        responsible=SUOMUSSALMI, organisation=None, purchased=True, status=ON_NEED,
        label="verkkokotokoulutus",
    ),
    # "Taivalkoski: Vastuukunta Kajaani järjestää kotoutumiskoulutuksen työnhakija-asiakkaille"
    case("Taivalkoski", JS, "training", responsible=KAJAANI, organisation=None),
]
# "Miten kunnissanne järjestetään kotoutumiskoulutus muille kuin työnhakijana oleville
# kotoutujille? Asiakas ohjataan hänen palvelutarpeensa mukaan opiskelemaan suomen kieltä.
# Palvelutarve arvioidaan kunnassa." — the same answer for every municipality.
_RESIDENCE_CODES = {
    "Hyrynsalmi": HYRYNSALMI,
    "Kajaani": KAJAANI,
    "Kuhmo": KUHMO,
    "Kuusamo": KUUSAMO,
    "Paltamo": PALTAMO,
    "Puolanka": PUOLANKA,
    "Ristijärvi": RISTIJARVI,
    "Sotkamo": SOTKAMO,
    "Suomussalmi": SUOMUSSALMI,
    "Taivalkoski": TAIVALKOSKI,
}
TRAINING += [
    case(name, OTHER, "training", responsible=code, organisation=None, status=ON_NEED)
    for name, code in _RESIDENCE_CODES.items()
]

# --------------------------------------------------------------------------------------------
# Kotoutumisohjelman aikainen ohjaus ja neuvonta (KotoL 13 §:n 1 mom. 5 kohta)
# --------------------------------------------------------------------------------------------
GUIDANCE: list[Case | ParameterSet] = [
    # "Työnhakija-asiakkaiden kohdalla palvelu hankitaan ostopalveluna Suomussalmen kunnalta.
    # Suomussalmen kunnan työllisyysohjaaja antaa yksilöllistä ohjausta". No place named.
    case(
        "Hyrynsalmi", JS, "guidance",
        responsible=HYRYNSALMI, organisation="suomussalmi", role="tyollisyysohjaaja",
        purchased=True,
    ),
    # "Suomussalmen kunnan maahanmuuttopalvelut vastaavat kaikkien kuntaan muuttaneiden
    # asiakkaiden alkuvaiheen kotoutumisen ohjauksesta" — bought: "lakisääteiset palvelut
    # ostetaan Suomussalmen kunnan työllisyys- ja hallintopalveluilta".
    case(
        "Hyrynsalmi", OTHER, "guidance",
        responsible=HYRYNSALMI, organisation="suomussalmi",
        unit="suomussalmi-maahanmuuttopalvelut", purchased=True,
    ),
    # "Työnhakija-asiakkaiden kohdalla oma työllisyysohjaaja antaa yksilöllistä ohjausta".
    case(
        "Kajaani", JS, "guidance",
        responsible=KAJAANI, organisation="kajaani", role="tyollisyysohjaaja",
    ),
    # "Matalan kynnyksen ohjausta ja neuvontaa tarjotaan kaikille kunnan vieraskielisille
    # Kajaani Infossa, joka sijaitsee Kajaanin kaupungintalolla."
    case(
        "Kajaani", OTHER, "guidance",
        responsible=KAJAANI, organisation="kajaani", places=("kajaani-info",),
    ),
    # "... matalan kynnyksen ohjauksesta ja neuvonnasta vastaa Sotkamon kunnan
    # työllisyyspalvelut. Työllisyysohjaajat huolehtivat yleisneuvonnasta". Kuhmo stays
    # responsible ("Ohjausta ja neuvontaa voi toteuttaa kunta tai kunnan valitsema
    # palveluntuottaja"); no purchase is stated.
    case(
        "Kuhmo", JS, "guidance",
        responsible=KUHMO, organisation="sotkamo", role="tyollisyysohjaaja",
    ),
    case(
        "Kuhmo", OTHER, "guidance",
        responsible=KUHMO, organisation="sotkamo", role="tyollisyysohjaaja",
    ),
    # "... vastaa työllisyys- ja kansainvälisyyspalvelut Kuusamon kaupungintalolla. Ohjauksesta
    # ja neuvonnasta vastaa joko työllisyysohjaaja, kotoutumisohjaaja tai muu yksikön työntekijä".
    case(
        "Kuusamo", JS, "guidance",
        responsible=KUUSAMO, organisation="kuusamo", role="tyollisyysohjaaja",
        places=("kuusamon-kaupungintalo",),
    ),
    case(
        "Kuusamo", OTHER, "guidance",
        responsible=KUUSAMO, organisation="kuusamo", role="tyollisyysohjaaja",
        places=("kuusamon-kaupungintalo",),
    ),
    # Paltamo's guidance paragraph repeats the purchases ("ostetaan Suomussalmen kunnan
    # työllisyyspalveluilta ja järjestetään lähipalveluina Paltamon kunnantalolla") and names no
    # one who guides.
    case(
        "Paltamo", JS, "guidance",
        responsible=PALTAMO, organisation="suomussalmi", places=("paltamon-kunnantalo",),
        purchased=True,
    ),
    case(
        "Paltamo", OTHER, "guidance",
        responsible=PALTAMO, organisation="kajaani", places=("paltamon-kunnantalo",),
        purchased=True,
    ),
    case(
        "Puolanka", JS, "guidance",
        responsible=PUOLANKA, organisation="suomussalmi", role="tyollisyysohjaaja",
        purchased=True,
    ),
    case(
        "Puolanka", OTHER, "guidance",
        responsible=PUOLANKA, organisation="suomussalmi",
        unit="suomussalmi-maahanmuuttopalvelut", purchased=True,
    ),
    case(
        "Ristijärvi", JS, "guidance",
        responsible=RISTIJARVI, organisation="suomussalmi", role="tyollisyysohjaaja",
        purchased=True,
    ),
    case(
        "Ristijärvi", OTHER, "guidance",
        responsible=RISTIJARVI, organisation="suomussalmi",
        unit="suomussalmi-maahanmuuttopalvelut", purchased=True,
    ),
    # "... vastaa työllisyyspalvelut Sotkamon kunnan työllisyyspalveluiden toimipisteessä.
    # Työllisyysohjaajat huolehtivat yleisneuvonnasta".
    case(
        "Sotkamo", JS, "guidance",
        responsible=SOTKAMO, organisation="sotkamo", role="tyollisyysohjaaja",
        places=("sotkamo-tyollisyyspalveluiden-toimipiste",),
    ),
    case(
        "Sotkamo", OTHER, "guidance",
        responsible=SOTKAMO, organisation="sotkamo", role="tyollisyysohjaaja",
        places=("sotkamo-tyollisyyspalveluiden-toimipiste",),
    ),
    # "Työnhakija-asiakkaiden kohdalla oma työllisyysohjaaja antaa yksilöllistä ohjausta".
    case(
        "Suomussalmi", JS, "guidance",
        responsible=SUOMUSSALMI, organisation="suomussalmi", role="tyollisyysohjaaja",
    ),
    # "Maahanmuuttopalvelut vastaavat kaikkien kuntaan muuttaneiden asiakkaiden alkuvaiheen
    # kotoutumisen ohjauksesta ja neuvonnasta."
    case(
        "Suomussalmi", OTHER, "guidance",
        responsible=SUOMUSSALMI, organisation="suomussalmi",
        unit="suomussalmi-maahanmuuttopalvelut",
    ),
    # "Taivalkosken kunnan hallinnon palveluohjaaja antaa ajanvarauksella yleistä ohjausta ja
    # neuvontaa kaikille Taivalkoskelle muuttaneille ... Kauppatie 19."
    case(
        "Taivalkoski", JS, "guidance",
        responsible=TAIVALKOSKI, organisation="taivalkoski", role="palveluohjaaja",
        places=("taivalkoski-kauppatie-19",), uses_finnish=False,
    ),
    case(
        "Taivalkoski", OTHER, "guidance",
        responsible=TAIVALKOSKI, organisation="taivalkoski", role="palveluohjaaja",
        places=("taivalkoski-kauppatie-19",),
    ),
]

# fmt: on


def _params(rows: list[Case | ParameterSet]) -> list[ParameterSet]:
    return [row if isinstance(row, ParameterSet) else pytest.param(row, id=row.id) for row in rows]


CASES = _params(ASSESSMENT + MULTI_ASSESSMENT + PLAN + TRAINING + GUIDANCE)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
def municipality(term: str) -> Municipality:
    found = Municipality.objects.find(term)
    assert found is not None, f"no municipality found for {term!r}"
    return found


def path_of(name: str, client: ClientGroup, uses_finnish: bool | None = None) -> Path:
    profile = Profile(client=client, uses_finnish=uses_finnish)
    return path_for(municipality=municipality(name), profile=profile)


def steps_of(path: Path, phase: str) -> list[dict[str, Any]]:
    return [step for step in path.as_dict()["steps"] if step["phase"] == phase]


def actual(step: dict[str, Any]) -> dict[str, Any]:
    """The values of one step that a `Case` compares."""
    provider = step["provider"] or {}
    return {
        "responsible": step["responsible"]["code"] if step["responsible"] else None,
        "organisation": provider.get("organisation_id"),
        "unit": provider.get("unit_id"),
        "role": provider.get("role_id"),
        "places": frozenset(place["id"] for place in step["places"]),
        "purchased": step["purchased"],
        "status": step["status"],
        "partners": frozenset((p["organisation_id"], p["role"]) for p in step["partners"]),
    }


def describe(steps: list[dict[str, Any]]) -> str:
    return (
        "\n".join(f"  {step['provision']}: {sorted(actual(step).items())}" for step in steps)
        or "  (no step)"
    )


# --------------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("row", CASES)
def test_path__step_is_as_the_document_says(row: Case) -> None:
    steps = steps_of(path_of(row.municipality, row.client, row.uses_finnish), row.phase)
    expected = row.expected()
    assert any(actual(step) == expected for step in steps), (
        f"{row.id}: no {row.phase} step is\n  {sorted(expected.items())}\n"
        f"the path has:\n{describe(steps)}"
    )


def _case_of(row: Case | ParameterSet) -> Case:
    found = row if isinstance(row, Case) else row.values[0]
    assert isinstance(found, Case)
    return found


def test_table__covers_every_municipality_client_and_phase() -> None:
    rows = [_case_of(row) for row in ASSESSMENT + MULTI_ASSESSMENT + PLAN + TRAINING + GUIDANCE]
    assert len(rows) >= 70
    assert len({row.id for row in rows}) == len(rows), "case ids must be unique"
    covered = {(row.municipality, row.client, row.phase) for row in rows}
    for name in MUNICIPALITIES:
        for client in ClientGroup:
            for phase in ("assessment", "multi_assessment", "plan", "training", "guidance"):
                assert (name, client, phase) in covered, (name, client.value, phase)


# --------------------------------------------------------------------------------------------
# Focused tests
# --------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_path__puolanka_job_seeker_assessment__is_bought_from_suomussalmi() -> None:
    steps = steps_of(path_of("Puolanka", JS), "assessment")

    counsellor = [s for s in steps if (s["provider"] or {}).get("role_id") == "tyollisyysohjaaja"]
    assert len(counsellor) == 1
    step = counsellor[0]
    assert step["purchased"] is True
    assert step["responsible"]["code"] == PUOLANKA
    assert step["provider"]["organisation_id"] == "suomussalmi"
    assert step["provider"]["municipality"]["code"] == SUOMUSSALMI
    assert [place["id"] for place in step["places"]] == ["puolangan-kunnantalo"]


@pytest.mark.django_db
def test_path__paltamo__buys_job_seekers_from_suomussalmi_and_others_from_kajaani() -> None:
    job_seeker = steps_of(path_of("Paltamo", JS), "assessment")
    other = steps_of(path_of("Paltamo", OTHER), "assessment")

    assert {(s["provider"]["organisation_id"], s["purchased"]) for s in job_seeker} == {
        ("suomussalmi", True)
    }
    assert {(s["provider"]["organisation_id"], s["purchased"]) for s in other} == {
        ("kajaani", True)
    }


@pytest.mark.django_db
@pytest.mark.parametrize("phase", ["assessment", "multi_assessment", "plan"])
def test_path__taivalkoski_job_seeker_without_finnish__is_served_by_kuusamo(phase: str) -> None:
    steps = steps_of(path_of("Taivalkoski", JS, uses_finnish=False), phase)

    assert steps, f"no {phase} step"
    for step in steps:
        assert step["status"] == AVAILABLE
        assert step["responsible"]["code"] == KUUSAMO
        assert step["provider"]["organisation_id"] == "kuusamo"
        assert step["provider"]["municipality"]["code"] == KUUSAMO
        assert step["purchased"] is False


@pytest.mark.django_db
def test_path__taivalkoski_job_seeker_using_finnish__assessment_is_undetermined() -> None:
    steps = steps_of(path_of("Taivalkoski", JS, uses_finnish=True), "assessment")

    assert steps
    assert all(step["status"] == UNDETERMINED for step in steps)
    assert all(step["provider"] is None for step in steps)
    assert not any(step["responsible"] and step["responsible"]["code"] == KUUSAMO for step in steps)


@pytest.mark.django_db
def test_path__taivalkoski_other__is_served_by_taivalkoski_not_kuusamo() -> None:
    steps = steps_of(path_of("Taivalkoski", OTHER), "assessment")

    assert [step["responsible"]["code"] for step in steps] == [TAIVALKOSKI]
    assert steps[0]["provider"]["organisation_id"] == "taivalkoski"


@pytest.mark.django_db
def test_path__kuhmo_other_assessment__is_undetermined() -> None:
    steps = steps_of(path_of("Kuhmo", OTHER), "assessment")

    assert steps
    assert all(step["status"] == UNDETERMINED for step in steps)
    assert all(step["provider"] is None for step in steps)


@pytest.mark.django_db
def test_path__kuhmo_job_seeker_assessment__is_produced_by_sotkamo() -> None:
    steps = steps_of(path_of("Kuhmo", JS), "assessment")

    assert [(s["status"], s["provider"]["organisation_id"]) for s in steps] == [
        (AVAILABLE, "sotkamo")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("client", list(ClientGroup), ids=lambda c: c.value)
@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_path__has_every_phase_in_programme_order(name: str, client: ClientGroup) -> None:
    phases = [step["phase"] for step in path_of(name, client).as_dict()["steps"]]

    distinct = list(dict.fromkeys(phases))
    assert distinct == list(PROGRAMME_ORDER)
    assert phases == sorted(phases, key=PROGRAMME_ORDER.index), "phases are interleaved"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("term", "code"),
    [
        ("Hyrnsalmi", HYRYNSALMI),  # the document's misspelling
        ("105", HYRYNSALMI),
        ("kajana", KAJAANI),  # Swedish name, lower case
        ("Ristijärvi", RISTIJARVI),
        ("  TAIVALKOSKI ", TAIVALKOSKI),
    ],
)
def test_municipality_find__finds_by_alias_code_and_swedish_name(term: str, code: str) -> None:
    assert municipality(term).code == code


@pytest.mark.django_db
def test_municipality_find__unknown_name__finds_nothing() -> None:
    assert Municipality.objects.find("Oulu") is None
    assert Municipality.objects.find("") is None
