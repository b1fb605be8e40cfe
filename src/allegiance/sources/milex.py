"""SIPRI Military Expenditure Database, long format: a yearly series per state, not claims.

Columns ``country_sipri, iso3, year, milex_constant_<YEAR>_usd_millions,
milex_share_of_gdp`` (plus SIPRI's ``...``/``xxx`` markers, which mean no
value). Spending is in millions of constant US dollars of the base year the
column names; the share of GDP is a fraction, as SIPRI gives it.
"""

from __future__ import annotations

import re

from allegiance.errors import InputError
from allegiance.sources.dataset import Context, DatasetInfo, Issues, Parsed, Source
from allegiance.sources.table import Row, RowError, Table, table
from allegiance.store import series
from allegiance.store.series import Point

MILEX = DatasetInfo(
    title="SIPRI Military Expenditure Database",
    publisher="Stockholm International Peace Research Institute (SIPRI)",
    licence="Free for non-commercial use, cited as 'SIPRI Military Expenditure Database, "
    "https://www.sipri.org/databases/milex'; at most 10% of the data (3,500 data units) "
    "may be reproduced.",
    url="https://www.sipri.org/databases/milex",
)
_CONSTANT = re.compile(r"^milex_constant_(\d{4})_usd_millions$")
SHARE_COLUMN = "milex_share_of_gdp"


def read(source: Source, context: Context) -> Parsed:
    """The long CSV into points of two series: constant US$ millions and share of GDP."""
    found = table(source.text, ("country_sipri", "year", SHARE_COLUMN))
    constant = _constant_column(found)
    document = MILEX.document(source)
    issues = Issues()
    points: list[Point] = []
    for row in found.rows:
        try:
            found.check(row)
            points += _points(row, constant, context, issues)
        except RowError as exc:
            issues.malformed(row.line, str(exc))
    kept = tuple(points)
    return Parsed(
        document, (), len(found.rows), issues.all(), lambda c: series.write(c, document.id, kept)
    )


def _constant_column(found: Table) -> tuple[str, str]:
    for column in found.header:
        match = _CONSTANT.match(column)
        if match:
            return column, f"constant {match.group(1)} US$ m"
    raise InputError("not the SIPRI milex long CSV: no milex_constant_<year>_usd_millions column")


def _points(row: Row, constant: tuple[str, str], context: Context, issues: Issues) -> list[Point]:
    year = row.required("year")
    values = [
        (series.MILEX_CONSTANT, _value(row, constant[0]), constant[1]),
        (series.MILEX_SHARE, _value(row, SHARE_COLUMN), "fraction of GDP"),
    ]
    present = [(m, v, u) for m, v, u in values if v is not None]
    if not present:
        return []
    code = _state(row, context)
    if code is None:
        issues.unknown(row.line, f"SIPRI country {row.text('country_sipri')!r}")
        return []
    return [Point(code, m, year, v, u, row=row.line) for m, v, u in present]


def _state(row: Row, context: Context) -> str | None:
    iso3 = row.text("iso3")
    code = context.codes.name(iso3) if iso3 else None
    return code or context.codes.name(row.text("country_sipri"))


def _value(row: Row, column: str) -> float | None:
    text = row.text(column)
    if text in ("", "...", "xxx", "NA"):
        return None
    try:
        return float(text)
    except ValueError:
        raise RowError(f"{column} is not a number: {text!r}") from None
