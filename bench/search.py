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
again. Each query's time is the median of `--rounds` runs, both of the selector alone and of the
guide's search page (/fi/search through Django's test client, page cache off); the selector also
in process CPU time, which other load on a shared machine disturbs less than wall time (on
SQLite the database's work is in the process; on PostgreSQL it is not). Prints p50/p95 per
data set, the ratios, and the search evaluation's MRR@3 on each data set (the synthetic set has
the same phases and real municipality names, so the expectations hold there too).
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


def _time_queries(rounds: int) -> dict[str, list[float]]:
    """Per query, the median time of `rounds` runs of the search selector, and of the guide's
    search page (/fi/search, through Django's test client: no network, page cache off)."""
    from urllib.parse import urlencode

    from django.test import Client

    from kotokartta.programme.models import Municipality
    from kotokartta.search.evaluation import load_queries
    from kotokartta.search.selectors import search

    queries = load_queries(ROOT / "tests" / "search_eval" / "queries.yaml")
    client = Client()
    cases = []
    for query in queries:
        within = Municipality.objects.find(query.within) if query.within else None
        params = {"q": query.q, **({"municipality": within.id} if within else {})}
        cases.append((query.q, within, "/fi/search?" + urlencode(params)))
    for q, within, url in cases:  # warm-up: analyses cached, database pages read
        search(query=q, municipality=within)
        assert client.get(url).status_code == 200
    timings: dict[str, list[float]] = {"selector": [], "selector cpu": [], "page": []}
    for q, within, url in cases:
        runs, cpu, pages = [], [], []
        for _ in range(rounds):
            started, started_cpu = time.perf_counter(), time.process_time()
            search(query=q, municipality=within)
            runs.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            started = time.perf_counter()
            client.get(url)
            pages.append((time.perf_counter() - started) * 1000)
        timings["selector"].append(statistics.median(runs))
        timings["selector cpu"].append(statistics.median(cpu))
        timings["page"].append(statistics.median(pages))
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
            print(f"{label}: load {seconds:.1f} s, {len(timings['page'])} queries")
            for kind, values in timings.items():
                print(
                    f"  {kind:<12} p50 {percentile(values, 0.5):6.2f} ms  "
                    f"p95 {percentile(values, 0.95):6.2f} ms"
                )
            queries = load_queries(ROOT / "tests" / "search_eval" / "queries.yaml")
            print(f"  evaluation MRR@3 {mrr(evaluate(queries)):.3f}")
        for kind in timings:
            ratio = percentile(results["national"][kind], 0.5) / percentile(
                results["ten"][kind], 0.5
            )
            print(f"ratio national/ten p50, {kind}: {ratio:.2f} (goal ≤ 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
