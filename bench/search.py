"""Search growth: p50/p95 of a search from the ten municipalities' data to the national synthetic
set (309 municipalities), in one run, and the ratio (goal: national p50 ≤ 1.5× ten).

Usage (SQLite in a temporary folder):
    python3 -m uv run python bench/search.py [--rounds 3] [--national DIR]
PostgreSQL:
    scripts/with-postgres python3 -m uv run python bench/search.py

What it does: migrates the database, loads data/kainuu-koillismaa, times every query of the
search evaluation set (tests/search_eval/queries.yaml: 186 queries in 10 languages; those with
`within` searched in that municipality) through `selectors.search` — the work behind the search
page and /api/v1/search — after one warm-up pass; then writes the national set with `kotokartta
data synth --municipalities all` (or takes --national DIR), loads it, and times the same queries
again (a `within` municipality missing from the synthetic set searches everywhere). Each query's
time is the median of `--rounds` runs. Prints p50/p95 per data set, the ratio, and the search
evaluation's MRR@3 on the ten municipalities.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup(tmp: Path) -> None:
    os.environ.setdefault("KOTOKARTTA_VAR_DIR", str(tmp))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'search-bench.sqlite3'}")
    os.environ["KOTOKARTTA_PAGE_CACHE"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kotokartta.settings")
    import django

    django.setup()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _time_queries(rounds: int) -> list[float]:
    from kotokartta.programme.models import Municipality
    from kotokartta.search.evaluation import load_queries
    from kotokartta.search.selectors import search

    queries = load_queries(ROOT / "tests" / "search_eval" / "queries.yaml")
    cases = []
    for query in queries:
        within = Municipality.objects.find(query.within) if query.within else None
        cases.append((query.q, within))
    for q, within in cases:  # warm-up: analyses cached, database pages read
        search(query=q, municipality=within)
    timings = []
    for q, within in cases:
        runs = []
        for _ in range(rounds):
            started = time.perf_counter()
            search(query=q, municipality=within)
            runs.append((time.perf_counter() - started) * 1000)
        timings.append(statistics.median(runs))
    return timings


def _load(folder: Path) -> float:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("data", "load", str(folder), verbosity=0)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per query (median)")
    parser.add_argument("--national", type=Path, help="an existing national synthetic set")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kksearch.") as name:
        tmp = Path(name)
        _setup(tmp)
        from django.core.management import call_command
        from django.db import connection

        from kotokartta.search import backends
        from kotokartta.search.analysis import voikko_available
        from kotokartta.search.evaluation import evaluate, load_queries, mrr

        call_command("migrate", verbosity=0)
        national = args.national
        if national is None:
            national = tmp / "national"
            command = Path(sys.executable).parent / "kotokartta"
            subprocess.run(
                [str(command), "data", "synth", "--municipalities", "all", "-o", str(national)],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        status = backends.status()
        print(
            f"# database: {connection.vendor}; ranking: {status['ranking']}; spelling: "
            f"{status['spelling']}; analysis: {'voikko' if voikko_available() else 'snowball'}; "
            f"{os.cpu_count()} cores; median of {args.rounds} runs per query"
        )
        results = {}
        for label, folder in (("ten", ROOT / "data" / "kainuu-koillismaa"), ("national", national)):
            seconds = _load(folder)
            timings = _time_queries(args.rounds)
            results[label] = timings
            print(
                f"{label:<9} load {seconds:5.1f} s  queries {len(timings)}  "
                f"p50 {percentile(timings, 0.5):6.2f} ms  p95 {percentile(timings, 0.95):6.2f} ms"
            )
            if label == "ten":
                queries = load_queries(ROOT / "tests" / "search_eval" / "queries.yaml")
                print(f"{'':<9} evaluation MRR@3 {mrr(evaluate(queries)):.3f}")
        ratio = percentile(results["national"], 0.5) / percentile(results["ten"], 0.5)
        print(f"ratio national/ten p50: {ratio:.2f} (goal ≤ 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
