"""Benchmark: the orientation planner on the national synthetic data set.

309 municipalities (centres from data/geo), demand for 12 languages drawn with a fixed seed,
hosts = the municipalities that receive quota refugees in the synthetic set (`kotokartta data
synth`), and optionally every municipality as a host (the largest model). Prints the model size,
the time, the objective and the optimality gap of each run. With --compare-cpsat, also solves
each language's integer program with OR-Tools CP-SAT the same lexicographic way (needs `ortools`,
which is not a dependency of the project: `uv run --with ortools`).

    python3 -m uv run python bench/orientation_national.py [--synth DIR] [--time-limit S]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kotokartta.orientation.engine import (  # noqa: E402
    DemandRow,
    Parameters,
    Site,
    build_program,
    demand_cells,
    plan,
)
from kotokartta.orientation.geography import centres  # noqa: E402

LANGUAGES = ("uk", "ru", "ar", "so", "fa", "vi", "th", "sw", "rw", "ku", "ti", "ps")
WEIGHT = {"uk": 3.0, "ru": 2.0, "ar": 2.0, "so": 1.0, "fa": 1.0}


def read_synth(folder: Path) -> tuple[dict[str, Site], list[str]]:
    found = centres(ROOT / "data" / "geo")
    sites: dict[str, Site] = {}
    hosts: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        municipality = data.get("municipality") if isinstance(data, dict) else None
        if not isinstance(municipality, dict) or "code" not in municipality:
            continue
        mid, code = municipality["id"], str(municipality["code"])
        sites[mid] = Site(mid, code, municipality["name"]["fi"], *found[code])
        if municipality.get("receives_quota_refugees"):
            hosts.append(mid)
    return sites, hosts


def demand_for(sites: dict[str, Site], seed: int) -> list[DemandRow]:
    rng = random.Random(seed)
    rows = []
    for mid in sorted(sites):
        for language in LANGUAGES:
            if rng.random() < 0.22 * WEIGHT.get(language, 0.6):
                rows.append(DemandRow(mid, language, rng.randint(1, 12)))
    return rows


def run_highs(label: str, demand: list[DemandRow], sites: dict[str, Site], p: Parameters) -> None:
    began = time.perf_counter()
    result = plan(demand=demand, sites=sites, parameters=p)
    seconds = time.perf_counter() - began
    people = sum(r.count for r in demand)
    print(
        f"| HiGHS | {label} | {len(p.hosts)} | {len(demand)} rows, {people} people | "
        f"{seconds:.1f} s | {result.objective['unserved']:g} / {result.objective['groups']:g} / "
        f"{result.objective['remote']:g} / {result.objective['person_km']:g} | "
        f"{'yes' if result.optimal else 'no'} | "
        + " / ".join(f"{result.gaps[k]:.1%}" for k in ("unserved", "groups", "remote", "person_km"))
        + " |"
    )


def run_cpsat(label: str, demand: list[DemandRow], sites: dict[str, Site], p: Parameters) -> None:
    from ortools.sat.python import cp_model

    hosts = [sites[h] for h in p.hosts]
    total = [0, 0, 0, 0]
    optimal = True
    worst_gap = 0.0
    began = time.perf_counter()
    cells = demand_cells(demand, sites)
    for index, language in enumerate(sorted(cells)):
        built = build_program(cells[language], hosts, p).program
        model = cp_model.CpModel()
        xs = [
            model.new_int_var(int(lo), int(hi), f"v{i}")
            for i, (lo, hi) in enumerate(zip(built.lower, built.upper, strict=True))
        ]
        for coefficients, lo, hi in built.rows:
            expr = sum(int(c) * xs[i] for i, c in coefficients.items())
            if lo > -1e30:
                model.add(expr >= int(lo))
            if hi < 1e30:
                model.add(expr <= int(hi))
        budget = p.time_limit_seconds / (len(cells) - index)
        for var in xs:
            model.add_hint(var, 0)
        for k, objective in enumerate(built.objectives):
            expr = sum(int(c) * xs[i] for i, c in objective.items())
            model.minimize(expr)
            solver = cp_model.CpSolver()
            solver.parameters.max_time_in_seconds = max(0.1, budget / (4 - k))
            solver.parameters.num_workers = 1
            status = solver.solve(model)
            if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                raise SystemExit(f"CP-SAT found no solution for {language} stage {k}")
            value = round(solver.objective_value)
            if status != cp_model.OPTIMAL:
                optimal = False
                bound = solver.best_objective_bound
                worst_gap = max(worst_gap, abs(value - bound) / max(abs(value), 1))
            total[k] += value
            model.add(expr <= value)
            model.clear_hints()
            for var in xs:
                model.add_hint(var, solver.value(var))
    seconds = time.perf_counter() - began
    unserved = sum(r.count for r in demand) + total[0]  # stage 1 minimised −placed
    print(
        f"| CP-SAT | {label} | {len(p.hosts)} | | {seconds:.1f} s | {unserved} / {total[1]} / "
        f"{total[2]} / {total[3] / 10:g} | {'yes' if optimal else 'no'} | {worst_gap:.4%} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synth", type=Path, help="an existing `kotokartta data synth` folder")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--all-hosts", action="store_true", help="also every municipality a host")
    parser.add_argument("--compare-cpsat", action="store_true")
    parser.add_argument("--only-remote", action="store_true", help="only the remote-allowed case")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.synth
        if folder is None:
            folder = Path(tmp) / "national"
            subprocess.run(
                [sys.executable, "-m", "kotokartta.cli", "data", "synth", "--municipalities",
                 "all", "-o", str(folder)],
                check=True, capture_output=True,
            )  # fmt: skip
        sites, quota_hosts = read_synth(folder)
    demand = demand_for(sites, args.seed)
    print(f"# {len(sites)} municipalities, {len(LANGUAGES)} languages, seed {args.seed}")
    print("| solver | case | hosts | demand | time | unserved / groups / remote / person-km "
          "| optimal | gaps (same order) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    cases = [("quota hosts, remote allowed", quota_hosts, True)]
    if not args.only_remote:
        cases.append(("quota hosts, no remote", quota_hosts, False))
    if args.all_hosts:
        cases.append(("every municipality a host", sorted(sites), True))
    for label, hosts, remote in cases:
        p = Parameters(
            hosts=tuple(hosts), remote_allowed=remote, time_limit_seconds=args.time_limit
        )
        run_highs(label, demand, sites, p)
        if args.compare_cpsat:
            run_cpsat(label, demand, sites, p)


if __name__ == "__main__":
    main()
