"""The source URLs of each tie's first and last sampled events, found in one of two ways.

Both give the same URLs: that of the event with the smallest (largest) id of
the class in the tie. Which is cheaper depends on how the events are stored,
so the engine adapter chooses:

- ``IN_PASS``: arg-min and arg-max of the URL in the one pass over the events.
  Every URL of a sampled event is handled, but the events are read once: the
  choice for raw files, where reading is parsing and a second pass would parse
  everything again.
- ``BY_ID``: the tie table names its first and last event ids with plain
  ``min`` and ``max``; the URLs of just those ids are then looked up in the
  events (a semi-join) and joined on. The choice for stored, columnar events,
  where a second scan of two columns is cheap and decoding every URL is not.

An event id names one event: if the same id comes twice (the same file given
twice), the smallest of its URLs is taken.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import ibis
import ibis.expr.types as ir

from allegiance.events.kinds import EventClass, has_kind, sampled_names

ENDS = ("first", "last")


class Urls(StrEnum):
    IN_PASS = "in-pass"
    BY_ID = "by-id"


def in_pass_by_codes(t: ir.Table, classes: tuple[EventClass, ...]) -> dict[str, Any]:
    """Level 1 (in-pass): the URLs of the first and last event of a sampled kind."""
    eid = t.GLOBALEVENTID
    where = has_kind(t.kind, classes, *sampled_names(classes)) & eid.notnull()
    url = t.SOURCEURL.fill_null("")
    return {
        "first_url": url.argmin(eid, where=where),
        "last_url": url.argmax(eid, where=where),
    }


def in_pass_by_states(g: ir.Table, name: str, where: ir.BooleanValue) -> dict[str, Any]:
    """Level 2 (in-pass): of the grouped kinds in class ``name``, the URLs of the extreme ids."""
    return {
        f"{name}_first_url": g.first_url.argmin(g.first_event, where=where),
        f"{name}_last_url": g.last_url.argmax(g.last_event, where=where),
    }


def by_id(ties: ir.Table, events: ir.Table, classes: tuple[EventClass, ...]) -> ir.Table:
    """The tie table with the URLs of its first and last event ids, looked up in the events."""
    ends = [f"{name}_{end}" for name in sampled_names(classes) for end in ENDS]
    named = [ties.select(id=ties[f"{end}_event"]) for end in ends]
    chosen = ibis.union(*named, distinct=True)
    chosen = chosen.filter(chosen.id.notnull())
    eid = events.GLOBALEVENTID
    found = (
        events.filter(eid.isin(chosen.id))
        .group_by(id=eid)
        .aggregate(url=events.SOURCEURL.fill_null("").min())
    )
    for end in ends:
        url = found.view()
        joined = ties.left_join(url, ties[f"{end}_event"] == url.id)
        ties = joined.select(*ties.columns, **{f"{end}_url": url.url})
    return ties
