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
Singles = NDArray[np.float32]


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
    packing = _Packing(graph, paths)
    found = np.flatnonzero(broken)
    order = found[np.argsort(-graph.weight[found], kind="stable")].tolist()
    order = packing.triangles(order)
    for length in range(4, max_length + 1):
        for e in order:
            while packing.capacity[e] > 0:
                if time.perf_counter() > deadline:
                    return packing.bound, packing.cycles
                path = paths.find(packing.tails[e], packing.heads[e], length - 1)
                if path is None or not packing.take(e, path):
                    break
        order = [e for e in order if packing.capacity[e] > 0]
    return packing.bound, packing.cycles


class _Packing:
    """Cycles packed so far, their total share, and each tie's capacity left."""

    def __init__(self, graph: NetGraph, paths: _Paths) -> None:
        self.capacity = graph.weight.tolist()
        self.tails, self.heads = graph.tail.tolist(), graph.head.tolist()
        self.paths = paths
        self.bound = 0.0
        self.cycles: list[Cycle] = []

    def take(self, broken: int, path: list[int]) -> bool:
        """Pack the cycle closing ``broken`` with ``path``, if all its ties have capacity."""
        cycle = tuple(dict.fromkeys((broken, *path)))  # a walk may repeat a tie
        share = min(self.capacity[t] for t in cycle)
        if share <= 0:
            return False
        for t in cycle:
            self.capacity[t] -= share
        self.paths.used_up([t for t in path if self.capacity[t] <= 0])
        self.bound += share
        self.cycles.append(cycle)
        return True

    def triangles(self, order: list[int]) -> list[int]:
        """Pack triangles for every broken tie, many at a time; the ties still with capacity."""
        while order:
            candidates = self.paths.triangles(order, self.tails, self.heads)
            took = [self.take(e, path) for e, path in candidates]
            order = [e for e in order if self.capacity[e] > 0]
            if not any(took):
                break
        return order


# Up to this many nodes, paths are searched on a dense boolean matrix with numpy.
_DENSE_NODES = 1000


class _Paths:
    """Shortest paths of kept ties that still have capacity."""

    def find(self, source: int, target: int, most: int) -> list[int] | None:
        raise NotImplementedError

    def triangles(
        self, broken: list[int], tails: list[int], heads: list[int]
    ) -> list[tuple[int, list[int]]]:
        """A two-tie path closing each broken tie that has one (they may overlap)."""
        found = ((e, self.find(tails[e], heads[e], 2)) for e in broken)
        return [(e, path) for e, path in found if path is not None and len(path) == 2]

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

    def triangles(
        self, broken: list[int], tails: list[int], heads: list[int]
    ) -> list[tuple[int, list[int]]]:
        ends = np.array(broken, dtype=np.int64)
        u, v = np.asarray(tails)[ends], np.asarray(heads)[ends]
        common = self.open[u] & self.open[v]
        has = np.flatnonzero(common.any(axis=1))
        x = np.argmax(common[has], axis=1)
        first, second = self.tie[u[has], x], self.tie[x, v[has]]
        pairs = zip(ends[has].tolist(), first.tolist(), second.tolist(), strict=True)
        return [(e, [a, b]) for e, a, b in pairs]

    def find(self, source: int, target: int, most: int) -> list[int] | None:
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
        # A common neighbour is the shortest possible path: try it first.
        near, far = sorted((self.kept[source], self.kept[target]), key=len)
        for x, e in near.items():
            other = far.get(x)
            if other is not None and e not in self.closed and other not in self.closed:
                return [e, other]
        # Otherwise search from both ends at once, always widening the smaller side.
        sides = ({source: (-1, -1)}, {target: (-1, -1)})
        frontiers = ([source], [target])
        depths = [0, 0]
        while depths[0] + depths[1] < most and frontiers[0] and frontiers[1]:
            k = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
            mine, theirs = sides[k], sides[1 - k]
            grown: list[int] = []
            for u in frontiers[k]:
                for v, e in self.kept[u].items():
                    if v in mine or e in self.closed:
                        continue
                    mine[v] = (u, e)
                    if v in theirs:
                        return _unwind(sides[0], v) + _unwind(sides[1], v)
                    grown.append(v)
            frontiers = (grown, frontiers[1]) if k == 0 else (frontiers[0], grown)
            depths[k] += 1
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
    ends = ends[np.argsort(loops[ends], kind="stable")][: 2 * limit]
    found: dict[frozenset[int], Cycle] = {}
    for nodes, ties in _walks(adj, padded, even, odd, ends):
        cycle = _odd_cycle(nodes, ties, graph.sign)
        found.setdefault(frozenset(cycle), cycle)
    return list(found.values())[:limit]


_PAD = 1e-5


def _distances(graph: NetGraph, length: Floats) -> tuple[Singles, Singles]:
    """Shortest even and odd walks between all pairs (Floyd–Warshall on the double cover)."""
    n = graph.n
    # Single precision halves the memory traffic. The padding on lengths is far
    # above its rounding error, so walks back along tight ties still progress.
    even = np.full((n, n), np.inf, dtype=np.float32)
    odd = np.full((n, n), np.inf, dtype=np.float32)
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


def _walks(
    adj: Adjacency, length: Floats, even: Singles, odd: Singles, starts: Ints
) -> list[tuple[list[int], list[int]]]:
    """Nodes and ties of a shortest odd closed walk from each start, all walked in step.

    From each node the walk takes the tie that keeps it on a shortest path
    back to its start with the parity still needed; the padding on lengths
    guarantees each step gets strictly closer, so every walk ends.
    """
    hostile = adj.signed_weight < 0
    node, parity = starts.copy(), np.ones(starts.size, dtype=bool)
    alive = np.arange(starts.size)  # which walks are still under way
    nodes: list[list[int]] = [[int(i)] for i in starts.tolist()]
    ties: list[list[int]] = [[] for _ in nodes]
    done: list[int] = []
    for _ in range(2 * even.shape[0] + 2):
        if alive.size == 0:
            break
        arcs, walk = _arcs_of(adj, node[alive])
        home = starts[alive][walk]
        after = parity[alive][walk] ^ hostile[arcs]  # parity still needed past each tie
        nbr = adj.neighbour[arcs]
        score = length[adj.edge[arcs]] + np.where(after, odd[nbr, home], even[nbr, home])
        order = np.lexsort((score, walk))
        grouped = walk[order]
        best = order[np.r_[True, grouped[1:] != grouped[:-1]]]  # each walk's best arc
        node[alive], parity[alive] = nbr[best], after[best]
        steps = zip(alive.tolist(), nbr[best].tolist(), adj.edge[arcs[best]].tolist(), strict=True)
        for k, a, e in steps:
            nodes[k].append(a)
            ties[k].append(e)
        closed = (node[alive] == starts[alive]) & ~parity[alive]
        done += alive[closed].tolist()
        alive = alive[~closed]
    return [(nodes[k], ties[k]) for k in sorted(done)]


def _arcs_of(adj: Adjacency, nodes: Ints) -> tuple[Ints, Ints]:
    """Every arc leaving each of ``nodes``, and the position in ``nodes`` it leaves from."""
    lo, hi = adj.indptr[nodes], adj.indptr[nodes + 1]
    count = hi - lo
    walk = np.repeat(np.arange(nodes.size), count)
    offset = np.arange(walk.size) - np.repeat(np.cumsum(count) - count, count)
    return lo[walk] + offset, walk


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
