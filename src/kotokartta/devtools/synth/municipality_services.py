"""A municipality's file, middle steps: integration training, literacy and language
learning, guidance."""

from __future__ import annotations

from typing import Any

from kotokartta.devtools.synth.base import _GeneratorBase
from kotokartta.devtools.synth.model import _Profile
from kotokartta.devtools.synth.municipality import _NOT_PASSED
from kotokartta.devtools.synth.words import REFUGEE_BASES, _source, _text, slug
from kotokartta.devtools.synth.yamlout import _Flow


class _MunicipalityServices(_GeneratorBase):
    def _municipality_services(self, profile: _Profile, v: dict[str, Any]) -> dict[str, Any]:
        activities = v["activities"]
        area = v["area"]
        bought = v["bought"]
        buys = v["buys"]
        doc = v["doc"]
        e_unit = v["e_unit"]
        flags = v["flags"]
        i_unit = v["i_unit"]
        integ = v["integ"]
        label = v["label"]
        lead = v["lead"]
        m = v["m"]
        meeting_place = v["meeting_place"]
        mun = v["mun"]
        name = v["name"]
        opisto = v["opisto"]
        opisto_quote = v["opisto_quote"]
        own = v["own"]
        provisions = v["provisions"]
        rng = v["rng"]
        seller = v["seller"]
        seller_name = v["seller_name"]
        sp = v["sp"]
        # --- integration training (KotoL 26-27 §); non-job-seekers: area-wide provision
        if mun.code == lead.code:
            quote = doc.say(
                "training",
                label,
                f"Koulutuksen toteuttajana on Ammattiopisto {lead.name_fi}; koulutus on "
                "puhepainotteista ja työelämälähtöistä lähiopetusta.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-training-job-seeker",
                    phase="training",
                    clients=["job-seeker"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation=area.college),
                    modes=["in_person"] if rng.random() < 0.5 else ["in_person", "remote"],
                    details=(
                        "Puhepainotteinen, käytännönläheinen ja työelämälähtöinen lähiopetus; "
                        "kesto enintään 250 päivää.",
                        "Speech-focused, practical, work-oriented classroom teaching; at most 250 "
                        "days.",
                    ),
                    source=_source("training", quote),
                )
            )
        else:
            quote = doc.say(
                "training",
                label,
                f"Vastuukunta {lead.name_fi} järjestää kotoutumiskoulutuksen "
                "työnhakija-asiakkaille.",
            )
            pid = f"{m}-training-vastuukunta"
            provisions.append(
                self._provision(
                    id=pid,
                    phase="training",
                    clients=["job-seeker"],
                    status="available",
                    responsible=lead.id,
                    activity=area.online_training,
                    details=(
                        f"Vastuukunta {lead.name_fi} järjestää koulutuksen; asiakkaat ohjataan "
                        "todennäköisesti verkkokotokoulutukseen.",
                        f"{lead.name_fi}, as the responsible municipality, arranges the training; "
                        "clients will probably be referred to online training.",
                    ),
                    source=_source("training", quote),
                )
            )
            if rng.random() < 0.15:
                self._flag(
                    flags,
                    f"{m}-training-tentative",
                    "ambiguous",
                    pid,
                    "Ohjaus verkkokotokoulutukseen on asiakirjassa todennäköisyys, ei sovittu "
                    "järjestely.",
                    "Referral to online integration training is a likelihood in the document, not "
                    "an agreed arrangement.",
                    _source("training", quote),
                )
        if rng.random() < 0.3:
            quote = doc.say(
                "training",
                label,
                f"Tarvittaessa kansalaisopisto ({name}) järjestää kotoutumiskoulutusta "
                "lähiopetuksena ja etäopetuksena.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-training-kansalaisopisto",
                    phase="training",
                    clients=["job-seeker"],
                    status="on_need",
                    responsible=m,
                    provider=_Flow(organisation=opisto),
                    modes=["in_person", "remote"],
                    details=(
                        "Kansalaisopisto järjestää tarvittaessa kotoutumiskoulutusta lähi- ja "
                        "etäopetuksena.",
                        "When needed, the adult education centre runs integration training in "
                        "class and remotely.",
                    ),
                    source=_source("training", quote),
                )
            )

        # --- literacy and other language learning
        provisions.append(
            self._provision(
                id=f"{m}-literacy-kansalaisopisto",
                phase="literacy",
                clients=["job-seeker", "other"],
                status="available" if rng.random() < 0.5 else "on_need",
                responsible=m,
                provider=_Flow(organisation=opisto),
                details=(
                    "Luku- ja kirjoitustaidon koulutusta kansalaisopistossa.",
                    "Literacy training at the adult education centre.",
                ),
                source=_source("literacy", opisto_quote),
            )
        )
        if profile.spr:
            group_id = f"luetaan-yhdessa-{m}"
            quote = doc.say(
                "literacy",
                label,
                "SPR järjestää kerran viikossa matalan kynnyksen suomen kielen opiskeluryhmän, "
                "johon ei tarvitse ilmoittautua.",
            )
            activities.append(
                self._activity(
                    id=group_id,
                    kind="group",
                    name=_text(
                        f"Luetaan yhdessä -ryhmä ({name})", f"Let's read together group ({name})"
                    ),
                    organisers=["suomen-punainen-risti"],
                    municipalities=[m],
                    phases=["literacy"],
                    description=(
                        "SPR:n matalan kynnyksen suomen kielen opiskeluryhmä kerran viikossa.",
                        "The Red Cross's low-threshold Finnish study group, once a week.",
                    ),
                    source=_source("literacy", quote),
                )
            )
            provisions.append(
                self._provision(
                    id=f"{m}-literacy-spr",
                    phase="literacy",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=_Flow(organisation="suomen-punainen-risti", unit=f"spr-{m}"),
                    activity=group_id,
                    details=(
                        "SPR:n Luetaan yhdessä -ryhmä kerran viikossa; matala kynnys, ei "
                        "ilmoittautumista.",
                        "The Red Cross's weekly reading group; low threshold, no registration.",
                    ),
                    source=_source("literacy", quote),
                )
            )
        if buys and rng.random() < 0.5:
            assert seller is not None
            quote = doc.say(
                "literacy",
                label,
                "Tarpeen tullen luku- ja kirjoitustaidon koulutus voidaan ostaa myyjäkunnalta "
                "({seller_name}).",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-literacy-{seller.id}",
                    phase="literacy",
                    clients=["job-seeker", "other"],
                    status="on_need",
                    responsible=m,
                    purchased=True,
                    provider=_Flow(organisation=seller.id),
                    details=(
                        f"Tarpeen tullen koulutus ostetaan myyjäkunnalta ({seller_name}).",
                        f"When needed, the training is bought from {seller_name}.",
                    ),
                    source=_source("literacy", quote),
                )
            )

        # --- guidance and advice (KotoL 13 §)
        if buys:
            assert sp is not None
            quote = doc.say(
                "guidance",
                label,
                "Työnhakija-asiakkaiden kohdalla palvelu hankitaan ostopalveluna myyjäkunnalta "
                "({seller_name}).",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-guidance-job-seeker",
                    phase="guidance",
                    clients=["job-seeker"],
                    status="available",
                    responsible=m,
                    purchased=True,
                    provider=bought("e"),
                    role="tyollisyysohjaaja",
                    details=(
                        f"Ostopalvelu myyjäkunnalta ({seller_name}): työllisyysohjaaja antaa "
                        "yksilöllistä ohjausta ja tukee työnhaussa.",
                        f"Bought from {seller_name}: the employment counsellor gives individual "
                        "guidance and supports job search.",
                    ),
                    source=_source("guidance", quote),
                )
            )
            quote = doc.say(
                "guidance",
                label,
                f"Myyjäkunnan ({seller_name}) {sp.integration.fi} vastaavat kaikkien kuntaan "
                "muuttaneiden "
                "asiakkaiden alkuvaiheen kotoutumisen ohjauksesta ja neuvonnasta.",
            )
            pid = f"{m}-guidance-{slug(sp.integration.fi)}"
            provisions.append(
                self._provision(
                    id=pid,
                    phase="guidance",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    purchased=True,
                    provider=bought("i"),
                    details=(
                        f"Alkuvaiheen ohjaus ja neuvonta myyjäkunnalta ({seller_name}) "
                        f"({sp.integration.fi}).",
                        f"Early-stage guidance and advice from {seller_name} "
                        f"({sp.integration.en}).",
                    ),
                    source=_source("guidance", quote),
                )
            )
            if rng.random() < 0.3:
                self._flag(
                    flags,
                    f"{m}-guidance-purchase-unclear",
                    "ambiguous",
                    pid,
                    "Ohjauskappale mainitsee ostopalvelun vain työnhakija-asiakkaiden kohdalla; "
                    "muiden asiakkaiden ohjauksen ostamisesta asiakirja ei kerro.",
                    "The guidance paragraph mentions buying the service only for job seekers; the "
                    "document does not say whether guidance for others is bought.",
                    _source("guidance", quote),
                )
        else:
            quote = doc.say(
                "guidance",
                label,
                "Työnhakija-asiakkaiden kohdalla oma työllisyysohjaaja antaa yksilöllistä "
                "ohjausta, "
                "tukee työnhaussa ja neuvoo työttömyyteen liittyvissä viranomaisasioissa.",
            )
            provisions.append(
                self._provision(
                    id=f"{m}-guidance-job-seeker",
                    phase="guidance",
                    clients=["job-seeker"],
                    status="available",
                    responsible=m,
                    provider=own(e_unit),
                    role="tyollisyysohjaaja",
                    details=(
                        "Oma työllisyysohjaaja antaa yksilöllistä ohjausta, tukee työnhaussa ja "
                        "ohjaa palveluihin.",
                        "The client's own employment counsellor gives individual guidance, "
                        "supports job search and refers to services.",
                    ),
                    source=_source("guidance", quote),
                )
            )
            refugees = profile.quota and rng.random() < 0.6
            quote = doc.say(
                "guidance",
                label,
                (
                    f"{integ.fi.capitalize()} vastaavat kiintiöpakolaisten ja kansainvälistä "
                    "suojelua "
                    "saaneiden ohjauksesta ja neuvonnasta."
                    if refugees
                    else f"{integ.fi.capitalize()} vastaavat kaikkien kuntaan muuttaneiden "
                    "asiakkaiden alkuvaiheen ohjauksesta ja neuvonnasta."
                ),
            )
            provisions.append(
                self._provision(
                    id=f"{m}-guidance-{slug(integ.fi)}",
                    phase="guidance",
                    clients=["job-seeker", "other"],
                    status="available",
                    responsible=m,
                    provider=own(i_unit),
                    places=[meeting_place] if meeting_place else [],
                    target_groups=REFUGEE_BASES if refugees else [],
                    details=(
                        f"Alkuvaiheen ohjaus ja neuvonta: {integ.fi}.",
                        f"Early-stage guidance and advice: the {integ.en}.",
                    ),
                    source=_source("guidance", quote),
                )
            )
            if refugees or (profile.kind in ("lead", "hub") and rng.random() < 0.5):
                quote = doc.say(
                    "guidance",
                    label,
                    "Opiskelun tai työn vuoksi kuntaan muuttaneita vieraskielisiä ohjataan ja "
                    "neuvotaan asettautumispalveluissa.",
                )
                provisions.append(
                    self._provision(
                        id=f"{m}-guidance-asettautuminen",
                        phase="guidance",
                        clients=["job-seeker", "other"],
                        status="available",
                        responsible=m,
                        provider=own(e_unit),
                        target_groups=["work", "study", "family_member"],
                        details=(
                            "Asettautumispalvelut ohjaavat opiskelun tai työn vuoksi muuttaneita.",
                            "Settling-in services guide people who moved to study or work.",
                        ),
                        source=_source("guidance", quote),
                    )
                )

        v.update((k, x) for k, x in locals().items() if k not in _NOT_PASSED)
        return v
