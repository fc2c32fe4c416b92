"""Server-side latency of the main pages, cold and warm, measured from a separate process on
loopback.

Usage: python bench/latency.py BASE_URL [--requests 200]

Run it against a server started after the data load it should measure (bench/growth.sh does):
  cold  the first request for each address: every municipality × both client groups for the path
        page and the API path, every municipality's page, and each search query; the very first
        request of each kind (the first after the data set is loaded) is shown on its own
  warm  the same addresses again, cycling, after the cold pass: `--requests` per kind, and at
        least every address once (so the national set's 618 path pages are all measured warm)
Kinds are measured in the order of the table, so the API path's cold pass follows the path
pages' (they share the path engine's per-data-set cache) and shows the API's own cold cost.
Any failure — the municipality list cannot be read, an answer is not 200 — stops the run with a
message and exit status 1: there is no fallback list and no partial table.
The machine's load average (1 minute) is printed before and after: on a shared machine it says
how far the times can be trusted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

QUERIES = [
    "kielikurssille",
    "lukutaito",
    "yhteiskuntaorientaatio",
    "työnhaku",
    "integration training",
]
CLIENTS = ("job-seeker", "other")


class BenchError(Exception):
    pass


def fetch(url: str) -> float:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        raise BenchError(f"{url}: {error}") from error
    if status != 200:
        raise BenchError(f"{url}: HTTP {status}")
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def municipalities(base: str) -> list[str]:
    codes: list[str] = []
    url: str | None = f"{base}/api/v1/municipalities/?page_size=200"
    while url:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                data = json.load(response)
        except (OSError, ValueError) as error:
            raise BenchError(f"cannot list the municipalities ({url}): {error}") from error
        codes += [str(item["code"]) for item in data["results"]]
        url = data.get("next")
    if not codes:
        raise BenchError("the server lists no municipalities: is the data loaded?")
    return codes


def addresses(base: str, codes: list[str]) -> dict[str, list[str]]:
    pairs = [(code, client) for code in codes for client in CLIENTS]
    return {
        "path page": [f"{base}/fi/path?municipality={c}&client={k}" for c, k in pairs],
        "municipality page": [f"{base}/fi/municipalities/{c}/" for c in codes],
        "search": [f"{base}/fi/search?q={urllib.parse.quote(q)}" for q in QUERIES],
        "api path": [f"{base}/api/v1/path?municipality={c}&client={k}" for c, k in pairs],
    }


def measure(urls: list[str], count: int, timer: Callable[[str], float]) -> list[float]:
    return [timer(urls[i % len(urls)]) for i in range(count)]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("base", help="the server, e.g. http://127.0.0.1:8000")
    parser.add_argument(
        "--requests",
        type=int,
        default=200,
        help="warm requests per kind, at least one per address (default 200)",
    )
    args = parser.parse_args()
    base = args.base.rstrip("/")
    codes = municipalities(base)
    kinds = addresses(base, codes)
    load_before = os.getloadavg()[0]
    cold = {name: measure(urls, len(urls), fetch) for name, urls in kinds.items()}
    warm = {
        name: measure(urls, max(args.requests, len(urls)), fetch) for name, urls in kinds.items()
    }
    load_after = os.getloadavg()[0]
    print(
        f"# {len(codes)} municipalities × {len(CLIENTS)} client groups; times in ms; "
        f"load average {load_before:.1f} before, {load_after:.1f} after, {os.cpu_count()} cores"
    )
    print(
        "| page | cold: first | cold: n | p50 | p95 | warm: n | p50 | p95 |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    for name in kinds:
        c, w = cold[name], warm[name]
        print(
            f"| {name} | {c[0]:.1f} | {len(c)} | {statistics.median(c):.1f} | "
            f"{percentile(c, 0.95):.1f} | {len(w)} | {statistics.median(w):.1f} | "
            f"{percentile(w, 0.95):.1f} |"
        )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"bench/latency.py: {error}", file=sys.stderr)
        sys.exit(1)
