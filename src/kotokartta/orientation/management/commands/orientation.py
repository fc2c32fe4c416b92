"""kotokartta orientation plan --demand FILE.csv — propose joint civic orientation groups."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kotokartta.orientation.demand import DemandError, read_csv
from kotokartta.orientation.labels import TEXT_LANGUAGES
from kotokartta.orientation.render import render_text
from kotokartta.orientation.selectors import resolve_many, resolve_municipality
from kotokartta.orientation.services import run_plan
from kotokartta.programme.models import DataSet


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def _km(value: str) -> float:
    number = float(value)
    if not 0 <= number <= 2000:
        raise ValueError(value)
    return number


def _seconds(value: str) -> float:
    number = float(value)
    if not 0 < number <= 3600:
        raise ValueError(value)
    return number


def _months(value: str) -> int:
    number = int(value)
    if not 0 <= number <= 120:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Plan joint multilingual civic orientation groups (KotoL 25 §) from aggregate demand."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", metavar="{plan}", required=True)
        plan = sub.add_parser(
            "plan",
            help="Propose groups for a demand CSV (municipality,language,count[,earliest_start]).",
            formatter_class=argparse.ArgumentDefaultsHelpFormatter,
        )
        plan.add_argument("--demand", required=True, metavar="FILE.csv", help="demand CSV")
        plan.add_argument("--min-size", type=_positive_int, default=6, metavar="N")
        plan.add_argument("--max-size", type=_positive_int, default=20, metavar="N")
        plan.add_argument(
            "--max-travel-km",
            type=_km,
            default=80.0,
            metavar="K",
            help="farthest distance between municipality centres for in-person participation",
        )
        plan.add_argument(
            "--no-remote",
            action="store_true",
            help="no remote or hybrid participation: everyone attends in person",
        )
        plan.add_argument(
            "--hosts",
            metavar="M,M,...",
            help="municipalities that can host groups in person (name, code or alias); "
            "default: those receiving quota refugees; an empty value means none",
        )
        plan.add_argument(
            "--max-start-spread",
            type=_months,
            metavar="MONTHS",
            help="the earliest start months of a group's members differ by at most this much",
        )
        plan.add_argument(
            "--time-limit", type=_seconds, default=20.0, metavar="SECONDS", help="solver time limit"
        )
        plan.add_argument(
            "--lang",
            choices=TEXT_LANGUAGES,
            default="en",
            help="language of the explanations, the reasons and the language names; the rest "
            "of the text report is in English",
        )
        plan.add_argument("--json", action="store_true", help="print JSON instead of text")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["min_size"] > options["max_size"]:
            raise CommandError("--min-size must not exceed --max-size", returncode=2)
        if DataSet.objects.current() is None:
            raise CommandError(
                "no programme data is loaded; run `kotokartta data load` first", returncode=1
            )
        path = Path(options["demand"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}", returncode=2) from None
        try:
            demand = read_csv(data, resolve=resolve_municipality)
        except DemandError as error:
            problems = "\n".join(f"{path}:{p}" for p in error.problems)
            raise CommandError(
                f"{len(error.problems)} problem(s) in the demand file, nothing planned:\n"
                f"{problems}",
                returncode=2,
            ) from None
        hosts = None
        if options["hosts"] is not None:
            terms = [t.strip() for t in options["hosts"].split(",") if t.strip()]
            hosts, unknown = resolve_many(terms)
            if unknown:
                raise CommandError(
                    f"--hosts: unknown municipality {', '.join(map(repr, unknown))}", returncode=2
                )
        result = run_plan(
            demand=demand,
            min_size=options["min_size"],
            max_size=options["max_size"],
            max_travel_km=options["max_travel_km"],
            remote_allowed=not options["no_remote"],
            hosts=hosts,
            max_start_spread_months=options["max_start_spread"],
            time_limit_seconds=options["time_limit"],
            lang=options["lang"],
        )
        if options["json"]:
            document = result.as_dict(lang=options["lang"])
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_text(result.plan, lang=options["lang"]), ending="")
