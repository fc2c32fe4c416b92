"""kotokartta document — the programme document from the data, or what changed between data.

    kotokartta document [--format html|pdf|docx] [--lang fi|en] -o FILE
    kotokartta document --diff OLD_DATA_DIR [NEW_DATA_DIR] [--format text|json] [--lang fi|en]

Exit codes: 0 done; 1 no data loaded, a file cannot be written, or a data folder is invalid;
2 a bad option. Never a traceback.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kotokartta.documents.build import LANGUAGES, programme_document
from kotokartta.programme.models import NoProgrammeLoaded
from kotokartta.programme.validation import Programme, check_folder

DOCUMENT_FORMATS = ("html", "pdf", "docx")
DIFF_FORMATS = ("text", "json")
SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}


class Command(BaseCommand):
    help = (
        "Write the programme document (kotoutumisohjelmaa kuvaava asiakirja) from the loaded "
        "data as HTML, PDF or Word, or with --diff show what changed between two data folders."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--format",
            choices=[*DOCUMENT_FORMATS, *DIFF_FORMATS],
            help="document: html, pdf or docx (default: from the file suffix, else html); "
            "--diff: text (default) or json",
        )
        parser.add_argument(
            "--lang", choices=LANGUAGES, default="fi", help="language of the text (default fi)"
        )
        parser.add_argument(
            "-o", "--output", metavar="FILE", help="file to write (required for a document)"
        )
        parser.add_argument(
            "--diff",
            nargs="+",
            metavar="DATA_DIR",
            help="OLD_DATA_DIR [NEW_DATA_DIR]: validate both folders and show what changed "
            "(NEW defaults to the configured data folder)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options.get("diff") is not None:
            self._diff(options)
        else:
            self._document(options)

    # --- the document -------------------------------------------------------------------
    def _document(self, options: dict[str, Any]) -> None:
        output = options.get("output")
        if not output:
            raise CommandError(
                "give the file to write with -o FILE (e.g. -o kotoutumisohjelma.pdf)",
                returncode=2,
            )
        target = Path(output)
        fmt = options.get("format") or SUFFIXES.get(target.suffix.lower(), "html")
        if fmt not in DOCUMENT_FORMATS:
            raise CommandError(
                f"--format {fmt} is for --diff; a document is html, pdf or docx", returncode=2
            )
        if target.is_dir():
            raise CommandError(f"{target} is a folder; give a file name", returncode=1)
        if not target.parent.is_dir():
            raise CommandError(
                f"cannot write {target}: the folder {target.parent} does not exist", returncode=1
            )
        started = time.perf_counter()
        try:
            doc = programme_document(lang=options["lang"])
        except NoProgrammeLoaded as error:
            raise CommandError(str(error), returncode=1) from error
        from kotokartta.documents import render

        data: bytes
        if fmt == "pdf":
            data = render.render_pdf(doc)
        elif fmt == "docx":
            data = render.render_docx(doc)
        else:
            data = render.render_html(doc).encode("utf-8")
        try:
            target.write_bytes(data)
        except OSError as error:
            raise CommandError(
                f"cannot write {target}: {error.strerror or error}", returncode=1
            ) from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Wrote {target} ({fmt}, {doc.lang}, {len(data) / 1024:.0f} kB, {seconds:.1f} s)"
        )

    # --- the diff -----------------------------------------------------------------------
    def _diff(self, options: dict[str, Any]) -> None:
        folders = options["diff"]
        if len(folders) > 2:
            raise CommandError(
                "--diff takes OLD_DATA_DIR and at most one NEW_DATA_DIR", returncode=2
            )
        fmt = options.get("format") or "text"
        if fmt not in DIFF_FORMATS:
            raise CommandError(f"--diff prints text or json, not {fmt}", returncode=2)
        old_dir = Path(folders[0])
        new_dir = Path(folders[1]) if len(folders) == 2 else Path(settings.DATA_DIR)
        old = self._checked("OLD", old_dir)
        new = self._checked("NEW", new_dir)
        if old is None or new is None:
            raise CommandError(
                "the data folders must be valid before they can be compared "
                "(see the problems above)",
                returncode=1,
            )
        from kotokartta.documents.diff import diff_as_json, diff_programmes, render_diff_text

        lang = options["lang"]
        changes = diff_programmes(old, new, lang=lang)
        labels = {"old_label": str(old_dir), "new_label": str(new_dir)}
        if fmt == "json":
            text = json.dumps(
                diff_as_json(changes, old=old, new=new, lang=lang, **labels),
                ensure_ascii=False,
                indent=2,
            )
        else:
            text = render_diff_text(changes, old=old, new=new, lang=lang, **labels).rstrip("\n")
        output = options.get("output")
        if not output:
            self.stdout.write(text)
            return
        try:
            Path(output).write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(
                f"cannot write {output}: {error.strerror or error}", returncode=1
            ) from error
        self.stdout.write(f"Wrote {output} ({len(changes)} changes)")

    def _checked(self, label: str, folder: Path) -> Programme | None:
        programme, problems = check_folder(folder)
        for problem in problems:
            self.stderr.write(f"{label} {folder}: {problem}")
        return programme
