"""kotokartta ptv diff MUNICIPALITY [--json] [--recorded DIR] — compare with PTV.

Reads what Suomi.fi Palvelutietovaranto (PTV) publishes for a municipality (its services and
service channels, from the open v11 read API at settings.PTV_BASE_URL, or from recorded answers
in DIR) and prints how it differs from our data, grouped by our place and organisation, with the
data-file field a coordinator would edit. It never changes anything: the data files are the
review format, and a person edits them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kotokartta.integrations.ptv.client import PtvClient, PtvError, RecordedTransport
from kotokartta.integrations.ptv.diff import diff_municipality
from kotokartta.programme.models import Municipality


class Command(BaseCommand):
    help = (
        "Compare our data with Suomi.fi Palvelutietovaranto (PTV): `ptv diff MUNICIPALITY` "
        "lists differing addresses, phone numbers, opening hours and e-mail addresses, and what "
        "is on one side only. Read-only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", metavar="{diff}", required=True)
        diff = sub.add_parser(
            "diff",
            help="Compare a municipality's PTV services and service channels with our data.",
        )
        diff.add_argument("municipality", help="name, Swedish name, code or alias")
        diff.add_argument("--json", action="store_true", help="print JSON instead of text")
        diff.add_argument(
            "--recorded",
            metavar="DIR",
            help="read recorded PTV answers from DIR instead of the network",
        )
        diff.add_argument(
            "--timeout", type=float, default=20.0, help="seconds to wait for PTV (default 20)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = self._municipality(options["municipality"])
        recorded = options.get("recorded")
        if recorded is not None and not Path(recorded).is_dir():
            raise CommandError(f"--recorded {recorded}: no such folder", returncode=2)
        if options["timeout"] <= 0:
            raise CommandError("--timeout must be more than 0 seconds", returncode=2)
        try:
            if recorded is not None:
                client = PtvClient(
                    base_url=str(settings.PTV_BASE_URL),
                    opener=RecordedTransport(recorded),
                    timeout=options["timeout"],
                )
                source = f"recorded PTV answers in {recorded}"
            else:
                client = PtvClient(base_url=str(settings.PTV_BASE_URL), timeout=options["timeout"])
                source = client.base_url
            services = client.services_for_municipality(municipality.code)
            channels = client.service_channels_for_municipality(municipality.code)
        except PtvError as error:
            raise CommandError(f"cannot read PTV: {error}", returncode=1) from error
        report = diff_municipality(
            municipality=municipality, services=services, channels=channels, source=source
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(report.render_text())

    def _municipality(self, term: str) -> Municipality:
        municipality = Municipality.objects.find(term)
        if municipality is not None:
            return municipality
        known = ", ".join(f"{m.name['fi']} ({m.code})" for m in Municipality.objects.all())
        if not known:
            raise CommandError(
                "no programme data is loaded; run `kotokartta data load`", returncode=1
            )
        raise CommandError(
            f"unknown municipality {term!r}. The programme's municipalities are: {known}",
            returncode=2,
        )
