"""kotokartta data check|load|export|synth — the programme's data files and the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from kotokartta.programme.export import export_programme
from kotokartta.programme.loading import LOAD_STEPS, folder_checksum, load_programme
from kotokartta.programme.models import DataSet
from kotokartta.programme.synth import (
    SynthError,
    count_noun,
    parse_municipality_count,
    synthesise,
)
from kotokartta.programme.validation import check_folder
from kotokartta.search.indexing import rebuild_index
from kotokartta.staff.services import draft_from_folder, staff_version_in_use


def _is_loaded(folder: Path) -> bool:
    current = DataSet.objects.current()
    return current is not None and folder.is_dir() and current.checksum == folder_checksum(folder)


class Command(BaseCommand):
    help = (
        "Check, load or export the programme data files, or write a synthetic national data "
        "set (see docs/data-format.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(
            dest="action", metavar="{check,load,export,synth}", required=True
        )
        quiet = CommandParser(add_help=False)
        quiet.add_argument(
            "-v",
            "--verbosity",
            type=int,
            choices=[0, 1, 2, 3],
            default=argparse.SUPPRESS,
            help="0 prints only the result and problems",
        )
        check = sub.add_parser(
            "check",
            parents=[quiet],
            help="Validate a data folder and list every problem as file:line: field: message.",
        )
        check.add_argument("path", nargs="?", help="data folder (default: the configured one)")
        load = sub.add_parser(
            "load",
            parents=[quiet],
            help="Validate a data folder and load it into the database in one transaction.",
        )
        load.add_argument("path", nargs="?", help="data folder (default: the configured one)")
        load.add_argument(
            "--if-changed",
            action="store_true",
            help="do nothing when the database already holds exactly these files",
        )
        load.add_argument(
            "--as-draft",
            action="store_true",
            help="take the folder in as a draft for review in the staff pages instead of "
            "replacing the published programme",
        )
        export = sub.add_parser(
            "export", parents=[quiet], help="Write the database back as data files."
        )
        export.add_argument("-o", "--output", required=True, help="folder to write into")
        synth = sub.add_parser(
            "synth",
            parents=[quiet],
            help="Write a synthetic national data set (every municipality of Finland, invented "
            "services) in the loading format.",
        )
        synth.add_argument(
            "--municipalities",
            required=True,
            metavar="all|N",
            help="all 309 municipalities, or the first N by official code",
        )
        synth.add_argument(
            "--seed", type=int, default=1, help="random seed; the same seed gives the same files"
        )
        synth.add_argument(
            "--areas",
            type=int,
            default=None,
            metavar="N",
            help="number of employment areas (default: about 45 for all 309 municipalities)",
        )
        synth.add_argument("-o", "--output", required=True, help="folder to write into")
        synth.add_argument(
            "--force",
            action="store_true",
            help="write into a folder that is not empty, replacing its .yaml files and document",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "export":
            self._export(Path(options["output"]))
            return
        if action == "synth":
            self._synth(options)
            return
        folder = Path(options.get("path") or settings.DATA_DIR)
        if action == "load" and options.get("if_changed") and _is_loaded(folder):
            self.stdout.write(f"{folder} is already loaded; nothing to do")
            return
        if action == "load" and options.get("if_changed") and staff_version_in_use():
            self.stdout.write(
                f"the database holds version {staff_version_in_use()} published by staff; not "
                "replaced by the files (load without --if-changed to replace it, or --as-draft)"
            )
            return
        programme, problems = check_folder(folder)
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            noun = "problem" if len(problems) == 1 else "problems"
            raise CommandError(
                f"{len(problems)} {noun} in {folder}; nothing was loaded", returncode=1
            )
        assert programme is not None
        counts = (
            f"{len(programme.municipalities)} municipalities, {len(programme.provisions)} "
            f"provisions, {len(programme.organisations)} organisations, {len(programme.places)} "
            f"places, {len(programme.activities)} activities, {len(programme.flags)} flags"
        )
        if action == "check":
            self.stdout.write(f"{folder}: OK ({counts})")
            return
        if options.get("as_draft"):
            self._as_draft(folder)
            return
        interactive = sys.stderr.isatty()
        steps = iter(range(1, 100))

        def progress(message: str) -> None:
            if options["verbosity"] >= 1:
                self.stderr.write(f"[{next(steps)}/{LOAD_STEPS}] {message}", ending="\n")
                if interactive:
                    self.stderr.flush()

        with transaction.atomic():
            load_programme(programme=programme, source_folder=folder, progress=progress)
            progress("building the search index")
            rebuild_index()
        self.stdout.write(f"Loaded {folder}: {counts}")

    def _as_draft(self, folder: Path) -> None:
        draft, notes = draft_from_folder(folder=folder, origin=f"data load --as-draft {folder}")
        for note in notes:
            self.stderr.write(note)
        if draft is None:
            self.stdout.write(f"{folder} does not differ from the published programme; no draft")
            return
        self.stdout.write(
            f"Draft {draft.pk}: {draft.changes.count()} changes from {folder}, waiting for "
            f"review at /staff/drafts/{draft.pk}/"
        )

    def _synth(self, options: dict[str, Any]) -> None:
        folder = Path(options["output"])
        verbose = options["verbosity"] >= 1
        interactive = sys.stderr.isatty()

        def progress(done: int, total: int, name: str) -> None:
            if not verbose:
                return
            if interactive:  # one line, rewritten in place
                end = "\n" if done == total else ""
                self.stderr.write(f"\r\x1b[K[{done}/{total}] {name}", ending=end)
                self.stderr.flush()
            else:
                self.stderr.write(f"[{done}/{total}] {name}")

        try:
            summary = synthesise(
                folder,
                geojson=Path(settings.GEO_DIR) / "finland-municipalities.geojson",
                municipalities=parse_municipality_count(options["municipalities"]),
                seed=options["seed"],
                areas=options["areas"],
                force=options["force"],
                progress=progress,
            )
        except SynthError as error:
            raise CommandError(str(error), returncode=2) from error
        except OSError as error:
            raise CommandError(
                f"cannot write into {folder}: {error.strerror}", returncode=1
            ) from error
        self.stdout.write(
            f"Wrote {summary.files} files ({summary.bytes / 1_000_000:.1f} MB) into {folder}: "
            f"{count_noun(summary.municipalities, 'municipality', 'municipalities')} in "
            f"{count_noun(summary.areas, 'employment area', 'employment areas')} and "
            + count_noun(
                summary.counties, "wellbeing services county", "wellbeing services counties"
            )
            + f", {summary.provisions} provisions "
            f"({summary.purchased} purchased), {summary.organisations} organisations, "
            f"{summary.activities} activities, {summary.flags} flags (seed {options['seed']})"
        )

    def _export(self, folder: Path) -> None:
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} exists and is not a folder", returncode=2)
        try:
            written = export_programme(folder=folder)
        except LookupError as error:
            raise CommandError(str(error), returncode=1) from error
        except OSError as error:
            raise CommandError(
                f"cannot write into {folder}: {error.strerror}", returncode=1
            ) from error
        self.stdout.write(f"Wrote {len(written)} files into {folder}")
