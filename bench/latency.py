"""Server-side latency of the main pages, measured from a separate process on loopback.

Usage: python bench/latency.py BASE_URL [--requests 200] [--municipalities a,b,c]
Prints p50 and p95 in milliseconds for: the path page, a municipality page, search and the API
path endpoint, cycling through the given municipalities (default: every municipality the
server's /api/v1/municipalities/ lists, or the ten of Kainuu-Koillismaa).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import urllib.request

QUERIES = [
    "kielikurssille",
    "lukutaito",
    "yhteiskuntaorientaatio",
    "työnhaku",
    "integration training",
]


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: {response.status}")
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def municipalities(base: str) -> list[str]:
    try:
        with urllib.request.urlopen(f"{base}/api/v1/municipalities/?page_size=200") as response:
            data = json.load(response)
        items = data.get("results", data) if isinstance(data, dict) else data
        return [str(item["code"]) for item in items][:200]
    except Exception:
        return ["105", "205", "290", "305", "578", "620", "697", "765", "777", "832"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("base")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--municipalities", default="")
    parser.add_argument(
        "--cold", dest="warm", action="store_false", help="measure without a warm-up pass"
    )
    args = parser.parse_args()
    base = args.base.rstrip("/")
    codes = args.municipalities.split(",") if args.municipalities else municipalities(base)
    kinds = {
        "path page": lambda i: (
            f"{base}/fi/path?municipality={codes[i % len(codes)]}&client="
            + ("job-seeker" if i % 2 else "other")
        ),
        "municipality page": lambda i: f"{base}/fi/municipalities/{codes[i % len(codes)]}/",
        "search": lambda i: f"{base}/fi/search?q={urllib.parse.quote(QUERIES[i % len(QUERIES)])}",
        "api path": lambda i: (
            f"{base}/api/v1/path?municipality={codes[i % len(codes)]}&client="
            + ("job-seeker" if i % 2 else "other")
        ),
    }
    print(f"{'page':<20} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}")
    for name, url_for in kinds.items():
        if args.warm:  # one pass first: the worker's per-data-set caches are then warm
            for i in range(args.requests):
                fetch(url_for(i))
        timings = []
        for i in range(args.requests):
            try:
                timings.append(fetch(url_for(i)))
            except Exception as error:
                print(f"{name}: {error}")
                break
        if timings:
            p50, p95 = statistics.median(timings), percentile(timings, 0.95)
            print(f"{name:<20} {len(timings):>5} {p50:>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    import urllib.parse

    main()
