"""kotokartta map — the visual service map of a municipality (or all of them, or the area)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kotokartta.programme.models import Municipality
from kotokartta.servicemap import render
from kotokartta.servicemap.selectors import PAPERS, area_overview_svg, service_map

FORMATS = ("pdf", "svg", "html")


class Command(BaseCommand):
    help = (
        "Write a municipality's visual service map (phases × client groups, Finnish beside a "
        "second language, QR code to the live page) as PDF (A4 portrait or A3 landscape), SVG or "
        "HTML; --all writes every municipality on both papers; --area writes the area overview "
        "with the purchase arrangements."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("municipality", nargs="?", help="name, Swedish name, code or alias")
        parser.add_argument(
            "--lang",
            default="en",
            choices=[code for code, _ in settings.LANGUAGES],
            help="the language beside Finnish (default en)",
        )
        parser.add_argument("--paper", choices=list(PAPERS), default="a4", help="a4 or a3")
        parser.add_argument("--format", choices=FORMATS, help="default: from the file suffix")
        parser.add_argument("--all", action="store_true", help="every municipality × a4, a3 (PDF)")
        parser.add_argument("--area", action="store_true", help="the area overview (SVG or PDF)")
        parser.add_argument(
            "--warm",
            action="store_true",
            help="render every missing PDF map of the current data version ahead, for the web",
        )
        parser.add_argument("-o", "--output", help="file, or folder with --all")

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        if not Municipality.objects.exists():
            raise CommandError(
                "no programme data is loaded; run `kotokartta data load`", returncode=1
            )
        if options["warm"]:
            if options["municipality"] or options["all"] or options["area"] or options["output"]:
                raise CommandError(
                    "--warm renders into the shared PDF store; name nothing", returncode=2
                )
            self._warm()
            return
        if not options["output"]:
            raise CommandError("give the output: -o FILE (or a folder with --all)", returncode=2)
        output = Path(options["output"])
        if options["all"]:
            if options["municipality"] or options["area"]:
                raise CommandError("--all writes every municipality; name none", returncode=2)
            self._all(output, options["lang"], options["format"] or "pdf")
            return
        fmt = options["format"] or output.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise CommandError(
                f"cannot tell the format from {output.name!r}; give --format pdf|svg|html",
                returncode=2,
            )
        if options["area"]:
            self._write(output, self._area(fmt, options["lang"]))
            return
        term = options["municipality"]
        if not term:
            raise CommandError("name a municipality, or use --all or --area", returncode=2)
        municipality = Municipality.objects.find(term)
        if municipality is None:
            known = ", ".join(f"{m.name['fi']} ({m.code})" for m in Municipality.objects.all())
            raise CommandError(f"unknown municipality {term!r}. Known: {known}", returncode=2)
        data = self._render(municipality, options["lang"], options["paper"], fmt)
        self._write(output, data)
        self.stdout.write(f"Wrote {output} ({len(data)} bytes)")

    def _render(self, municipality: Municipality, lang: str, paper: str, fmt: str) -> bytes:
        content = service_map(municipality=municipality, second_lang=lang)
        if fmt == "pdf":
            return render.render_pdf(content, paper=paper)
        if fmt == "svg":
            return render.render_svg(content).encode()
        return render.render_html(content, paper=paper).encode()

    def _area(self, fmt: str, lang: str) -> bytes:
        if fmt == "svg":
            return area_overview_svg(lang="fi").encode()
        html = render.render_area_html(lang=lang)
        if fmt == "html":
            return html.encode()
        from weasyprint import HTML

        return bytes(HTML(string=html).write_pdf())

    def _all(self, folder: Path, lang: str, fmt: str) -> None:
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} is not a folder", returncode=2)
        folder.mkdir(parents=True, exist_ok=True)
        municipalities = list(Municipality.objects.all())
        papers = list(PAPERS) if fmt == "pdf" else ["a4"]
        total = len(municipalities) * len(papers)
        started = time.monotonic()
        done = 0
        for municipality in municipalities:
            for paper in papers:
                name = (
                    f"{municipality.id}-{lang}-{paper}.{fmt}"
                    if fmt == "pdf"
                    else (f"{municipality.id}-{lang}.{fmt}")
                )
                self._write(folder / name, self._render(municipality, lang, paper, fmt))
                done += 1
                elapsed = time.monotonic() - started
                line = f"[{done}/{total}] {name} ({elapsed:.1f} s)"
                if sys.stderr.isatty():
                    self.stderr.write(f"\r{line}", ending="")
                else:
                    self.stderr.write(line)
        area_name = f"area-{lang}.pdf" if fmt == "pdf" else "area.svg"
        self._write(folder / area_name, self._area("pdf" if fmt == "pdf" else "svg", lang))
        if sys.stderr.isatty():
            self.stderr.write("")
        self.stdout.write(f"Wrote {total + 1} files into {folder}")

    def _warm(self) -> None:
        from kotokartta.servicemap import ahead

        started = time.monotonic()
        verbose = int(self.verbosity) > 1

        def report(name: str) -> None:
            if verbose:
                self.stderr.write(f"{name} ({time.monotonic() - started:.1f} s)")

        rendered, present = ahead.warm(report=report)
        self.stdout.write(
            f"Maps ahead: {rendered} rendered, {present} already there "
            f"({time.monotonic() - started:.1f} s)"
        )

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror}", returncode=1) from error
