"""Bulk event data (GDELT) into dyad-period ties and weak claims, on DuckDB or Spark.

The aggregation is one Ibis expression (``tie_expr``); each engine is an
adapter that feeds it an events table and runs it. Spark is imported only
when asked for.
"""

from __future__ import annotations

from allegiance.events.claims import confidence, render, to_claims
from allegiance.events.codes import Codebook, CountryMap
from allegiance.events.drafts import Draft, Dyad, drafts, dyads
from allegiance.events.duckdb_engine import DuckDBEngine
from allegiance.events.files import Compression, EventFile, content_id, sniff, sniff_all
from allegiance.events.importer import GdeltImport, import_gdelt
from allegiance.events.layouts import EVENT_COLUMNS, LAYOUTS, Layout
from allegiance.events.locate import EventLocation, locate_events
from allegiance.events.runs import Aggregation, Engine, MalformedLine, TieRun
from allegiance.events.ties import Period, events_table, tie_expr, tie_schema

__all__ = [
    "EVENT_COLUMNS",
    "LAYOUTS",
    "Aggregation",
    "Codebook",
    "Compression",
    "CountryMap",
    "Draft",
    "DuckDBEngine",
    "Dyad",
    "Engine",
    "EventFile",
    "EventLocation",
    "GdeltImport",
    "Layout",
    "MalformedLine",
    "Period",
    "TieRun",
    "confidence",
    "content_id",
    "drafts",
    "dyads",
    "events_table",
    "import_gdelt",
    "locate_events",
    "render",
    "sniff",
    "sniff_all",
    "tie_expr",
    "tie_schema",
    "to_claims",
]
