"""Who arms each side, as table rows: supplier, weapons, categories, years, status, value."""

from __future__ import annotations

from dataclasses import dataclass

from allegiance.graph.analysis import Analysis
from allegiance.graph.sides import Backer
from allegiance.graph.wording import Namer, years


@dataclass(frozen=True, slots=True)
class SupplierRow:
    code: str
    supplier: str
    weapons: str
    categories: str
    years: str
    status: str
    value: str


@dataclass(frozen=True, slots=True)
class SupplierTable:
    side: str
    name: str
    rows: tuple[SupplierRow, ...]


def supplier_tables(analysis: Analysis, name: Namer) -> tuple[SupplierTable, ...]:
    """One table per side, its suppliers strongest first."""
    return tuple(
        SupplierTable(side, name.plain(side), tuple(_row(b, name) for b in backers))
        for side, backers in analysis.sides.items()
    )


def _row(backer: Backer, name: Namer) -> SupplierRow:
    return SupplierRow(
        code=backer.actor,
        supplier=name.plain(backer.actor),
        weapons=", ".join(backer.weapons),
        categories=", ".join(c.replace("_", " ") for c in backer.categories),
        years=years(backer.years),
        status=", ".join(s.replace("_", " ") for s in backer.statuses),
        value=value_text(backer.value_usd, backer.value_tiv),
    )


def value_text(usd: float | None, tiv: float | None) -> str:
    """'US$ 35 m', 'TIV 12.3 m' (SIPRI trend-indicator value), both, or ''."""
    parts = []
    if usd is not None:
        parts.append(f"US$ {_amount(usd)}")
    if tiv is not None:
        parts.append(f"TIV {tiv:,.4g} m")
    return "; ".join(parts)


def _amount(value: float) -> str:
    if value >= 1e9:
        return f"{value / 1e9:,.3g} bn"
    if value >= 1e6:
        return f"{value / 1e6:,.3g} m"
    return f"{value:,.0f}"
