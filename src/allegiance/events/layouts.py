"""GDELT event-file layouts: the 57-, 58- and 61-column formats and the columns we read.

GDELT 1.0 back files (events before 2013-04-01) have 57 columns; the 1.0 daily
files add SOURCEURL (58); GDELT 2.0 adds an ADM2 code to each of the three
geographies (61). All are tab-separated, without a header.
"""

from __future__ import annotations

from dataclasses import dataclass

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_EVENT = (
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
)
_GEO_V1 = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
_GEO_V2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# The columns the aggregation needs, with their types (Ibis type names). Every
# other column is read as text and never parsed, so junk there is harmless.
EVENT_COLUMNS: dict[str, str] = {
    "GLOBALEVENTID": "int64",
    "SQLDATE": "int32",
    "MonthYear": "int32",
    "Year": "int32",
    "Actor1CountryCode": "string",
    "Actor2CountryCode": "string",
    "EventCode": "string",
    "EventRootCode": "string",
    "QuadClass": "int32",
    "GoldsteinScale": "float64",
    "SOURCEURL": "string",
}


def _columns(geo: tuple[str, ...], url: bool) -> tuple[str, ...]:
    head = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    actors = tuple(f"Actor{n}{part}" for n in (1, 2) for part in _ACTOR)
    geos = tuple(f"{who}Geo_{part}" for who in ("Actor1", "Actor2", "Action") for part in geo)
    tail = ("DATEADDED", "SOURCEURL") if url else ("DATEADDED",)
    return head + actors + _EVENT + geos + tail


@dataclass(frozen=True, slots=True)
class Layout:
    """One GDELT event-file format: its version and its column names in order."""

    version: str
    columns: tuple[str, ...]

    @property
    def width(self) -> int:
        return len(self.columns)

    @property
    def has_url(self) -> bool:
        return "SOURCEURL" in self.columns


LAYOUTS: dict[int, Layout] = {
    57: Layout("1.0", _columns(_GEO_V1, url=False)),
    58: Layout("1.0", _columns(_GEO_V1, url=True)),
    61: Layout("2.0", _columns(_GEO_V2, url=True)),
}


def layout_for(width: int) -> Layout | None:
    """The layout of a file whose lines have ``width`` tab-separated fields, if GDELT has one."""
    return LAYOUTS.get(width)
