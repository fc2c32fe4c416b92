"""A service map PDF against WeasyPrint rendering the same HTML once.

    python bench/pdf.py [--runs 3] [--municipality kajaani] [--lang ar] [--paper a4]
    python bench/pdf.py --calibrate      # the type-size estimate against WeasyPrint's layout

The first form times, in one process and after one warm-up of each: WeasyPrint turning the map's
final HTML (at the type size Kotokartta chose) into a PDF once, and Kotokartta's whole
`render_pdf` (reading the HTML, choosing the type size, rendering). Goal: ≤ 1.5×.
The second renders every map of the loaded data on a very tall page and compares the height
WeasyPrint lays out with servicemap/fit.py's estimate (the largest ratio sets fit.SAFETY).
Runs on the database in DATABASE_URL / KOTOKARTTA_VAR_DIR with the data loaded. Exits non-zero on
any failure.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotokartta.settings")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--municipality", default="kajaani")
    parser.add_argument("--lang", default="ar")
    parser.add_argument("--paper", default="a4", choices=["a4", "a3"])
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--langs", default="fi,ar,uk,th")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from weasyprint import HTML

    from kotokartta.programme.models import Municipality
    from kotokartta.servicemap import fit, render
    from kotokartta.servicemap.selectors import service_map

    if args.calibrate:
        worst = 0.0
        head = ("municipality", "paper", "lang", "size", "laid out", "estimate", "ratio")
        print("{:<14}{:<6}{:<5}{:>6}{:>10}{:>10}{:>7}".format(*head))
        for municipality in Municipality.objects.all():
            for lang in args.langs.split(","):
                content = service_map(municipality=municipality, second_lang=lang)
                for paper in ("a4", "a3"):
                    largest, smallest = render.FONT_SIZES[paper]
                    html = render.render_html(content, paper=paper, font_size=largest)
                    size = fit.choose_font_size(
                        html, paper=paper, largest=largest, smallest=smallest
                    )
                    html = render.render_html(content, paper=paper, font_size=size)
                    page_width = {"a4": 210, "a3": 420}[paper]
                    tall = re.sub(
                        r"@page \{ size: [^;]+;", f"@page {{ size: {page_width}mm 3000mm;", html
                    )
                    document = HTML(string=tall, base_url=str(settings.BASE_DIR)).render()
                    laid_out = _article_height(document)
                    estimate = fit.estimate_height(
                        fit.read(html, paper=paper), paper=paper, size=size
                    )
                    ratio = laid_out / estimate
                    worst = max(worst, ratio)
                    print(
                        f"{municipality.id:<14}{paper:<6}{lang:<5}{size:>6.2f}"
                        f"{laid_out:>9.1f}m{estimate:>9.1f}m{ratio:>7.3f}",
                        flush=True,
                    )
        print(f"largest ratio {worst:.3f} (fit.SAFETY = {fit.SAFETY})")
        return 0 if worst <= fit.SAFETY else 1

    found = Municipality.objects.find(args.municipality)
    if found is None:
        print(f"unknown municipality {args.municipality}", file=sys.stderr)
        return 2
    content = service_map(municipality=found, second_lang=args.lang)
    largest, smallest = render.FONT_SIZES[args.paper]
    size = fit.choose_font_size(
        render.render_html(content, paper=args.paper, font_size=largest),
        paper=args.paper,
        largest=largest,
        smallest=smallest,
    )
    html = render.render_html(content, paper=args.paper, font_size=size)

    def once() -> bytes:
        return bytes(HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf())

    def ours() -> bytes:
        return render.render_pdf(content, paper=args.paper)

    timings: dict[str, list[float]] = {"weasyprint once": [], "render_pdf": []}
    for name, function in (("weasyprint once", once), ("render_pdf", ours)):
        function()  # warm-up: fonts, templates
        for _ in range(args.runs):
            started = time.perf_counter()
            function()
            timings[name].append(time.perf_counter() - started)
    once_median = statistics.median(timings["weasyprint once"])
    ours_median = statistics.median(timings["render_pdf"])
    print(f"map {found.id} {args.paper} ({args.lang}), type {size:.2f} pt, {args.runs} runs")
    for name, values in timings.items():
        print(f"  {name:<16} median {statistics.median(values):.2f} s (min {min(values):.2f})")
    print(f"  ratio render_pdf / weasyprint once = {ours_median / once_median:.2f}")
    return 0


def _article_height(document: object) -> float:
    """The laid-out height (mm) of the map's <article> on the first page."""
    page = document.pages[0]  # type: ignore[attr-defined]
    for box in page._page_box.descendants():
        if getattr(box, "element_tag", None) == "article":
            return float(box.margin_height()) * 25.4 / 96
    raise RuntimeError("no <article> in the map")


if __name__ == "__main__":
    sys.exit(main())
