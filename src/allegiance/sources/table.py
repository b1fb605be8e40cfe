"""Reading dataset files as their publishers ship them: encoding, line endings, line numbers.

Every record keeps the 1-based line of the file where it starts, so evidence
can point a reader at the exact row, whatever the encoding or line endings.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from allegiance.errors import InputError


class RowError(ValueError):
    """One row cannot be read; the importer reports it with its line and moves on."""


def decode(data: bytes) -> str:
    """A dataset file's text: UTF-8 (with or without a BOM) when it decodes, else Windows-1252.

    SIPRI exports in cp1252; the derived files are UTF-8. A file that is
    neither (cp1252 leaves five bytes undefined) falls back to Latin-1, which
    never fails, rather than refusing the whole file for one odd byte.
    """
    if data.startswith(b"PK\x03\x04"):
        raise InputError(
            "a zip archive (as an Excel workbook is), not a CSV file: "
            "unzip it, or save the sheet as CSV"
        )
    if b"\x00" in data[:65536]:
        raise InputError("binary data, not a CSV file")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


@dataclass(frozen=True, slots=True)
class Record:
    """One CSV record and the line of the file it starts on."""

    line: int
    cells: tuple[str, ...]


def records(text: str) -> Iterator[Record]:
    """The file's CSV records with their starting line numbers; blank lines are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    previous = 0
    try:
        for cells in reader:
            if cells and (len(cells) > 1 or cells[0].strip()):
                yield Record(previous + 1, tuple(cells))
            previous = reader.line_num
    except csv.Error as exc:  # a field over the size limit, a NUL byte in a field
        raise InputError(f"line {previous + 1} cannot be read as CSV: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Row:
    """A record of a file with a header, its cells by column name."""

    line: int
    cells: dict[str, str]
    width: int

    def text(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def integer(self, column: str) -> int | None:
        """The column as a whole number; blank or NA is None, anything else malformed."""
        raw = self.cells.get(column, "")
        try:
            return int(raw)  # the common case, first: a plain integer
        except ValueError:
            value = raw.strip()
        if value in ("", "NA", "."):
            return None
        try:
            return int(float(value)) if "." in value else int(value)
        except ValueError:
            raise RowError(f"{column} is not a number: {value!r}") from None

    def required(self, column: str) -> int:
        value = self.integer(column)
        if value is None:
            raise RowError(f"{column} is blank")
        return value


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file with a header row."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]

    def has(self, *columns: str) -> bool:
        return all(c in self.header for c in columns)

    def constant(self, column: str) -> str | None:
        """The one value a column holds in every row (a release number), if it does."""
        values = {row.text(column) for row in self.rows} - {""}
        return values.pop() if len(values) == 1 else None

    def check(self, row: Row) -> None:
        """Refuse a row whose field count differs from the header's."""
        if row.width != len(self.header):
            raise RowError(f"expected {len(self.header)} fields, found {row.width}")


def table(text: str, required: Sequence[str] = ()) -> Table:
    """The file as named rows; a row with the wrong number of cells is kept for ``check``."""
    found = records(text)
    try:
        first = next(found)
    except StopIteration:
        raise InputError("the file is empty") from None
    header = tuple(c.strip() for c in first.cells)
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(f"not the expected layout: no column {', '.join(missing)}")
    rows = tuple(Row(r.line, dict(zip(header, r.cells, strict=False)), len(r.cells)) for r in found)
    return Table(header, rows)
