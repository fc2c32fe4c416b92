"""A municipality's file, first steps: the municipality, its people, organisation and
places; assessment and plan.

The steps of one file hand their local names on in a dict (`v`): they were one long method, cut
at its sections without changing the order of the random draws, so the output stays identical."""

from __future__ import annotations

from typing import Any

from kotokartta.devtools.synth.base import _GeneratorBase
from kotokartta.devtools.synth.model import _Profile
from kotokartta.devtools.synth.words import (
    ADMIN_UNIT,
    FIRST_NAMES,
    LAST_NAMES,
    ROLE_EN,
    ROLE_FI,
    TITLES,
    _source,
    _text,
    slug,
)
from kotokartta.devtools.synth.yamlout import _Flow, _Quoted
from kotokartta.programme.vocabulary import SECTIONS

_NOT_PASSED = frozenset({"self", "profile", "v"})


class _MunicipalityStart(_GeneratorBase):
    def _municipality_start(self, profile: _Profile) -> dict[str, Any]:
        v: dict[str, Any] = {}
        rng = self.rng
        doc = self.doc
        mun = profile.mun
        area = profile.area
        m = mun.id
        name = mun.name_fi
        label = name
        emp = profile.employment
        integ = profile.integration
        e_unit = f"{m}-{emp.suffix}"
        i_unit = f"{m}-{integ.suffix}"
        hall = f"kunnantalo-{m}"
        opisto = f"kansalaisopisto-{m}"
        seller = profile.seller
        seller_profile = self.profiles[seller.code] if seller is not None else None
        buys = profile.kind == "purchaser"
        lead = area.lead
        flags: list[dict[str, Any]] = []
        provisions: list[dict[str, Any]] = []
        activities: list[dict[str, Any]] = []

        # --- the municipality, its people, organisation and places
        municipality = {
            "id": m,
            "code": _Quoted(mun.code),
            "name": _text(name, None, mun.name_sv),
            "wellbeing_county": area.county.id,
            "receives_quota_refugees": profile.quota,
            "source": _source("introduction", self.area_intro[area.id]),
        }
        units: list[dict[str, Any]] = []
        if profile.admin_parent:
            units.append(
                {"id": f"{m}-{ADMIN_UNIT.suffix}", "name": _text(ADMIN_UNIT.fi, ADMIN_UNIT.en)}
            )
        units.append({"id": e_unit, "name": _text(emp.fi, emp.en)})
        integration_unit: dict[str, Any] = {"id": i_unit, "name": _text(integ.fi, integ.en)}
        if profile.admin_parent:
            integration_unit = {
                "id": i_unit,
                "parent": f"{m}-{ADMIN_UNIT.suffix}",
                "name": _text(integ.fi, integ.en),
            }
        units.append(integration_unit)
        organisations: list[dict[str, Any]] = [
            {
                "id": m,
                "kind": "municipality",
                "municipality": m,
                "name": _text(
                    f"{name} (kunta)", f"Municipality of {name}", f"{mun.name_sv} (kommun)"
                ),
                "units": units,
            },
        ]
        opisto_quote = doc.say(
            "literacy",
            label,
            rng.choice(
                (
                    f"Kansalaisopisto ({name}) järjestää suomen kielen ja luku- ja "
                    "kirjoitustaidon opetusta.",
                    "Luku- ja kirjoitustaidon koulutusta järjestetään kunnan kansalaisopistossa.",
                )
            ),
        )
        organisations.append(
            {
                "id": opisto,
                "kind": "education",
                "municipality": m,
                "name": _text(f"Kansalaisopisto ({name})", f"Adult education centre ({name})"),
                "source": _source("literacy", opisto_quote),
            }
        )
        unit_forms = {e_unit: emp, i_unit: integ}
        coordinators = []
        for _ in range(1 + (rng.random() < 0.25)):
            first = rng.choice(FIRST_NAMES)
            last = rng.choice(LAST_NAMES)
            title_fi, title_en = rng.choice(TITLES)
            unit_id = rng.choice((e_unit, i_unit, None))
            email = f"{slug(first)}.{slug(last)}@{m}.example.fi"
            where = f"{unit_forms[unit_id].fi}, " if unit_id else ""
            quote = f"{where}{title_fi} {first} {last}, {email}"
            quote = quote[0].upper() + quote[1:]
            doc.say("coordinators", label, quote + ".")
            coordinator: dict[str, Any] = {
                "name": f"{first} {last}",
                "title": _text(title_fi, title_en),
                "email": email,
                "organisation": m,
            }
            if unit_id:
                coordinator["unit"] = unit_id
            coordinator["source"] = _source("coordinators", quote)
            coordinators.append(coordinator)
        hall_quote = doc.say(
            "assessment",
            label,
            f"Vieraskielisten asiakkaiden palvelut järjestetään {emp.ine} kunnantalolla.",
        )
        places: list[dict[str, Any]] = [
            {
                "id": hall,
                "name": _text(f"Kunnantalo ({name})", f"{name} municipal hall"),
                "municipality": m,
                "source": _source("assessment", hall_quote),
            },
        ]
        meeting_place = None
        if rng.random() < 0.3:
            meeting_place = f"kohtaamispaikka-{m}"
            quote = doc.say(
                "guidance",
                label,
                f"Matalan kynnyksen ohjausta ja neuvontaa saa kunnan kohtaamispaikassa, jota "
                f"ylläpitävät {integ.fi}.",
            )
            places.append(
                {
                    "id": meeting_place,
                    "name": _text(f"Kohtaamispaikka ({name})", f"Meeting place ({name})"),
                    "municipality": m,
                    "source": _source("guidance", quote),
                }
            )
        in_person = ["in_person"] if rng.random() < 0.7 else ["in_person", "remote"]

        def own(unit: str) -> _Flow:
            return _Flow(organisation=m, unit=unit)

        def bought(kind: str) -> _Flow:
            assert seller is not None and seller_profile is not None
            unit = seller_profile.employment if kind == "e" else seller_profile.integration
            return _Flow(organisation=seller.id, unit=f"{seller.id}-{unit.suffix}")

        def county_partner() -> _Flow:
            return _Flow(
                organisation=area.county.id, unit=profile.county_unit, role=profile.partner_role
            )

        def silent(phase: str, what_fi: str, what_en: str, section: str | None = None) -> None:
            section = section or phase
            pid = f"{m}-{phase.replace('_', '-')}-undetermined"
            provisions.append(
                self._provision(
                    id=pid,
                    phase=phase,
                    clients=["job-seeker", "other"],
                    status="undetermined",
                    responsible=m,
                    details=(
                        f"Asiakirja ei kuvaa tätä palvelua ({what_fi}) tämän kunnan ({name}) "
                        "osalta.",
                        f"The document does not describe this ({what_en}) for {name}.",
                    ),
                    source=_source(section),
                )
            )
            self._flag(
                flags,
                f"{m}-{phase.replace('_', '-')}-silent",
                "silent",
                pid,
                f'Asiakirjan kohdassa "{SECTIONS[section]}" ei ole tämän kunnan '
                f"({name}) kappaletta.",
                f'The document\'s part "{SECTIONS[section]}" has no paragraph for {name}.',
                _source(section),
            )

        seller_name = seller.name_fi if seller is not None else ""
        sp = seller_profile

        # --- assessment and plan (KotoL 14 and 16 §), job seekers and others
        for phase, noun_fi, short_fi, noun_en in (
            (
                "assessment",
                "osaamisen ja kotoutumisen palvelutarpeen arvioinnista",
                "arviointi",
                "assessment",
            ),
            ("plan", "kotoutumissuunnitelman laatimisesta", "suunnitelma", "integration plan"),
        ):
            if profile.conditioned:
                assert seller is not None and sp is not None
                quote = doc.say(
                    phase,
                    label,
                    f"Vieraskielisten, jotka eivät asioi suomeksi, työnhakija-asiakkaiden "
                    f"{noun_fi} vastaa naapurikunta {seller_name}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-job-seeker",
                        phase=phase,
                        clients=["job-seeker"],
                        status="available",
                        responsible=seller.id,
                        provider=bought("e"),
                        role="tyollisyysohjaaja",
                        places=[hall],
                        modes=["in_person", "hybrid"],
                        condition={
                            "text": _text(
                                "Vieraskieliset työnhakija-asiakkaat, jotka eivät asioi suomeksi",
                                "Job-seeker clients whose language is not Finnish and who do not "
                                "use Finnish with the services",
                            ),
                            "uses_finnish": False,
                        },
                        details=(
                            f"Palvelusta vastaa naapurikunta {seller_name} ({sp.employment.fi}); "
                            f"asiakkaat tavataan kunnantalolla ({name}).",
                            f"{seller_name} ({sp.employment.en}) is responsible; clients are met "
                            f"at {name} municipal hall.",
                        ),
                        source=_source(phase, quote),
                    )
                )
                open_id = f"{m}-{phase}-job-seeker-finnish"
                provisions.append(
                    self._provision(
                        id=open_id,
                        phase=phase,
                        clients=["job-seeker"],
                        status="undetermined",
                        condition={
                            "text": _text(
                                "Työnhakija-asiakkaat, jotka asioivat suomeksi",
                                "Job-seeker clients who use Finnish with the services",
                            ),
                            "uses_finnish": True,
                        },
                        details=(
                            "Asiakirja kertoo vain, kuka palvelee työnhakijoita, jotka eivät "
                            "asioi suomeksi; suomeksi asioivien palvelu jää avoimeksi.",
                            "The document only says who serves job seekers who do not use "
                            "Finnish; who serves those who do is left open.",
                        ),
                        source=_source(phase, quote),
                    )
                )
                self._flag(
                    flags,
                    f"{m}-{phase}-finnish-speakers-open",
                    "undetermined",
                    open_id,
                    "Asiakirja jättää avoimeksi, kuka vastaa suomeksi asioivien "
                    f"työnhakija-asiakkaiden palvelusta ({short_fi}) tässä kunnassa ({name}).",
                    f"The document leaves open who serves job seekers who use Finnish ({noun_en}) "
                    f"in {name}.",
                    _source(phase, quote),
                )
            elif buys:
                assert sp is not None
                quote = doc.say(
                    phase,
                    label,
                    rng.choice(
                        (
                            f"Ostopalveluna hankittavan työnhakija-asiakkaiden {noun_fi} vastaa "
                            f"myyjäkunnan ({seller_name}) {sp.employment.gen} työllisyysohjaaja.",
                            f"Työnhakija-asiakkaiden {noun_fi} vastaa ostopalveluna myyjäkunnan "
                            f"({seller_name}) työllisyysohjaaja, lähipalveluna kunnantalolla.",
                        )
                    ),
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-job-seeker",
                        phase=phase,
                        clients=["job-seeker"],
                        status="available",
                        responsible=m,
                        purchased=True,
                        provider=bought("e"),
                        role="tyollisyysohjaaja",
                        places=[hall],
                        modes=["in_person"],
                        details=(
                            f"Ostopalvelu myyjäkunnalta ({seller_name}): työllisyysohjaaja "
                            f"({sp.employment.fi}) palvelee lähipalveluna kunnantalolla ({name}).",
                            f"Bought from {seller_name}: its employment counsellor "
                            f"({sp.employment.en}) serves clients in person at {name} municipal "
                            "hall.",
                        ),
                        source=_source(phase, quote),
                    )
                )
            else:
                quote = doc.say(
                    phase,
                    label,
                    f"Työnhakija-asiakkaiden {noun_fi} vastaa asiakkaan oma työllisyysohjaaja "
                    f"{emp.ine}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-job-seeker",
                        phase=phase,
                        clients=["job-seeker"],
                        status="available",
                        responsible=m,
                        provider=own(e_unit),
                        role="tyollisyysohjaaja",
                        places=[hall],
                        modes=in_person,
                        details=(
                            f"Vastuu on asiakkaan omalla työllisyysohjaajalla ({emp.fi}).",
                            f"The client's own employment counsellor in the {emp.en} is "
                            "responsible.",
                        ),
                        source=_source(phase, quote),
                    )
                )
            other_role = rng.choice(("maahanmuutto-ohjaaja", "kotoutumisohjaaja", "oma-tyontekija"))
            if buys:
                assert sp is not None
                quote = doc.say(
                    phase,
                    label,
                    f"Samoin ostopalveluna hankittavan muiden kotoutuja-asiakkaiden {noun_fi} "
                    f"vastaa myyjäkunnan ({seller_name}) {sp.integration.gen} "
                    f"{ROLE_FI[other_role]}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-other",
                        phase=phase,
                        clients=["other"],
                        status="available",
                        responsible=m,
                        purchased=True,
                        provider=bought("i"),
                        role=other_role,
                        places=[hall],
                        modes=["in_person"],
                        details=(
                            f"Ostopalvelu myyjäkunnalta ({seller_name}, {sp.integration.fi}), "
                            f"lähipalveluna kunnantalolla ({name}).",
                            f"Bought from {seller_name} ({sp.integration.en}), in person at "
                            f"{name} municipal hall.",
                        ),
                        source=_source(phase, quote),
                    )
                )
            elif rng.random() < 0.3:
                # Like Kuhmo: services for those outside the labour force under an open agreement.
                quote = doc.say(
                    phase,
                    label,
                    f"Työvoiman ulkopuolella olevien kotoutujien {noun_fi} sovitaan erikseen "
                    "sopimuksella, jonka sisältö selviää myöhemmin.",
                )
                open_id = f"{m}-{phase}-other"
                provisions.append(
                    self._provision(
                        id=open_id,
                        phase=phase,
                        clients=["other"],
                        status="undetermined",
                        responsible=m,
                        details=(
                            "Palvelut tuotetaan sopimuksen perusteella, jonka sisältö on "
                            "asiakirjassa avoin.",
                            "The services are produced under an agreement whose content the "
                            "document leaves open.",
                        ),
                        source=_source(phase, quote),
                    )
                )
                self._flag(
                    flags,
                    f"{m}-{phase}-other-agreement-open",
                    "undetermined",
                    open_id,
                    "Asiakirjan mukaan muiden kuin työnhakija-asiakkaiden palvelusta "
                    f"({short_fi}) sovitaan myöhemmin; kuka palvelun tuottaa, jää avoimeksi.",
                    f"The document says the service ({noun_en}) for clients who are not job "
                    "seekers will be agreed later; who provides it is left open.",
                    _source(phase, quote),
                )
            else:
                quote = doc.say(
                    phase,
                    label,
                    f"Muiden kotoutuja-asiakkaiden {noun_fi} vastaa {integ.ine} "
                    f"{ROLE_FI[other_role]}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{phase}-other",
                        phase=phase,
                        clients=["other"],
                        status="available",
                        responsible=m,
                        provider=own(i_unit),
                        role=other_role,
                        places=[hall],
                        modes=in_person,
                        details=(
                            f"Vastuussa on {ROLE_FI[other_role]} ({integ.fi}).",
                            f"The {integ.en} are responsible ({ROLE_EN[other_role]}).",
                        ),
                        source=_source(phase, quote),
                    )
                )
            # multi-professional assessment / plan, with the wellbeing services county
            multi = f"multi_{phase}"
            if rng.random() < 0.35:
                silent(
                    multi,
                    "monialainen " + ("arviointi" if phase == "assessment" else "suunnitelma"),
                    "multi-professional " + noun_en,
                    section=phase,
                )
                continue
            role_word = (
                "sosiaaliohjaaja"
                if profile.partner_role == "sosiaaliohjaaja"
                else "sosiaalihoitaja"
            )
            county_name = area.county.name_fi
            if buys:
                assert seller is not None
                quote = doc.say(
                    phase,
                    label,
                    "Ostopalveluna hankittavan monialaisen palvelun tekevät myyjäkunnan "
                    f"({seller_name}) "
                    f"viranhaltijat yhteistyössä hyvinvointialueen ({county_name}) kanssa.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{multi.replace('_', '-')}",
                        phase=multi,
                        clients=["job-seeker", "other"],
                        status="available",
                        responsible=m,
                        purchased=True,
                        provider=_Flow(organisation=seller.id),
                        role="viranhaltija",
                        places=[hall],
                        modes=["in_person"],
                        partners=[county_partner()],
                        details=(
                            f"Ostopalvelu: myyjäkunnan ({seller_name}) viranhaltijat yhdessä "
                            f"hyvinvointialueen {role_word}n kanssa.",
                            f"Bought service: officials of {seller_name} together with the "
                            f"wellbeing services county's {ROLE_EN[profile.partner_role]}.",
                        ),
                        source=_source(phase, quote),
                    )
                )
            else:
                quote = doc.say(
                    phase,
                    label,
                    f"Monialaiseen palveluun kutsutaan mukaan hyvinvointialueelta ({county_name}) "
                    f"{role_word}.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-{multi.replace('_', '-')}",
                        phase=multi,
                        clients=["job-seeker", "other"],
                        status="available",
                        responsible=m,
                        provider=own(e_unit),
                        places=[hall],
                        partners=[county_partner()],
                        details=(
                            f"Mukaan kutsutaan hyvinvointialueen {role_word}.",
                            f"A {role_word} from the wellbeing services county is invited.",
                        ),
                        source=_source(phase, quote),
                    )
                )

        v.update((k, x) for k, x in locals().items() if k not in _NOT_PASSED)
        return v
