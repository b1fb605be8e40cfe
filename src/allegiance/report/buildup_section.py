"""The briefing's arms build-up section, from ``allegiance.buildup``.

``buildup_section`` is the hook the briefing calls: it turns the build-up's
typed result into rows to print (SIPRI TIV per supplier and year, supplier
concentration, spending, the Richardson fit's plain-words note).
"""

from __future__ import annotations

from dataclasses import dataclass

from allegiance.buildup import Buildup, SideBuildup, YearFigures, buildup
from allegiance.buildup.model import UNITS, Richardson
from allegiance.graph.wording import Namer
from allegiance.model import Conflict
from allegiance.store import Store


@dataclass(frozen=True, slots=True)
class SupplierShareRow:
    supplier: str
    transfers: int
    tiv: str
    share: str


@dataclass(frozen=True, slots=True)
class BuildupYearRow:
    year: int
    transfers: int
    orders: int
    deliveries: int
    news_reports: int
    tiv: str
    suppliers: str
    new_suppliers: str
    milex: str
    share_of_gdp: str


@dataclass(frozen=True, slots=True)
class SideSection:
    side: str
    name: str
    tiv_delivered: float
    tiv: str
    hhi: str
    suppliers: tuple[SupplierShareRow, ...]
    years: tuple[BuildupYearRow, ...]
    richardson: str

    @property
    def heading(self) -> str:
        """'Kyrgyzstan: 44.57 TIV delivered, supplier concentration (HHI) 0.51'."""
        if self.tiv_delivered <= 0:
            return f"{self.name}: no deliveries with a SIPRI TIV in the window"
        hhi = f", supplier concentration (HHI) {self.hhi}" if self.hhi else ""
        return f"{self.name}: {self.tiv} TIV delivered{hhi}"


@dataclass(frozen=True, slots=True)
class BuildupSection:
    window: str
    sides: tuple[SideSection, ...]
    units: tuple[str, ...]
    notes: tuple[str, ...]


def buildup_section(store: Store, conflict: Conflict, name: Namer) -> BuildupSection:
    """Both sides' build-up in the conflict's window, ready to print."""
    return section(buildup(store, conflict), name)


def section(result: Buildup, name: Namer) -> BuildupSection:
    window = (
        f"Years {result.start}–{result.end}."
        if result.start is not None
        else "No transfers or spending figures for either side in the store."
    )
    return BuildupSection(
        window=window,
        sides=tuple(_side(side, name) for side in result.sides),
        units=tuple(f"{key}: {text}" for key, text in UNITS.items()),
        notes=result.notes,
    )


def _side(side: SideBuildup, name: Namer) -> SideSection:
    return SideSection(
        side=side.actor,
        name=name.plain(side.actor),
        tiv_delivered=side.tiv_delivered,
        tiv=f"{side.tiv_delivered:,.2f}",
        hhi="" if side.supplier_hhi is None else f"{side.supplier_hhi:.2f}",
        suppliers=tuple(
            SupplierShareRow(
                name.plain(s.key),
                s.transfers,
                f"{s.tiv_delivered:,.2f}",
                "" if s.share is None else f"{s.share:.0%}",
            )
            for s in side.suppliers
        ),
        years=tuple(_year(y, name) for y in side.years if y.transfers or y.milex_constant_usd_m),
        richardson=richardson_text(side.richardson),
    )


def _year(year: YearFigures, name: Namer) -> BuildupYearRow:
    return BuildupYearRow(
        year=year.year,
        transfers=year.transfers,
        orders=year.orders,
        deliveries=year.deliveries,
        news_reports=year.news_reports,
        tiv=f"{year.tiv_delivered:,.2f}",
        suppliers=", ".join(name.plain(s.key) for s in year.by_supplier),
        new_suppliers=", ".join(name.plain(code) for code in year.new_suppliers),
        milex="" if year.milex_constant_usd_m is None else f"{year.milex_constant_usd_m:,.1f}",
        share_of_gdp=""
        if year.milex_share_of_gdp_pct is None
        else f"{year.milex_share_of_gdp_pct:.2f}",
    )


def richardson_text(fit: Richardson) -> str:
    """The fit in one line: coefficients when there are any, then its note."""
    if fit.k is None or fit.alpha is None or fit.g is None:
        return fit.note
    coefficients = ", ".join(
        f"{label} = {c.estimate:.3f}" + ("" if c.se is None else f" (se {c.se:.3f})")
        for label, c in (("k", fit.k), ("α", fit.alpha), ("g", fit.g))
    )
    r2 = "" if fit.r_squared is None else f", R² {fit.r_squared:.2f}"
    span = f"{fit.years[0]}–{fit.years[-1]}" if fit.years else ""
    return f"{len(fit.years)} years ({span}): {coefficients}{r2}. {fit.note}"
