"""The aggregation, written once as an Ibis expression: GDELT events -> directed dyad-period ties.

The expression knows nothing about the engine that runs it (DuckDB, Spark):
each engine adapter hands in an ``events`` table with ``EVENT_COLUMNS`` and
executes what comes back. It runs in two levels so that the per-row work stays
minimal: first group the raw events by their CAMEO country codes and period
(the heavy part, over every event), then map the few CAMEO codes that are not
ISO3 on the small grouped table, drop non-states and self-ties, and merge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import ibis
import ibis.expr.types as ir

from allegiance.events.codes import Classes, Codebook, CountryMap
from allegiance.events.layouts import EVENT_COLUMNS


class Period(StrEnum):
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class EventClass:
    """A kind of event counted per tie; ``sampled`` classes also name their first and last event."""

    name: str
    where: Callable[[ir.Table], ir.BooleanValue]
    sampled: bool


def event_classes(classes: Classes) -> tuple[EventClass, ...]:
    """The event classes of a codebook, as predicates over the events table."""
    return (
        EventClass("cooperation", lambda t: t.QuadClass.isin(classes.cooperation_quad), False),
        EventClass("conflict", lambda t: t.QuadClass.isin(classes.conflict_quad), False),
        EventClass("fighting", lambda t: t.EventRootCode.isin(classes.fighting_roots), True),
        EventClass("milcoop", lambda t: t.EventCode.isin(classes.military_cooperation), True),
        EventClass("aid", lambda t: t.EventCode.isin(classes.military_aid), True),
    )


def events_table(name: str = "events") -> ir.Table:
    """An unbound events table: what an engine must provide, and what the SQL snapshot uses."""
    return ibis.table(ibis.schema(EVENT_COLUMNS), name=name)


def tie_expr(
    events: ir.Table,
    period: Period = Period.MONTH,
    codebook: Codebook | None = None,
    countries: CountryMap | None = None,
) -> ir.Table:
    """Directed dyad-period ties (Actor1 state -> Actor2 state) from GDELT events."""
    book = codebook or Codebook.load()
    classes = event_classes(book.classes)
    grouped = _by_codes(events, period, classes)
    return _by_states(grouped, period, classes, countries or CountryMap.load())


def _by_codes(events: ir.Table, period: Period, classes: tuple[EventClass, ...]) -> ir.Table:
    """Level 1: every event with two different country codes, grouped by codes and period."""
    a1, a2 = events.Actor1CountryCode, events.Actor2CountryCode
    t = events.filter(a1.notnull(), a2.notnull(), a1 != "", a2 != "", a1 != a2).mutate(
        pkey=events.MonthYear if period is Period.MONTH else events.Year,
        tenths=(events.GoldsteinScale * 10).round().cast("int64"),
        url=events.SOURCEURL.fill_null(""),
    )
    aggs: dict[str, Any] = {
        "events": t.count(),
        "tenths": t.tenths.sum(),
        "first_day": t.SQLDATE.min(),
        "last_day": t.SQLDATE.max(),
    }
    for cls in classes:
        aggs |= _class_aggs(t, cls)
    return t.group_by(source=a1, target=a2, pkey=t.pkey).aggregate(**aggs)


def _class_aggs(t: ir.Table, cls: EventClass) -> dict[str, Any]:
    where = cls.where(t)
    out: dict[str, Any] = {
        f"{cls.name}_events": t.count(where=where),
        f"{cls.name}_tenths": t.tenths.sum(where=where),
    }
    if cls.sampled:
        eid = t.GLOBALEVENTID
        out |= {
            f"{cls.name}_first_event": eid.min(where=where),
            f"{cls.name}_first_url": t.url.argmin(eid, where=where),
            f"{cls.name}_last_event": eid.max(where=where),
            f"{cls.name}_last_url": t.url.argmax(eid, where=where),
        }
    return out


def _by_states(
    grouped: ir.Table, period: Period, classes: tuple[EventClass, ...], countries: CountryMap
) -> ir.Table:
    """Level 2: CAMEO codes to ISO3, non-states and self-ties dropped, merged codes summed."""
    renames = {code: iso for code, iso in countries.exceptions.items() if iso}
    nonstates = sorted(code for code, iso in countries.exceptions.items() if not iso)
    t = grouped.filter(~grouped.source.isin(nonstates), ~grouped.target.isin(nonstates))
    t = t.mutate(
        source=t.source.substitute(renames, else_=t.source),
        target=t.target.substitute(renames, else_=t.target),
    )
    t = t.filter(t.source != t.target)
    aggs: dict[str, Any] = {
        "events": t.events.sum(),
        "goldstein": _goldstein(t.tenths.sum()),
        "first_day": t.first_day.min(),
        "last_day": t.last_day.max(),
    }
    for cls in classes:
        aggs |= _merged_class(t, cls)
    merged = t.group_by("source", "target", "pkey").aggregate(**aggs)
    return _with_period(merged, period).order_by("source", "target", "period")


def _merged_class(t: ir.Table, cls: EventClass) -> dict[str, Any]:
    name = cls.name
    out: dict[str, Any] = {
        f"{name}_events": t[f"{name}_events"].sum(),
        f"{name}_goldstein": _goldstein(t[f"{name}_tenths"].sum()),
    }
    if cls.sampled:
        first, last = t[f"{name}_first_event"], t[f"{name}_last_event"]
        out |= {
            f"{name}_first_event": first.min(),
            f"{name}_first_url": t[f"{name}_first_url"].argmin(first),
            f"{name}_last_event": last.max(),
            f"{name}_last_url": t[f"{name}_last_url"].argmax(last),
        }
    return out


def _goldstein(tenths: ir.IntegerValue) -> ir.FloatingValue:
    """A Goldstein sum from tenths: exact integer sums, so every engine agrees to the bit."""
    result: ir.FloatingValue = tenths.fill_null(0).cast("float64") / 10.0
    return result


def _with_period(t: ir.Table, period: Period) -> ir.Table:
    """``period`` as text (``2012-08`` or ``2012``) and ``year``, in place of the grouping key."""
    if period is Period.MONTH:
        year = (t.pkey // 100).cast("int32")
        month = (t.pkey % 100).cast("string").lpad(2, "0")
        label = year.cast("string") + "-" + month
    else:
        year = t.pkey.cast("int32")
        label = year.cast("string")
    rest = [t[c] for c in t.columns if c not in ("source", "target", "pkey")]
    return t.select(t.source, t.target, label.name("period"), year.name("year"), *rest)


def tie_schema() -> ibis.Schema:
    """The columns and types of a tie table, whichever engine made it."""
    schema: ibis.Schema = tie_expr(events_table()).schema()
    return schema
