"""Richardson's action–reaction model of two rivals' military spending, by least squares.

ΔM_a(t) = k·M_b(t−1) − α·M_a(t−1) + g: ``k`` the reaction to the rival's
spending, ``α`` the fatigue of one's own, ``g`` the grievance. Fitted with
ordinary least squares on the years where both series and the lags exist;
standard errors from the residual variance. With fewer than
``MIN_YEARS_TO_CONCLUDE`` years nothing is concluded, and even a "significant"
``k`` is only consistent with a reaction: shared trends and shocks look the
same, and the literature finds little support for the classic model.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from allegiance.buildup.model import Coefficient, Richardson

MIN_YEARS_TO_FIT = 4  # three parameters and at least one residual degree of freedom
MIN_YEARS_TO_CONCLUDE = 15  # about five observations per parameter
SIGNIFICANT_T = 2.0


def usable_years(
    own: Mapping[int, float], rival: Mapping[int, float], start: int | None, end: int | None
) -> list[int]:
    """Years t in the window with M_own(t), M_own(t−1) and M_rival(t−1) all known."""
    return [
        t
        for t in sorted(own)
        if (start is None or t >= start)
        and (end is None or t <= end)
        and t - 1 in own
        and t - 1 in rival
    ]


def fit(
    side: str,
    rival: str,
    own: Mapping[int, float],
    rival_spending: Mapping[int, float],
    start: int | None = None,
    end: int | None = None,
) -> Richardson:
    """The action–reaction fit for ``side`` against ``rival``, with an honest verdict."""
    years = usable_years(own, rival_spending, start, end)
    if len(years) < MIN_YEARS_TO_FIT:
        note = (
            f"Only {len(years)} usable year(s) of spending data for both sides: "
            "too few to fit the model."
        )
        return Richardson(side, rival, tuple(years), None, None, None, None, False, False, note)
    y = np.array([own[t] - own[t - 1] for t in years])
    x = np.array([[rival_spending[t - 1], own[t - 1], 1.0] for t in years])
    coef, _, rank, _ = np.linalg.lstsq(x, y, rcond=None)
    if rank < 3:
        note = "The spending series are collinear over these years: the model cannot be fitted."
        return Richardson(side, rival, tuple(years), None, None, None, None, False, False, note)
    errors = _standard_errors(x, y, coef)
    k = Coefficient(float(coef[0]), errors[0])
    alpha = Coefficient(-float(coef[1]), errors[1])
    g = Coefficient(float(coef[2]), errors[2])
    r2 = _r_squared(x, y, coef)
    enough = len(years) >= MIN_YEARS_TO_CONCLUDE
    note = verdict(side, rival, len(years), k)
    return Richardson(side, rival, tuple(years), k, alpha, g, r2, enough, _significant(k), note)


def _standard_errors(
    x: np.ndarray, y: np.ndarray, coef: np.ndarray
) -> tuple[float | None, float | None, float | None]:
    n, p = x.shape
    if n <= p:
        return (None, None, None)
    residuals = y - x @ coef
    variance = float(residuals @ residuals) / (n - p)
    cov = variance * np.linalg.inv(x.T @ x)
    se = np.sqrt(np.clip(np.diag(cov), 0.0, None))
    return (float(se[0]), float(se[1]), float(se[2]))


def _r_squared(x: np.ndarray, y: np.ndarray, coef: np.ndarray) -> float | None:
    total = float(((y - y.mean()) ** 2).sum())
    if total == 0.0:
        return None
    residual = y - x @ coef
    return 1.0 - float(residual @ residual) / total


def _significant(k: Coefficient) -> bool:
    return k.t is not None and abs(k.t) >= SIGNIFICANT_T


def verdict(side: str, rival: str, n: int, k: Coefficient) -> str:
    """One plain sentence on what the fit does and does not show."""
    if n < MIN_YEARS_TO_CONCLUDE:
        return (
            f"Only {n} years of overlapping spending data: too few to conclude anything about "
            f"whether {side} reacts to {rival}; the estimates are shown for completeness."
        )
    if not _significant(k):
        return (
            f"k is not distinguishable from zero over {n} years: no sign that {side}'s "
            f"spending responds to {rival}'s."
        )
    direction = "rose" if k.estimate > 0 else "fell"
    return (
        f"Over {n} years {side}'s spending {direction} after {rival}'s rose (k about "
        f"{abs(k.t or 0):.1f} standard errors from zero); that fits, but does not prove, an "
        "action-reaction pattern: shared trends and shocks give the same result."
    )
