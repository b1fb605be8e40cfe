"""Per-year figures of one side's build-up: transfers, TIV, suppliers, concentration, spending.

Supplier concentration is the Herfindahl–Hirschman index of the suppliers'
shares of TIV delivered (0..1; 1 when one supplier delivers everything).
A supplier is new in the first year it appears for the recipient in any
stored source (order, delivery or news report), even before the window.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from allegiance.buildup.model import Share, Transfer, YearFigures


def hhi(values: Iterable[float]) -> float | None:
    """Σ share² over the positive values; None when nothing was delivered."""
    kept = [v for v in values if v > 0]
    total = sum(kept)
    if total <= 0:
        return None
    return sum((v / total) ** 2 for v in kept)


def shares(
    transfers: Sequence[Transfer], key: Callable[[Transfer], str], tiv: Callable[[Transfer], float]
) -> tuple[Share, ...]:
    """Transfers and TIV grouped by ``key``, largest TIV first, then most transfers."""
    counts: dict[str, int] = defaultdict(int)
    values: dict[str, float] = defaultdict(float)
    for transfer in transfers:
        counts[key(transfer)] += 1
        values[key(transfer)] += tiv(transfer)
    total = sum(values.values())
    found = [
        Share(k, counts[k], values[k], values[k] / total if total > 0 else None) for k in counts
    ]
    return tuple(sorted(found, key=lambda s: (-s.tiv_delivered, -s.transfers, s.key)))


def first_years(transfers: Iterable[Transfer]) -> dict[str, int]:
    """The first year each supplier appears for the recipient."""
    first: dict[str, int] = {}
    for transfer in transfers:
        year = transfer.first_year
        if year is not None and (transfer.supplier not in first or year < first[transfer.supplier]):
            first[transfer.supplier] = year
    return first


def year_figures(
    year: int,
    transfers: Sequence[Transfer],
    first: Mapping[str, int],
    spending: Mapping[int, float],
    share_of_gdp: Mapping[int, float],
) -> YearFigures:
    """One year of one side: what was ordered, delivered and reported, and what it spent."""
    active = [t for t in transfers if year in t.years]
    by_supplier = shares(active, lambda t: t.supplier, lambda t: t.tiv_in(year))
    share = share_of_gdp.get(year)
    return YearFigures(
        year=year,
        transfers=len(active),
        orders=sum(1 for t in active if t.order_year == year),
        deliveries=sum(1 for t in active if year in t.delivery_years),
        news_reports=sum(1 for t in active if t.source == "news"),
        tiv_delivered=sum(t.tiv_in(year) for t in active),
        by_category=shares(active, _category, lambda t: t.tiv_in(year)),
        by_supplier=by_supplier,
        supplier_hhi=hhi(s.tiv_delivered for s in by_supplier),
        new_suppliers=tuple(sorted(s for s, y in first.items() if y == year)),
        milex_constant_usd_m=spending.get(year),
        milex_share_of_gdp_pct=None if share is None else share * 100,
    )


def _category(transfer: Transfer) -> str:
    return str(transfer.category) if transfer.category else "other"


def window_tiv(transfer: Transfer, start: int, end: int) -> float:
    return sum(v for y, v in transfer.tiv_by_year if start <= y <= end)
