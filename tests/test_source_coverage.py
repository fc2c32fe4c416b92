"""Nothing in the programme document is left out: every section × municipality paragraph of the
document has data with that section as its source, and every quote is the document's own."""

from __future__ import annotations

import re

import pytest

from kotokartta.programme.validation import Programme, check_folder, normalise_space
from tests.conftest import REAL_DATA

HEADINGS = [
    ("Kunnissa kotoutumisohjelmaa koordinoiva taho", "coordinators"),
    ("Osaamisen ja kotoutumisen palvelutarpeen arviointi ja monialaisen", "assessment"),
    ("Osaamisen ja kotoutumisen ja monialaisen osaamisen", "plan"),
    ("Monikielinen yhteiskuntaorientaatio (KotoL 25 §)", "orientation"),
    ("Kotoutumiskoulutus (KotoL 26 ja 27 §)", "training"),
    ("Miten kunnissanne järjestetään kotoutumiskoulutus muille", "training_others"),
    ("Kielitaidon päättöttestaus", "final_test"),
    ("Muu koulutus ja palvelut, jotka edistävät", "literacy"),
    ("Kotoutumisohjelman aikainen ohjaus ja neuvonta", "guidance"),
    ("Muut kuntien järjestämismvastuulla", "municipal_services"),
    ("Mitä muita palveluita ja toimintaa kunnissa", "community"),
    ("Mitä muita palveluita kunnissa on tarjolla tai suunnitteilla yhteiskunta", "employment"),
    ("Yhteistyö ja vastuut", "cooperation"),
]
NAMES = {
    "Hyrnsalmi": "hyrynsalmi", "Hyrynsalmi": "hyrynsalmi", "Kajaani": "kajaani", "Kuhmo": "kuhmo",
    "Kuusamo": "kuusamo", "Paltamo": "paltamo", "Puolanka": "puolanka", "Ristijärvi": "ristijarvi",
    "Sotkamo": "sotkamo", "Suomussalmi": "suomussalmi", "Taivalkoski": "taivalkoski",
}  # fmt: skip
PARAGRAPH = re.compile(r"^((?:[A-ZÄÖ][a-zäö]+)(?:, [A-ZÄÖ][a-zäö]+)*):")


def document_paragraphs(text: str) -> set[tuple[str, str]]:
    """(section, municipality) for every municipality paragraph of the document."""
    found: set[tuple[str, str]] = set()
    section = "introduction"
    for line in text.splitlines():
        for heading, section_id in HEADINGS:
            if line.startswith(heading):
                section = section_id
        match = PARAGRAPH.match(line)
        if match:
            for name in match.group(1).split(", "):
                if name in NAMES:
                    found.add((section, NAMES[name]))
    return found


def data_paragraphs(programme: Programme) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for owner, provision in programme.provisions.values():
        for mun in (
            [owner] if owner else (provision.municipalities or programme.area.municipalities)
        ):
            found.add((provision.source.section, mun))
    for mun, coordinator in programme.coordinators:
        found.add((coordinator.source.section, mun))
    for activity in programme.activities.values():
        for mun in activity.municipalities:
            found.add((activity.source.section, mun))
    for owner, flag in programme.flags.values():
        if owner:
            found.add((flag.source.section, owner))
    return found


@pytest.fixture(scope="module")
def programme() -> Programme:
    programme, problems = check_folder(REAL_DATA)
    assert programme is not None, [str(p) for p in problems]
    return programme


def test_document_parser__finds_the_known_paragraphs(programme: Programme) -> None:
    paragraphs = document_paragraphs(programme.document_text)
    assert ("assessment", "kuhmo") in paragraphs
    assert ("employment", "paltamo") in paragraphs  # "Kajaani, Paltamo:"
    assert ("municipal_services", "kuhmo") not in paragraphs  # the document has none
    assert len(paragraphs) == 80  # counted by hand from the document


def test_every_section_and_municipality_of_the_document__has_data(programme: Programme) -> None:
    missing = document_paragraphs(programme.document_text) - data_paragraphs(programme)
    assert sorted(missing) == []


def test_every_phase_of_every_municipality__has_a_provision_or_explicit_status(
    programme: Programme,
) -> None:
    from kotokartta.programme.vocabulary import PHASES, ClientGroup

    for mun in programme.area.municipalities:
        covered = {(p.phase, c) for p in programme.provisions_for(mun) for c in p.clients}
        assert {(ph.id, c) for ph in PHASES for c in ClientGroup} <= covered, mun


def test_every_quote__stands_word_for_word_in_the_document(programme: Programme) -> None:
    document = normalise_space(programme.document_text)
    quotes = [p.source.quote for _, p in programme.provisions.values() if p.source.quote]
    assert len(quotes) > 150
    assert all(normalise_space(q) in document for q in quotes)


@pytest.mark.parametrize(
    ("flag_subject_contains", "kind"),
    [
        ("hyrynsalmi", "misspelling"),
        ("puolanka-municipal", "contradiction"),
        ("ristijarvi-municipal", "contradiction"),
    ],
)
def test_known_problems_of_the_document__are_flagged(
    programme: Programme, flag_subject_contains: str, kind: str
) -> None:
    assert any(
        flag.kind == kind and flag_subject_contains in (flag.subject or "")
        for _, flag in programme.flags.values()
    )


def test_open_and_dated_arrangements__are_flagged(programme: Programme) -> None:
    kinds = {(owner, flag.kind) for owner, flag in programme.flags.values()}
    assert ("kuhmo", "undetermined") in kinds
    assert ("sotkamo", "dated_plan") in kinds
    assert ("kuhmo", "dated_plan") in kinds
    assert ("taivalkoski", "inconsistent_term") in kinds
