"""Frustration index and camps of a signed alignment graph.

The frustration index is the least total weight of ties that must flip sign
(equivalently, be deleted) for the actors to split into two camps, friendly
inside and hostile across (Harary's structural balance). ``frustration``
returns that index, the camps, and the ties that break balance.

How it is computed (see ``balance_solve`` for the order of stages):

- Ties between the same pair are merged: weights are summed per sign. A pair
  with both a friendly and a hostile tie keeps both; whichever camps the pair
  ends up in, exactly one of the two is violated, so the pair costs the
  lighter weight for sure and only the difference between the two steers the
  camps (when they are equal the pair does not steer them at all).
- The graph is split into blocks (biconnected components), which are balanced
  independently: components, pendant trees and bridges cost nothing extra.
- Per block: every split tried when it has at most 16 nodes; otherwise a
  greedy sweep (camps grown outward from the strongest node) and a multilevel
  heuristic (merge strongly tied pairs repeatedly, solve the small graph,
  refine back up with single-node flips and tabu search); a lower bound from a
  packing of negative cycles; for blocks of at most ``exact_max_edges`` ties,
  the LP relaxation with negative-cycle cuts and then an integer program
  solved by HiGHS.

``exact`` is True only when every block's optimum is proven. Otherwise
``lower_bound`` is the sum, over blocks, of the best bound found: the LP
relaxation with cycle cuts or the integer program's dual bound when the time
limit stopped the exact stages, the negative-cycle packing (edge-disjoint
negative cycles, or weight shared among them) for blocks above
``exact_max_edges``; plus the weight that mixed pairs break for sure.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Real

import numpy as np

from allegiance.errors import InputError
from allegiance.graph.balance_graph import Floats, Ints, NetGraph
from allegiance.graph.balance_solve import solve

# Blocks up to this many ties (after merging and splitting) go to the exact
# stages. That covers every yearly world alignment graph, 1816-2018 (the
# largest block, 2008, has 3,862 ties among 179 states), and such structured
# graphs are proven optimal in milliseconds. Graphs with no camp structure
# are far harder: a random one of 100 nodes and 500 ties takes 10-100 s or
# more, and there ``time_limit`` returns the heuristic's camps with the bound
# reached. Figures in benchmarks/balance.py.
EXACT_MAX_EDGES = 5000


@dataclass(frozen=True)
class SignedEdge:
    """An undirected tie between two actors: +1 friendly, -1 hostile, with a weight > 0."""

    u: str
    v: str
    sign: int
    weight: float = 1.0

    def __post_init__(self) -> None:
        if not (isinstance(self.u, str) and isinstance(self.v, str)) or not (self.u and self.v):
            raise InputError(f"tie ends must be non-empty names, got {self.u!r} and {self.v!r}")
        if self.u == self.v:
            raise InputError(f"a tie needs two different actors, got {self.u!r} twice")
        if isinstance(self.sign, bool) or not isinstance(self.sign, Real) or abs(self.sign) != 1:
            raise InputError(f"tie sign must be +1 or -1, got {self.sign!r}")
        if isinstance(self.weight, bool) or not isinstance(self.weight, Real):
            raise InputError(f"tie weight must be a number, got {self.weight!r}")
        if not (math.isfinite(self.weight) and self.weight > 0):
            raise InputError(f"tie weight must be finite and positive, got {self.weight!r}")


@dataclass(frozen=True)
class Frustration:
    """The frustration index of a signed graph, its two camps and the ties that break balance.

    ``camps`` holds every node with a tie, sorted within each camp, the camp
    with the smallest node first; each connected part of the graph is oriented
    so its smallest node is in the first camp. ``violations`` are merged ties
    (one per pair and sign, weights summed), sorted. ``lower_bound`` equals
    ``index`` when ``exact``; otherwise it is the best proven bound.
    ``method`` says how the hardest part was settled: ``balanced``,
    ``enumeration`` (a small block, every split tried), ``cycle-packing`` (the
    heuristic met a packing of negative cycles), ``lp`` (it met the LP bound),
    ``ip`` (branch and bound), or ``heuristic`` (not proven).
    """

    index: float
    exact: bool
    camps: tuple[tuple[str, ...], tuple[str, ...]]
    violations: tuple[SignedEdge, ...]
    lower_bound: float
    seconds: float
    method: str


@dataclass(frozen=True, eq=False)
class _Merged:
    """Input ties merged per pair (``tail < head``), and the net graph the solvers see."""

    names: tuple[str, ...]
    tail: Ints
    head: Ints
    friendly: Floats  # summed weight of friendly ties per pair, 0 if none
    hostile: Floats
    net: NetGraph
    sure: float  # weight violated whatever the camps: the lighter side of mixed pairs


def frustration(
    edges: Iterable[SignedEdge],
    *,
    exact_max_edges: int = EXACT_MAX_EDGES,
    time_limit: float = 10.0,
    seed: int = 0,
) -> Frustration:
    """Split actors into two camps breaking the least tie weight; prove it optimal if possible.

    Blocks of up to ``exact_max_edges`` ties (after merging parallel ties and
    splitting off bridges and pendant trees) are solved exactly when the
    ``time_limit`` (seconds, for the whole call) allows; the rest of the time
    goes to tightening the bound on bigger blocks. ``seed`` drives the
    heuristic's random choices: the same input and seed give the same answer
    unless the time limit cuts a search short.
    """
    started = time.perf_counter()
    _check_options(exact_max_edges, time_limit, seed)
    merged = _merge(edges)
    answer = solve(merged.net, exact_max_edges, started + float(time_limit), seed)
    index, violations = _violations(merged, answer.camps)
    bound = index if answer.exact else min(index, merged.sure + answer.bound)
    return Frustration(
        index=index,
        exact=answer.exact,
        camps=_camps(merged.names, answer.camps),
        violations=violations,
        lower_bound=bound,
        seconds=time.perf_counter() - started,
        method=answer.method,
    )


def _check_options(exact_max_edges: object, time_limit: object, seed: object) -> None:
    if isinstance(exact_max_edges, bool) or not isinstance(exact_max_edges, int):
        raise InputError(f"exact_max_edges must be an integer, got {exact_max_edges!r}")
    positive = isinstance(time_limit, Real) and float(time_limit) > 0
    if isinstance(time_limit, bool) or not positive:
        raise InputError(f"time_limit must be a positive number of seconds, got {time_limit!r}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InputError(f"seed must be a non-negative integer, got {seed!r}")


def _merge(edges: Iterable[SignedEdge]) -> _Merged:
    ties = list(edges)
    strays = sorted(t.__name__ for t in set(map(type, ties)) if not issubclass(t, SignedEdge))
    if strays:
        raise InputError(f"expected SignedEdge ties, got {strays[0]}")
    ends = [tie.u for tie in ties]
    others = [tie.v for tie in ties]
    names = tuple(sorted(set(ends).union(others)))
    ids = {name: k for k, name in enumerate(names)}
    count = len(ties)
    pairs = np.empty((count, 2), dtype=np.int64)
    pairs[:, 0] = np.fromiter(map(ids.__getitem__, ends), dtype=np.int64, count=count)
    pairs[:, 1] = np.fromiter(map(ids.__getitem__, others), dtype=np.int64, count=count)
    pairs.sort(axis=1)
    signed = np.fromiter((tie.sign * tie.weight for tie in ties), dtype=np.float64, count=count)
    return _merged_pairs(names, pairs, signed)


def _merged_pairs(names: tuple[str, ...], pairs: Ints, signed: Floats) -> _Merged:
    n = len(names)
    codes, inverse = np.unique(pairs[:, 0] * max(n, 1) + pairs[:, 1], return_inverse=True)
    friendly = _sums(inverse, np.maximum(signed, 0.0), codes.size)
    hostile = _sums(inverse, np.maximum(-signed, 0.0), codes.size)
    tail, head = codes // max(n, 1), codes % max(n, 1)
    diff = friendly - hostile
    keep = diff != 0
    net = NetGraph(n, tail[keep], head[keep], np.sign(diff[keep]), np.abs(diff[keep]))
    sure = math.fsum(np.minimum(friendly, hostile).tolist())
    return _Merged(names, tail, head, friendly, hostile, net, sure)


def _sums(groups: Ints, values: Floats, size: int) -> Floats:
    return np.bincount(groups, values, minlength=size).astype(np.float64)


def _violations(merged: _Merged, camps: Floats) -> tuple[float, tuple[SignedEdge, ...]]:
    same = camps[merged.tail] == camps[merged.head]
    broken_friendly = ~same & (merged.friendly > 0)
    broken_hostile = same & (merged.hostile > 0)
    found: list[SignedEdge] = []
    names = merged.names
    for k in np.flatnonzero(broken_friendly | broken_hostile).tolist():
        u, v = names[merged.tail[k]], names[merged.head[k]]
        if broken_hostile[k]:
            found.append(SignedEdge(u, v, -1, float(merged.hostile[k])))
        if broken_friendly[k]:
            found.append(SignedEdge(u, v, 1, float(merged.friendly[k])))
    return math.fsum(edge.weight for edge in found), tuple(found)


def _camps(names: tuple[str, ...], camps: Floats) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # Names are sorted, so each camp comes out sorted; node 0 is always in camp +1.
    first = tuple(name for name, side in zip(names, camps.tolist(), strict=True) if side > 0)
    second = tuple(name for name, side in zip(names, camps.tolist(), strict=True) if side < 0)
    return first, second
