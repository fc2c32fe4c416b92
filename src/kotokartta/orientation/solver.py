"""An integer program solved lexicographically with HiGHS (docs/adr/0005-orientation-solver.md).

The planner states its model as plain data (`IntegerProgram`: integer columns with bounds, linear
rows, and a list of objectives in order of importance) and `solve_lexicographic` minimises the
objectives one after another: after each stage the row "objective k ≤ its best value" is added,
so a later objective can never buy itself at the expense of an earlier one. Every objective has
integer coefficients over integer columns, so its optimum is an integer and fixing it at that
integer is exact (no tolerance games, no big weights).

A time limit applies to the whole sequence. A stage cut short keeps the best plan found so far
(the previous stage's plan is always handed to the solver as a starting point, so there is
always one) and reports its relative gap; later stages then still run on what time is left.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np

_BANNER_LOCK = threading.Lock()
_banner_shown = False


def _new_highs() -> highspy.Highs:
    """A silent HiGHS instance. The library prints its banner to the process's standard output
    the first time one is made, which would corrupt `--json` output: discard it."""
    global _banner_shown
    with _BANNER_LOCK:
        if _banner_shown:
            solver = highspy.Highs()
        else:
            sys.stdout.flush()
            saved = os.dup(1)
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, 1)
                solver = highspy.Highs()
            finally:
                os.dup2(saved, 1)
                os.close(saved)
                os.close(null)
            _banner_shown = True
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("threads", 1)
    solver.setOptionValue("random_seed", 0)
    return solver


@dataclass
class IntegerProgram:
    """Integer columns `lower ≤ x ≤ upper`, rows `lo ≤ Σ coef·x ≤ hi`, objectives to minimise."""

    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    rows: list[tuple[dict[int, float], float, float]] = field(default_factory=list)
    objectives: list[dict[int, float]] = field(default_factory=list)

    def column(self, lower: float, upper: float, *, integer: bool = True) -> int:
        """A column; `integer=False` only where an integral optimum is guaranteed anyway (the
        final step makes every column integral, see `solve_lexicographic`)."""
        self.lower.append(lower)
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.lower) - 1

    def row(self, coefficients: dict[int, float], lo: float = -np.inf, hi: float = np.inf) -> None:
        self.rows.append((coefficients, lo, hi))


@dataclass(frozen=True, slots=True)
class Stage:
    value: int
    optimal: bool
    gap: float
    seconds: float
    bound: float  # the solver's proven lower bound of the value (= value when optimal)


@dataclass(frozen=True, slots=True)
class Solution:
    values: tuple[int, ...]
    stages: tuple[Stage, ...]

    @property
    def optimal(self) -> bool:
        return all(stage.optimal for stage in self.stages)

    @property
    def gap(self) -> float:
        return max((stage.gap for stage in self.stages), default=0.0)


def _add_row(solver: highspy.Highs, coefficients: dict[int, float], lo: float, hi: float) -> None:
    indices = np.fromiter(coefficients.keys(), dtype=np.int32, count=len(coefficients))
    values = np.fromiter(coefficients.values(), dtype=np.float64, count=len(coefficients))
    solver.addRow(lo, hi, len(indices), indices, values)


def solve_lexicographic(
    program: IntegerProgram,
    *,
    time_limit: float,
    start: Sequence[float] | None = None,
) -> Solution:
    """Minimise each objective in turn, holding the earlier ones at their best values.

    `start` is a feasible point (all zeros when not given; the planner's models always admit
    it): it makes sure a stage stopped by the time limit still has a plan to return.
    """
    n = len(program.lower)
    current = np.array(start if start is not None else [0] * n, dtype=np.float64)
    if n == 0:
        return Solution((), tuple(Stage(0, True, 0.0, 0.0, 0.0) for _ in program.objectives))
    solver = _new_highs()
    solver.addVars(n, np.array(program.lower, dtype=np.float64), np.array(program.upper))
    indices = np.arange(n, dtype=np.int32)
    kinds = [
        highspy.HighsVarType.kInteger if whole else highspy.HighsVarType.kContinuous
        for whole in program.integer
    ]
    solver.changeColsIntegrality(n, indices, np.array(kinds))
    for coefficients, lo, hi in program.rows:
        _add_row(solver, coefficients, lo, hi)

    integer = np.array(program.integer)
    deadline = time.monotonic() + time_limit
    stages: list[Stage] = []
    for k, objective in enumerate(program.objectives):
        costs = np.zeros(n)
        for index, value in objective.items():
            costs[index] = value
        solver.changeColsCost(n, indices, costs)
        share = (deadline - time.monotonic()) / (len(program.objectives) - k)
        solver.setOptionValue("time_limit", max(0.05, share))
        solver.setSolution(n, indices, current)
        began = time.monotonic()
        solver.run()
        status = solver.getModelStatus()
        values = np.array(solver.getSolution().col_value, dtype=np.float64)
        if len(values) == n and solver.getInfo().primal_solution_status == 2:  # feasible
            current = np.where(integer, np.round(values), values)
        best = math.ceil(float(costs @ current) - 1e-6)
        optimal = status == highspy.HighsModelStatus.kOptimal
        gap, bound = 0.0, float(best)
        if not optimal:
            bound = min(float(best), solver.getInfo().mip_dual_bound)
            gap = 1.0 if not np.isfinite(bound) else abs(best - bound) / max(abs(best), 1.0)
        stages.append(Stage(best, optimal, gap, time.monotonic() - began, bound))
        _add_row(solver, objective, -np.inf, best)  # hold this objective at its best
    if not np.allclose(current, np.round(current), atol=1e-6):
        current = _integral(solver, program, current, deadline)
    return Solution(tuple(int(v) for v in np.round(current)), tuple(stages))


def _integral(
    solver: highspy.Highs, program: IntegerProgram, current: np.ndarray, deadline: float
) -> np.ndarray:
    """An integral point with the same objective values: the integer columns fixed where they
    are, every column made integer, any feasible point taken. The planner's continuous columns
    form a network (transportation) matrix once the integer ones are fixed, so one exists."""
    n = len(program.lower)
    indices = np.arange(n, dtype=np.int32)
    fixed = np.array(program.integer)
    lower = np.where(fixed, np.round(current), np.array(program.lower, dtype=np.float64))
    upper = np.where(fixed, np.round(current), np.array(program.upper, dtype=np.float64))
    solver.changeColsBounds(n, indices, lower, upper)
    solver.changeColsIntegrality(n, indices, np.array([highspy.HighsVarType.kInteger] * n))
    solver.setOptionValue("time_limit", max(1.0, deadline - time.monotonic()))
    solver.run()
    values = np.array(solver.getSolution().col_value, dtype=np.float64)
    if len(values) == n and solver.getInfo().primal_solution_status == 2:
        return np.round(values)
    # No integral point found in time: round down (still feasible for the cell rows) and say so.
    return np.floor(current + 1e-6)
