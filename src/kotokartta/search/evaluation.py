"""Measuring search: MRR@3 over an evaluation set of real-looking queries with their expected
answers (tests/search_eval/queries.yaml; its header explains the format).

For each query the reciprocal rank of the first hit among the first three results counts (1,
1/2, 1/3, else 0); MRR@3 is their mean, per language and overall. `evaluate` runs the guide's own
search (`selectors.search`) over the loaded data; `report` formats a table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kotokartta.programme import models as m
from kotokartta.search.selectors import search

CUTOFF = 3


class EvaluationSetError(ValueError):
    """The evaluation file is not valid; the message says where."""


@dataclass(frozen=True)
class Query:
    q: str
    lang: str
    phases: frozenset[str] = frozenset()
    municipality: str | None = None
    within: str | None = None

    def is_hit(self, result: dict[str, Any]) -> bool:
        if self.phases and result.get("phase") not in self.phases:
            return False
        return self.municipality is None or result.get("municipality") == self.municipality


@dataclass
class Outcome:
    query: Query
    rank: int | None
    """1-based rank of the first hit within the cutoff; None: no hit."""
    top: list[str] = field(default_factory=list)

    @property
    def reciprocal_rank(self) -> float:
        return 1 / self.rank if self.rank else 0.0


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("queries"), list):
        raise EvaluationSetError(f"{path.name}: expected a mapping with a 'queries' list")
    queries = []
    for index, item in enumerate(data["queries"]):
        where = f"{path.name}: queries[{index}]"
        if not isinstance(item, dict) or not item.get("q") or not item.get("lang"):
            raise EvaluationSetError(f"{where}: needs `q` and `lang`")
        unknown = set(item) - {"q", "lang", "phase", "municipality", "within"}
        if unknown:
            raise EvaluationSetError(f"{where}: unknown key {sorted(unknown)[0]!r}")
        phase = item.get("phase") or []
        phases = frozenset([phase] if isinstance(phase, str) else map(str, phase))
        if not phases and not item.get("municipality"):
            raise EvaluationSetError(f"{where}: give `phase` or `municipality` (or both)")
        queries.append(
            Query(
                q=str(item["q"]),
                lang=str(item["lang"]),
                phases=phases,
                municipality=item.get("municipality"),
                within=item.get("within"),
            )
        )
    return queries


def evaluate(queries: Iterable[Query]) -> list[Outcome]:
    outcomes = []
    for query in queries:
        within = None
        if query.within:
            within = m.Municipality.objects.find(query.within)
            if within is None:
                raise EvaluationSetError(f"{query.q!r}: unknown municipality {query.within!r}")
        results = search(query=query.q, municipality=within, lang="fi")[:CUTOFF]
        rank = next((i for i, r in enumerate(results, start=1) if query.is_hit(r)), None)
        top = [f"{r.get('phase') or '-'}@{r.get('municipality') or '*'}" for r in results]
        outcomes.append(Outcome(query, rank, top))
    return outcomes


def mrr(outcomes: Sequence[Outcome]) -> float:
    return sum(o.reciprocal_rank for o in outcomes) / len(outcomes) if outcomes else 0.0


def by_language(outcomes: Sequence[Outcome]) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.query.lang, []).append(outcome)
    return groups


def report(outcomes: Sequence[Outcome]) -> str:
    """A Markdown table of MRR@3 by language (in the set's order) and overall, then the misses."""
    lines = [
        "| language | queries | MRR@3 | hit @1 | hit @3 |",
        "|---|---:|---:|---:|---:|",
    ]

    def row(label: str, group: Sequence[Outcome]) -> str:
        first = sum(1 for o in group if o.rank == 1)
        any_hit = sum(1 for o in group if o.rank)
        return f"| {label} | {len(group)} | {mrr(group):.3f} | {first} | {any_hit} |"

    for lang, group in by_language(outcomes).items():
        lines.append(row(lang, group))
    lines.append(row("**all**", outcomes))
    misses = [o for o in outcomes if o.rank != 1]
    if misses:
        lines.append("")
        lines.append("Not first (query → expected; first three results as phase@municipality):")
        for o in misses:
            expected = "/".join(sorted(o.query.phases)) or "-"
            if o.query.municipality:
                expected += f"@{o.query.municipality}"
            lines.append(
                f"- [{o.query.lang}] {o.query.q!r} → {expected}: rank {o.rank or '>3'}; "
                f"{', '.join(o.top) or 'no results'}"
            )
    return "\n".join(lines)
