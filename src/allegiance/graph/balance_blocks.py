"""Splitting a signed graph into blocks that can be balanced independently.

A block (biconnected component) shares at most one node with any other block,
and every cycle lies inside one block. Balance is a property of cycles, so the
frustration index is the sum over blocks, and each block's camps can be flipped
as a whole to agree with its neighbours at the shared node. This one split
covers the reductions of Aref, Mason & Wilson (2018): components are solved
separately, a degree-one node or a whole pendant tree becomes single-tie blocks
(bridges) that cost nothing, and parts joined by a bridge are independent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from allegiance.graph.balance_graph import Adjacency, Floats, Ints, NetGraph


@dataclass(frozen=True, eq=False)
class Block:
    """The ties of one block, and the node through which the search entered it."""

    edges: Ints
    root: int


@dataclass(frozen=True, eq=False)
class Split:
    """Blocks in the order found (children before parents) and each node's component."""

    blocks: tuple[Block, ...]
    component: Ints  # the smallest node of each node's component; -1 for a node with no ties


def split_blocks(graph: NetGraph, adj: Adjacency) -> Split:
    """Find the blocks with an iterative Hopcroft–Tarjan depth-first search."""
    indptr, nbr, eid = adj.indptr.tolist(), adj.neighbour.tolist(), adj.edge.tolist()
    disc = [-1] * graph.n
    low = [0] * graph.n
    component = [-1] * graph.n
    blocks: list[Block] = []
    clock = 0
    for root in range(graph.n):
        if disc[root] != -1 or indptr[root] == indptr[root + 1]:
            continue
        # Roots are visited in increasing order, so each is its component's smallest node.
        clock = _search(root, clock, indptr, nbr, eid, disc, low, component, blocks)
    return Split(tuple(blocks), np.asarray(component, dtype=np.int64))


def _search(
    root: int,
    clock: int,
    indptr: list[int],
    nbr: list[int],
    eid: list[int],
    disc: list[int],
    low: list[int],
    component: list[int],
    blocks: list[Block],
) -> int:
    """Depth-first search from one root, appending each block as it closes."""
    disc[root] = low[root] = clock
    component[root] = root
    clock += 1
    nodes, via, cursor = [root], [-1], [indptr[root]]
    edge_stack: list[int] = []
    entry = [0]  # where each tree node's entering tie sits on the edge stack
    while nodes:
        u, pos = nodes[-1], cursor[-1]
        if pos < indptr[u + 1]:
            cursor[-1] = pos + 1
            v, e = nbr[pos], eid[pos]
            if e == via[-1]:
                continue
            if disc[v] == -1:
                entry.append(len(edge_stack))
                edge_stack.append(e)
                disc[v] = low[v] = clock
                component[v] = root
                clock += 1
                nodes.append(v)
                via.append(e)
                cursor.append(indptr[v])
            elif disc[v] < disc[u]:
                edge_stack.append(e)
                low[u] = min(low[u], disc[v])
            continue
        nodes.pop()
        via.pop()
        cursor.pop()
        start = entry.pop()
        if nodes:
            parent = nodes[-1]
            low[parent] = min(low[parent], low[u])
            if low[u] >= disc[parent]:
                blocks.append(Block(np.asarray(edge_stack[start:], dtype=np.int64), parent))
                del edge_stack[start:]
    return clock


def stitch(n: int, split: Split, local: list[tuple[Ints, Floats]]) -> Floats:
    """Join per-block camps (nodes, +1/-1) into one assignment over the whole graph.

    Parents are placed before children, so each block meets exactly one node
    already placed, its root, and is flipped to agree with it there. Each
    component is then flipped so its smallest node is in camp +1, which makes
    the result independent of which optimum each block happened to return.
    """
    camps = np.zeros(n, dtype=np.float64)
    for block, (nodes, signs) in zip(reversed(split.blocks), reversed(local), strict=True):
        if camps[block.root] == 0:
            camps[block.root] = 1.0
        at = int(np.searchsorted(nodes, block.root))
        camps[nodes] = signs * (camps[block.root] * signs[at])
    camps[camps == 0] = 1.0
    tied = split.component >= 0
    camps[tied] *= camps[split.component[tied]]
    return camps
