"""The regenerated programme document: content, HTML/PDF/Word output, CLI, diff and web pages."""

from __future__ import annotations

import html as html_lib
import io
import itertools
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from kotokartta.documents import finnish
from kotokartta.documents.build import SECTION_PLAN, programme_document, section_title
from kotokartta.documents.management.commands.document import Command as DocumentCommand
from kotokartta.documents.model import DocumentModel
from kotokartta.documents.render import render_docx, render_html
from kotokartta.documents.views import PDF_FILENAME, cached_pdf
from kotokartta.programme import models as m
from kotokartta.programme.models import NoProgrammeLoaded
from kotokartta.programme.vocabulary import PHASE_BY_ID
from tests.conftest import REAL_DATA

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
MUNICIPALITIES = [
    ("hyrynsalmi", "Hyrynsalmi (105)"),
    ("kajaani", "Kajaani (205)"),
    ("kuhmo", "Kuhmo (290)"),
    ("kuusamo", "Kuusamo (305)"),
    ("paltamo", "Paltamo (578)"),
    ("puolanka", "Puolanka (620)"),
    ("ristijarvi", "Ristijärvi (697)"),
    ("sotkamo", "Sotkamo (765)"),
    ("suomussalmi", "Suomussalmi (777)"),
    ("taivalkoski", "Taivalkoski (832)"),
]
SECTION_IDS = [
    "introduction",
    "coordinators",
    *(section for section, _phases in SECTION_PLAN),
    "cooperation",
    "flags",
]
MUNICIPAL_SECTIONS = [*(section for section, _phases in SECTION_PLAN), "cooperation", "flags"]


@pytest.fixture(scope="module")
def doc_fi(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> DocumentModel:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        return programme_document()


@pytest.fixture(scope="module")
def doc_en(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> DocumentModel:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        return programme_document(lang="en")


@pytest.fixture(scope="module")
def html_fi(doc_fi: DocumentModel) -> str:
    return render_html(doc_fi)


@pytest.fixture(scope="module")
def pdf_fi(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> bytes:
    """Rendered once through the web view's cache, so the PDF download test reuses it."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        return cached_pdf(lang="fi")


def pdf_text(pdf: bytes) -> str:
    if shutil.which("pdftotext"):
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        )
        text = result.stdout.decode("utf-8")
    else:  # pragma: no cover - poppler is in the image
        from pypdf import PdfReader

        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


class Outline(HTMLParser):
    """Headings with their level, text and the ids of the sections they stand in."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.headings: list[tuple[int, str, tuple[str, ...]]] = []
        self._heading: int | None = None
        self._text: list[str] = []
        self._stack: list[str | None] = []
        self.html_lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang") or ""
        if tag == "section":
            self._stack.append(attributes.get("id"))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading, self._text = int(tag[1]), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._stack:
            self._stack.pop()
        if self._heading is not None and tag == f"h{self._heading}":
            within = tuple(s for s in self._stack if s)
            self.headings.append((self._heading, " ".join("".join(self._text).split()), within))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._text.append(data)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def text_of(html: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


# --- content ------------------------------------------------------------------------------


def test_html__has_every_section_heading_in_the_laws_order(html_fi: str) -> None:
    parsed = outline(html_fi)
    assert parsed.html_lang == "fi"
    levels = [level for level, _text, _within in parsed.headings]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "a level is skipped"
    sections = [text for level, text, within in parsed.headings if level == 2 and within]
    expected = [f"{i}. {section_title(s, 'fi')}" for i, s in enumerate(SECTION_IDS, start=1)]
    assert sections == expected
    for law in ("KotoL 14 §", "KotoL 16 §, 18–23 §", "KotoL 25 §", "KotoL 26–27 §"):
        assert any(law in title for title in sections), law
    assert any("KotoL 13 § 1 mom. 5 k." in title for title in sections)
    assert any("KotoL 26 §)" in title for title in sections)  # the final test


def test_html__every_municipality_under_every_section(html_fi: str) -> None:
    parsed = outline(html_fi)
    for section in MUNICIPAL_SECTIONS:
        under = [
            text for level, text, within in parsed.headings if level == 3 and within[0] == section
        ]
        assert [text for text in under if "(" in text and text[-1] == ")"][-10:] == [
            name for _id, name in MUNICIPALITIES
        ], section
    assessment = [
        text
        for level, text, within in parsed.headings
        if within[:2]
        == (
            "assessment",
            "assessment-puolanka",
        )
        and level == 4
    ]
    assert assessment == [
        f"{PHASE_BY_ID['assessment'].name_fi} (KotoL 14 §)",
        f"{PHASE_BY_ID['multi_assessment'].name_fi} (KotoL 14 §, hyvinvointialue mukana)",
    ]


def test_introduction__area_municipalities_codes_counties_date_and_source(
    doc_fi: DocumentModel,
) -> None:
    intro = doc_fi.section("introduction")
    assert intro.table is not None
    assert ("Kuusamo", "305", "Pohjois-Pohjanmaan hyvinvointialue") in intro.table.rows
    assert ("Kajaani (ruots. Kajana)", "205", "Kainuun hyvinvointialue") in intro.table.rows
    text = " ".join(p.text for p in intro.paragraphs)
    assert "Kainuu-Koillismaan työllisyysalueen kotoutumisohjelman" in text
    assert "28.11.2026" in text and "kotoutumisohjelma.txt" in text
    assert "13 § 3 mom." in text  # the repealed duty to write the document


def test_coordinators__name_title_and_email_per_municipality(html_fi: str) -> None:
    section = html_fi.split('id="coordinators"')[1].split('id="assessment"')[0]
    assert '<th scope="col">Sähköposti</th>' in section
    assert 'href="mailto:erja.helttunen@puolanka.fi"' in section
    assert "Erja Helttunen" in section and "työvoimakoordinaattori" in section
    for _id, name in MUNICIPALITIES:
        assert f'<th scope="row">{name.split(" (")[0]}' in section


def test_prose__is_generated_from_the_fields_not_pasted(doc_fi: DocumentModel) -> None:
    source = m.DataSet.objects.get().document_text
    puolanka = next(b for _l, b in doc_fi.blocks() if b.id == "assessment-puolanka-assessment")
    item = next(i for i in puolanka.items if i.ref == "puolanka-assessment-job-seeker")
    prose, details = item.paragraphs
    assert prose.text == (
        "Työnhakija-asiakkaat: arvioinnin tekee Suomussalmen kunnan työllisyyspalveluiden "
        "työllisyysohjaaja (ostopalvelu Suomussalmen kunnalta), Puolangan kunnantalolla; "
        "lähipalvelu."
    )
    assert prose.text not in source
    assert details.kind == "details" and details.text.startswith("Ostopalvelu Suomussalmen")


def test_prose__status_words_and_open_arrangements(doc_fi: DocumentModel) -> None:
    texts = {
        item.ref: item.paragraphs[0].text
        for _level, block in doc_fi.blocks()
        for item in block.items
        if item.ref
    }
    assert texts["kuhmo-assessment-other"].startswith(
        "Muut kotoutuja-asiakkaat (avoin, sopimatta): asiakirja jättää järjestelyn avoimeksi."
    )
    assert "(suunnitteilla, alkaen 2025)" in texts["sotkamo-training-kansalaisopisto"]
    assert "(järjestetään tarvittaessa)" in texts["puolanka-literacy-kansalaisopisto"]
    assert (
        "Koskee: Työnhakija-asiakkaat, jotka asioivat suomeksi."
        in (texts["taivalkoski-assessment-job-seeker-finnish"])
    )
    assert (
        "Mukana: Kainuun hyvinvointialueen aikuisten sosiaalityön sosiaalihoitaja."
        in (texts["puolanka-multi-assessment"])
    )


def test_orientation_and_training__area_wide_parts(doc_fi: DocumentModel) -> None:
    orientation = doc_fi.section("orientation")
    text = " ".join(p.text for _l, b in orientation.walk() for i in b.items for p in i.paragraphs)
    assert "Kielet: ukraina, venäjä, arabia, vietnam, thai, swahili ja kinyaruanda." in text
    assert "Kiintiöpakolaisia vastaanottavat kunnat: Kajaani, Kuusamo ja Suomussalmi." in (
        orientation.paragraphs[-1].text
    )
    assert "Puolanka ei ole asiakirjan mukaan kiintiöpakolaisia" in text
    training = doc_fi.section("training")
    area = training.children[0]
    assert area.id == "training-area"
    area_text = " ".join(p.text for i in area.items for p in i.paragraphs)
    assert "Muut kotoutuja-asiakkaat (järjestetään tarvittaessa)" in area_text
    assert "Verkkokotokoulutus" in area_text and "kilpailuttaa" in area_text


def test_law_notes__15_and_17_and_13(html_fi: str, doc_fi: DocumentModel) -> None:
    text = text_of(html_fi)
    assert PHASE_BY_ID["multi_assessment"].law.note_fi in text
    assert PHASE_BY_ID["multi_plan"].law.note_fi in text
    assert "Asiakirja viittaa 15 §:ään" in text and "Asiakirja viittaa 17 §:ään" in text
    assert 'role="note"' in html_fi
    laws = [p for p in doc_fi.section("assessment").paragraphs if p.kind == "law"]
    assert laws and "1100/2024" in laws[0].text


def test_cooperation__bodies_and_responsibilities(doc_fi: DocumentModel) -> None:
    section = doc_fi.section("cooperation")
    bodies = section.children[0]
    text = " ".join(p.text for i in bodies.items for p in i.paragraphs)
    assert "Asettaja: Työllisyysalueen johtoryhmä." in text
    assert "poliisi" in text and "Seurata ja kehittää" in text
    puolanka = next(b for b in section.children if b.municipality == "puolanka")
    lines = " ".join(p.text for i in puolanka.items for p in i.paragraphs)
    assert "Puolanka ostaa palveluja Suomussalmen kunnalta: arviointi" in lines
    assert "Toisen kunnan vastuulla: Kajaani (kotoutumiskoulutus)." in lines


def test_flags__listed_by_municipality_at_the_end(doc_fi: DocumentModel) -> None:
    flags = doc_fi.sections[-1]
    assert flags.id == "flags"
    assert [b.municipality for b in flags.children[1:]] == [mid for mid, _n in MUNICIPALITIES]
    puolanka = next(b for b in flags.children if b.municipality == "puolanka")
    assert any(
        i.ref == "puolanka-municipal-names-hyrynsalmi"
        and i.paragraphs[0].text.startswith("Ristiriita: Puolangan kappale")
        for i in puolanka.items
    )


def test_english__uses_english_texts(doc_en: DocumentModel) -> None:
    html = render_html(doc_en)
    parsed = outline(html)
    assert parsed.html_lang == "en"
    assert parsed.headings[0][1] == (
        "Document describing the integration programme of the Kainuu-Koillismaa employment area"
    )
    assert any(
        "Assessment of skills and integration service needs" in text
        for _l, text, _w in parsed.headings
    )
    text = text_of(html)
    assert "Job seekers: assessment by employment counsellor, Municipality of Suomussalmi" in text
    assert "Bought from the municipality of Suomussalmi." in text
    assert PHASE_BY_ID["multi_assessment"].law.note_en in text
    assert "Arvioinnin tekee" not in text
    assert doc_en.fallback_count == 0


def test_english__finnish_stands_in_where_the_data_has_no_english() -> None:
    provision = m.Provision.objects.get(id="puolanka-assessment-job-seeker")
    assert provision.details is not None
    provision.details = {"fi": provision.details["fi"]}
    provision.save()
    doc = programme_document(lang="en")
    block = next(b for _l, b in doc.blocks() if b.id == "assessment-puolanka-assessment")
    details = next(i for i in block.items if i.ref == provision.id).paragraphs[1]
    assert (details.lang, details.fallback) == ("fi", True)
    assert doc.fallback_count == 1
    html = render_html(doc)
    assert f'<p class="p p--details" lang="fi">{details.text}' in html.replace("&quot;", '"')
    assert "(in Finnish: no English text in the data)" in html


def test_no_data__raises() -> None:
    m.DataSet.objects.all().delete()
    with pytest.raises(NoProgrammeLoaded):
        programme_document()


@pytest.mark.parametrize(
    ("name", "genitive", "locative"),
    [
        ("Suomussalmen kunta", "Suomussalmen kunnan", "Suomussalmen kunnassa"),
        ("Kuusamon kaupunki", "Kuusamon kaupungin", "Kuusamon kaupungissa"),
        ("hallinto- ja elinvoimapalvelut", "hallinto- ja elinvoimapalveluiden", None),
        ("Puolangan kunnantalo", "Puolangan kunnantalon", "Puolangan kunnantalolla"),
        ("Kainuun ammattiopisto (KAO)", "Kainuun ammattiopiston (KAO)", None),
        ("Kansainväliset palvelut", None, None),  # the adjective would need inflecting too
        ("Kunnan asiointipiste ja työllisyyspalveluiden tilat", None, None),
        ("Suomen Punainen Risti (SPR)", None, None),
    ],
)
def test_finnish__inflects_only_what_it_knows(
    name: str, genitive: str | None, locative: str | None
) -> None:
    assert finnish.genitive(name) == genitive
    if locative is not None or genitive is None:
        assert finnish.locative(name) == locative


# --- PDF and Word -------------------------------------------------------------------------


def test_pdf__a4_with_title_providers_and_purchase_marks(pdf_fi: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_fi))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "Kainuu-Koillismaan työllisyysalueen kotoutumisohjelmaa kuvaava asiakirja" in first
    text = pdf_text(pdf_fi)
    assert f"Sivu 1 / {len(reader.pages)}" in text
    puolanka = [part.split("Ristijärvi (697)")[0] for part in text.split("Puolanka (620)")[1:]]
    assert any(
        "Suomussalmen kunnan työllisyyspalveluiden työllisyysohjaaja" in part
        and "ostopalvelu Suomussalmen kunnalta" in part
        and "Puolangan kunnantalolla" in part
        for part in puolanka
    )
    assert "Kainuun ammattiopisto (KAO)" in text and "StartUp Refugees" in text


def test_docx__opens_and_has_the_headings_and_coordinator_table(doc_fi: DocumentModel) -> None:
    from docx import Document

    word = Document(io.BytesIO(render_docx(doc_fi)))
    headings = [
        (p.style.name, p.text)
        for p in word.paragraphs
        if p.style is not None and (p.style.name.startswith("Heading") or p.style.name == "Title")
    ]
    assert headings[0] == ("Title", doc_fi.title)
    level_one = [text for style, text in headings if style == "Heading 1"]
    assert level_one == [f"{i}. {section_title(s, 'fi')}" for i, s in enumerate(SECTION_IDS, 1)]
    puolanka = [
        text for style, text in headings if style == "Heading 2" and text == "Puolanka (620)"
    ]
    assert len(puolanka) == len(MUNICIPAL_SECTIONS)
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    assert {"Erja Helttunen", "työvoimakoordinaattori", "erja.helttunen@puolanka.fi"} <= cells
    body = "\n".join(p.text for p in word.paragraphs)
    assert PHASE_BY_ID["multi_plan"].law.note_fi in body


# --- CLI ----------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kotokartta.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_cli__format_exe_exits_2_without_traceback() -> None:
    result = run_cli("document", "--format", "exe", "-o", "x.exe")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "invalid choice: 'exe'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "sv", "-o", "x.html"],
        ["--frobnicate"],
    ],
)
def test_cli__bad_options_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """The parser rejects them before anything runs (in-process: the same exit code)."""
    with pytest.raises(SystemExit) as exited:
        DocumentCommand().run_from_argv(["kotokartta", "document", *args])
    assert exited.value.code == 2
    assert "error" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "json", "-o", "x.json"],
        [],
        ["--diff", "a", "b", "c"],
        ["--diff", "a", "--format", "pdf"],
    ],
)
def test_cli__inconsistent_options_exit_2(args: list[str]) -> None:
    with pytest.raises(CommandError) as failed:
        call_command("document", *args)
    assert failed.value.returncode == 2


def test_cli__writes_html_and_docx_with_format_from_the_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("document", "-o", str(tmp_path / "ohjelma.html"))
    call_command("document", "-o", str(tmp_path / "programme.docx"), "--lang", "en")
    call_command("document", "-o", str(tmp_path / "ohjelma.txt"))  # unknown suffix → html
    out = capsys.readouterr().out
    assert "(html, fi," in out and "(docx, en," in out
    page = (tmp_path / "ohjelma.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and '<html lang="fi">' in page
    assert "@media print" in page and "@page" in page
    assert (tmp_path / "programme.docx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "ohjelma.txt").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_cli__no_data_or_unwritable_file_exit_1(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as unwritable:
        call_command("document", "-o", str(tmp_path / "missing" / "x.pdf"))
    assert unwritable.value.returncode == 1
    with pytest.raises(CommandError) as folder:
        call_command("document", "-o", str(tmp_path))
    assert folder.value.returncode == 1
    m.DataSet.objects.all().delete()
    with pytest.raises(CommandError) as no_data:
        call_command("document", "-o", str(tmp_path / "x.html"))
    assert no_data.value.returncode == 1
    assert "no programme data is loaded" in str(no_data.value)


# --- diff ---------------------------------------------------------------------------------


@pytest.fixture
def changed_folder(tmp_path: Path) -> Path:
    """The real data with one provision's role changed in Puolanka's file."""
    folder = tmp_path / "new"
    shutil.copytree(REAL_DATA, folder)
    path = folder / "puolanka.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: puolanka-assessment-job-seeker")
    end = text.index("- id:", start + 1)
    block = text[start:end].replace("role: tyollisyysohjaaja", "role: kotoutumisohjaaja", 1)
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")
    return folder


def diff(*args: str) -> str:
    out = io.StringIO()
    call_command("document", "--diff", *args, stdout=out)
    return out.getvalue()


def test_diff__names_municipality_phase_field_and_old_and_new(changed_folder: Path) -> None:
    text = diff(str(REAL_DATA), str(changed_folder))
    assert "1 muutos." in text
    lines = text.splitlines()
    municipality = lines.index("Puolanka (620)")
    phase = lines.index(
        "  Osaamisen ja kotoutumisen palvelutarpeen arviointi [assessment]", municipality
    )
    record = lines.index("    ~ puolanka-assessment-job-seeker (työnhakija-asiakas)", phase)
    assert lines[record + 1] == (
        "        role (tekijän nimike): työllisyysohjaaja → kotoutumisohjaaja"
    )


def test_diff__json(changed_folder: Path) -> None:
    data = json.loads(diff(str(REAL_DATA), str(changed_folder), "--format", "json"))
    assert data["count"] == 1
    (change,) = data["changes"]
    assert (change["municipality"], change["phase"], change["action"]) == (
        "puolanka",
        "assessment",
        "changed",
    )
    assert change["fields"] == [
        {
            "field": "role",
            "label": "tekijän nimike",
            "old": "työllisyysohjaaja",
            "new": "kotoutumisohjaaja",
            "old_value": "tyollisyysohjaaja",
            "new_value": "kotoutumisohjaaja",
        }
    ]


def test_diff__a_changed_source_text__counts_its_lines_in_finnish_and_english(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "new"
    shutil.copytree(REAL_DATA, folder)
    source = folder / "kotoutumisohjelma.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n\nLisätty rivi.", encoding="utf-8")
    expected = {
        "fi": "on muuttunut (poistettuja rivejä: 0, lisättyjä: 1).",
        "en": "has changed (lines removed: 0, added: 1).",
    }
    for lang, sentence in expected.items():
        assert sentence in diff(str(REAL_DATA), str(folder), "--lang", lang), lang


def test_diff__unchanged_folders_report_no_changes() -> None:
    assert "no changes" in diff(str(REAL_DATA)).lower()  # NEW defaults to the data folder
    assert "No changes." in diff(str(REAL_DATA), str(REAL_DATA), "--lang", "en")


def test_diff__invalid_old_folder_exits_1_with_its_problems(tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(REAL_DATA, old)
    path = old / "kuhmo.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("role: tyollisyysohjaaja", "role: nobody", 1),
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("document", "--diff", str(old), str(REAL_DATA), stderr=err)
    assert failed.value.returncode == 1
    problems = err.getvalue()
    assert f"OLD {old}: kuhmo.yaml:" in problems and "unknown role 'nobody'" in problems


# --- web ----------------------------------------------------------------------------------


def test_page__is_a_guide_page_with_the_document_and_a_pdf_link(client: Client) -> None:
    response = client.get("/fi/document/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<header class="site">' in html and '<footer class="site">' in html
    assert 'href="/fi/document/pdf"' in html
    assert html.count("<h1") == 1
    sections = [t for level, t, within in outline(html).headings if level == 2 and within]
    assert sections[0] == "1. Johdanto" and sections[-1].startswith("14. ")
    assert 'class="programme-document" lang="fi"' in html


def test_page__in_another_language_shows_the_english_document(client: Client) -> None:
    html = client.get("/sv/document/").content.decode()
    assert '<html lang="sv"' in html
    assert 'class="programme-document" lang="en"' in html


def test_pdf_download__attachment_with_the_file_name(client: Client, pdf_fi: bytes) -> None:
    response = client.get("/fi/document/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{PDF_FILENAME}"'
    assert response.content == pdf_fi


def test_page_without_data__503(client: Client) -> None:
    m.DataSet.objects.all().delete()
    assert client.get("/fi/document/").status_code == 503
    assert client.get("/fi/document/pdf").status_code == 503
