"""`kotokartta data synth`: the arguments and the shell around `synthesise` (registered as a
sub-command of `data` by kotokartta.devtools).

Outside the `synth` package on purpose: every command's start-up imports this module (the
registration in DevtoolsConfig.ready), and the generator, which validates with the programme's
pydantic models, is imported only when `data synth` runs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kotokartta.programme.data_subcommands import DataSubcommand


def add_arguments(synth: CommandParser) -> None:
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


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    from kotokartta.devtools.synth.api import parse_municipality_count, synthesise
    from kotokartta.devtools.synth.constants import SynthError
    from kotokartta.devtools.synth.words import count_noun

    folder = Path(options["output"])
    verbose = options["verbosity"] >= 1
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if not verbose:
            return
        if interactive:  # one line, rewritten in place
            end = "\n" if done == total else ""
            command.stderr.write(f"\r\x1b[K[{done}/{total}] {name}", ending=end)
            command.stderr.flush()
        else:
            command.stderr.write(f"[{done}/{total}] {name}")

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
        raise CommandError(f"cannot write into {folder}: {error.strerror}", returncode=1) from error
    command.stdout.write(
        f"Wrote {summary.files} files ({summary.bytes / 1_000_000:.1f} MB) into {folder}: "
        f"{count_noun(summary.municipalities, 'municipality', 'municipalities')} in "
        f"{count_noun(summary.areas, 'employment area', 'employment areas')} and "
        + count_noun(summary.counties, "wellbeing services county", "wellbeing services counties")
        + f", {summary.provisions} provisions "
        f"({summary.purchased} purchased), {summary.organisations} organisations, "
        f"{summary.activities} activities, {summary.flags} flags (seed {options['seed']})"
    )


SYNTH = DataSubcommand(
    name="synth",
    help="Write a synthetic national data set (every municipality of Finland, invented "
    "services) in the loading format.",
    add_arguments=add_arguments,
    handle=handle,
)
