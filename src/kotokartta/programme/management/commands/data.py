"""kotokartta data check|load|export|synth — the programme's data files and the database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from kotokartta.core.errors import database_error_message
from kotokartta.programme.data_subcommands import data_subcommands, load_options
from kotokartta.programme.export import export_programme
from kotokartta.programme.services import (
    ProgrammeInvalid,
    is_loaded,
    load_programme_from_folder,
    load_step_count,
    validate_folder,
)
from kotokartta.programme.validation import Programme


def _counts(programme: Programme) -> str:
    return (
        f"{len(programme.municipalities)} municipalities, {len(programme.provisions)} "
        f"provisions, {len(programme.organisations)} organisations, {len(programme.places)} "
        f"places, {len(programme.activities)} activities, {len(programme.flags)} flags"
    )


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
        for option in load_options():
            load.add_argument(option.option, action="store_true", help=option.help)
        export = sub.add_parser(
            "export", parents=[quiet], help="Write the database back as data files."
        )
        export.add_argument("-o", "--output", required=True, help="folder to write into")
        for extra in data_subcommands():
            extra.add_arguments(sub.add_parser(extra.name, parents=[quiet], help=extra.help))

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "export":
            self._export(Path(options["output"]))
            return
        extra = {e.name: e for e in data_subcommands()}.get(action)
        if extra is not None:
            extra.handle(self, options)
            return
        folder = Path(options.get("path") or settings.DATA_DIR)
        try:
            if action == "load" and options.get("if_changed") and is_loaded(folder=folder):
                self.stdout.write(f"{folder} is already loaded; nothing to do")
                return
            if action == "load" and options.get("if_changed"):
                for option in load_options():
                    reason = option.keep_reason()
                    if reason:
                        self.stdout.write(reason)
                        return
            programme = validate_folder(folder=folder)
            if action == "check":
                self.stdout.write(f"{folder}: OK ({_counts(programme)})")
                return
            for option in load_options():
                if options.get(option.dest):
                    option.take_in(self, folder)
                    return
            load_programme_from_folder(
                folder=folder, progress=self._progress(options), validated=programme
            )
        except ProgrammeInvalid as invalid:
            for problem in invalid.problems:
                self.stderr.write(str(problem))
            raise CommandError(str(invalid), returncode=1) from invalid
        except DatabaseError as error:
            raise CommandError(database_error_message(error), returncode=1) from error
        self.stdout.write(f"Loaded {folder}: {_counts(programme)}")

    def _progress(self, options: dict[str, Any]) -> Callable[[str], None]:
        interactive = sys.stderr.isatty()
        steps = iter(range(1, 100))
        total = load_step_count()

        def progress(message: str) -> None:
            if options["verbosity"] >= 1:
                self.stderr.write(f"[{next(steps)}/{total}] {message}", ending="\n")
                if interactive:
                    self.stderr.flush()

        return progress

    def _export(self, folder: Path) -> None:
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} exists and is not a folder", returncode=2)
        try:
            written = export_programme(folder=folder)
        except LookupError as error:
            raise CommandError(str(error), returncode=1) from error
        except DatabaseError as error:
            raise CommandError(database_error_message(error), returncode=1) from error
        except OSError as error:
            raise CommandError(
                f"cannot write into {folder}: {error.strerror}", returncode=1
            ) from error
        self.stdout.write(f"Wrote {len(written)} files into {folder}")
