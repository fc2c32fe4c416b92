"""kotokartta search QUERY [--municipality M] [--json] — the guide's search, from the terminal."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kotokartta.programme.models import Municipality
from kotokartta.search.selectors import search


class Command(BaseCommand):
    help = "Search the programme (Finnish-aware: base forms and compounds; English works too)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query", help="words to look for, e.g. 'kielikurssille'")
        parser.add_argument("--municipality", help="only this municipality (name, code, alias)")
        parser.add_argument("--lang", default="fi", choices=["fi", "en"], help="language of titles")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = None
        if options.get("municipality"):
            municipality = Municipality.objects.find(options["municipality"])
            if municipality is None:
                known = ", ".join(m.name["fi"] for m in Municipality.objects.all())
                raise CommandError(
                    f"unknown municipality {options['municipality']!r}. Known: {known}",
                    returncode=2,
                )
        results = search(query=options["query"], municipality=municipality, lang=options["lang"])
        if options["json"]:
            keys = ("phase", "municipality", "title", "url")
            payload = {"results": [{key: r[key] for key in keys} for r in results]}
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        if not results:
            self.stdout.write("No results.")
        for number, r in enumerate(results, start=1):
            self.stdout.write(f"{number}. {r['title']}  {r['url']}")
