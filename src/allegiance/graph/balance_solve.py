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
from allegiance.graph.balance_cycles import packing_bound
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
)

# How a block's answer was proven, weakest last; a graph reports its weakest block's.
METHODS = ("balanced", "enumeration", "cycle-packing", "lp", "ip", "heuristic")

# Restarts and tabu steps per node and level: a short polish before the exact
# stages (a better cutoff for the integer program), and a long run for blocks
# left to the heuristic.
_POLISH_RESTARTS, _POLISH_STEPS = 3, 10.0
_SEARCH_RESTARTS, _SEARCH_STEPS = 8, 50.0
# Share of the time left that a big block's heuristic may use; the rest is for its bound.
_SEARCH_SHARE = 0.6


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
    if graph.n <= ENUMERATE_NODES:
        camps = enumerate_camps(graph)
        value = cost(graph, camps)
        return BlockAnswer(camps, value, "enumeration" if value else "balanced")
    integral = has_integer_weights(graph)
    adj = adjacency(graph)
    camps, value = heuristic_camps(graph, adj, Effort(1, 0.0, deadline), seed)
    if value == 0:
        return BlockAnswer(camps, 0.0, "balanced")
    bound, cycles = packing_bound(graph, adj, camps, deadline)
    if closes(bound, value, integral):
        return BlockAnswer(camps, value, "cycle-packing")
    if graph.m > exact_max_edges:
        return _search_only(graph, adj, (camps, value), bound, deadline, seed)
    polish = Effort(_POLISH_RESTARTS, _POLISH_STEPS, deadline)
    polished, better = heuristic_camps(graph, adj, polish, seed)
    if better < value:
        camps, value = polished, better
        repacked, more = packing_bound(graph, adj, camps, deadline)
        if closes(repacked, value, integral):
            return BlockAnswer(camps, value, "cycle-packing")
        bound, cycles = max(bound, repacked), cycles + more
    lp = lp_bound(graph, cycles, value, deadline, integral)
    if lp.proven_optimal:
        return BlockAnswer(camps, value, "lp")
    found = ip_solve(graph, camps, lp.cuts, deadline, integral)
    if found.optimal:
        return BlockAnswer(found.camps, found.value, "ip")
    return BlockAnswer(found.camps, max(bound, lp.value, found.bound), "heuristic")


def _search_only(
    graph: NetGraph,
    adj: Adjacency,
    start: tuple[Floats, float],
    bound: float,
    deadline: float,
    seed: int,
) -> BlockAnswer:
    """A block too big for the exact stages: a long heuristic run, then a fresh packing bound."""
    integral = has_integer_weights(graph)
    now = time.perf_counter()
    effort = Effort(_SEARCH_RESTARTS, _SEARCH_STEPS, now + _SEARCH_SHARE * max(deadline - now, 0))
    camps, value = heuristic_camps(graph, adj, effort, seed + 1)
    if value >= start[1]:
        camps, value = start
    else:
        bound = max(bound, packing_bound(graph, adj, camps, deadline)[0])
    if closes(bound, value, integral):
        return BlockAnswer(camps, value, "cycle-packing")
    return BlockAnswer(camps, bound, "heuristic")
