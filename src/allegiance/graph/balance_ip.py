"""Exact frustration by linear and integer programming with HiGHS.

Two stages, after Aref, Mason & Wilson (2018, 2020):

1. The LP relaxation over the violation variables ``f`` alone (one per tie,
   between 0 and 1), with one cut per negative cycle: its ties hold at least
   one violation in total. Cuts are separated by shortest negative cycles
   until none is violated (on blocks of up to ``SEPARATION_NODES`` nodes).
   Its optimum is a lower bound; on structured graphs it often meets the
   heuristic's value, which proves the heuristic optimal.
2. If a gap remains, the integer program: a binary camp variable per node,
   violation variables tied to the camps by two rows per tie, the cycle cuts
   from stage 1 that are tight at the LP optimum (the plain formulation has
   none, which leaves its relaxation at zero; slack cuts mostly slow HiGHS
   down), one node fixed per block to break the camp-swap symmetry, and the
   heuristic camps as the starting incumbent (a cutoff). The violation
   variables stay continuous: they are 0 or 1 anyway once the camps are, so
   HiGHS branches on camps only. HiGHS takes no branching priorities, so the
   literature's "branch on high-degree nodes first" is left to it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import highspy
import numpy as np
from highspy._core import _Highs

from allegiance.graph.balance_cycles import Cycle, shortest_negative_cycles
from allegiance.graph.balance_graph import Floats, NetGraph, adjacency, cost, violated

_ROUNDS = 60
_CUT_TOL = 1e-6
# Separation is all-pairs shortest paths, cubic in the nodes: past this many
# the LP keeps only its starting cuts (the packed cycles).
SEPARATION_NODES = 400


@dataclass(frozen=True, eq=False)
class Bound:
    """A proven lower bound, and the cycle cuts that support it."""

    value: float
    cuts: tuple[Cycle, ...]
    proven_optimal: bool
    solution: Floats  # the last LP optimum: each tie's violation, between 0 and 1

    def tight_cuts(self) -> tuple[Cycle, ...]:
        """The cuts the LP optimum meets with equality: the ones that hold the bound up."""
        return tuple(c for c in self.cuts if self.solution[list(c)].sum() < 1.0 + _CUT_TOL)


@dataclass(frozen=True, eq=False)
class Optimum:
    """Camps from the integer program, their cost, the bound, and whether it closed."""

    camps: Floats
    value: float
    bound: float
    optimal: bool


def closes(bound: float, value: float, integral: bool) -> bool:
    """Whether a lower bound proves a value optimal (rounding up when weights are whole)."""
    if integral:
        return math.ceil(bound - 1e-6) >= round(value)
    return value - bound <= 1e-9 * max(1.0, abs(value))


def _highs(deadline: float) -> _Highs:
    # The bound solver class, not highspy.Highs: the latter's constructor
    # prints a banner to stdout before any option can turn output off, and a
    # library must not write to stdout (the CLI's JSON goes there).
    model = _Highs()
    model.setOptionValue("output_flag", False)
    model.setOptionValue("random_seed", 0)
    model.setOptionValue("time_limit", max(deadline - time.perf_counter(), 0.001))
    return model


def _add_cuts(model: _Highs, cuts: list[Cycle], offset: int) -> None:
    if not cuts:
        return
    starts = np.cumsum([0] + [len(c) for c in cuts[:-1]]).astype(np.int32)
    index = np.fromiter((offset + e for c in cuts for e in c), dtype=np.int32)
    ones = np.ones(index.size)
    lower, upper = np.ones(len(cuts)), np.full(len(cuts), highspy.kHighsInf)
    model.addRows(len(cuts), lower, upper, index.size, starts, index, ones)


def lp_bound(
    graph: NetGraph,
    seeds: list[Cycle],
    upper: float,
    deadline: float,
    integral: bool,
    improve: Callable[[Floats], float] | None = None,
) -> Bound:
    """The LP bound with negative-cycle cuts, stopping early once it meets ``upper``.

    ``improve``, given each LP optimum that leaves a gap, may return a lower
    ``upper`` (camps found from it, say).
    """
    model = _highs(deadline)
    m = graph.m
    adj = adjacency(graph)
    model.addCols(m, graph.weight, np.zeros(m), np.ones(m), 0, [], [], [])
    cuts: list[Cycle] = list(dict.fromkeys(seeds))
    _add_cuts(model, cuts, 0)
    value, solution = 0.0, np.zeros(m)
    for _ in range(_ROUNDS):
        model.setOptionValue("time_limit", max(deadline - time.perf_counter(), 0.001))
        model.run()
        if model.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            break
        value = float(model.getInfo().objective_function_value)
        solution = np.clip(np.asarray(model.getSolution().col_value), 0.0, 1.0)
        if improve is not None and not closes(value, upper, integral):
            upper = min(upper, improve(solution))
        if closes(value, upper, integral) or time.perf_counter() > deadline:
            break
        if graph.n > SEPARATION_NODES:
            break
        fresh = shortest_negative_cycles(graph, adj, solution, 1.0 - _CUT_TOL, limit=graph.n)
        if not fresh:
            break
        cuts.extend(fresh)
        _add_cuts(model, fresh, 0)
    return Bound(value, tuple(cuts), closes(value, upper, integral), solution)


def ip_solve(
    graph: NetGraph, camps: Floats, cuts: tuple[Cycle, ...], deadline: float, integral: bool
) -> Optimum:
    """Solve the integer program from a starting incumbent; may stop at the deadline."""
    model = _highs(deadline)
    n, m = graph.n, graph.m
    anchor = int(np.argmax(adjacency(graph).degree()))
    lower = np.zeros(n + m)
    upper = np.ones(n + m)
    upper[anchor] = 0.0  # one node's camp is fixed: swapping both camps changes nothing
    cost_vec = np.concatenate([np.zeros(n), graph.weight])
    model.addCols(n + m, cost_vec, lower, upper, 0, [], [], [])
    model.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.ones(n, dtype=np.uint8))
    _add_links(model, graph)
    _add_cuts(model, list(cuts), n)
    if integral:
        model.setOptionValue("mip_abs_gap", 1.0 - 1e-6)
    model.setOptionValue("mip_rel_gap", 0.0)
    start = camps * camps[anchor]
    hint = np.concatenate([(1.0 - start) / 2.0, violated(graph, start).astype(np.float64)])
    model.setSolution(_solution(hint))
    model.run()
    return _optimum(model, graph, start)


def _solution(values: Floats) -> highspy.HighsSolution:
    solution = highspy.HighsSolution()
    solution.col_value = values.tolist()
    solution.value_valid = True
    return solution


def _add_links(model: _Highs, graph: NetGraph) -> None:
    """Two rows per tie make its violation variable at least 1 when its camps break it."""
    n, m = graph.n, graph.m
    pos = graph.sign > 0
    f = n + np.arange(m)
    a, b = graph.tail, graph.head
    # friendly: f - x_a + x_b >= 0 and f + x_a - x_b >= 0
    # hostile:  f + x_a + x_b >= 1 and f - x_a - x_b >= -1
    sa = np.where(pos, -1.0, 1.0)
    index = np.stack([np.stack([f, a, b], 1), np.stack([f, a, b], 1)]).reshape(-1)
    values = np.stack(
        [np.stack([np.ones(m), sa, np.ones(m)], 1), np.stack([np.ones(m), -sa, -np.ones(m)], 1)]
    ).reshape(-1)
    lower = np.concatenate([np.where(pos, 0.0, 1.0), np.where(pos, 0.0, -1.0)])
    starts = np.arange(0, 6 * m, 3, dtype=np.int32)
    upper = np.full(2 * m, highspy.kHighsInf)
    model.addRows(2 * m, lower, upper, index.size, starts, index.astype(np.int32), values)


def _optimum(model: _Highs, graph: NetGraph, fallback: Floats) -> Optimum:
    info = model.getInfo()
    status = model.getModelStatus()
    bound = float(info.mip_dual_bound) if np.isfinite(info.mip_dual_bound) else 0.0
    camps = fallback
    if info.primal_solution_status == 2:  # kSolutionStatusFeasible
        x = np.asarray(model.getSolution().col_value[: graph.n])
        found = np.where(x > 0.5, -1.0, 1.0)
        if cost(graph, found) <= cost(graph, fallback):
            camps = found
    optimal = status == highspy.HighsModelStatus.kOptimal
    return Optimum(camps, cost(graph, camps), bound, optimal)
