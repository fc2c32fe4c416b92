"""kotokartta coverage [--format csv|json|text] [-o FILE] — the coordinators' coverage view."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.urls import reverse
from django.utils import translation

from kotokartta.core.errors import database_error_message
from kotokartta.coverage import formats
from kotokartta.coverage.selectors import (
    Cell,
    coverage_matrix,
    current_dataset,
    gap_list,
    orientation_languages,
)
from kotokartta.programme.models import NoProgrammeLoaded


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from error


class Command(BaseCommand):
    help = (
        "Show which municipality has which service for which client group, what is open or "
        "missing, and the languages of civic orientation. Text table by default; CSV has one row "
        "per municipality × phase × client group."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--format",
            choices=["text", "csv", "json"],
            default="text",
            help="text (default), csv or json",
        )
        parser.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="write to FILE (UTF-8) instead of standard output",
        )
        parser.add_argument("--lang", default="fi", choices=["fi", "en"], help="language of texts")
        parser.add_argument(
            "--today",
            type=_date,
            metavar="YYYY-MM-DD",
            help="the date against which planned start years are late (default: today)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        lang: str = options["lang"]
        today: dt.date = options.get("today") or dt.date.today()
        try:
            dataset = current_dataset()
            if options["format"] == "csv":
                output = formats.matrix_csv(coverage_matrix(lang=lang))
            elif options["format"] == "json":
                output = formats.coverage_json(
                    formats.coverage_document(today=today, lang=lang, cell_url=_url_for(lang))
                )
            else:
                output = formats.render_text(
                    rows=coverage_matrix(lang=lang),
                    gaps=gap_list(today=today, lang=lang),
                    orientation=orientation_languages(lang=lang),
                    data_date=dataset.data_date.isoformat(),
                    lang=lang,
                )
        except NoProgrammeLoaded as error:
            raise CommandError(str(error), returncode=1) from error
        except DatabaseError as error:
            raise CommandError(database_error_message(error), returncode=1) from error
        target = options.get("output")
        if not target:
            self.stdout.write(output, ending="")
            return
        try:
            # newline="" keeps the CSV's own CRLF line ends as they are.
            Path(target).write_text(output, encoding="utf-8", newline="")
        except OSError as error:
            raise CommandError(
                f"cannot write {target}: {error.strerror or error}", returncode=2
            ) from error
        if options["verbosity"] >= 1:
            self.stderr.write(f"wrote {target}")


def _url_for(lang: str) -> Callable[[Cell], str]:
    base = settings.PUBLIC_URL

    def url(cell: Cell) -> str:
        with translation.override(lang):
            path = reverse("guide:municipality", kwargs={"slug": cell.municipality.id})
        return f"{base}{path}#{cell.phase}"

    return url
