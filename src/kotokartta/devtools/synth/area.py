"""area.yaml: the area-wide organisations, projects, provisions and cooperation."""

from __future__ import annotations

from typing import Any

from kotokartta.devtools.synth.base import _GeneratorBase
from kotokartta.devtools.synth.constants import AREA_ID, DATA_DATE, DOCUMENT_FILE
from kotokartta.devtools.synth.words import (
    LANGUAGE_NAMES,
    PROJECT_WORDS,
    REFUGEE_BASES,
    ROLES,
    _join_fi,
    _source,
    _text,
    count_noun,
    slug,
)
from kotokartta.devtools.synth.yamlout import _dump, _Flow, _FlowList


class _AreaFile(_GeneratorBase):
    # ----------------------------------------------------------------- area.yaml

    def _area_file(self) -> str:
        rng = self.rng
        doc = self.doc
        organisations: list[dict[str, Any]] = []
        activities: list[dict[str, Any]] = []
        provisions: list[dict[str, Any]] = []
        cooperation: list[dict[str, Any]] = []
        flags: list[dict[str, Any]] = []
        for county in self.counties:
            organisations.append(
                {
                    "id": county.id,
                    "kind": "wellbeing_county",
                    "name": _text(
                        county.name_fi,
                        f"{county.name_fi.removeprefix('Hyvinvointialue ')} Wellbeing Services "
                        "County",
                        county.name_sv,
                    ),
                    "units": [
                        {
                            "id": county.units[0],
                            "name": _text("aikuisten sosiaalityö", "adult social work"),
                        },
                        {
                            "id": county.units[1],
                            "name": _text(
                                "työikäisten sosiaalipalvelut",
                                "social services for working-age adults",
                            ),
                        },
                    ],
                }
            )
        for area in self.areas:
            label = area.name_fi
            member_ids = [m.id for m in area.members]
            names = [m.name_fi for m in area.members]
            if len(names) == 1:
                intro = doc.say("introduction", label, f"Alueeseen kuuluu yksi kunta, {names[0]}.")
            else:
                intro = doc.say(
                    "introduction", label, f"Alueeseen kuuluvat kunnat {_join_fi(names)}."
                )
            area.projects = []
            self.area_intro[area.id] = intro
            lead = area.lead.name_fi
            if len(area.members) > 1:
                doc.say(
                    "introduction",
                    label,
                    f"Kotoutumiskoulutuksen vastuukuntana toimii {lead}, joka myy "
                    "lakisääteisiä kotoutumispalveluita myös alueen muille kunnille.",
                )
            organisations.append(
                {
                    "id": area.id,
                    "kind": "authority",
                    "municipality": area.lead.id,
                    "name": _text(
                        area.name_fi,
                        f"{lead} employment area",
                        f"Sysselsättningsområde {area.lead.name_sv}",
                    ),
                    "units": [
                        {
                            "id": f"{area.id}-johtoryhma",
                            "name": _text(
                                "työllisyysalueen johtoryhmä",
                                "leadership group of the employment area",
                            ),
                        },
                        {
                            "id": f"{area.id}-yrityspalvelut",
                            "name": _text(
                                "työllisyysalueen keskitetyt yrityspalvelut",
                                "the employment area's centralised business services",
                            ),
                        },
                    ],
                }
            )
            college_quote = doc.say(
                "training",
                label,
                f"Vastuukunnan ({lead}) kotoutumiskoulutuksen toteuttaa Ammattiopisto {lead}.",
            )
            organisations.append(
                {
                    "id": area.college,
                    "kind": "education",
                    "municipality": area.lead.id,
                    "name": _text(f"Ammattiopisto {lead}", f"{lead} Vocational College"),
                    "source": _source("training", college_quote),
                }
            )
            online_quote = doc.say(
                "training",
                label,
                "Työllisyysalue kilpailuttaa verkkokotokoulutuksen kaikille alueen kunnille.",
            )
            activities.append(
                self._activity(
                    id=area.online_training,
                    kind="project",
                    name=_text(
                        f"Verkkokotokoulutus ({area.name_fi})",
                        f"Online integration training ({lead} employment area)",
                    ),
                    organisers=[area.id],
                    municipalities=member_ids,
                    phases=["training"],
                    description=(
                        "Työllisyysalue kilpailuttaa verkossa järjestettävän kotoutumiskoulutuksen "
                        "kaikille alueen kunnille.",
                        "The employment area puts online integration training out to tender for "
                        "all its municipalities.",
                    ),
                    source=_source("training", online_quote),
                )
            )
            for index in range(1 + (len(member_ids) >= 4) + (rng.random() < 0.5)):
                word_fi, word_en = PROJECT_WORDS[(area.index * 3 + index) % len(PROJECT_WORDS)]
                size = rng.randint(max(1, len(member_ids) // 2), len(member_ids))
                chosen = sorted(rng.sample(area.members, size), key=lambda m: m.code)
                start = rng.randint(2023, 2026)
                end = start + rng.randint(1, 3)
                organiser = rng.choice((area.id, "suomen-punainen-risti", area.college))
                project_id = f"{area.id}-{slug(word_fi)}"
                quote = doc.say(
                    "employment",
                    label,
                    f"{word_fi} -hanke vuosina {start}–{end} tarjoaa yksilöllistä tukea "
                    "työllistymiseen ja työnhakuun kunnissa "
                    f"{_join_fi([m.name_fi for m in chosen])}.",
                )
                activities.append(
                    self._activity(
                        id=project_id,
                        kind="project",
                        name=_text(f"{word_fi} -hanke ({lead})", f"{word_en} project ({lead})"),
                        organisers=[organiser],
                        municipalities=[m.id for m in chosen],
                        phases=["employment"],
                        period=(start, end),
                        description=(
                            "Yksilöllistä tukea työllistymiseen ja työnhakuun, työnantajien "
                            "tukea rekrytoinnissa sekä työelämän suomen kielen valmennusta.",
                            "Individual support for finding work and job search, support for "
                            "employers in recruiting, and coaching in working-life Finnish.",
                        ),
                        source=_source("employment", quote),
                    )
                )
                area.projects.append(
                    {
                        "id": project_id,
                        "organiser": organiser,
                        "codes": [m.code for m in chosen],
                        "fi": word_fi,
                        "en": word_en,
                        "quote": quote,
                    }
                )
            # Area-wide provisions: orientation, training for non-job-seekers, final test.
            languages = sorted(rng.sample(sorted(LANGUAGE_NAMES), rng.randint(2, 6)))
            orientation_quote = doc.say(
                "orientation",
                label,
                "Yhteiskuntaorientaatiota tullaan mahdollisesti järjestämään seuraavilla "
                f"kielillä: {_join_fi([LANGUAGE_NAMES[c] for c in languages])}.",
            )
            note = _text(
                "Tieto siitä, mihin muihin kuntiin vastaanotetaan kiintiöpakolaisryhmiä samasta "
                "otosta.",
                "Which other municipalities receive quota refugee groups from the same selection.",
            )
            provisions.append(
                self._provision(
                    id=f"{area.id}-orientation",
                    phase="orientation",
                    clients=["job-seeker", "other"],
                    status="on_need",
                    responsible="residence",
                    languages=languages,
                    target_groups=[*REFUGEE_BASES, "family_member"],
                    partners=[
                        _Flow(organisation="ely-keskukset", note=note),
                        _Flow(organisation="migri", note=note),
                    ],
                    municipalities=member_ids,
                    details=(
                        "Alueen kunnat hankkivat lakisääteisen monikielisen "
                        "yhteiskuntaorientaation yhdessä kieliryhmien ja ryhmäkokojen mukaan. "
                        "Tarve arvioidaan palvelutarpeen arvioinnissa.",
                        "The area's municipalities procure statutory multilingual civic "
                        "orientation together, depending on language groups and group sizes. "
                        "The need is assessed in the service-needs assessment.",
                    ),
                    source=_source("orientation", orientation_quote),
                )
            )
            if rng.random() < 0.5:
                self._flag(
                    flags,
                    f"{area.id}-orientation-languages-tentative",
                    "ambiguous",
                    f"{area.id}-orientation",
                    'Orientaatiokielet ovat asiakirjassa mahdollisia ("tullaan mahdollisesti '
                    'järjestämään"), eivät sovittuja.',
                    'The orientation languages are tentative in the document ("may be '
                    'arranged"), not agreed.',
                    _source("orientation", orientation_quote),
                )
            others_quote = doc.say(
                "training_others",
                label,
                f"Alueen ({lead}) kunnissa asiakas ohjataan palvelutarpeensa mukaan opiskelemaan "
                "suomen kieltä; palvelutarve arvioidaan kotikunnassa.",
            )
            provisions.append(
                self._provision(
                    id=f"{area.id}-training-others",
                    phase="training",
                    clients=["other"],
                    status="on_need",
                    responsible="residence",
                    municipalities=member_ids,
                    details=(
                        "Asiakas ohjataan palvelutarpeensa mukaan opiskelemaan suomen kieltä. "
                        "Palvelutarve arvioidaan kotikunnassa.",
                        "The client is referred to study Finnish according to their service "
                        "needs, which are assessed in their home municipality.",
                    ),
                    source=_source("training_others", others_quote),
                )
            )
            test_quote = doc.say(
                "final_test",
                label,
                "Kielitaidon päättötestaus järjestetään osana kotoutumislain mukaista "
                f"kotoutumiskoulutusta, ja sen toteuttaa Ammattiopisto {lead}.",
            )
            provisions.append(
                self._provision(
                    id=f"{area.id}-final-test",
                    phase="final_test",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible="residence",
                    provider=_Flow(organisation=area.college),
                    municipalities=member_ids,
                    details=(
                        f"Päättötestaus on osa kotoutumiskoulutusta; testaa Ammattiopisto {lead}.",
                        f"The final test is part of integration training; {lead} Vocational "
                        "College tests.",
                    ),
                    source=_source("final_test", test_quote),
                )
            )
            board_quote = doc.say(
                "cooperation",
                label,
                "Työllisyysalueen johtoryhmä asettaa maahanmuuton ja kotoutumisen edistämisen "
                "monialaisen yhteistyöryhmän.",
            )
            group_quote = doc.say(
                "cooperation",
                label,
                "Yhteistyöryhmän tehtävänä on seurata ja kehittää alueellista yhteistyötä "
                f"kotoutumisen edistämisen palveluissa; ryhmän kutsuu koolle {lead}.",
            )
            cooperation.append(
                {
                    "id": f"{area.id}-johtoryhma",
                    "name": _text(
                        f"Johtoryhmä ({area.name_fi})", f"Leadership group ({lead} employment area)"
                    ),
                    "tasks": {
                        "fi": "Asettaa maahanmuuton ja kotoutumisen edistämisen monialaisen "
                        "yhteistyöryhmän.",
                        "en": "Appoints the multi-sector cooperation group for immigration and "
                        "integration.",
                    },
                    "source": _source("cooperation", board_quote),
                }
            )
            cooperation.append(
                {
                    "id": f"{area.id}-yhteistyoryhma",
                    "name": _text(
                        "Maahanmuuton ja kotoutumisen edistämisen monialainen yhteistyöryhmä "
                        f"({area.name_fi})",
                        f"Multi-sector cooperation group for immigration and integration ({lead} "
                        "employment area)",
                    ),
                    "appointed_by": f"{area.id}-johtoryhma",
                    "members": [
                        _text("kuntien edustajat", "representatives of the municipalities"),
                        _text(
                            area.county.name_fi,
                            f"{area.county.name_fi.removeprefix('Hyvinvointialue ')} Wellbeing "
                            "Services County",
                        ),
                        _text("ELY-keskus", "the ELY Centre"),
                        _text("poliisi", "the police"),
                        _text(
                            "järjestöt, yhdistykset ja yhteisöt",
                            "organisations, associations and communities",
                        ),
                        _text("elinkeinoelämän edustajat", "representatives of business"),
                    ],
                    "tasks": {
                        "fi": "Seurata ja kehittää alueellista yhteistyötä kotoutumisen "
                        "edistämisen palveluissa.",
                        "en": "To follow and develop regional cooperation in integration services.",
                    },
                    "source": _source("cooperation", group_quote),
                }
            )
        spr_units = [
            {
                "id": f"spr-{p.mun.id}",
                "name": _text(
                    f"SPR:n osasto ({p.mun.name_fi})", f"Finnish Red Cross, {p.mun.name_fi} branch"
                ),
            }
            for p in self.profiles.values()
            if p.spr
        ]
        shared: list[dict[str, Any]] = [
            {
                "id": "suomen-punainen-risti",
                "kind": "association",
                "name": _text(
                    "Suomen Punainen Risti (SPR)", "Finnish Red Cross", "Finlands Röda Kors"
                ),
                "units": spr_units,
            },
            {
                "id": "mll",
                "kind": "association",
                "name": _text(
                    "MLL (Mannerheimin Lastensuojeluliitto)",
                    "Mannerheim League for Child Welfare (MLL)",
                ),
            },
            {
                "id": "ely-keskukset",
                "kind": "authority",
                "name": _text("alueen ELY-keskukset", "the region's ELY Centres"),
            },
            {
                "id": "migri",
                "kind": "authority",
                "name": _text(
                    "Maahanmuuttovirasto (Migri)",
                    "Finnish Immigration Service (Migri)",
                    "Migrationsverket",
                ),
            },
            {
                "id": "tyovoimaviranomainen",
                "kind": "authority",
                "name": _text("työvoimaviranomainen", "the employment authority"),
            },
        ]
        if not spr_units:
            del shared[0]["units"]
        organisations = [
            *organisations[: len(self.counties)],
            *shared,
            *organisations[len(self.counties) :],
        ]
        kaikukortti_ids = [m.id for m in self.munis if m.code in self.kaikukortti]
        if kaikukortti_ids:
            quote = doc.say(
                "municipal_services",
                "Kaikukortti",
                "Kaikukortti-verkostossa ovat mukana "
                f"{_join_fi([m.name_fi for m in self.munis if m.code in self.kaikukortti])}.",
            )
            activities.append(
                self._activity(
                    id="kaikukortti",
                    kind="benefit",
                    name=_text("Kaikukortti", "Kaikukortti (culture card)"),
                    organisers=[],
                    municipalities=kaikukortti_ids,
                    phases=["municipal_services"],
                    description=(
                        "Kortti oikeuttaa maksuttomaan pääsyyn kulttuuritapahtumiin.",
                        "The card gives free entry to cultural events.",
                    ),
                    source=_source("municipal_services", quote),
                )
            )
        self._flag(
            flags,
            "repealed-15-and-17",
            "legal_reference",
            None,
            "Asiakirja viittaa KotoL 15 §:ään (monialainen arviointi) ja 17 §:ään (monialainen "
            "suunnitelma). Laki 1100/2024 kumosi ne ennen lain voimaantuloa; hyvinvointialue "
            "osallistuu nyt 14 §:n arviointiin ja 20 §:n suunnitelmaan.",
            "The document cites KotoL 15 § (multi-professional assessment) and 17 § "
            "(multi-professional plan). Act 1100/2024 repealed them before the law came into "
            "force; the wellbeing services county now takes part in the 14 § assessment and the "
            "20 § plan.",
            _source("assessment", "(KotoL 14 ja 15 §)"),
        )
        self.organisation_count += len(organisations)
        area_record = {
            "id": AREA_ID,
            "name": _text("Suomi (synteettinen)", "Finland (synthetic)", "Finland (syntetisk)"),
            "document": {
                "title": _text(
                    "Suomen kuntien kotoutumisohjelmia kuvaava synteettinen asiakirja",
                    "Synthetic document describing the integration programmes of Finland's "
                    "municipalities",
                ),
                "file": DOCUMENT_FILE,
                "publisher": _text(
                    "Kotokartta (synteettinen testiaineisto)", "Kotokartta (synthetic test data)"
                ),
                "data_date": DATA_DATE,
            },
            "municipalities": _FlowList(m.id for m in self.munis),
        }
        header = [
            "SYNTHETIC national data set: not a real integration programme. Generated by",
            f"`{self.command}`.",
            "Municipal names and codes come from data/geo (© Maanmittauslaitos, CC BY 4.0);",
            "everything else (people, e-mail addresses at example.fi, services) is invented.",
            f"{count_noun(len(self.areas), 'employment area', 'employment areas')} and "
            + count_noun(
                len(self.counties), "wellbeing services county", "wellbeing services counties"
            )
            + ", grouped by geography.",
            f"Format: docs/data-format.md. Every `quote` stands word for word in {DOCUMENT_FILE}.",
        ]
        return _dump(
            header,
            [
                ("area", area_record),
                ("roles", [{"id": r, "name": _text(fi, en)} for r, fi, en in ROLES]),
                ("organisations", organisations),
                ("activities", activities),
                ("provisions", provisions),
                ("cooperation", cooperation),
                ("flags", flags),
            ],
        )
