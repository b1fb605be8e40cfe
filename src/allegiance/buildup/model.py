"""The arms build-up's results as typed objects, and their JSON shape (see ``buildup``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from allegiance.model import Category, Conflict, Status


@dataclass(frozen=True, slots=True)
class Transfer:
    """One transfer to a side: a dataset record (with SIPRI TIV) or a news-only claim (without).

    ``tiv_by_year`` spreads the delivered TIV over the delivery years (see
    ``transfers.tiv_by_year``); news reports carry none.
    """

    supplier: str
    recipient: str
    weapon: str | None
    category: Category | None
    order_year: int | None
    delivery_years: tuple[int, ...]
    ordered: int | None
    delivered: int | None
    status: Status | None
    source: str  # "dataset" or "news"
    claim_id: int | None
    document_id: str
    row: int | None
    tiv_by_year: tuple[tuple[int, float], ...] = ()
    reported_years: tuple[int, ...] = ()

    @property
    def years(self) -> frozenset[int]:
        """The years the transfer is active: ordered, delivered, or reported."""
        found = set(self.delivery_years) | set(self.reported_years)
        if self.order_year is not None:
            found.add(self.order_year)
        return frozenset(found)

    @property
    def first_year(self) -> int | None:
        return min(self.years) if self.years else None

    def tiv_in(self, year: int) -> float:
        return sum(value for y, value in self.tiv_by_year if y == year)

    def to_dict(self) -> dict[str, Any]:
        return {
            "supplier": self.supplier,
            "weapon": self.weapon,
            "category": str(self.category) if self.category else None,
            "order_year": self.order_year,
            "delivery_years": list(self.delivery_years),
            "reported_years": list(self.reported_years),
            "ordered": self.ordered,
            "delivered": self.delivered,
            "status": str(self.status) if self.status else None,
            "source": self.source,
            "tiv_delivered": round(sum(v for _, v in self.tiv_by_year), 4),
            "tiv_by_year": {str(y): round(v, 4) for y, v in self.tiv_by_year},
            "claim": self.claim_id,
            "document": self.document_id,
            "row": self.row,
        }


@dataclass(frozen=True, slots=True)
class Share:
    """Transfers and TIV from one supplier (or in one category), with the TIV share."""

    key: str
    transfers: int
    tiv_delivered: float
    share: float | None

    def to_dict(self, name: str) -> dict[str, Any]:
        return {
            name: self.key,
            "transfers": self.transfers,
            "tiv_delivered": round(self.tiv_delivered, 4),
            "tiv_share": None if self.share is None else round(self.share, 4),
        }


@dataclass(frozen=True, slots=True)
class YearFigures:
    """One side's build-up in one year."""

    year: int
    transfers: int
    orders: int
    deliveries: int
    news_reports: int
    tiv_delivered: float
    by_category: tuple[Share, ...]
    by_supplier: tuple[Share, ...]
    supplier_hhi: float | None
    new_suppliers: tuple[str, ...]
    milex_constant_usd_m: float | None
    milex_share_of_gdp_pct: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "transfers": self.transfers,
            "orders": self.orders,
            "deliveries": self.deliveries,
            "news_reports": self.news_reports,
            "tiv_delivered": round(self.tiv_delivered, 4),
            "by_category": [s.to_dict("category") for s in self.by_category],
            "by_supplier": [s.to_dict("supplier") for s in self.by_supplier],
            "supplier_hhi": _round(self.supplier_hhi),
            "new_suppliers": list(self.new_suppliers),
            "milex_constant_usd_m": _round(self.milex_constant_usd_m, 2),
            "milex_share_of_gdp_pct": _round(self.milex_share_of_gdp_pct, 3),
        }


@dataclass(frozen=True, slots=True)
class Coefficient:
    """An estimate with its standard error (None when there is no residual freedom)."""

    estimate: float
    se: float | None

    @property
    def t(self) -> float | None:
        return None if not self.se else self.estimate / self.se

    def to_dict(self) -> dict[str, Any]:
        return {"estimate": round(self.estimate, 6), "se": _round(self.se, 6)}


@dataclass(frozen=True, slots=True)
class Richardson:
    """The action–reaction fit ΔM_side(t) = k·M_rival(t−1) − α·M_side(t−1) + g."""

    side: str
    rival: str
    years: tuple[int, ...]
    k: Coefficient | None
    alpha: Coefficient | None
    g: Coefficient | None
    r_squared: float | None
    enough_data: bool
    k_significant: bool
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": "dM_side(t) = k*M_rival(t-1) - alpha*M_side(t-1) + g",
            "rival": self.rival,
            "n_years": len(self.years),
            "years": list(self.years),
            "k": self.k.to_dict() if self.k else None,
            "alpha": self.alpha.to_dict() if self.alpha else None,
            "g": self.g.to_dict() if self.g else None,
            "r_squared": _round(self.r_squared),
            "enough_data": self.enough_data,
            "k_significant": self.k_significant,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class SideBuildup:
    """One side's build-up over the window."""

    actor: str
    years: tuple[YearFigures, ...]
    tiv_delivered: float
    suppliers: tuple[Share, ...]
    supplier_hhi: float | None
    transfers: tuple[Transfer, ...]
    richardson: Richardson

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "tiv_delivered": round(self.tiv_delivered, 4),
            "suppliers": [s.to_dict("supplier") for s in self.suppliers],
            "supplier_hhi": _round(self.supplier_hhi),
            "years": [y.to_dict() for y in self.years],
            "transfers": [t.to_dict() for t in self.transfers],
            "richardson": self.richardson.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Buildup:
    """Both sides' arms build-up around a conflict."""

    conflict: Conflict
    start: int | None
    end: int | None
    sides: tuple[SideBuildup, SideBuildup]
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "conflict": {"sides": list(self.conflict.sides), "from": self.start, "to": self.end},
            "units": UNITS,
            "sides": [s.to_dict() for s in self.sides],
            "notes": list(self.notes),
        }


UNITS = {
    "tiv": "SIPRI trend-indicator value, millions (a volume measure at constant 1990 prices)",
    "milex": "SIPRI military expenditure, millions of constant 2022 US$",
    "share_of_gdp": "percent of GDP",
    "hhi": "Herfindahl-Hirschman index of suppliers' TIV shares, 0..1 (1 = one supplier)",
}


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)
