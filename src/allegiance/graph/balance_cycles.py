"""Negative cycles: the certificates behind every lower bound on frustration.

A cycle is negative when it has an odd number of hostile ties; no split into
two camps satisfies all its ties, so at least one of them is violated. Two
uses follow. Ties can be shared out among negative cycles (a packing: each tie
gives each cycle through it part of its weight, never more than its weight in
all) and the shares add up to a lower bound. And the LP relaxation needs
"every negative cycle has a violated tie" cuts, separated by shortest paths in
the signed double cover of the graph.
"""

from __future__ import annotations

import time

import numpy as np
from numpy.typing import NDArray

from allegiance.graph.balance_graph import Adjacency, Floats, Ints, NetGraph, violated

Cycle = tuple[int, ...]  # tie indices


def packing_bound(
    graph: NetGraph, adj: Adjacency, camps: Floats, deadline: float, max_length: int = 8
) -> tuple[float, list[Cycle]]:
    """Pack negative cycles that each close one broken tie with a path of kept ties.

    The ties a camp assignment keeps form a balanced graph, so a path of kept
    ties between the ends of a broken tie makes, with it, a negative cycle.
    Short cycles use up little capacity, so all triangles are packed first,
    then cycles of four ties, and so on. Returns the bound and the cycles.
    """
    broken = violated(graph, camps)
    paths: _Paths = (
        _DensePaths(graph, broken) if graph.n <= _DENSE_NODES else _SparsePaths(adj, broken)
    )
    capacity = graph.weight.copy()
    found = np.flatnonzero(broken)
    order = found[np.argsort(-graph.weight[found], kind="stable")].tolist()
    tails, heads = graph.tail.tolist(), graph.head.tolist()
    bound, cycles = 0.0, []
    for length in range(3, max_length + 1):
        for e in order:
            while capacity[e] > 0 and time.perf_counter() < deadline:
                path = paths.find(tails[e], heads[e], length - 1)
                if path is None:
                    break
                cycle = (e, *path)
                share = float(capacity[list(cycle)].min())
                capacity[list(cycle)] -= share
                paths.used_up([t for t in path if capacity[t] <= 0])
                bound += share
                cycles.append(cycle)
        order = [e for e in order if capacity[e] > 0]
    return bound, cycles


# Up to this many nodes, paths are searched on a dense boolean matrix with numpy.
_DENSE_NODES = 1000


class _Paths:
    """Shortest paths of kept ties that still have capacity."""

    def find(self, source: int, target: int, most: int) -> list[int] | None:
        raise NotImplementedError

    def used_up(self, ties: list[int]) -> None:
        raise NotImplementedError


class _DensePaths(_Paths):
    def __init__(self, graph: NetGraph, broken: NDArray[np.bool_]) -> None:
        n, keep = graph.n, ~broken
        self.tie = np.full((n, n), -1, dtype=np.int64)
        a, b, ids = graph.tail[keep], graph.head[keep], np.flatnonzero(keep)
        self.tie[a, b] = ids
        self.tie[b, a] = ids
        self.open = self.tie >= 0
        self.ends = (graph.tail, graph.head)

    def find(self, source: int, target: int, most: int) -> list[int] | None:
        # A common neighbour is the shortest possible path: try it in one step.
        common = np.flatnonzero(self.open[source] & self.open[target])
        if common.size:
            x = int(common[0])
            return [int(self.tie[source, x]), int(self.tie[x, target])]
        n = self.open.shape[0]
        parent = np.full(n, -1)
        seen = np.zeros(n, dtype=bool)
        seen[source] = True
        frontier = np.array([source])
        for _ in range(most):
            rows = self.open[frontier]
            reach = rows.any(axis=0) & ~seen
            new = np.flatnonzero(reach)
            if new.size == 0:
                return None
            parent[new] = frontier[np.argmax(rows[:, new], axis=0)]
            if reach[target]:
                return self._unwind(parent, source, target)
            seen[new] = True
            frontier = new
        return None

    def _unwind(self, parent: Ints, source: int, node: int) -> list[int]:
        path = []
        while node != source:
            path.append(int(self.tie[parent[node], node]))
            node = int(parent[node])
        return path

    def used_up(self, ties: list[int]) -> None:
        a, b = self.ends[0][ties], self.ends[1][ties]
        self.open[a, b] = False
        self.open[b, a] = False


class _SparsePaths(_Paths):
    def __init__(self, adj: Adjacency, broken: NDArray[np.bool_]) -> None:
        keep = (~broken[adj.edge]).tolist()
        nbr, eid, ptr = adj.neighbour.tolist(), adj.edge.tolist(), adj.indptr.tolist()
        self.kept = [
            {nbr[k]: eid[k] for k in range(ptr[u], ptr[u + 1]) if keep[k]}
            for u in range(len(ptr) - 1)
        ]
        self.closed: set[int] = set()

    def find(self, source: int, target: int, most: int) -> list[int] | None:
        came: dict[int, tuple[int, int]] = {source: (-1, -1)}
        frontier = [source]
        for _ in range(most):
            nxt = []
            for u in frontier:
                for v, e in self.kept[u].items():
                    if v in came or e in self.closed:
                        continue
                    came[v] = (u, e)
                    if v == target:
                        return _unwind(came, target)
                    nxt.append(v)
            frontier = nxt
        return None

    def used_up(self, ties: list[int]) -> None:
        self.closed.update(ties)


def _unwind(came: dict[int, tuple[int, int]], node: int) -> list[int]:
    path = []
    while came[node][0] != -1:
        node, e = came[node]
        path.append(e)
    return path


def shortest_negative_cycles(
    graph: NetGraph, adj: Adjacency, length: Floats, below: float, limit: int
) -> list[Cycle]:
    """Negative cycles shorter than ``below`` under tie lengths ``length`` (>= 0).

    All-pairs shortest paths in the signed double cover: ``even[i, j]`` is the
    shortest walk from i to j through an even number of hostile ties, ``odd``
    through an odd number. ``odd[i, i]`` is then the shortest negative closed
    walk through i, and it contains a negative cycle no longer. Floyd–Warshall
    over both matrices at once is O(n^3) in numpy: fine for the block sizes
    the exact solver takes. Every length gets a tiny extra so that walking
    back along tight ties always makes progress.
    """
    padded = length + _PAD
    even, odd = _distances(graph, padded)
    loops = np.diagonal(odd)
    ends = np.flatnonzero(loops < below)
    ends = ends[np.argsort(loops[ends], kind="stable")].tolist()
    done: set[int] = set()
    found: dict[frozenset[int], Cycle] = {}
    for i in ends:
        if i in done:
            continue
        walk = _walk(adj, padded, even, odd, i)
        if walk is None:
            continue
        nodes, ties = walk
        done.update(nodes)
        cycle = _odd_cycle(nodes, ties, graph.sign)
        found.setdefault(frozenset(cycle), cycle)
        if len(found) >= limit:
            break
    return list(found.values())


_PAD = 1e-7


def _distances(graph: NetGraph, length: Floats) -> tuple[Floats, Floats]:
    """Shortest even and odd walks between all pairs (Floyd–Warshall on the double cover)."""
    n = graph.n
    even = np.full((n, n), np.inf)
    odd = np.full((n, n), np.inf)
    np.fill_diagonal(even, 0.0)
    pos = graph.sign > 0
    for target, mask in ((even, pos), (odd, ~pos)):
        a, b, w = graph.tail[mask], graph.head[mask], length[mask]
        target[a, b] = w
        target[b, a] = w
    for k in range(n):
        # Pivot through k at either parity, from copies taken before the update.
        ek, ok = even[:, k : k + 1].copy(), odd[:, k : k + 1].copy()
        er, orow = even[k].copy(), odd[k].copy()
        np.minimum(even, ek + er, out=even)
        np.minimum(even, ok + orow, out=even)
        np.minimum(odd, ek + orow, out=odd)
        np.minimum(odd, ok + er, out=odd)
    return even, odd


def _walk(
    adj: Adjacency, length: Floats, even: Floats, odd: Floats, i: int
) -> tuple[list[int], list[int]] | None:
    """Nodes and ties of a shortest odd closed walk from i, following tight ties back to i."""
    nodes, ties, node, parity = [i], [], i, 1
    hostile = adj.signed_weight < 0
    for _ in range(2 * even.shape[0] + 2):
        lo, hi = adj.indptr[node], adj.indptr[node + 1]
        nbr, edge = adj.neighbour[lo:hi], adj.edge[lo:hi]
        after = parity ^ hostile[lo:hi]  # parity still needed once past each tie
        rest = np.where(after, odd[nbr, i], even[nbr, i])
        at = int(np.argmin(length[edge] + rest))
        node, parity = int(nbr[at]), int(after[at])
        nodes.append(node)
        ties.append(int(edge[at]))
        if node == i and parity == 0:
            return nodes, ties
    return None


def _odd_cycle(nodes: list[int], ties: list[int], sign: Floats) -> Cycle:
    """A simple negative cycle inside a closed walk with an odd number of hostile ties."""
    while True:
        seen: dict[int, int] = {}
        for pos, node in enumerate(nodes[:-1]):
            if node in seen:
                break
            seen[node] = pos
        else:
            return tuple(ties)
        start = seen[node]
        if np.prod(sign[ties[start:pos]]) < 0:
            nodes, ties = nodes[start : pos + 1], ties[start:pos]
        else:
            nodes, ties = nodes[: start + 1] + nodes[pos + 1 :], ties[:start] + ties[pos:]
