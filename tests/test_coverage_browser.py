"""The coverage page in a real browser (Debian's Chromium through Playwright) against a real
server: accessibility (axe-core, WCAG 2.1 A/AA), the keyboard-scrollable table on a phone, and
the A3 landscape print."""

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


@pytest.mark.parametrize("lang", ["fi", "ar", "en"])
def test_axe__no_wcag_violations(page: Any, server: str, lang: str) -> None:
    page.goto(f"{server}/{lang}/coverage/")
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []


def test_phone__table_scrolls_inside_its_focusable_region(browser: Any, server: str) -> None:
    page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    page.goto(f"{server}/fi/coverage/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    region = page.locator(".coverage-scroll").first
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    page.wait_for_function(
        "el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5000
    )  # scrolling by keyboard is smooth: wait for it rather than read it at once
    assert region.evaluate("el => el.scrollLeft") > 0


def test_print__table_on_the_first_a3_landscape_page(page: Any, server: str) -> None:
    page.goto(f"{server}/fi/coverage/")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    width, height = (float(x) for x in sizes[0])
    assert round(width) == 1191 and round(height) == 842  # A3 landscape in points
    # The printable width of A3 landscape with 8 mm margins: 404 mm = 1527 CSS pixels.
    page.set_viewport_size({"width": 1527, "height": 1000})
    page.emulate_media(media="print")
    table = page.locator("table.coverage").bounding_box()
    assert table["width"] <= 1527
