"""The frustration heuristic: good camps fast, with no proof of optimality.

A multilevel scheme (as graph partitioners do): pair strongly tied nodes and
merge them, repeatedly, down to a handful of nodes (``balance_coarsen``);
solve that small graph by enumeration; then go back up, level by level,
improving the camps at each level by single-node flips to a local optimum and
then by tabu search: always flip the best node not flipped recently, even
uphill, keeping the best camps seen. A flip at a coarse level moves a whole
group, so the search escapes the traps single flips fall into, and the final
levels are polished node by node. Flip gains live in one numpy array updated
per flip from the flipped node's row. Several restarts (different pairings)
keep the best, and later cycles start from it: pairing only along the ties
it keeps, they can move whole groups without losing what it got right.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from allegiance.graph.balance_coarsen import hierarchy
from allegiance.graph.balance_graph import (
    Adjacency,
    Floats,
    Ints,
    NetGraph,
    adjacency,
    arcs_of,
    cost,
)

# The multilevel heuristic coarsens down to this many nodes, then tries every split.
ENUMERATE_NODES = 11
# Blocks this small are solved exactly by trying every split (2^(n-1) of them).
ENUMERATE_BLOCK_NODES = 16
# Above this many nodes a full argmin per tabu step dominates; a short list of
# the best candidates, refreshed every few steps, is scanned instead.
_FULL_SCAN_NODES = 2048
_CANDIDATES = 64
# Greedy sweeps tried, from this many of the most strongly tied nodes (more rarely pay off).
_GREEDY_ROOTS = 1
# Tabu steps per node for a coarsest graph that stopped shrinking.
_STALLED_STEPS = 20


@dataclass(frozen=True)
class Effort:
    """How hard to try: multilevel restarts, then tabu steps on the best, and a deadline."""

    restarts: int
    polish_steps: int
    deadline: float


def enumerate_camps(graph: NetGraph) -> Floats:
    """The best camps of a small graph, by trying every split with node 0 in camp +1.

    The camps maximise ``sum sign * weight * x_u * x_v`` over ``x`` in {+1, -1}.
    Nodes are halved: every split of the first half is paired with every split
    of the second by one product of small matrices (meet in the middle), so
    16 nodes (32,768 splits) take well under a millisecond.
    """
    n = graph.n
    if n <= 1:
        return np.ones(n)
    matrix = np.zeros((n, n))
    np.add.at(matrix, (graph.tail, graph.head), graph.sign * graph.weight)
    matrix += matrix.T
    low = (n - 1) // 2  # free nodes of the first half (node 0 is fixed)
    first = np.hstack([np.ones((2**low, 1)), _splits(low)])
    second = _splits(n - 1 - low)
    a, b = slice(0, low + 1), slice(low + 1, n)
    inside_first = np.einsum("ij,jk,ik->i", first, matrix[a, a], first)
    inside_second = np.einsum("ij,jk,ik->i", second, matrix[b, b], second)
    # einsum, not @: BLAS threads cost more to wake than these small products take.
    across = np.einsum("ij,kj->ik", np.einsum("ij,jk->ik", first, matrix[a, b]), second)
    total = 2.0 * across + inside_first[:, None] + inside_second[None, :]
    i, j = divmod(int(np.argmax(total)), second.shape[0])
    return np.concatenate([first[i], second[j]])


def _splits(k: int) -> Floats:
    """Every assignment of +1/-1 to ``k`` nodes, one per row."""
    bits = (np.arange(2**k)[:, None] >> np.arange(k)) & 1
    return np.asarray(1.0 - 2.0 * bits, dtype=np.float64)


def forest_camps(graph: NetGraph, order: Ints) -> Floats:
    """Camps from a spanning forest grown in ``order``, skipping ties it would break."""
    parent = list(range(graph.n))
    parity = [0] * graph.n  # 1 when a node sits in the other camp from its parent
    size = [1] * graph.n  # the smaller tree goes under the larger: finds stay short

    def find(x: int) -> tuple[int, int]:
        flips = 0
        while parent[x] != x:
            flips ^= parity[x]
            x = parent[x]
        return x, flips

    tails, heads, hostile = graph.tail.tolist(), graph.head.tolist(), (graph.sign < 0).tolist()
    joined = 0
    for e in order.tolist():
        (ra, pa), (rb, pb) = find(tails[e]), find(heads[e])
        if ra != rb:
            if size[ra] < size[rb]:
                ra, rb = rb, ra
            parent[rb], parity[rb] = ra, pa ^ pb ^ hostile[e]
            size[ra] += size[rb]
            joined += 1
            if joined == graph.n - 1:
                break
    return np.array([1.0 - 2.0 * find(x)[1] for x in range(graph.n)])


def greedy_camps(graph: NetGraph, adj: Adjacency, tries: int = _GREEDY_ROOTS) -> Floats:
    """Camps grown outward from a strong node, then a local optimum for single flips.

    Breadth first, a layer at a time: each node of the next layer joins the
    camp its ties to the nodes already placed favour (on balance, by weight).
    Cheap, and on graphs with real camp structure often optimal already. The
    best of ``tries`` sweeps, from the most strongly tied nodes.
    """
    n = graph.n
    if n == 0:
        return np.ones(0)
    rows = np.repeat(np.arange(n), adj.degree())
    strength = np.bincount(rows, np.abs(adj.signed_weight), minlength=n)
    tol = 1e-9 * float(graph.weight.max(initial=1.0))
    best, best_cost = np.ones(n), np.inf
    for root in np.argsort(-strength, kind="stable")[:tries].tolist():
        camps = _sweep(adj, root)
        descend(adj, camps, flip_gains(adj, camps), tol)
        value = cost(graph, camps)
        if value < best_cost:
            best, best_cost = camps, value
    return best


def _sweep(adj: Adjacency, root: int) -> Floats:
    camps = np.zeros(adj.indptr.size - 1)
    layer = np.array([root])
    camps[layer] = 1.0
    while layer.size:
        arcs, _ = arcs_of(adj, layer)
        reached = adj.neighbour[arcs]
        layer = np.unique(reached[camps[reached] == 0])
        arcs, which = arcs_of(adj, layer)
        pull = adj.signed_weight[arcs] * camps[adj.neighbour[arcs]]
        camps[layer] = np.where(np.bincount(which, pull, minlength=layer.size) >= 0, 1.0, -1.0)
    camps[camps == 0] = 1.0  # nodes out of reach (a graph in several parts)
    return camps


def round_lp(graph: NetGraph, adj: Adjacency, violation: Floats) -> Floats:
    """Camps keeping the ties an LP solution least wants broken, then a local optimum."""
    order = np.lexsort((-graph.weight, violation))
    camps = forest_camps(graph, order)
    delta = flip_gains(adj, camps)
    descend(adj, camps, delta, 1e-9 * float(graph.weight.max(initial=1.0)))
    return camps


def flip_gains(adj: Adjacency, camps: Floats) -> Floats:
    """How much each node's flip would add to the frustration (negative: it helps)."""
    n = camps.size
    rows = np.repeat(np.arange(n), adj.degree())
    field = np.bincount(rows, adj.signed_weight * camps[adj.neighbour], minlength=n)
    return np.asarray(camps * field, dtype=np.float64)


def _flip(adj: Adjacency, camps: Floats, delta: Floats, i: int) -> None:
    lo, hi = adj.indptr[i], adj.indptr[i + 1]
    nb = adj.neighbour[lo:hi]
    camps[i] = -camps[i]
    delta[i] = -delta[i]
    delta[nb] += 2.0 * camps[i] * adj.signed_weight[lo:hi] * camps[nb]


def descend(adj: Adjacency, camps: Floats, delta: Floats, tol: float) -> None:
    """Flip nodes while any flip helps: a local optimum for single flips (in place)."""
    todo = np.flatnonzero(delta < -tol)
    while todo.size:
        for i in todo.tolist():
            if delta[i] < -tol:
                _flip(adj, camps, delta, i)
        todo = np.flatnonzero(delta < -tol)


def tabu(
    adj: Adjacency, camps: Floats, delta: Floats, steps: int, rng: np.random.Generator, tol: float
) -> Floats:
    """Tabu search from a local optimum; returns the best camps met (the inputs are scratch)."""
    n = camps.size
    best, best_gain, gain = camps.copy(), 0.0, 0.0
    until = np.zeros(n, dtype=np.int64)
    tenure = max(3, min(20, n // 8))
    pool = np.arange(n)
    for step in range(steps):
        if n > _FULL_SCAN_NODES and step % 16 == 0:
            pool = np.argpartition(delta, _CANDIDATES)[:_CANDIDATES]
        scores = np.where(until[pool] > step, np.inf, delta[pool])
        at = int(np.argmin(scores))
        if scores[at] == np.inf:
            continue
        i = int(pool[at])
        gain += float(delta[i])
        _flip(adj, camps, delta, i)
        until[i] = step + tenure + int(rng.integers(0, tenure))
        if gain < best_gain - tol:
            best_gain, best = gain, camps.copy()
    return best


def refine(
    graph: NetGraph,
    adj: Adjacency,
    camps: Floats,
    steps: int,
    rng: np.random.Generator,
    deadline: float,
) -> Floats:
    """Improve camps by single flips, then up to ``steps`` of tabu search (until the deadline)."""
    tol = 1e-9 * float(graph.weight.max(initial=1.0))
    camps = camps.copy()
    delta = flip_gains(adj, camps)
    descend(adj, camps, delta, tol)
    if steps <= 0 or graph.n < 2 or time.perf_counter() > deadline:
        return camps
    best, best_cost = camps.copy(), cost(graph, camps)
    # Patience: give up once a whole round of steps finds nothing better.
    chunk = max(1000, 10 * graph.n)
    while steps > 0 and time.perf_counter() < deadline:
        found = tabu(adj, camps, delta, min(chunk, steps), rng, tol)
        found_cost = cost(graph, found)
        if found_cost >= best_cost - tol:
            break
        best, best_cost = found, found_cost
        steps -= chunk
    return best


def vcycle(
    graph: NetGraph,
    adj: Adjacency,
    rng: np.random.Generator,
    deadline: float,
    camps: Floats | None = None,
) -> Floats:
    """Coarsen, solve the coarsest graph, then refine level by level back to ``graph``.

    Started from ``camps``, the cycle keeps them expressible at every level,
    so it returns camps at least as good.
    """
    levels, coarsest, carried = hierarchy(graph, adj, rng, ENUMERATE_NODES, camps)
    if coarsest.n <= ENUMERATE_NODES:
        found = enumerate_camps(coarsest)
    else:  # it stopped shrinking (a hub with many spokes): search it directly
        top = adj if not levels else adjacency(coarsest)
        start = np.ones(coarsest.n) if carried is None else carried
        found = refine(coarsest, top, start, _STALLED_STEPS * coarsest.n, rng, deadline)
    for level in reversed(levels):
        found = found[level.group] * level.side
        found = refine(level.fine, level.adj, found, 0, rng, deadline)
    return found


def heuristic_camps(
    graph: NetGraph, adj: Adjacency, effort: Effort, seed: int
) -> tuple[Floats, float]:
    """The best camps over restarts of the multilevel search, polished by tabu search."""
    if graph.n <= ENUMERATE_NODES:
        camps = enumerate_camps(graph)
        return camps, cost(graph, camps)
    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    # Restarts may use half the time; the tabu polish needs the rest on big graphs.
    restarts_end = started + 0.5 * max(effort.deadline - started, 0.0)
    best, best_cost = np.ones(graph.n), np.inf
    for attempt in range(max(1, effort.restarts)):
        if attempt and time.perf_counter() > restarts_end:
            break
        # Half the cycles start afresh, half refine the best so far.
        seeded = best if attempt >= (effort.restarts + 1) // 2 else None
        camps = vcycle(graph, adj, rng, effort.deadline, seeded)
        value = cost(graph, camps)
        if value < best_cost:
            best, best_cost = camps, value
    if effort.polish_steps > 0:
        best = refine(graph, adj, best, effort.polish_steps, rng, effort.deadline)
    return best, cost(graph, best)
