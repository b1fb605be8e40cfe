"""Signed graphs as numpy arrays: the shape the frustration solvers work on.

The public API (``balance.py``) speaks in named ``SignedEdge`` ties; the solvers
speak in node indices and arrays, because every hot loop (local search, cycle
separation, model building) wants vectorised access. A ``NetGraph`` has at most
one tie per pair of nodes, with a sign and a positive weight.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class NetGraph:
    """A simple signed graph on nodes ``0..n-1``: one tie per pair at most."""

    n: int
    tail: Ints
    head: Ints
    sign: Floats  # +1.0 friendly, -1.0 hostile; float so products stay vectorised
    weight: Floats  # > 0

    @property
    def m(self) -> int:
        return int(self.tail.size)


@dataclass(frozen=True, eq=False)
class Adjacency:
    """Compressed rows of a ``NetGraph``: each tie appears once from each end."""

    indptr: Ints
    neighbour: Ints
    signed_weight: Floats  # sign * weight, the entries of the signed adjacency matrix
    edge: Ints  # index of the tie in the NetGraph

    def degree(self) -> Ints:
        return np.diff(self.indptr)


def adjacency(graph: NetGraph) -> Adjacency:
    """The signed, weighted adjacency of a graph in compressed-row form."""
    ends = np.concatenate([graph.tail, graph.head])
    others = np.concatenate([graph.head, graph.tail])
    edges = np.concatenate([np.arange(graph.m), np.arange(graph.m)])
    order = np.argsort(ends, kind="stable")
    indptr = np.zeros(graph.n + 1, dtype=np.int64)
    np.cumsum(np.bincount(ends, minlength=graph.n), out=indptr[1:])
    signed = np.concatenate([graph.sign * graph.weight] * 2)
    return Adjacency(indptr, others[order], signed[order], edges[order])


def arcs_of(adj: Adjacency, nodes: Ints) -> tuple[Ints, Ints]:
    """Every arc leaving each of ``nodes``, and the position in ``nodes`` it leaves from."""
    lo, hi = adj.indptr[nodes], adj.indptr[nodes + 1]
    count = hi - lo
    which = np.repeat(np.arange(nodes.size), count)
    offset = np.arange(which.size) - np.repeat(np.cumsum(count) - count, count)
    return lo[which] + offset, which


def subgraph(graph: NetGraph, edges: Ints) -> tuple[NetGraph, Ints]:
    """The graph on a subset of ties, renumbered; also the original node of each new one."""
    tail, head = graph.tail[edges], graph.head[edges]
    nodes, inverse = np.unique(np.concatenate([tail, head]), return_inverse=True)
    k = edges.size
    local = NetGraph(nodes.size, inverse[:k], inverse[k:], graph.sign[edges], graph.weight[edges])
    return local, nodes


def first_of_runs(values: Ints) -> NDArray[np.bool_]:
    """Where each run of equal values begins in a sorted array (``np.r_`` is slow here)."""
    first = np.empty(values.size, dtype=bool)
    first[:1] = True
    np.not_equal(values[1:], values[:-1], out=first[1:])
    return first


def violated(graph: NetGraph, camps: Floats) -> NDArray[np.bool_]:
    """Which ties a camp assignment (+1/-1 per node) breaks."""
    return graph.sign * camps[graph.tail] * camps[graph.head] < 0


def cost(graph: NetGraph, camps: Floats) -> float:
    """Summed weight of the ties a camp assignment breaks."""
    return float(graph.weight[violated(graph, camps)].sum())


def has_integer_weights(graph: NetGraph) -> bool:
    """Whether every weight is whole, so any bound can be rounded up."""
    return bool(np.all(graph.weight == np.round(graph.weight)))
