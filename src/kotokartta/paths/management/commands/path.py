"""kotokartta path MUNICIPALITY --client job-seeker|other — a person's path."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kotokartta.paths.engine import Profile
from kotokartta.paths.render import render_text
from kotokartta.paths.selectors import path_for
from kotokartta.programme.models import Municipality, NoProgrammeLoaded
from kotokartta.programme.vocabulary import ClientGroup, ResidenceBasis


def _yes_no(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"yes", "y", "true", "kyllä", "k", "1"}:
        return True
    if lowered in {"no", "n", "false", "ei", "e", "0"}:
        return False
    raise ValueError(value)


class Command(BaseCommand):
    help = (
        "Show who serves a person in the programme, phase by phase: who is responsible, who "
        "provides the service (and whether it is bought), where, how, with whom."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "municipality", help="municipality of residence: name, Swedish name, code or alias"
        )
        parser.add_argument(
            "--client",
            required=True,
            choices=[c.value for c in ClientGroup],
            help="job-seeker (registered with employment services) or other",
        )
        parser.add_argument("--lang", default="fi", choices=["fi", "en"], help="language of texts")
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
        parser.add_argument(
            "--uses-finnish",
            type=_yes_no,
            metavar="yes|no",
            help="whether the person can use Finnish with the services",
        )
        parser.add_argument(
            "--residence-basis",
            choices=[b.value for b in ResidenceBasis],
            help="basis of the residence permit",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        term = options["municipality"]
        municipality = Municipality.objects.find(term)
        if municipality is None:
            known = ", ".join(f"{m.name['fi']} ({m.code})" for m in Municipality.objects.all())
            if not known:
                raise CommandError(
                    "no programme data is loaded; run `kotokartta data load`", returncode=1
                )
            raise CommandError(
                f"unknown municipality {term!r}. The programme's municipalities are: {known}",
                returncode=2,
            )
        basis = options.get("residence_basis")
        profile = Profile(
            client=ClientGroup(options["client"]),
            uses_finnish=options.get("uses_finnish"),
            residence_basis=ResidenceBasis(basis) if basis else None,
        )
        try:
            path = path_for(municipality=municipality, profile=profile, lang=options["lang"])
        except NoProgrammeLoaded as error:
            raise CommandError(str(error), returncode=1) from error
        if options["json"]:
            self.stdout.write(json.dumps(path.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_text(path))
