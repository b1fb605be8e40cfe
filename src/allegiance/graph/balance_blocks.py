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

from allegiance.graph.balance_graph import Adjacency, Floats, Ints, NetGraph, first_of_runs


@dataclass(frozen=True, eq=False)
class Block:
    """The ties of one block, and the node through which the search entered it."""

    edges: Ints
    root: int


@dataclass(frozen=True, eq=False)
class Split:
    """Blocks, each after the block holding its root, and each node's component."""

    blocks: tuple[Block, ...]
    component: Ints  # the smallest node of each node's component; -1 for a node with no ties


def split_blocks(graph: NetGraph, adj: Adjacency) -> Split:
    """Find the blocks from one depth-first search (Hopcroft–Tarjan low points).

    In an undirected depth-first search every tie not in the search tree joins
    a node to one of its ancestors, so the low points and then each tie's
    block follow from the tree with a few array operations; only the search
    itself steps node by node.
    """
    disc, parent, order, component = _search(graph.n, adj)
    a, b = graph.tail, graph.head
    deep = np.where(disc[a] > disc[b], a, b)  # each tie's end further from the root
    high = np.where(disc[a] > disc[b], b, a)
    low = _low_points(disc, parent, order, deep, high)
    block = list(range(graph.n))  # the node whose entering tie opened each node's block
    parents, discovered = parent.tolist(), disc.tolist()
    for v in order:
        p = parents[v]
        if p >= 0 and low[v] < discovered[p]:  # v's subtree reaches above p: same block
            block[v] = block[p]
    opener = np.asarray(block, dtype=np.int64)[deep]
    return Split(_blocks(opener, disc, parent), component)


def _low_points(disc: Ints, parent: Ints, order: list[int], deep: Ints, high: Ints) -> list[int]:
    """The earliest discovery time each node's subtree reaches by one tie outside the tree."""
    low = disc.copy()
    back = parent[deep] != high
    np.minimum.at(low, deep[back], disc[high[back]])
    lows: list[int] = low.tolist()
    parents = parent.tolist()
    for v in reversed(order):  # children before parents
        p = parents[v]
        if p >= 0 and lows[v] < lows[p]:
            lows[p] = lows[v]
    return lows


def _search(n: int, adj: Adjacency) -> tuple[Ints, Ints, list[int], Ints]:
    """Discovery times, parents, discovery order and component roots of a depth-first search."""
    # Plain lists: each step looks at a few neighbours, too few for numpy to pay off.
    disc, parent, component = [-1] * n, [-1] * n, [-1] * n
    indptr, nbr = adj.indptr.tolist(), adj.neighbour.tolist()
    cursor = indptr[:-1]
    order: list[int] = []
    for root in range(n):
        # Roots are tried in increasing order, so each is its component's smallest node.
        if disc[root] >= 0 or indptr[root] == indptr[root + 1]:
            continue
        stack = [root]
        disc[root], component[root] = len(order), root
        order.append(root)
        while stack:
            u = stack[-1]
            at, end = cursor[u], indptr[u + 1]
            while at < end and disc[nbr[at]] >= 0:
                at += 1
            if at == end:
                cursor[u] = end
                stack.pop()
                continue
            v = nbr[at]
            cursor[u] = at + 1
            disc[v], parent[v], component[v] = len(order), u, root
            order.append(v)
            stack.append(v)
    ints = (np.asarray(x, dtype=np.int64) for x in (disc, parent, component))
    disc_array, parent_array, component_array = ints
    return disc_array, parent_array, order, component_array


def _blocks(opener: Ints, disc: Ints, parent: Ints) -> tuple[Block, ...]:
    """Group ties by the node that opened their block; parents' blocks first."""
    if opener.size == 0:
        return ()
    order = np.lexsort((np.arange(opener.size), disc[opener]))
    grouped = opener[order]
    cuts = np.flatnonzero(first_of_runs(grouped))
    parts = np.split(order, cuts[1:])
    return tuple(Block(part, int(parent[grouped[c]])) for part, c in zip(parts, cuts, strict=True))


def stitch(graph: NetGraph, split: Split, local: dict[int, tuple[Ints, Floats]]) -> Floats:
    """Join per-block camps (nodes, +1/-1) into one assignment over the whole graph.

    ``local`` holds the camps of every block but the bridges (single ties),
    whose far end simply follows its tie. Blocks come parents first, so each
    block meets exactly one node already placed, its root, and is flipped to
    agree with it there. Each component is then flipped so its smallest node
    is in camp +1, which makes the result independent of which optimum each
    block happened to return.
    """
    camps = [0.0] * graph.n
    tails, heads, signs = graph.tail.tolist(), graph.head.tolist(), graph.sign.tolist()
    for k, block in enumerate(split.blocks):
        root = block.root
        if camps[root] == 0:
            camps[root] = 1.0
        if k not in local:  # a bridge
            e = int(block.edges[0])
            other = heads[e] if tails[e] == root else tails[e]
            camps[other] = camps[root] * signs[e]
            continue
        nodes, sides = local[k]
        at = int(np.searchsorted(nodes, root))
        flip = camps[root] * float(sides[at])
        for node, side in zip(nodes.tolist(), sides.tolist(), strict=True):
            camps[node] = side * flip
    placed = np.asarray(camps)
    placed[placed == 0] = 1.0
    tied = split.component >= 0
    placed[tied] *= placed[split.component[tied]]
    return placed
