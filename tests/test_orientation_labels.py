"""The planner's explanations in words: the engine's facts as Finnish, Swedish and English
sentences, on the staff pages, in the CLI and in the API."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from kotokartta.geo.centres import centres
from kotokartta.orientation.domain import (
    FARTHER,
    NO_HOSTS,
    NONE_NEAR,
    GroupFacts,
    LeftOver,
    OutOfReach,
    TooFewInArea,
    TooFewInReach,
    UnservedReason,
)
from kotokartta.orientation.engine import DemandRow, Parameters, Site, plan, plan_dict
from kotokartta.orientation.labels import group_text, reason_text, with_texts
from tests.staff_helpers import make_user, signed_in
from tests.test_page_language import visible

KAINUU = {"205": "Kajaani", "290": "Kuhmo", "578": "Paltamo", "765": "Sotkamo"}

# Kajaani hosts; Paltamo (35 km) attends in person, Kuhmo (109 km) remotely; Sotkamo's two
# Swahili speakers are all there are.
DEMAND = [
    DemandRow("205", "ar", 5, "2027-01"),
    DemandRow("578", "ar", 2, "2027-02"),
    DemandRow("290", "ar", 3, "2027-03"),
    DemandRow("765", "sw", 2),
]
PARAMETERS = Parameters(min_size=6, max_travel_km=62.5, hosts=("205",))

GROUP = {
    "en": "10 Arabic speakers from Kajaani, Kuhmo and Paltamo make one group (a group has 6–20 "
    "people). It meets in Kajaani: Kajaani and Paltamo are within 62.5 km of it. Kuhmo is farther "
    "than 62.5 km and joins remotely. It can start in 2027-03, when all its members can.",
    "fi": "Kajaani, Kuhmo ja Paltamo: 10 osallistujaa, joiden kieli on arabia, muodostaa yhden "
    "ryhmän (ryhmässä voi olla 6–20 henkeä). Kokoontumiskunta: Kajaani. Kajaani ja Paltamo ovat "
    "enintään 62,5 km:n päässä siitä. Kuhmo on yli 62,5 km:n päässä, joten sieltä osallistutaan "
    "etänä. Aloituskuukausi: 2027-03, jolloin kaikki ryhmän jäsenet voivat aloittaa.",
    "sv": "10 personer som talar arabiska från Kajaani, Kuhmo och Paltamo bildar en grupp (en "
    "grupp har 6–20 personer). Gruppen träffas i Kajaani: Kajaani och Paltamo ligger inom 62,5 km "
    "därifrån. Kuhmo ligger längre bort än 62,5 km och deltar på distans. Startmånad: 2027-03, då "
    "alla i gruppen kan börja.",
}
REASON = {
    "en": "2 Swahili speakers in the area; a group needs 6.",
    "fi": "Alueella on 2 osallistujaa, joiden kieli on swahili; ryhmään tarvitaan 6.",
    "sv": "2 personer som talar swahili i området; en grupp behöver 6.",
}


@pytest.fixture(scope="module")
def sites() -> dict[str, Site]:
    found = centres(Path(settings.GEO_DIR), KAINUU)
    return {code: Site(code, code, name, *found[code]) for code, name in KAINUU.items()}


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_group_and_reason__small_demand__read_as_whole_sentences_in_the_language(
    sites: dict[str, Site], lang: str
) -> None:
    result = plan(demand=DEMAND, sites=sites, parameters=PARAMETERS)
    [group] = result.groups
    [unserved] = result.unserved
    assert group_text(group.explanation, lang) == GROUP[lang]
    assert reason_text(unserved.reason, lang) == REASON[lang]


def test_finnish__one_participant__is_singular() -> None:
    facts = GroupFacts("uk", 1, ("Kuhmo",), 1, 5, 80, host="Kuhmo", near=("Kuhmo",))
    assert group_text(facts, "fi") == (
        "Kuhmo: 1 osallistuja, jonka kieli on ukraina, muodostaa yhden ryhmän (ryhmässä voi olla "
        "1–5 henkeä). Kokoontumiskunta: Kuhmo. Kuhmo on enintään 80 km:n päässä siitä."
    )


def test_language_without_a_programme_name__falls_back_to_the_english_iso_name() -> None:
    assert reason_text(TooFewInArea("ha", 2, 6), "fi") == (
        "Alueella on 2 osallistujaa, joiden kieli on Hausa; ryhmään tarvitaan 6."
    )


EVERY_GROUP = [
    GroupFacts("ar", 8, ("Kajaani", "Kuhmo"), 6, 20, 80, host="Kajaani", near=("Kajaani",),
               far=("Kuhmo",), remote_because=FARTHER, starts="2027-03"),
    GroupFacts("ar", 8, ("Kajaani", "Kuhmo"), 6, 20, 80, host="Kajaani",
               near=("Kajaani", "Kuhmo")),
    GroupFacts("ar", 1, ("Kuhmo",), 1, 20, 80, far=("Kuhmo",), remote_because=NO_HOSTS),
    GroupFacts("ar", 8, ("Kuhmo", "Suomussalmi"), 6, 20, 40, far=("Kuhmo", "Suomussalmi"),
               remote_because=NONE_NEAR),
    GroupFacts("ar", 8, ("Kajaani", "Kuhmo", "Suomussalmi"), 6, 20, 80, host="Kajaani",
               near=("Kajaani",), far=("Kuhmo", "Suomussalmi"), remote_because=FARTHER),
]  # fmt: skip
EVERY_REASON: list[UnservedReason] = [
    TooFewInArea("ar", 1, 6),
    TooFewInArea("ar", 3, 6),
    OutOfReach("Kuusamo", False, 80),
    OutOfReach("Kuusamo", True, 80),
    TooFewInReach("ar", 1, 6, False),
    TooFewInReach("ar", 4, 6, False),
    TooFewInReach("ar", 1, 6, True),
    TooFewInReach("ar", 4, 6, True),
    LeftOver("ar", 1, 6),
    LeftOver("ar", 3, 6),
]


def _sentences(text: str) -> list[str]:
    return [part for part in text.replace("; ", ". ").split(". ") if part]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_planner_sentence__is_translated__none_reads_as_the_english(lang: str) -> None:
    """A message missing from the catalogue would come out in English: no sentence may."""
    for facts in EVERY_GROUP:
        english = set(_sentences(group_text(facts, "en")))
        assert not english & set(_sentences(group_text(facts, lang))), facts
    for reason in EVERY_REASON:
        english = set(_sentences(reason_text(reason, "en")))
        assert not english & set(_sentences(reason_text(reason, lang))), reason


def test_with_texts__saved_plan__reads_in_any_language_and_old_text_stays_english(
    sites: dict[str, Site],
) -> None:
    document = plan_dict(plan(demand=DEMAND, sites=sites, parameters=PARAMETERS), sites)
    assert "explanation" not in document["groups"][0]
    finnish = with_texts(document, "fi")
    assert finnish["groups"][0]["explanation"] == GROUP["fi"]
    assert finnish["groups"][0]["language_name"] == "arabia"
    assert finnish["unserved"][0]["reason"] == REASON["fi"]
    old = {"groups": [], "unserved": [{"language": "sw", "reason": "Saved long ago."}]}
    assert with_texts(old, "fi")["unserved"][0]["reason"] == "Saved long ago."


# ---------------------------------------------------------------- the staff page, CLI, API

CSV = (
    "municipality,language,count,earliest_start\n"
    "Kajaani,ar,5,2027-01\nPaltamo,ar,2,2027-02\nKuhmo,ar,3,2027-03\nSotkamo,sw,2,\n"
)
FORM = {
    "min_size": "6",
    "max_size": "20",
    "max_travel_km": "62.5",
    "remote_allowed": "on",
    "hosts": ["kajaani"],
    "demand_text": CSV,
    "action": "plan",
}
ENGLISH_WORDS = (
    "speaker", "group", "meets", "within", "farther", "remotely", "start", "area", "needs",
    "Only", "reach", "left over", "host", "allowed", "and",
)  # fmt: skip


def _planner() -> Client:
    return signed_in(make_user("planner", "area-admin"), verified=True)


@pytest.mark.django_db
def test_planner_page__in_finnish__explains_in_finnish_with_no_english_in_the_main_content() -> (
    None
):
    response = _planner().post("/staff/orientation/", FORM, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    page = response.content.decode()
    assert GROUP["fi"] in page and REASON["fi"] in page
    main = " ".join(text for text, _lang in visible(page, "fi", main_only=True))
    leaked = [word for word in ENGLISH_WORDS if re.search(rf"(?<!\w){word}", main)]
    assert not leaked, leaked


@pytest.mark.django_db
def test_planner_page__in_swedish__explains_in_swedish() -> None:
    response = _planner().post("/staff/orientation/", FORM, HTTP_ACCEPT_LANGUAGE="sv")
    page = response.content.decode()
    assert GROUP["sv"].replace("Kajaani", "Kajana") in page and REASON["sv"] in page


@pytest.mark.django_db
def test_cli__lang_fi__explains_in_finnish_in_text_and_json(tmp_path: Path) -> None:
    demand = tmp_path / "demand.csv"
    demand.write_text(CSV, encoding="utf-8")
    args = ["plan", "--demand", str(demand), "--hosts", "Kajaani", "--max-travel-km", "62.5"]
    text = StringIO()
    call_command("orientation", *args, "--lang", "fi", stdout=text)
    assert f"   Why: {GROUP['fi']}" in text.getvalue()
    assert REASON["fi"] in text.getvalue()
    out = StringIO()
    call_command("orientation", *args, "--lang", "sv", "--json", stdout=out)
    document = json.loads(out.getvalue())
    assert document["groups"][0]["explanation"] == GROUP["sv"].replace("Kajaani", "Kajana")
    assert document["unserved"][0]["reason_facts"] == {
        "code": "too_few_in_area",
        "language": "sw",
        "total": 2,
        "min_size": 6,
    }


@pytest.mark.django_db
def test_api__lang__chooses_the_language_and_english_is_the_default() -> None:
    client = _planner()
    url = "/api/v1/orientation/plan"
    body = {
        "demand": [
            {"municipality": m, "language": lang, "count": n, "earliest_start": start}
            for m, lang, n, start in [
                ("Kajaani", "ar", 5, "2027-01"),
                ("Paltamo", "ar", 2, "2027-02"),
                ("Kuhmo", "ar", 3, "2027-03"),
            ]
        ]
        + [{"municipality": "Sotkamo", "language": "sw", "count": 2}],
        "parameters": {"hosts": ["Kajaani"], "max_travel_km": 62.5},
    }
    english = client.post(url, json.dumps(body), content_type="application/json").json()
    assert english["groups"][0]["explanation"] == GROUP["en"]
    body["parameters"]["lang"] = "fi"
    finnish = client.post(url, json.dumps(body), content_type="application/json").json()
    assert finnish["groups"][0]["explanation"] == GROUP["fi"]
    assert finnish["unserved"][0]["reason"] == REASON["fi"]
    del body["parameters"]["lang"]
    swedish = client.post(url + "?lang=sv", json.dumps(body), content_type="application/json")
    assert swedish.json()["groups"][0]["explanation"] == GROUP["sv"].replace("Kajaani", "Kajana")
    body["parameters"]["lang"] = "de"
    refused = client.post(url, json.dumps(body), content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["error"]["parameter"] == "lang"
