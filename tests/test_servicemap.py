"""Visual service maps: checked by content — text in the PDF, page sizes, the QR's payload,
the SVG's phases, and the purchase arrows of the area overview."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from kotokartta.programme.models import Municipality
from kotokartta.programme.vocabulary import PHASES
from kotokartta.servicemap import render
from kotokartta.servicemap.selectors import live_url, purchase_arrangements, qr_svg, service_map

pytestmark = pytest.mark.django_db
POPPLER = shutil.which("pdftotext") is not None


def municipality(term: str) -> Municipality:
    found = Municipality.objects.find(term)
    assert found is not None
    return found


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "map.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def puolanka_ar_a4(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> bytes:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        content = service_map(municipality=municipality("puolanka"), second_lang="ar")
        return render.render_pdf(content, paper="a4")


@pytest.mark.skipif(not POPPLER, reason="poppler-utils missing")
def test_pdf__names_providers_and_purchase_marks(puolanka_ar_a4: bytes, tmp_path: Path) -> None:
    text = pdf_text(puolanka_ar_a4, tmp_path)
    assert "Puolanka: kotoutumisen alkuvaiheen palvelukartta" in text
    assert "Suomussalmen kunta" in text
    assert "OSTOPALVELU: Suomussalmi" in text
    assert "Puolangan kunnantalo" in text
    assert "Erja Helttunen" in text  # the coordinator contact


@pytest.mark.skipif(not POPPLER, reason="poppler-utils missing")
def test_pdf__a4_portrait_one_page(puolanka_ar_a4: bytes, tmp_path: Path) -> None:
    info = pdf_info(puolanka_ar_a4, tmp_path)
    assert "Pages:           1" in info
    assert "595.276 x 841.89 pts (A4)" in info


@pytest.mark.skipif(not POPPLER, reason="poppler-utils missing")
def test_pdf__a3_landscape_one_page_even_for_the_busiest_municipality(tmp_path: Path) -> None:
    content = service_map(municipality=municipality("kuusamo"), second_lang="uk")
    info = pdf_info(render.render_pdf(content, paper="a3"), tmp_path)
    assert "Pages:           1" in info
    assert "1190.55 x 841.89 pts (A3)" in info


@pytest.mark.skipif(not POPPLER, reason="poppler-utils missing")
def test_pdf__arabic_beside_finnish_right_to_left(puolanka_ar_a4: bytes, tmp_path: Path) -> None:
    text = pdf_text(puolanka_ar_a4, tmp_path)
    assert any("\u0600" <= char <= "\u06ff" for char in text)  # Arabic letters are there
    html = render.render_html(
        service_map(municipality=municipality("puolanka"), second_lang="ar"), paper="a4"
    )
    assert 'lang="ar" dir="rtl"' in html


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools missing")
def test_qr__decodes_to_the_municipality_live_page(puolanka_ar_a4: bytes, tmp_path: Path) -> None:
    (tmp_path / "map.pdf").write_bytes(puolanka_ar_a4)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", str(tmp_path / "map.pdf"), str(tmp_path / "page")],
        check=True,
    )
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "page-1.png")], capture_output=True, text=True
    ).stdout.strip()
    assert decoded == live_url(municipality("puolanka"))
    assert decoded.endswith("/fi/municipalities/puolanka/")


def test_qr__encodes_the_live_url() -> None:
    content = service_map(municipality=municipality("kajaani"), second_lang="en")
    assert content.qr == qr_svg(live_url(municipality("kajaani")))
    assert content.qr != qr_svg(live_url(municipality("kuhmo")))


def test_svg__parses_and_shows_every_phase() -> None:
    content = service_map(municipality=municipality("taivalkoski"), second_lang="ar")
    svg = render.render_svg(content)
    root = ET.fromstring(svg)
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for phase in PHASES:
        first_words = " ".join(phase.name_fi.split()[:2])
        assert first_words in texts, phase.id
    assert "OSTOPALVELU" in texts or "Kuusamon kaupunki" in texts
    assert root.find("{http://www.w3.org/2000/svg}title") is not None


def test_svg__labels_finnish_beside_the_second_language_not_english() -> None:
    """The diagram's fixed words (group and column headings, legend) are Finnish beside the
    reader's second language, as on the printed map; English only when English is asked for."""
    content = service_map(municipality=municipality("kuhmo"), second_lang="uk")
    root = ET.fromstring(render.render_svg(content))
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Vaihe / Етап" in texts or "Vaihe / Фаза" in texts, texts[:400]
    assert "Alongside" not in texts and "purchased from another municipality" not in texts
    assert "Job seeker" not in texts and "Other newcomer" not in texts
    marked = [t for t in root.iter("{http://www.w3.org/2000/svg}tspan") if t.get("lang") == "uk"]
    assert marked
    english = render.render_svg(service_map(municipality=municipality("kuhmo"), second_lang="en"))
    assert "Vaihe / <tspan" in english and ">Phase</tspan>" in english


def test_svg_file__its_own_style_sheet_is_allowed_by_hash_and_nothing_else_inline() -> None:
    response = Client().get("/fi/maps/kuhmo/map.svg?second=uk")
    assert response.status_code == 200
    body = response.content.decode()
    style = re.search(r"<style>(.*?)</style>", body, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style[1].encode()).digest()).decode()
    policy = response.headers["Content-Security-Policy"]
    assert f"style-src 'self' 'sha256-{digest}';" in policy
    assert "unsafe-inline" not in policy and "script-src 'none'" in policy


@pytest.mark.parametrize("second", ["uk", "ar", "sv"])
def test_second_language_line__has_no_english_data_text(second: str) -> None:
    """The data is written in Finnish and English; a Ukrainian, Arabic or Swedish reader gets the
    vocabulary in their language and the data's texts in Finnish on the line above, not English."""
    english = service_map(municipality=municipality("kuhmo"), second_lang="en")
    other = service_map(municipality=municipality("kuhmo"), second_lang=second)
    english_texts = {
        e.other["who"] for row in english.rows for cell in row.cells.values() for e in cell
    } - {""}
    assert english_texts, "the English map names the providers in English"
    html = render.render_html(other)
    svg = render.render_svg(other)
    for text in english_texts:
        assert text not in html and text not in svg, text
    entries = [e for row in other.rows for cell in row.cells.values() for e in cell]
    assert all(e.other["who"] == "" and e.other["role"] == "" for e in entries)
    assert all(e.fi["status"] for e in entries)


def test_map_cells__say_status_and_modes_in_the_second_language() -> None:
    content = service_map(municipality=municipality("kuhmo"), second_lang="uk")
    entries = [e for row in content.rows for cell in row.cells.values() for e in cell]
    remote = [e for e in entries if "etäpalvelu" in e.fi["modes"]]
    assert remote, "Kuhmo's data has a remote service"
    assert all("remote" not in e.other["modes"] for e in remote)
    assert all("дистанційно" in e.other["modes"] for e in remote)


def test_map_marks_open_arrangements_as_open() -> None:
    content = service_map(municipality=municipality("kuhmo"), second_lang="en")
    assessment = next(row for row in content.rows if row.phase == "assessment")
    assert any(entry.open for entry in assessment.cells["other"])


def test_area_overview__arrows_follow_the_purchase_arrangements() -> None:
    pairs = {(p["from"].id, p["to"].id) for p in purchase_arrangements()}
    expected = {
        ("puolanka", "suomussalmi"),
        ("hyrynsalmi", "suomussalmi"),
        ("ristijarvi", "suomussalmi"),
        ("paltamo", "suomussalmi"),
        ("paltamo", "kajaani"),
        ("taivalkoski", "kuusamo"),
        ("kuhmo", "sotkamo"),
    }
    assert expected <= pairs
    taivalkoski = next(p for p in purchase_arrangements() if p["from"].id == "taivalkoski")
    assert taivalkoski["clients"] == {"job-seeker"} and taivalkoski["conditional"]


def test_cli__all_maps_as_svg_with_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("map", "--all", "--format", "svg", "--lang", "ar", "-o", str(tmp_path / "maps"))
    files = sorted(p.name for p in (tmp_path / "maps").iterdir())
    assert len(files) == 11 and "kajaani-ar.svg" in files and "area.svg" in files
    err = capsys.readouterr().err
    assert "[1/10]" in err and "[10/10]" in err


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["atlantis", "-o", "x.pdf"], 2),
        (["kajaani", "-o", "x.docx"], 2),
        (["-o", "x.pdf"], 2),
    ],
)
def test_cli__bad_input_exits_2(tmp_path: Path, args: list[str], code: int) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("map", *[a if not a.startswith("x.") else str(tmp_path / a) for a in args])
    assert raised.value.returncode == code


@pytest.mark.parametrize(
    ("url", "status", "content_type"),
    [
        ("/fi/maps/", 200, "text/html"),
        ("/ar/maps/kajaani/?second=ar", 200, "text/html"),
        ("/fi/maps/kajaani/map.svg?second=uk", 200, "image/svg+xml"),
        ("/fi/maps/area.svg", 200, "image/svg+xml"),
        ("/fi/maps/atlantis/", 404, "text/html"),
        ("/fi/maps/kajaani/map-a5.pdf", 404, "text/html"),
    ],
)
def test_web__map_pages_and_files(url: str, status: int, content_type: str) -> None:
    response = Client().get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith(content_type)


@pytest.mark.skipif(not POPPLER, reason="poppler-utils missing")
@pytest.mark.parametrize(
    ("term", "lang", "paper"), [("suomussalmi", "ar", "a4"), ("kuusamo", "ar", "a3")]
)
def test_pdf__busiest_maps_fit_one_page_in_one_layout_pass(
    term: str, lang: str, paper: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weasyprint import HTML

    layouts = []
    original = HTML.render

    def counted(self: HTML, *args: object, **kwargs: object) -> object:
        layouts.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "render", counted)
    content = service_map(municipality=municipality(term), second_lang=lang)
    info = pdf_info(render.render_pdf(content, paper=paper), tmp_path)
    assert "Pages:           1" in info
    assert len(layouts) == 1
