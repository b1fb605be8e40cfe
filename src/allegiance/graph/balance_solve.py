"""Choosing, block by block, how to find camps and how to prove them optimal.

Cheapest first. A bridge costs nothing and a block of up to 16 nodes is
enumerated. Otherwise a greedy sweep and then a few multilevel restarts run;
if their camps break nothing the block is balanced, and a packing of negative
cycles for each new best may already match its value. Blocks up to the exact
size then get the LP bound with cycle cuts, each LP optimum rounded to camps
so the LP can stop as soon as it proves them; if it leaves a gap, better camps
are sought (more restarts, tabu search) since the bound may already prove
those, and only then the integer program runs. Bigger blocks get a longer
heuristic run and a packing bound, each within a share of the time left.
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
    ENUMERATE_BLOCK_NODES,
    Effort,
    enumerate_camps,
    greedy_camps,
    heuristic_camps,
    refine,
    round_lp,
    vcycle,
)

# How a block's answer was proven, weakest last; a graph reports its weakest block's.
METHODS = ("balanced", "enumeration", "cycle-packing", "lp", "ip", "heuristic")

# Multilevel restarts (single flips only) tried first on every block, and
# more of them when the LP bound leaves a gap.
_QUICK_RESTARTS, _MORE_RESTARTS = 3, 6
# Largest gap between the best camps and the packing bound worth a second packing.
_REPACK_GAP = 1.0 + 1e-9
# Tabu steps per node (capped) to polish camps: before the integer program,
# whose cutoff they are, and on blocks left to the heuristic, after as many
# multilevel restarts again.
_POLISH_STEPS, _POLISH_CAP = 100, 100_000
_SEARCH_RESTARTS = 16
# Shares of the time left by which a big block's heuristic, then its bound, must
# stop; the last tenth is a margin for the rest of the call.
_SEARCH_SHARE, _BOUND_SHARE = 0.5, 0.9


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
    sizes = [block.edges.size for block in split.blocks]
    answers: dict[int, tuple[Ints, BlockAnswer]] = {}
    # Most blocks are bridges, which cost nothing and are placed when the
    # blocks are stitched together. Small blocks first, so one hard block
    # cannot starve the easy ones of time.
    for k in sorted((k for k, size in enumerate(sizes) if size > 1), key=sizes.__getitem__):
        local, nodes = subgraph(graph, split.blocks[k].edges)
        answers[k] = (nodes, solve_block(local, exact_max_edges, deadline, seed))
    return _combine(graph, split, answers)


def _combine(graph: NetGraph, split: Split, answers: dict[int, tuple[Ints, BlockAnswer]]) -> Answer:
    camps = stitch(
        graph, split, {k: (nodes, answer.camps) for k, (nodes, answer) in answers.items()}
    )
    methods = {answer.method for _, answer in answers.values()} or {"balanced"}
    method = max(methods, key=METHODS.index)
    bound = float(sum(answer.bound for _, answer in answers.values()))
    return Answer(camps, bound, method != "heuristic", method)


def _bridge(sign: float) -> BlockAnswer:
    """A block of one tie: its two ends can always be placed to keep it."""
    return BlockAnswer(np.array([1.0, sign]), 0.0, "balanced")


def solve_block(graph: NetGraph, exact_max_edges: int, deadline: float, seed: int) -> BlockAnswer:
    """Camps for one block: proven optimal when the bounds close, else the best found."""
    if graph.m == 1:
        return _bridge(graph.sign[0])
    within = graph.m <= exact_max_edges
    if within and graph.n <= ENUMERATE_BLOCK_NODES:
        camps = enumerate_camps(graph)
        value = cost(graph, camps)
        return BlockAnswer(camps, value, "enumeration" if value else "balanced")
    adj = adjacency(graph)
    if not within:
        return _search_only(graph, adj, deadline, seed)
    quick = _quick(graph, adj, deadline, seed)
    if quick.answer is not None:
        return quick.answer
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
    """A greedy sweep, then multilevel restarts (single flips only), packing each new best."""
    integral = has_integer_weights(graph)
    rng = np.random.default_rng(seed)
    best, value, bound = np.ones(graph.n), np.inf, 0.0
    cycles: list[Cycle] = []
    # A greedy sweep first: on structured graphs it is often already optimal.
    # The first multilevel cycle starts from its camps (so it can only improve
    # on them), the others afresh.
    for attempt in range(_QUICK_RESTARTS + 1):
        if attempt and time.perf_counter() > deadline:
            break
        if attempt == 0:
            camps = greedy_camps(graph, adj)
        else:
            camps = vcycle(graph, adj, rng, deadline, best if attempt == 1 else None)
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
    # A small gap is often closed by packing the best camps again, ties of equal
    # weight taken the other way round: far cheaper than the LP.
    if value - bound <= _REPACK_GAP:
        packed, more = packing_bound(graph, adj, best, deadline, backwards=True)
        bound, cycles = max(bound, packed), cycles + more
        if closes(bound, value, integral):
            answer = BlockAnswer(best, value, "cycle-packing")
            return _Quick(best, value, bound, cycles, integral, answer)
    return _Quick(best, value, bound, cycles, integral, None)


def _exact(
    graph: NetGraph, adj: Adjacency, quick: _Quick, deadline: float, seed: int
) -> BlockAnswer:
    """The LP bound with cycle cuts, better camps if it leaves a gap, then the integer program."""
    # The LP keeps most ties whole; camps that keep the same ties are often
    # optimal. So each LP optimum is rounded to camps, and a better value lets
    # the LP stop as soon as its bound meets it.
    best = [(quick.camps, quick.value)]

    def rounded(solution: Floats) -> float:
        best[0] = _better(graph, best[0], round_lp(graph, adj, solution))
        return best[0][1]

    lp = lp_bound(graph, quick.cycles, quick.value, deadline, quick.integral, rounded)
    camps, value = best[0]
    if lp.proven_optimal:
        return BlockAnswer(camps, value, "lp")
    # Failing that, tabu search gives the integer program a better cutoff.
    rng = np.random.default_rng(seed + 1)
    for _ in range(_MORE_RESTARTS):
        camps, value = _better(graph, (camps, value), vcycle(graph, adj, rng, deadline, camps))
        if closes(lp.value, value, quick.integral):
            return BlockAnswer(camps, value, "lp")
    steps = min(_POLISH_STEPS * graph.n, _POLISH_CAP)
    camps, value = _better(graph, (camps, value), refine(graph, adj, camps, steps, rng, deadline))
    if closes(lp.value, value, quick.integral):
        return BlockAnswer(camps, value, "lp")
    found = ip_solve(graph, camps, lp.tight_cuts(), deadline, quick.integral)
    bound = max(quick.bound, lp.value, found.bound)
    if found.optimal or closes(bound, found.value, quick.integral):
        return BlockAnswer(found.camps, found.value, "ip")
    return BlockAnswer(found.camps, bound, "heuristic")


def _better(graph: NetGraph, best: tuple[Floats, float], camps: Floats) -> tuple[Floats, float]:
    value = cost(graph, camps)
    return (camps, value) if value < best[1] else best


def _search_only(graph: NetGraph, adj: Adjacency, deadline: float, seed: int) -> BlockAnswer:
    """A block too big for the exact stages: the heuristic, then a packing bound, on a budget."""
    now = time.perf_counter()
    left = max(deadline - now, 0.0)
    steps = min(_POLISH_STEPS * graph.n, _POLISH_CAP)
    effort = Effort(_SEARCH_RESTARTS, steps, now + _SEARCH_SHARE * left)
    camps, value = heuristic_camps(graph, adj, effort, seed)
    if value == 0:
        return BlockAnswer(camps, 0.0, "balanced")
    bound, _ = packing_bound(graph, adj, camps, now + _BOUND_SHARE * left)
    if closes(bound, value, has_integer_weights(graph)):
        return BlockAnswer(camps, value, "cycle-packing")
    return BlockAnswer(camps, bound, "heuristic")
