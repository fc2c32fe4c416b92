"""A municipality's file, last steps: other municipal services, associations, employment;
then the file itself."""

from __future__ import annotations

from typing import Any

from kotokartta.devtools.synth.base import _GeneratorBase
from kotokartta.devtools.synth.model import _Profile
from kotokartta.devtools.synth.words import _source, _text, slug
from kotokartta.devtools.synth.yamlout import _dump, _Flow


class _MunicipalityCommunity(_GeneratorBase):
    def _municipality_community(self, profile: _Profile, v: dict[str, Any]) -> str:
        activities = v["activities"]
        area = v["area"]
        coordinators = v["coordinators"]
        doc = v["doc"]
        flags = v["flags"]
        i_unit = v["i_unit"]
        integ = v["integ"]
        label = v["label"]
        lead = v["lead"]
        m = v["m"]
        mun = v["mun"]
        municipality = v["municipality"]
        name = v["name"]
        organisations = v["organisations"]
        own = v["own"]
        places = v["places"]
        provisions = v["provisions"]
        rng = v["rng"]
        seller_name = v["seller_name"]
        silent = v["silent"]
        # --- other municipal services
        quote = doc.say(
            "municipal_services",
            label,
            rng.choice(
                (
                    "Kunta järjestää nuorisotyön, kulttuurin ja liikunnan palveluita "
                    "maahanmuuttajille yhdenvertaisin perustein muun väestön kanssa.",
                    "Nuorisotyön, kulttuurin, liikunnan ja kansalaisopiston palvelut ovat "
                    "yhdenvertaisesti kaikkien käytettävissä.",
                )
            ),
        )
        provisions.append(
            self._provision(
                id=f"{m}-municipal-leisure",
                phase="municipal_services",
                clients=["job-seeker", "other"],
                status="available",
                responsible=m,
                provider=_Flow(organisation=m),
                details=(
                    "Nuorisotyön, kulttuurin ja liikunnan palvelut ovat yhdenvertaisesti kaikkien "
                    "käytettävissä.",
                    "Youth work, culture and sports services are open to everyone on an equal "
                    "basis.",
                ),
                source=_source("municipal_services", quote),
            )
        )
        if mun.code in self.kaikukortti:
            quote = doc.say("municipal_services", label, "Kunta on mukana Kaikukortti-verkostossa.")
            provisions.append(
                self._provision(
                    id=f"{m}-municipal-kaikukortti",
                    phase="municipal_services",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=m),
                    activity="kaikukortti",
                    source=_source("municipal_services", quote),
                )
            )
        elif rng.random() < 0.25:
            pass_id = f"kulttuuripassi-{m}"
            quote = doc.say(
                "municipal_services",
                label,
                "Käytössä on kulttuuripassi, jolla kaikki uudet kuntalaiset pääsevät tutustumaan "
                "kulttuuritapahtumiin.",
            )
            activities.append(
                self._activity(
                    id=pass_id,
                    kind="benefit",
                    name=_text(f"Kulttuuripassi ({name})", f"Culture pass ({name})"),
                    organisers=[m],
                    municipalities=[m],
                    phases=["municipal_services", "community"],
                    source=_source("municipal_services", quote),
                )
            )
            provisions.append(
                self._provision(
                    id=f"{m}-municipal-kulttuuripassi",
                    phase="municipal_services",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=m),
                    activity=pass_id,
                    details=(
                        "Uudet kuntalaiset pääsevät kulttuuripassilla kulttuuritapahtumiin.",
                        "With the culture pass, new residents get to cultural events.",
                    ),
                    source=_source("municipal_services", quote),
                )
            )
        roll = rng.random()
        if roll < 0.18:
            year = rng.randint(2024, 2027)
            quote = doc.say(
                "municipal_services",
                label,
                "Suunnitelmissa on käynnistää omia ryhmätoimintoja kotoutuja-asiakkaille vuoden "
                f"{year} aikana.",
            )
            pid = f"{m}-municipal-group-activities"
            provisions.append(
                self._provision(
                    id=pid,
                    phase="municipal_services",
                    clients=["job-seeker", "other"],
                    status="planned",
                    planned_from=year,
                    responsible=m,
                    provider=own(i_unit),
                    details=(
                        f"{integ.fi.capitalize()} suunnittelevat omia ryhmätoimintoja "
                        "kotoutuja-asiakkaille.",
                        f"The {integ.en} plan their own group activities for clients.",
                    ),
                    source=_source("municipal_services", quote),
                )
            )
            if year <= 2025:
                self._flag(
                    flags,
                    f"{m}-group-activities-{year}",
                    "dated_plan",
                    pid,
                    f"Asiakirjan mukaan ryhmätoiminnot käynnistyvät vuoden {year} aikana. "
                    "Ajankohta on ohitettu.",
                    f"The document says the group activities start during {year}. That date has "
                    "passed.",
                    _source("municipal_services", quote),
                )
        elif roll < 0.265:
            quote = doc.say(
                "municipal_services",
                label,
                "Kunta ei järjestä erillisiä ryhmätoimintoja kotoutuja-asiakkaille.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-municipal-group-activities",
                    phase="municipal_services",
                    clients=["job-seeker", "other"],
                    status="not_organised",
                    responsible=m,
                    details=(
                        "Erillisiä ryhmätoimintoja kotoutujille ei järjestetä.",
                        "No separate group activities for newcomers are arranged.",
                    ),
                    source=_source("municipal_services", quote),
                )
            )

        # --- associations and community activities
        if rng.random() < 0.55 and not profile.spr:
            silent("community", "järjestö- ja yhteisötoiminta", "associations and community")
        else:
            association = f"monikulttuurinen-yhdistys-{m}"
            club = f"kohtaamiset-{m}"
            quote = doc.say(
                "community",
                label,
                rng.choice(
                    (
                        "Monikulttuurinen yhdistys järjestää kaikille avoimia tapahtumia ja "
                        "kerran viikossa kielikahvilan.",
                        "Paikallinen yhdistys ylläpitää kohtaamispaikkaa, jossa paikalliset ja "
                        "ulkomaalaiset voivat luoda yhteyksiä.",
                    )
                ),
            )
            organisations.append(
                {
                    "id": association,
                    "kind": "association",
                    "municipality": m,
                    "name": _text(
                        f"Monikulttuurinen yhdistys ({name}) ry",
                        f"Multicultural association ({name})",
                    ),
                    "source": _source("community", quote),
                }
            )
            activities.append(
                self._activity(
                    id=club,
                    kind="group",
                    name=_text(
                        f"Kielikahvila ja kohtaamiset ({name})",
                        f"Language café and meetings ({name})",
                    ),
                    organisers=[association],
                    municipalities=[m],
                    phases=["community"],
                    description=(
                        "Kaikille avoimia tapahtumia ja viikoittainen kielikahvila.",
                        "Events open to all and a weekly language café.",
                    ),
                    source=_source("community", quote),
                )
            )
            provisions.append(
                self._provision(
                    id=f"{m}-community-yhdistys",
                    phase="community",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=association),
                    activity=club,
                    partners=[_Flow(organisation="mll")] if rng.random() < 0.2 else [],
                    source=_source("community", quote),
                )
            )
            if profile.spr:
                quote = doc.say(
                    "community",
                    label,
                    "SPR:llä on kerran viikossa avointa kahvilatoimintaa, ja se järjestää "
                    "tapahtumia yhdessä kunnan kanssa.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-community-spr",
                        phase="community",
                        clients=["job-seeker", "other"],
                        status="available",
                        responsible=m,
                        provider=_Flow(organisation="suomen-punainen-risti", unit=f"spr-{m}"),
                        partners=[_Flow(organisation=m)],
                        source=_source("community", quote),
                    )
                )

        # --- employment and entrepreneurship
        employment_before = len(provisions)
        for project in area.projects:
            if mun.code not in project["codes"]:
                continue
            provisions.append(
                self._provision(
                    id=f"{m}-employment-{slug(project['fi'])}",
                    phase="employment",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=project["organiser"]),
                    activity=project["id"],
                    role="hanketyontekija" if rng.random() < 0.4 else None,
                    source=_source("employment", project["quote"]),
                )
            )
        if rng.random() < 0.35:
            planned = rng.random() < 0.4
            quote = doc.say(
                "employment",
                label,
                "Lisäksi pyritään tarjoamaan työkokeiluja kunnan omissa yksiköissä."
                if planned
                else "Kunta tarjoaa matalan kynnyksen työkokeiluja omissa yksiköissään.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-employment-tyokokeilut",
                    phase="employment",
                    clients=["job-seeker", "other"],
                    status="planned" if planned else "available",
                    responsible=m,
                    provider=_Flow(organisation=m),
                    details=(
                        "Työkokeiluja kunnan omissa yksiköissä"
                        + (" (tavoite, ei sovittu palvelu)." if planned else "."),
                        "Work trials in the municipality's own units"
                        + (" (an aim, not an agreed service)." if planned else "."),
                    ),
                    source=_source("employment", quote),
                )
            )
        if mun.code == lead.code:
            quote = doc.say(
                "employment",
                label,
                "Työllisyysalueen keskitetyt yrityspalvelut neuvovat vieraskielisiä yrittäjiä ja "
                "yrittäjiksi aikovia.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-employment-yrityspalvelut",
                    phase="employment",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=area.id, unit=f"{area.id}-yrityspalvelut"),
                    role="yritysasiantuntija",
                    details=(
                        "Yritysneuvontaa vieraskielisille yrittäjille ja yrittäjiksi aikoville.",
                        "Business advice for entrepreneurs and would-be entrepreneurs whose "
                        "language is not Finnish.",
                    ),
                    source=_source("employment", quote),
                )
            )
        if len(provisions) == employment_before:
            silent("employment", "työllistymistä tukevat palvelut", "employment services")

        header = [
            f"{name} ({mun.code}) — SYNTHETIC data (seed {self.seed}), not a real programme.",
            f"Employment area: {area.name_fi} (lead {lead.name_fi}); this municipality: "
            + {
                "lead": "the lead (training vastuukunta)",
                "hub": "a service hub of the area",
                "own": "arranges its services itself",
                "purchaser": f"buys its statutory services from {seller_name}",
            }[profile.kind]
            + ".",
            f"Wellbeing services county: {area.county.name_fi}. Format: docs/data-format.md.",
        ]
        self.organisation_count += len(organisations)
        return _dump(
            header,
            [
                ("municipality", municipality),
                ("coordinators", coordinators),
                ("organisations", organisations),
                ("places", places),
                ("activities", activities),
                ("provisions", provisions),
                ("flags", flags),
            ],
        )
