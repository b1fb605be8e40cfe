"""Choosing, block by block, how to find camps and how to prove them optimal.

Per block, cheapest first: a tiny block is solved by enumeration; otherwise a
quick heuristic runs, and if it breaks nothing the block is balanced.
Otherwise a packing of negative cycles may already match its value. If not,
blocks up to the exact size get a polished heuristic, the LP bound with cycle
cuts and, if a gap remains, the integer program; bigger blocks get a longer
heuristic run and keep the packing bound.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from allegiance.graph.balance_blocks import Split, split_blocks, stitch
from allegiance.graph.balance_cycles import Cycle, packing_bound
from allegiance.graph.balance_graph import (
    Adjacency,
    Floats,
    Ints,
    NetGraph,
    adjacency,
    cost,
    has_integer_weights,
    subgraph,
)
from allegiance.graph.balance_ip import closes, ip_solve, lp_bound
from allegiance.graph.balance_search import (
    ENUMERATE_NODES,
    Effort,
    enumerate_camps,
    heuristic_camps,
    refine,
    round_lp,
    vcycle,
)

# How a block's answer was proven, weakest last; a graph reports its weakest block's.
METHODS = ("balanced", "enumeration", "cycle-packing", "lp", "ip", "heuristic")

# Multilevel restarts (single flips only) tried first on every block.
_QUICK_RESTARTS = 3
# Tabu steps per node (capped) to polish camps: before the integer program,
# whose cutoff they are, and on blocks left to the heuristic, after as many
# multilevel restarts again.
_POLISH_STEPS, _POLISH_CAP = 100, 200_000
_SEARCH_RESTARTS = 8
# Share of the time left that a big block's heuristic may use; the rest is for its bound.
_SEARCH_SHARE = 0.5


@dataclass(frozen=True, eq=False)
class BlockAnswer:
    """Camps for one block's nodes, a lower bound on its frustration, and how it was found."""

    camps: Floats
    bound: float
    method: str

    @property
    def exact(self) -> bool:
        return self.method != "heuristic"


@dataclass(frozen=True, eq=False)
class Answer:
    """Camps over the whole graph (+1/-1 per node), a lower bound, and how they were found."""

    camps: Floats
    bound: float
    exact: bool
    method: str


def solve(graph: NetGraph, exact_max_edges: int, deadline: float, seed: int) -> Answer:
    """Camps of least frustration for a graph, block by block."""
    split = split_blocks(graph, adjacency(graph))
    answers: dict[int, tuple[Ints, BlockAnswer]] = {}
    # Small blocks first, so one hard block cannot starve the easy ones of time.
    for k in sorted(range(len(split.blocks)), key=lambda k: split.blocks[k].edges.size):
        local, nodes = subgraph(graph, split.blocks[k].edges)
        answers[k] = (nodes, solve_block(local, exact_max_edges, deadline, seed))
    return _combine(graph.n, split, answers)


def _combine(n: int, split: Split, answers: dict[int, tuple[Ints, BlockAnswer]]) -> Answer:
    ordered = [answers[k] for k in range(len(split.blocks))]
    camps = stitch(n, split, [(nodes, answer.camps) for nodes, answer in ordered])
    methods = {answer.method for _, answer in ordered} or {"balanced"}
    method = max(methods, key=METHODS.index)
    bound = float(sum(answer.bound for _, answer in ordered))
    return Answer(camps, bound, method != "heuristic", method)


def solve_block(graph: NetGraph, exact_max_edges: int, deadline: float, seed: int) -> BlockAnswer:
    """Camps for one block: proven optimal when the bounds close, else the best found."""
    if graph.m == 1:  # a bridge: its two ends can always be placed to keep it
        return BlockAnswer(np.array([1.0, graph.sign[0]]), 0.0, "balanced")
    within = graph.m <= exact_max_edges
    if within and graph.n <= ENUMERATE_NODES:
        camps = enumerate_camps(graph)
        value = cost(graph, camps)
        return BlockAnswer(camps, value, "enumeration" if value else "balanced")
    adj = adjacency(graph)
    quick = _quick(graph, adj, deadline, seed)
    if quick.answer is not None:
        return quick.answer
    if not within:
        return _search_only(graph, adj, quick, deadline, seed)
    return _exact(graph, adj, quick, deadline, seed)


@dataclass(frozen=True, eq=False)
class _Quick:
    """The cheap stages' result: best camps, their cost, the best packing, its cycles."""

    camps: Floats
    value: float
    bound: float
    cycles: list[Cycle]
    integral: bool
    answer: BlockAnswer | None  # set when the cheap stages already settle the block


def _quick(graph: NetGraph, adj: Adjacency, deadline: float, seed: int) -> _Quick:
    """Multilevel restarts (single flips only), re-packing cycles after each improvement."""
    integral = has_integer_weights(graph)
    rng = np.random.default_rng(seed)
    best, value, bound = np.ones(graph.n), np.inf, 0.0
    cycles: list[Cycle] = []
    for attempt in range(_QUICK_RESTARTS):
        if attempt and time.perf_counter() > deadline:
            break
        camps = vcycle(graph, adj, rng, deadline)
        found = cost(graph, camps)
        if found >= value:
            continue
        best, value = camps, found
        if value == 0:
            return _Quick(best, 0.0, 0.0, [], integral, BlockAnswer(best, 0.0, "balanced"))
        packed, more = packing_bound(graph, adj, best, deadline)
        bound, cycles = max(bound, packed), cycles + more
        if closes(bound, value, integral):
            answer = BlockAnswer(best, value, "cycle-packing")
            return _Quick(best, value, bound, cycles, integral, answer)
    return _Quick(best, value, bound, cycles, integral, None)


def _exact(
    graph: NetGraph, adj: Adjacency, quick: _Quick, deadline: float, seed: int
) -> BlockAnswer:
    """The LP bound with cycle cuts, better camps if it leaves a gap, then the integer program."""
    lp = lp_bound(graph, quick.cycles, quick.value, deadline, quick.integral)
    if lp.proven_optimal:
        return BlockAnswer(quick.camps, quick.value, "lp")
    camps, value = quick.camps, quick.value
    # The LP keeps most ties whole; camps that keep the same ties are often optimal.
    rounded = round_lp(graph, adj, lp.solution)
    steps = min(_POLISH_STEPS * graph.n, _POLISH_CAP)
    for start in (rounded, camps):
        polished = refine(graph, adj, start, steps, np.random.default_rng(seed), deadline)
        if cost(graph, polished) < value:
            camps, value = polished, cost(graph, polished)
        if closes(lp.value, value, quick.integral):
            return BlockAnswer(camps, value, "lp")
    found = ip_solve(graph, camps, lp.cuts, deadline, quick.integral)
    if found.optimal:
        return BlockAnswer(found.camps, found.value, "ip")
    return BlockAnswer(found.camps, max(quick.bound, lp.value, found.bound), "heuristic")


def _search_only(
    graph: NetGraph, adj: Adjacency, quick: _Quick, deadline: float, seed: int
) -> BlockAnswer:
    """A block too big for the exact stages: a longer heuristic run, then a fresh packing."""
    now = time.perf_counter()
    steps = min(_POLISH_STEPS * graph.n, _POLISH_CAP)
    share = now + _SEARCH_SHARE * max(deadline - now, 0.0)
    camps, value = heuristic_camps(graph, adj, Effort(_SEARCH_RESTARTS, steps, share), seed + 1)
    bound = quick.bound
    if value < quick.value:
        bound = max(bound, packing_bound(graph, adj, camps, deadline)[0])
    else:
        camps, value = quick.camps, quick.value
    if closes(bound, value, quick.integral):
        return BlockAnswer(camps, value, "cycle-packing")
    return BlockAnswer(camps, bound, "heuristic")
