"""Event classes, and the ``kind`` of an event: which classes it belongs to, as bits of one integer.

Level 1 of the aggregation groups every event by its kind next to its dyad and
period instead of counting each class with its own filtered aggregate: the
class predicates are evaluated once per event, each event updates one set of
aggregates, and the small grouped table is pivoted into per-class columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from allegiance.events.codes import Classes


@dataclass(frozen=True, slots=True)
class EventClass:
    """A kind of event counted per tie; ``sampled`` classes also name their first and last event."""

    name: str
    where: Callable[[ir.Table], ir.BooleanValue]
    sampled: bool


def event_classes(classes: Classes) -> tuple[EventClass, ...]:
    """The event classes of a codebook, as predicates over the events table."""
    return (
        EventClass("cooperation", lambda t: _among(t.QuadClass, classes.cooperation_quad), False),
        EventClass("conflict", lambda t: _among(t.QuadClass, classes.conflict_quad), False),
        EventClass("fighting", lambda t: _among(t.EventRootCode, classes.fighting_roots), True),
        EventClass("milcoop", lambda t: _among(t.EventCode, classes.military_cooperation), True),
        EventClass("aid", lambda t: _among(t.EventCode, classes.military_aid), True),
    )


def _among(column: ir.Value, values: tuple[int, ...] | tuple[str, ...]) -> ir.BooleanValue:
    """``column`` is one of ``values``, as equalities joined by OR.

    Not ``isin``: DuckDB turns an IN list into a join per event, which costs
    more than a few comparisons (7% of level 1 on 10 M events).
    """
    if not values:
        return ibis.literal(False)
    result: ir.BooleanValue = ibis.or_(*(column == value for value in values))
    return result


def kind_of(events: ir.Table, classes: tuple[EventClass, ...]) -> ir.IntegerValue:
    """Bit ``i`` set when an event belongs to class ``i`` (classes overlap: aid is also milcoop)."""
    bits = [cls.where(events).ifelse(1 << i, 0) for i, cls in enumerate(classes)]
    kind = bits[0]
    for bit in bits[1:]:
        kind = kind + bit
    result: ir.IntegerValue = kind.cast("int32")
    return result


def has_kind(
    kind: ir.IntegerValue, classes: tuple[EventClass, ...], *names: str
) -> ir.BooleanValue:
    """Whether a kind includes any of the named classes."""
    mask = sum(1 << i for i, cls in enumerate(classes) if cls.name in names)
    result: ir.BooleanValue = (kind & mask) != 0
    return result


def sampled_names(classes: tuple[EventClass, ...]) -> tuple[str, ...]:
    """The classes whose first and last events (and their URLs) a tie names."""
    return tuple(cls.name for cls in classes if cls.sampled)
