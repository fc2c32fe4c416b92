"""The guide in a real browser (Debian's Chromium through Playwright) against a real server:
accessibility (axe-core, WCAG 2.1 A/AA), keyboard use, page weight, no other hosts, print."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian chromium missing"),
]

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
PAGE_TYPES = {
    "home": "/{lang}/",
    "wizard": "/{lang}/path",
    "path": "/{lang}/path?municipality=taivalkoski&client=job-seeker&finnish=no"
    "&basis=temporary_protection&permit=2024-05-01&plan=2024-09-01",
    "municipality": "/{lang}/municipalities/paltamo/",
    "phase": "/{lang}/phases/orientation/",
    "search": "/{lang}/search?q=lukutaito",
    "wizard-errors": "/{lang}/path?municipality=kajaani&client=tourist&permit=2024-13-01",
    "not-found": "/{lang}/municipalities/atlantis/",
    "accessibility": "/{lang}/accessibility/",
    "maps": "/{lang}/maps/",
    "map": "/{lang}/maps/kajaani/",
}


def axe_violations(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("lang", ["fi", "ar", "en"])
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_axe__no_wcag_violations(page: Any, server: str, lang: str, page_type: str) -> None:
    page.goto(server + PAGE_TYPES[page_type].format(lang=lang))
    assert axe_violations(page) == []


def test_axe__municipality_page_with_details_open(page: Any, server: str) -> None:
    page.goto(server + "/ar/path?municipality=kajaani&client=other")
    page.eval_on_selector_all("details", "els => els.forEach(e => e.open = true)")
    assert axe_violations(page) == []


def test_keyboard__skip_link_first_then_focus_is_visible(page: Any, server: str) -> None:
    page.goto(server + "/fi/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip"
    box = page.evaluate("JSON.stringify(document.activeElement.getBoundingClientRect())")
    assert '"x":0' in box or '"left":0' in box  # moved into view when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_keyboard__wizard_can_be_completed_without_a_mouse(page: Any, server: str) -> None:
    page.goto(server + "/en/")
    page.focus("#id_municipality")
    page.keyboard.press("ArrowDown")  # first municipality
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # "Yes, I am a job seeker"
    page.focus("button.primary")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/en/path?municipality=" in page.url and "client=job-seeker" in page.url
    assert page.locator("h1").inner_text().startswith("Your path in")


def test_map__has_a_text_alternative_and_focusable_links(page: Any, server: str) -> None:
    page.goto(server + "/fi/")
    svg = page.locator(".map svg")
    assert svg.locator("title").count() >= 1 and svg.locator("desc").count() >= 1
    assert svg.locator("a").count() == 10


@pytest.mark.parametrize("lang", ["fi", "ar"])
def test_path_page__light_and_self_contained(page: Any, server: str, lang: str) -> None:
    hosts: set[str] = set()
    sizes: list[int] = []

    def on_response(response: Any) -> None:
        hosts.add(re.sub(r"^https?://([^/]+).*", r"\1", response.url))
        sizes.append(int(response.request.sizes()["responseBodySize"]) + 300)

    page.on("response", on_response)
    page.goto(server + PAGE_TYPES["path"].format(lang=lang), wait_until="networkidle")
    assert hosts == {server.removeprefix("http://")}
    transferred = sum(sizes)
    print(f"path page ({lang}): {len(sizes)} requests, {transferred} bytes transferred")
    assert transferred <= 50_000
    assert page.evaluate("document.scripts.length") == 0


def test_path_page__works_with_javascript_off(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/fi/")
    page.select_option("#id_municipality", "puolanka")
    page.check("input[name=client][value=job-seeker]")
    page.click("button.primary")
    assert "Puolanka" in page.locator("h1").inner_text()
    assert page.locator("ol.steps > li").count() >= 12
    context.close()


@pytest.mark.parametrize(
    "query",
    [
        "/ar/path?municipality=kajaani&client=job-seeker",
        "/fa/path?municipality=kuusamo&client=other&permit=2024-05-01&plan=2024-09-01",
        "/fi/path?municipality=suomussalmi&client=job-seeker&permit=2024-05-01&plan=2024-09-01",
    ],
)
def test_print__path_prints_on_one_a4_page_with_finnish_beside(
    page: Any, server: str, query: str
) -> None:
    page.goto(server + query)
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    print(f"printed path page: {pages} A4 page(s), {len(pdf)} bytes")
    assert pages == 1
    page.emulate_media(media="print")
    if not query.startswith("/fi/"):
        assert page.locator(".col--fi").first.is_visible()
    assert page.locator("form.search").is_hidden()
    assert page.locator(".share").is_visible()
