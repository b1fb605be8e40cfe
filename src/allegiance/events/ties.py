"""The aggregation, written once as an Ibis expression: GDELT events -> directed dyad-period ties.

The expression knows nothing about the engine that runs it (DuckDB, Spark):
each engine adapter hands in an ``events`` table with ``EVENT_COLUMNS``,
chooses how source URLs are found (``Urls``), and executes what comes back.
It runs in two levels so that the per-event work stays minimal:

1. every event with two different country codes, grouped by its codes, its
   period and its kind (the bits of the classes it belongs to): one set of
   plain aggregates (count, sums, min, max) per event, nothing per class;
2. on that small table, the CAMEO codes that are not ISO3 are mapped, non-states
   and self-ties dropped, merged codes added up, and the kinds pivoted into
   per-class columns.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import ibis
import ibis.expr.types as ir

from allegiance.events.codes import Codebook, CountryMap
from allegiance.events.kinds import EventClass, event_classes, has_kind, kind_of
from allegiance.events.layouts import EVENT_COLUMNS
from allegiance.events.states import to_states
from allegiance.events.urls import ENDS, Urls, by_id, in_pass_by_codes, in_pass_by_states


class Period(StrEnum):
    MONTH = "month"
    YEAR = "year"


def events_table(name: str = "events") -> ir.Table:
    """An unbound events table: what an engine must provide, and what the SQL snapshot uses."""
    return ibis.table(ibis.schema(EVENT_COLUMNS), name=name)


def tie_expr(
    events: ir.Table,
    period: Period = Period.MONTH,
    codebook: Codebook | None = None,
    countries: CountryMap | None = None,
    urls: Urls = Urls.BY_ID,
) -> ir.Table:
    """Directed dyad-period ties (Actor1 state -> Actor2 state) from GDELT events."""
    classes = event_classes((codebook or Codebook.load()).classes)
    grouped = _by_codes(events, period, classes, urls)
    ties = _by_states(grouped, classes, countries or CountryMap.load(), urls)
    if urls is Urls.BY_ID:
        ties = by_id(ties, events, classes)
    ordered = ties.select("source", "target", "pkey", *_tie_columns(classes))
    return _with_period(ordered, period).order_by("source", "target", "period")


def _by_codes(
    events: ir.Table, period: Period, classes: tuple[EventClass, ...], urls: Urls
) -> ir.Table:
    """Level 1: every event with two different country codes, by codes, period and kind."""
    a1, a2 = events.Actor1CountryCode, events.Actor2CountryCode
    t = events.filter(a1.notnull(), a2.notnull(), a1 != "", a2 != "", a1 != a2)
    t = t.mutate(
        pkey=t.MonthYear if period is Period.MONTH else t.Year,
        tenths=_tenths(t.GoldsteinScale),
        kind=kind_of(t, classes),
    )
    eid = t.GLOBALEVENTID
    aggs: dict[str, Any] = {
        "events": t.count(),
        "tenths": t.tenths.sum(),
        "first_day": t.SQLDATE.min(),
        "last_day": t.SQLDATE.max(),
        "first_event": eid.min(),
        "last_event": eid.max(),
    }
    if urls is Urls.IN_PASS:
        aggs |= in_pass_by_codes(t, classes)
    return t.group_by(source=a1, target=a2, pkey=t.pkey, kind=t.kind).aggregate(**aggs)


def _by_states(
    grouped: ir.Table, classes: tuple[EventClass, ...], countries: CountryMap, urls: Urls
) -> ir.Table:
    """Level 2: CAMEO codes to ISO3, non-states and self-ties dropped, kinds pivoted to classes."""
    g = to_states(grouped, countries)
    aggs: dict[str, Any] = {
        "events": g.events.sum(),
        "goldstein": _goldstein(g.tenths.sum()),
        "first_day": g.first_day.min(),
        "last_day": g.last_day.max(),
    }
    for cls in classes:
        aggs |= _class_columns(g, cls, has_kind(g.kind, classes, cls.name), urls)
    return g.group_by("source", "target", "pkey").aggregate(**aggs)


def _class_columns(
    g: ir.Table, cls: EventClass, where: ir.BooleanValue, urls: Urls
) -> dict[str, Any]:
    name = cls.name
    out: dict[str, Any] = {
        f"{name}_events": where.ifelse(g.events, 0).sum(),
        f"{name}_goldstein": _goldstein(g.tenths.sum(where=where)),
    }
    if cls.sampled:
        out |= {
            f"{name}_first_event": g.first_event.min(where=where),
            f"{name}_last_event": g.last_event.max(where=where),
        }
        if urls is Urls.IN_PASS:
            out |= in_pass_by_states(g, name, where)
    return out


def _tie_columns(classes: tuple[EventClass, ...]) -> list[str]:
    """The value columns of a tie, in their published order."""
    columns = ["events", "goldstein", "first_day", "last_day"]
    for cls in classes:
        columns += [f"{cls.name}_events", f"{cls.name}_goldstein"]
        if cls.sampled:
            columns += [f"{cls.name}_{end}_{part}" for end in ENDS for part in ("event", "url")]
    return columns


def _tenths(goldstein: ir.FloatingValue) -> ir.FloatingValue:
    """A Goldstein score in whole tenths, kept a double.

    Sums of whole numbers in doubles are exact (below 2**53), so every engine
    agrees to the bit whatever order it adds in. The digits are passed as an
    expression so that Ibis leaves the result a double: ``round(0)`` would cast
    it to a 64-bit integer, whose sum DuckDB widens to 128 bits, and the casts
    alone cost a fifth of level 1.
    """
    result: ir.FloatingValue = (goldstein * 10).round(ibis.literal(0).cast("int32"))
    return result


def _goldstein(tenths: ir.FloatingValue) -> ir.FloatingValue:
    """A Goldstein sum from whole tenths (an exact sum), 0 when there is none."""
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
