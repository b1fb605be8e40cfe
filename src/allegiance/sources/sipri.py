"""SIPRI Arms Transfers Database: the trade register CSV, as SIPRI exports it.

The export is Windows-1252 with CRLF line endings (the UTF-8/LF subsets made
from it read the same). Sixteen columns; the three named ``' '`` hold ``?``
when SIPRI's year of order, number ordered or number delivered is an
estimate; newer exports bracket uncertain numbers instead, ``(10)``. Years
of delivery are a ``; ``-separated list. Two records of the 2024 export end
their Comments with an unquoted line break, so a CSV reader sees 13 fields
and then 4; the two parts are joined and the record keeps its first line.

Each record becomes one ``supply`` claim: supplier → recipient, the weapon
by the catalogue's canonical designation (SIPRI's when the catalogue does not
know it), its category (the catalogue's, else from SIPRI's description),
number ordered and delivered, the order year as ``start``, the delivery years
(``end`` is the last), a status, and ``value`` = the order's SIPRI TIV in
millions (``value_unit`` "TIV"). SIPRI's trend-indicator value is a volume
measure in constant 1990 US$ of military capability, not a price. Status is
``local_production`` when the comments say the weapon is produced under
licence, ``aid`` when they say aid, else ``delivered`` once any unit is
delivered and ``ordered`` before; hedged words ("possibly aid") do not count.
Records from "unknown supplier(s)" name no supplier and give no claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from allegiance.errors import InputError
from allegiance.model import Category, Claim, ClaimKind, Evidence, Status
from allegiance.sources.dataset import (
    DATASET_CONFIDENCE,
    Context,
    DatasetInfo,
    IssueKind,
    Issues,
    Parsed,
    Source,
)
from allegiance.sources.table import Record, RowError, records
from allegiance.store.transfers import TransferRecord, write

SIPRI = DatasetInfo(
    title="SIPRI Arms Transfers Database: trade register",
    publisher="Stockholm International Peace Research Institute (SIPRI)",
    licence="SIPRI fair use: free for statistical and analytical use with attribution to "
    "the SIPRI Arms Transfers Database; reproducing more than 10% of the data needs "
    "SIPRI's permission.",
    url="https://www.sipri.org/databases/armstransfers",
)
METHOD = "dataset/sipri-trade-register"
WIDTH = 16
UNKNOWN_SUPPLIER = "unknown supplier"
_HEADER_SEARCH = 30

_NUMBER = re.compile(r"^\(?\s*(\d+(?:\.\d+)?)\s*\)?\??$")
# A hedge ("possibly", "probably incl") in front of the phrase means SIPRI is not sure.
_HEDGE = r"(?P<hedge>\b(?:possibly|probably)\s+(?:incl\s+)?)?"
_LICENCE = re.compile(
    _HEDGE + r"(?:assembled(?:/| or ))?(?:produced under licen[cs]e|licen[cs]ed production)",
    re.IGNORECASE,
)
_AID = re.compile(_HEDGE + r"\baid\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One trade-register record, as SIPRI wrote it."""

    line: int
    recipient: str
    supplier: str
    order_year: int
    ordered: int | None
    designation: str
    description: str
    delivered: int | None
    delivery_years: tuple[int, ...]
    comments: str
    tiv_per_unit: float | None
    tiv_order: float | None
    tiv_delivered: float | None
    estimated: bool


def read(source: Source, context: Context) -> Parsed:
    """A trade register export into supply claims and per-record TIV."""
    issues = Issues()
    rows, count = _rows(source.text, issues)
    years = [y for r in rows for y in (r.order_year, *r.delivery_years)]
    document = SIPRI.document(source, f"export, data to {max(years)}" if years else None)
    claims: list[Claim] = []
    kept: list[TransferRecord] = []
    weapons = _Weapons(context)
    for row in rows:
        made = _transfer(row, context, weapons, issues, document.id)
        if made is not None:
            claims.append(made[0])
            kept.append(made[1])
    return Parsed(document, tuple(claims), count, issues.all(), lambda c: write(c, kept))


def _rows(text: str, issues: Issues) -> tuple[list[RegisterRow], int]:
    """The readable records, and how many records the file has in all."""
    found, count = [], 0
    for record in _repaired(_after_header(records(text))):
        count += 1
        try:
            found.append(parse_row(record))
        except RowError as exc:
            issues.malformed(record.line, str(exc))
    return found, count


def _after_header(found: Iterator[Record]) -> Iterator[Record]:
    """The records after SIPRI's header row (newer exports put title lines above it)."""
    for seen, record in enumerate(found):
        if [c.strip() for c in record.cells[:2]] == ["Recipient", "Supplier"]:
            yield from found
            return
        if seen >= _HEADER_SEARCH:
            break
    raise InputError("not a SIPRI trade register export: no 'Recipient,Supplier,...' header")


def _repaired(found: Iterator[Record]) -> Iterator[Record]:
    """Records with the unquoted line breaks in Comments joined back up."""
    pending: Record | None = None
    for record in found:
        if pending is not None:
            joined = _join(pending, record)
            if len(joined.cells) == WIDTH:
                yield joined
                pending = None
                continue
            yield pending
            pending = None
        if len(record.cells) < WIDTH:
            pending = record
        else:
            yield record
    if pending is not None:
        yield pending


def _join(first: Record, second: Record) -> Record:
    middle = f"{first.cells[-1].rstrip()} {second.cells[0].lstrip()}".strip()
    return Record(first.line, (*first.cells[:-1], middle, *second.cells[1:]))


def parse_row(record: Record) -> RegisterRow:
    """One record's fields, typed; a record that cannot be read raises RowError."""
    cells = [c.strip() for c in record.cells]
    if len(cells) != WIDTH:
        raise RowError(f"expected {WIDTH} fields, found {len(cells)}")
    if not (cells[0] and cells[1] and cells[6]):
        raise RowError("recipient, supplier or weapon designation is blank")
    order_year, year_guess = _number(cells[2], "year of order")
    if order_year is None:
        raise RowError("year of order is blank")
    ordered, ordered_guess = _number(cells[4], "number ordered")
    delivered, delivered_guess = _number(cells[8], "number delivered")
    flags = {cells[3], cells[5], cells[9]} & {"?"}
    return RegisterRow(
        line=record.line,
        recipient=cells[0],
        supplier=cells[1],
        order_year=order_year,
        ordered=ordered,
        designation=cells[6],
        description=cells[7],
        delivered=delivered,
        delivery_years=_years(cells[10]),
        comments=cells[12],
        tiv_per_unit=_tiv(cells[13]),
        tiv_order=_tiv(cells[14]),
        tiv_delivered=_tiv(cells[15]),
        estimated=bool(flags) or year_guess or ordered_guess or delivered_guess,
    )


def _number(cell: str, what: str) -> tuple[int | None, bool]:
    """A whole number and whether SIPRI brackets it as uncertain: ``(10)`` is 10, estimated."""
    if not cell:
        return None, False
    match = _NUMBER.match(cell)
    if match is None:
        raise RowError(f"{what} is not a number: {cell!r}")
    return int(float(match.group(1))), cell.startswith("(") or cell.endswith("?")


def _years(cell: str) -> tuple[int, ...]:
    years = []
    for part in cell.split(";"):
        year, _ = _number(part.strip(), "year of delivery")
        if year is not None:
            years.append(year)
    return tuple(sorted(set(years)))


def _tiv(cell: str) -> float | None:
    if not cell:
        return None
    try:
        return float(cell.strip("()"))
    except ValueError:
        raise RowError(f"SIPRI TIV is not a number: {cell!r}") from None


def status(delivered: int | None, comments: str) -> Status:
    """What the record says happened: licensed production, aid, delivered or ordered."""
    return _comment_status(comments) or (Status.DELIVERED if delivered else Status.ORDERED)


@lru_cache(maxsize=4096)
def _comment_status(comments: str) -> Status | None:
    """Licensed production or aid, when the comments say so unhedged (many records repeat)."""
    if _says(_LICENCE, comments):
        return Status.LOCAL_PRODUCTION
    if _says(_AID, comments):
        return Status.AID
    return None


def _says(pattern: re.Pattern[str], comments: str) -> bool:
    return any(match.group("hedge") is None for match in pattern.finditer(comments))


def _transfer(
    row: RegisterRow, context: Context, weapons: _Weapons, issues: Issues, document_id: str
) -> tuple[Claim, TransferRecord] | None:
    if row.supplier.casefold().startswith(UNKNOWN_SUPPLIER):
        issues.add(row.line, IssueKind.UNATTRIBUTED, "unknown supplier(s): SIPRI names none")
        return None
    supplier, recipient = context.codes.name(row.supplier), context.codes.name(row.recipient)
    for code, name in ((supplier, row.supplier), (recipient, row.recipient)):
        if code is None:
            issues.unknown(row.line, f"SIPRI name {name!r}")
    if supplier is None or recipient is None:
        return None
    if supplier == recipient:
        issues.malformed(row.line, f"supplier and recipient are both {supplier}")
        return None
    weapon, category = weapons.lookup(row.designation, row.description, supplier)
    said = status(row.delivered, row.comments)
    return _claim(row, said, supplier, recipient, weapon, category, document_id), _record(
        row, said, supplier, recipient, weapon, category, document_id
    )


class _Weapons:
    """Catalogue look-ups for one file, each (designation, description, supplier) once."""

    def __init__(self, context: Context) -> None:
        self._catalogue = context.weapons()
        self._seen: dict[tuple[str, str, str], tuple[str, Category]] = {}

    def lookup(self, designation: str, description: str, supplier: str) -> tuple[str, Category]:
        """The canonical designation and category, from the catalogue when it knows the weapon.

        SIPRI's description and the supplier pick among systems sharing a name:
        China's "Tiger" APV is not Russia's Tigr nor the Franco-German helicopter.
        """
        key = (designation, description, supplier)
        if key not in self._seen:
            described = self._catalogue.categorize(description)
            known = self._catalogue.get(designation, category=described, origin=supplier)
            found = (known.designation, known.category) if known else (designation, described)
            self._seen[key] = found
        return self._seen[key]


def _claim(
    row: RegisterRow,
    said: Status,
    supplier: str,
    recipient: str,
    weapon: str,
    category: Category,
    document_id: str,
) -> Claim:
    last = max((row.order_year, *row.delivery_years))
    evidence = Evidence(
        document_id=document_id,
        method=METHOD,
        confidence=DATASET_CONFIDENCE,
        row=row.line,
        text=evidence_text(row, said),
        status=said,
        since=row.order_year,
        until=last,
    )
    return Claim(
        ClaimKind.SUPPLY,
        supplier,
        recipient,
        start=row.order_year,
        end=last,
        weapon=weapon,
        category=category,
        quantity=row.ordered,
        delivered=row.delivered,
        delivery_years=row.delivery_years,
        status=said,
        value=_order_value(row),
        value_unit="TIV",
        confidence=DATASET_CONFIDENCE,
        evidence=(evidence,),
    )


def _order_value(row: RegisterRow) -> float | None:
    """The order's SIPRI TIV (millions): SIPRI's total, else per unit times units ordered."""
    if row.tiv_order is not None:
        return row.tiv_order
    if row.tiv_per_unit is not None and row.ordered is not None:
        return round(row.tiv_per_unit * row.ordered, 4)
    return row.tiv_delivered


def _record(
    row: RegisterRow,
    said: Status,
    supplier: str,
    recipient: str,
    weapon: str,
    category: Category,
    document_id: str,
) -> TransferRecord:
    return TransferRecord(
        document_id=document_id,
        row=row.line,
        supplier=supplier,
        recipient=recipient,
        weapon=weapon,
        category=category,
        order_year=row.order_year,
        ordered=row.ordered,
        delivered=row.delivered,
        delivery_years=row.delivery_years,
        tiv_per_unit=row.tiv_per_unit,
        tiv_order=row.tiv_order,
        tiv_delivered=row.tiv_delivered,
        status=said,
    )


def evidence_text(row: RegisterRow, said: Status) -> str:
    """The record in a line: "SIPRI: Turkiye → Kyrgyzstan, 3 Bayraktar TB2 (armed UAV), ..."."""
    count = "an unknown number of" if row.ordered is None else str(row.ordered)
    text = (
        f"SIPRI: {row.supplier} → {row.recipient}, {count} {row.designation} "
        f"({row.description}), ordered {row.order_year}"
    )
    if row.delivery_years:
        text += f", delivered {'; '.join(str(y) for y in row.delivery_years)}"
    else:
        text += ", none delivered yet"
    if said in (Status.AID, Status.LOCAL_PRODUCTION):
        text += f" ({'aid' if said is Status.AID else 'produced under licence'})"
    return text
