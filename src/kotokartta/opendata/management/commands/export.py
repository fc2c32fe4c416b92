"""kotokartta export hsds|ptv -o DIR — the programme in open exchange formats.

`hsds`: Open Referral HSDS 3.0, one JSON file per table plus datapackage.json and README.md,
validated against the official schemas before anything is written.
`ptv`: the national Service Information Repository's format, by
`kotokartta.integrations.ptv.export.export_ptv`.

Exit codes: 0 written; 1 no data, nothing valid to write, or the folder cannot be written;
2 bad options (argparse) or DIR is not a folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from kotokartta.core.borders import BordersMissing
from kotokartta.core.errors import database_error_message
from kotokartta.integrations.ptv.export import export_ptv
from kotokartta.opendata.export import export_hsds, validation_errors
from kotokartta.opendata.hsds import LANGUAGES, NoProgrammeLoaded, build_hsds


class Command(BaseCommand):
    help = "Export the programme as open data: HSDS 3.0 JSON files, or the PTV format."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="format", metavar="{hsds,ptv}", required=True)
        common = CommandParser(add_help=False)
        common.add_argument(
            "-o", "--output", required=True, metavar="DIR", help="folder to write into"
        )
        common.add_argument(
            "-v",
            "--verbosity",
            type=int,
            choices=[0, 1, 2, 3],
            default=argparse.SUPPRESS,
            help="0 prints only the result",
        )
        hsds = sub.add_parser(
            "hsds",
            parents=[common],
            help="Open Referral HSDS 3.0: one JSON file per table, datapackage.json, README.md.",
        )
        hsds.add_argument(
            "--lang", choices=LANGUAGES, default="fi", help="language of the texts (default fi)"
        )
        sub.add_parser(
            "ptv", parents=[common], help="The Service Information Repository (PTV) format."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["output"])
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder} exists and is not a folder", returncode=2)
        verbose = options.get("verbosity", 1) >= 1
        try:
            if options["format"] == "hsds":
                self._hsds(folder, lang=options["lang"], verbose=verbose)
            else:
                self._ptv(folder, verbose=verbose)
        except (NoProgrammeLoaded, BordersMissing) as error:
            raise CommandError(str(error), returncode=1) from error
        except DatabaseError as error:
            raise CommandError(database_error_message(error), returncode=1) from error
        except OSError as error:
            where = error.filename or folder
            raise CommandError(
                f"cannot write {where}: {error.strerror or error}", returncode=1
            ) from error

    def _hsds(self, folder: Path, *, lang: str, verbose: bool) -> None:
        data = build_hsds(lang)
        try:
            invalid, messages = validation_errors(data)
        except FileNotFoundError as error:
            raise CommandError(
                f"the HSDS 3.0 schemas are missing ({error}); nothing was written", returncode=1
            ) from error
        if invalid:
            for message in messages:
                self.stderr.write(message)
            raise CommandError(
                f"{invalid} objects do not validate against HSDS 3.0; nothing was written",
                returncode=1,
            )
        steps = len(data.tables) + 2
        done = 0

        def progress(name: str, count: int) -> None:
            nonlocal done
            done += 1
            if verbose:
                what = f"{count} objects" if count >= 0 else "metadata"
                self.stdout.write(f"[{done}/{steps}] {name}: {what}")

        written = export_hsds(data, folder, progress)
        total = sum(data.counts().values())
        self.stdout.write(
            f"Wrote {len(written)} files into {folder}: {total} HSDS 3.0 objects, "
            f"all valid (data date {data.info['data_date']}, language {lang})"
        )

    def _ptv(self, folder: Path, *, verbose: bool) -> None:
        try:
            written = export_ptv(folder=folder)
        except (LookupError, ValueError) as error:
            raise CommandError(f"PTV export failed: {error}", returncode=1) from error
        paths = list(written or [])
        if verbose:
            for index, path in enumerate(paths, 1):
                self.stdout.write(f"[{index}/{len(paths)}] {Path(path).name}")
        self.stdout.write(f"Wrote {len(paths)} files into {folder} (PTV)")
