"""kotokartta eligibility --permit DATE [...] — is the 14 § assessment mandatory, and which
statutory dates follow. Nothing given is stored. Exit 2, with a message in the asked language,
for an impossible or future date or a bad option."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone, translation

from kotokartta.eligibility import present, texts
from kotokartta.eligibility.languages import DEFAULT, LANGUAGES
from kotokartta.eligibility.parse import FLAG_FIELDS, answers_from
from kotokartta.eligibility.rules import BASES, InputError, decide


def _asked_language(argv: list[str]) -> str:
    """The --lang value, read before parsing, so that even a parse error speaks it."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGUAGES:
            return value
    return DEFAULT


class Command(BaseCommand):
    help = (
        "Whether the assessment of skills and integration service needs (KotoL 14 §) is "
        "mandatory, available on request, or only guidance applies, and every statutory date "
        "that follows from the dates given. Nothing is stored."
    )
    lang = DEFAULT

    def run_from_argv(self, argv: list[str]) -> None:
        self.lang = _asked_language(argv)
        super().run_from_argv(argv)

    def _fail(self, message: str) -> NoReturn:
        sys.stderr.write(f"kotokartta eligibility: {message}\n")
        sys.exit(2)

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def error(message: str) -> NoReturn:
            with translation.override(self.lang):
                self._fail(str(texts.ERRORS["bad_option"]) % {"value": message})

        parser.error = error  # type: ignore[method-assign]
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--permit",
            required=True,
            metavar="DATE",
            help="date of the first residence permit, residence card, EU registration or "
            "Nordic registration (YYYY-MM-DD)",
        )
        parser.add_argument("--basis", metavar="BASIS", help="one of: " + " ".join(BASES))
        parser.add_argument("--unemployed-job-seeker", metavar="yes|no")
        parser.add_argument("--age", metavar="N", help="age in years")
        parser.add_argument(
            "--home-municipality", metavar="yes|no", help="has a home municipality (kotikunta)"
        )
        parser.add_argument("--home-care-allowance", action="store_true")
        parser.add_argument(
            "--social-assistance",
            action="store_true",
            help="receives social assistance, not only temporarily",
        )
        parser.add_argument("--unaccompanied-minor", action="store_true")
        parser.add_argument("--trafficking-victim", action="store_true")
        parser.add_argument(
            "--requested", action="store_true", help="the person asks for the assessment"
        )
        parser.add_argument("--assessment", metavar="DATE", help="date of the assessment")
        parser.add_argument("--plan", metavar="DATE", help="date of the (first) integration plan")
        parser.add_argument("--review", metavar="DATE", help="date of the last review of the plan")
        parser.add_argument("--today", metavar="DATE", help="count from this date (default: today)")
        parser.add_argument(
            "--lang", default=DEFAULT, metavar="L", help="language: " + " ".join(LANGUAGES)
        )
        parser.add_argument("--json", action="store_true", help="print the JSON document")

    def handle(self, *args: Any, **options: Any) -> None:
        lang = options["lang"]
        if lang not in LANGUAGES:
            with translation.override(DEFAULT):
                error = InputError("bad_choice", "lang", value=lang, allowed=" ".join(LANGUAGES))
                self._fail(present.error_text(error))
        values: dict[str, str | None] = {
            name: options.get(name)
            for name in (
                "permit",
                "basis",
                "unemployed_job_seeker",
                "age",
                "home_municipality",
                "assessment",
                "plan",
                "review",
                "today",
            )
        }
        for name in FLAG_FIELDS:
            values[name] = "yes" if options.get(name) else None
        try:
            answer = decide(answers_from(values, today=timezone.localdate()))
        except InputError as error:
            with translation.override(lang):
                self._fail(present.error_text(error))
        if options["json"]:
            document = present.as_document(answer, lang=lang)
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(present.as_text(answer, lang=lang), ending="")
