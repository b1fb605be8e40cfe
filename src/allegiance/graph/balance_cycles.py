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

from allegiance.graph.balance_graph import (
    Adjacency,
    Floats,
    Ints,
    NetGraph,
    arcs_of,
    first_of_runs,
    violated,
)

Cycle = tuple[int, ...]  # tie indices
Units = NDArray[np.int16]


def packing_bound(
    graph: NetGraph,
    adj: Adjacency,
    camps: Floats,
    deadline: float,
    max_length: int = 8,
    backwards: bool = False,
) -> tuple[float, list[Cycle]]:
    """Pack negative cycles that each close one broken tie with a path of kept ties.

    The ties a camp assignment keeps form a balanced graph, so a path of kept
    ties between the ends of a broken tie makes, with it, a negative cycle.
    Short cycles use up little capacity, so all triangles are packed first,
    then cycles of four ties, and so on; heavier broken ties first, and
    among equal ones in tie order (or, ``backwards``, the reverse: another
    packing, sometimes a bigger one). Returns the bound and the cycles.
    """
    broken = violated(graph, camps)
    paths: _Paths = (
        _DensePaths(graph, broken) if graph.n <= _DENSE_NODES else _SparsePaths(adj, broken)
    )
    packing = _Packing(graph, paths)
    found = np.flatnonzero(broken)
    order = found[np.argsort(-graph.weight[found], kind="stable")].tolist()
    if backwards:
        order = found[::-1][np.argsort(-graph.weight[found[::-1]], kind="stable")].tolist()
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
# Paths of four ties are looked up directly when this takes at most this many
# cells (neighbours of one end, times neighbours of the other, times nodes).
_MIDDLE_CELLS = 1_000_000


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
        # Node sets a search has exhausted: ties only ever close, so nothing
        # inside one can reach a node outside it again.
        self.closed_off: list[NDArray[np.bool_]] = []

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
        if any(part[source] != part[target] for part in self.closed_off):
            return None
        # Paths of two to four ties straight from the two ends' neighbours:
        # most cycles packed are that short, and this takes a handful of steps.
        near, far = self.open[source], self.open[target]
        common = near & far
        if most >= 2 and common.any():
            x = int(np.argmax(common))
            return [int(self.tie[source, x]), int(self.tie[x, target])]
        tried = 2  # every path of up to this many ties has been tried
        if most >= 3:
            left, right = np.flatnonzero(near), np.flatnonzero(far)
            if left.size == 0 or right.size == 0:  # an end with no open tie: no path at all
                return None
            links = self.open[np.ix_(left, right)]
            at = int(np.argmax(links))
            if links.flat[at]:
                x, y = int(left[at // right.size]), int(right[at % right.size])
                return [int(self.tie[source, x]), int(self.tie[x, y]), int(self.tie[y, target])]
            tried = 3
            if most >= 4 and links.size * self.open.shape[0] <= _MIDDLE_CELLS:
                # Four ties: a neighbour of each end, and a node open to both.
                middle = self.open[left][:, None, :] & self.open[right][None, :, :]
                meets = middle.any(axis=2)
                at = int(np.argmax(meets))
                if meets.flat[at]:
                    x, y = int(left[at // right.size]), int(right[at % right.size])
                    z = int(np.argmax(middle[at // right.size, at % right.size]))
                    ties = self.tie[[source, x, z, y], [x, z, y, target]]
                    return [int(t) for t in ties.tolist()]
                tried = 4
        if most <= tried:
            return None
        return self._search(source, target, most)

    def _search(self, source: int, target: int, most: int) -> list[int] | None:
        """Breadth first from ``source``, one layer at a time, up to ``most`` ties."""
        seen = np.zeros(self.open.shape[0], dtype=bool)
        seen[source] = True
        layers = [np.array([source])]
        for _ in range(most):
            reach = self.open[layers[-1]].any(axis=0)
            if reach[target]:
                return self._unwind(layers, target)
            reach &= ~seen
            new = np.flatnonzero(reach)
            if new.size == 0:
                self.closed_off.append(seen)
                return None
            seen[new] = True
            layers.append(new)
        return None

    def _unwind(self, layers: list[Ints], node: int) -> list[int]:
        """Ties back from ``node`` to the source, one layer at a time."""
        path = []
        for layer in reversed(layers):
            previous = int(layer[np.argmax(self.open[layer, node])])
            path.append(int(self.tie[previous, node]))
            node = previous
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
    the exact solver takes. Every tie gets a tiny extra length (one unit of
    the integer lengths below) so that walking back along tight ties always
    makes progress.
    """
    units = np.rint(np.clip(length, 0.0, 1.0) * _SCALE).astype(np.int64) + 1
    even, odd = _distances(graph, units)
    loops = np.diagonal(odd)
    ends = np.flatnonzero(loops < below * _SCALE)
    ends = ends[np.argsort(loops[ends], kind="stable")][: 2 * limit]
    found: dict[frozenset[int], Cycle] = {}
    for nodes, ties in _walks(adj, units, even, odd, ends):
        cycle = _odd_cycle(nodes, ties, graph.sign)
        # Whole units round each length: check the cut on the true lengths.
        if length[list(cycle)].sum() < below:
            found.setdefault(frozenset(cycle), cycle)
    return list(found.values())[:limit]


# Lengths are counted in whole units of 1/_SCALE (plus one unit per tie), in
# 16-bit integers: Floyd–Warshall then moves half the bytes of single
# precision. Distances stop at _FAR; any two add up without overflow, and
# every walk shorter than one whole length (at most _SCALE + one unit per
# tie, for up to SEPARATION_NODES ties) stays well below it.
_SCALE = 8192
_FAR = 16383


def _distances(graph: NetGraph, units: Ints) -> tuple[Units, Units]:
    """Shortest even and odd walks between all pairs (Floyd–Warshall on the double cover)."""
    n = graph.n
    even = np.full((n, n), _FAR, dtype=np.int16)
    odd = np.full((n, n), _FAR, dtype=np.int16)
    np.fill_diagonal(even, 0)
    pos = graph.sign > 0
    for target, mask in ((even, pos), (odd, ~pos)):
        a, b, w = graph.tail[mask], graph.head[mask], np.minimum(units[mask], _FAR)
        target[a, b] = w
        target[b, a] = w
    for k in range(n):
        # Pivot through k at either parity, from copies taken before the update.
        # Both matrices are symmetric, so row k doubles as column k.
        ek, ok = even[k].copy(), odd[k].copy()
        ec, oc = ek[:, None], ok[:, None]
        np.minimum(even, ec + ek, out=even)
        np.minimum(even, oc + ok, out=even)
        np.minimum(odd, ec + ok, out=odd)
        np.minimum(odd, oc + ek, out=odd)
    return even, odd


def _walks(
    adj: Adjacency, length: Ints, even: Units, odd: Units, starts: Ints
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
        arcs, walk = arcs_of(adj, node[alive])
        home = starts[alive][walk]
        after = parity[alive][walk] ^ hostile[arcs]  # parity still needed past each tie
        nbr = adj.neighbour[arcs]
        score = length[adj.edge[arcs]] + np.where(after, odd[nbr, home], even[nbr, home])
        order = np.lexsort((score, walk))
        grouped = walk[order]
        best = order[first_of_runs(grouped)]  # each walk's best arc
        node[alive], parity[alive] = nbr[best], after[best]
        steps = zip(alive.tolist(), nbr[best].tolist(), adj.edge[arcs[best]].tolist(), strict=True)
        for k, a, e in steps:
            nodes[k].append(a)
            ties[k].append(e)
        closed = (node[alive] == starts[alive]) & ~parity[alive]
        done += alive[closed].tolist()
        alive = alive[~closed]
    return [(nodes[k], ties[k]) for k in sorted(done)]


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
