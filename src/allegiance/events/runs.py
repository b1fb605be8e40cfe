"""What an engine hands back: the tie table and the lines it could not read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyarrow as pa
import pyarrow.compute as pc

from allegiance.events.codes import Codebook, CountryMap
from allegiance.events.files import EventFile
from allegiance.events.ties import Period


@dataclass(frozen=True, slots=True)
class MalformedLine:
    """A line an engine skipped: wrong number of fields, or a number that is not one."""

    file: str
    line: int | None
    reason: str
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "reason": self.reason, "text": self.text}


@dataclass(frozen=True, slots=True)
class TieRun:
    """Directed dyad-period ties (an Arrow table, columns as ``tie_expr`` makes them)."""

    ties: pa.Table
    engine: str
    malformed: tuple[MalformedLine, ...] = ()

    @property
    def events(self) -> int:
        """How many events between two states went into the ties."""
        return int(pc.sum(self.ties["events"]).as_py() or 0) if self.ties.num_rows else 0


@dataclass(frozen=True, slots=True)
class Aggregation:
    """What to aggregate and how: the period and the reference data."""

    period: Period = Period.MONTH
    codebook: Codebook | None = None
    countries: CountryMap | None = None


class Engine(Protocol):
    """An engine adapter: runs ``tie_expr`` over raw GDELT files or stored Parquet events."""

    name: str

    def ties_from_files(self, files: Sequence[EventFile], how: Aggregation) -> TieRun: ...

    def ties_from_parquet(self, paths: Sequence[Path], how: Aggregation) -> TieRun: ...

    def close(self) -> None: ...


EngineFactory = Callable[[], Engine]
