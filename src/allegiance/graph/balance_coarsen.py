"""Coarsening a signed graph by pairing nodes, for the multilevel heuristic.

Single-node flips cannot move a whole alliance to the other camp: each step
would break many friendly ties before the last one repairs them. Pairing each
node with the partner it is most strongly tied to, merging the pair into one
node (on the same side for a friendly tie, opposite sides for a hostile one),
and repeating builds a hierarchy of ever coarser graphs in which a flip moves
a whole group. Pairs are chosen by a vectorised handshake: every free node
points at its heaviest tie to another free node, and mutual pointers pair up.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from allegiance.graph.balance_graph import (
    Adjacency,
    Floats,
    Ints,
    NetGraph,
    adjacency,
    first_of_runs,
)

_HANDSHAKE_ROUNDS = 4


@dataclass(frozen=True, eq=False)
class Level:
    """One coarsening step: each fine node's coarse node, and its side relative to it."""

    fine: NetGraph
    adj: Adjacency
    group: Ints
    side: Floats  # +1: same camp as its coarse node, -1: the other camp


def pair_up(
    graph: NetGraph, adj: Adjacency, rng: np.random.Generator, camps: Floats | None = None
) -> tuple[Ints, Floats]:
    """Each node's partner (itself when unpaired) and the sign of their tie.

    Given ``camps``, only ties they keep pair nodes up, so the coarse graph
    can still express those camps and every level can only improve on them.
    """
    n = graph.n
    rows = np.repeat(np.arange(n), adj.degree())
    # A little noise breaks ties between equal weights differently on every
    # restart. It is drawn per tie, not per direction, so both ends rank a tie
    # alike: the heaviest free tie is then always a mutual choice.
    key = np.abs(adj.signed_weight) * (1.0 + 0.01 * rng.random(graph.m)[adj.edge])
    if camps is not None:
        key[adj.signed_weight * camps[rows] * camps[adj.neighbour] < 0] = 0.0
    order = np.argsort(rows - key / (2.0 * (key.max(initial=0.0) or 1.0)), kind="stable")
    row, nbr = rows[order], adj.neighbour[order]
    sign = np.sign(adj.signed_weight[order])
    partner, link = np.arange(n), np.ones(n)
    free = np.ones(n, dtype=bool)
    for _ in range(_HANDSHAKE_ROUNDS):
        usable = np.flatnonzero(free[row] & free[nbr])
        if usable.size == 0:
            break
        first = usable[first_of_runs(row[usable])]  # best arc per row
        first = first[key[order[first]] > 0]
        pick = np.full(n, -1)
        pick[row[first]] = nbr[first]
        link[row[first]] = sign[first]
        chooser = row[first]
        mutual = chooser[pick[pick[chooser]] == chooser]
        partner[mutual] = pick[mutual]
        free[mutual] = False
    return partner, link


def contract(
    graph: NetGraph, adj: Adjacency, partner: Ints, link: Floats
) -> tuple[NetGraph, Level]:
    """Merge each node with its partner; ties between merged nodes add up by sign."""
    nodes = np.arange(graph.n)
    leader = np.minimum(nodes, partner)
    leads = leader == nodes
    group = (np.cumsum(leads) - 1)[leader]
    size = int(leads.sum())
    # The pair's smaller node sets the coarse node's camp; the other follows its tie.
    side = np.where(leads, 1.0, link)
    a, b = group[graph.tail], group[graph.head]
    signed = graph.sign * graph.weight * side[graph.tail] * side[graph.head]
    across = a != b
    lo, hi = np.minimum(a, b)[across], np.maximum(a, b)[across]
    codes, inverse = np.unique(lo * size + hi, return_inverse=True)
    net = np.bincount(inverse, signed[across], minlength=codes.size)
    keep = net != 0
    coarse = NetGraph(
        size, codes[keep] // size, codes[keep] % size, np.sign(net[keep]), np.abs(net[keep])
    )
    return coarse, Level(graph, adj, group, side)


def hierarchy(
    graph: NetGraph,
    adj: Adjacency,
    rng: np.random.Generator,
    smallest: int,
    camps: Floats | None = None,
) -> tuple[list[Level], NetGraph, Floats | None]:
    """Coarsen until small or no longer shrinking: the levels, the coarsest graph, its camps.

    With ``camps``, pairs keep to the ties they keep, and the camps are carried
    down to the coarsest graph.
    """
    levels: list[Level] = []
    while graph.n > smallest and graph.m > 0:
        partner, link = pair_up(graph, adj, rng, camps)
        coarse, level = contract(graph, adj, partner, link)
        if coarse.n > 0.95 * graph.n:
            break
        levels.append(level)
        if camps is not None:
            carried = np.empty(coarse.n)
            carried[level.group] = camps * level.side
            camps = carried
        graph, adj = coarse, adjacency(coarse)
    return levels, graph, camps
