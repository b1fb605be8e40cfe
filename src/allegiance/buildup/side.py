"""Putting a side's build-up together from the store: transfers, spending, the fit."""

from __future__ import annotations

from allegiance.buildup import figures, richardson
from allegiance.buildup.model import Buildup, SideBuildup, Transfer
from allegiance.buildup.transfers import gather
from allegiance.model import Conflict
from allegiance.store import Store
from allegiance.store.series import MILEX_CONSTANT, MILEX_SHARE, series

NOTES = (
    "TIV is SIPRI's trend-indicator value: a measure of the volume of military capability "
    "transferred, not of price; delivered TIV is spread evenly over the listed delivery years.",
    "Transfers SIPRI attributes to 'unknown supplier(s)' are not counted.",
    "News-only transfers count by year, without TIV.",
    "The classic Richardson action-reaction model finds little support in the empirical "
    "literature; read the fits as description, not as proof of an arms race.",
)


def buildup(store: Store, conflict: Conflict) -> Buildup:
    """Both sides' arms build-up in the conflict's window (default: all years with data)."""
    a, b = conflict.sides
    transfers = {side: gather(store, side) for side in conflict.sides}
    spending = {side: series(store, side, MILEX_CONSTANT) for side in conflict.sides}
    share = {side: series(store, side, MILEX_SHARE) for side in conflict.sides}
    start, end = _window(conflict, transfers, spending)
    notes = list(NOTES)
    if start is None or end is None:
        notes.insert(0, f"No transfers or spending figures for {a} or {b} in the store.")
    sides = tuple(
        _side(
            side,
            other,
            transfers[side],
            spending[side],
            share[side],
            spending[other],
            (start, end),
            (conflict.start, conflict.end),
        )
        for side, other in ((a, b), (b, a))
    )
    return Buildup(conflict, start, end, (sides[0], sides[1]), tuple(notes))


def _window(
    conflict: Conflict,
    transfers: dict[str, list[Transfer]],
    spending: dict[str, dict[int, float]],
) -> tuple[int | None, int | None]:
    years = {y for found in transfers.values() for t in found for y in t.years}
    years |= {y for values in spending.values() for y in values}
    start = conflict.start if conflict.start is not None else min(years, default=None)
    end = conflict.end if conflict.end is not None else max(years, default=None)
    return start, end


def _side(
    actor: str,
    rival: str,
    transfers: list[Transfer],
    spending: dict[int, float],
    share: dict[int, float],
    rival_spending: dict[int, float],
    window: tuple[int | None, int | None],
    fit_window: tuple[int | None, int | None],
) -> SideBuildup:
    start, end = window
    fit = richardson.fit(actor, rival, spending, rival_spending, *fit_window)
    if start is None or end is None:
        return SideBuildup(actor, (), 0.0, (), None, (), fit)
    first = figures.first_years(transfers)
    years = tuple(
        figures.year_figures(y, transfers, first, spending, share) for y in range(start, end + 1)
    )
    active = [t for t in transfers if any(start <= y <= end for y in t.years)]
    suppliers = figures.shares(
        active, lambda t: t.supplier, lambda t: figures.window_tiv(t, start, end)
    )
    return SideBuildup(
        actor=actor,
        years=years,
        tiv_delivered=sum(figures.window_tiv(t, start, end) for t in active),
        suppliers=suppliers,
        supplier_hhi=figures.hhi(s.tiv_delivered for s in suppliers),
        transfers=tuple(active),
        richardson=fit,
    )
