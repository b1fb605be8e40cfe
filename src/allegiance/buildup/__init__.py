"""The arms build-up around a conflict: transfers, suppliers, TIV and spending, per side and year.

``buildup(store, conflict)`` returns a typed ``Buildup``; ``Buildup.to_dict()``
is the JSON that ``allegiance buildup --format json`` prints, a stable contract::

    {
      "conflict": {"sides": ["KGZ", "TJK"], "from": 2015, "to": 2023},
      "units": {"tiv": ..., "milex": ..., "share_of_gdp": ..., "hhi": ...},
      "sides": [                                  # side A, then side B
        {
          "actor": "KGZ",
          "tiv_delivered": 44.57,                 # over the window, SIPRI TIV millions
          "suppliers": [{"supplier": "RUS", "transfers": 8, "tiv_delivered": 26.3,
                         "tiv_share": 0.59}],     # over the window, largest first
          "supplier_hhi": 0.51,                   # 0..1, over the window; null if no TIV
          "years": [
            {"year": 2021, "transfers": 1, "orders": 1, "deliveries": 1,
             "news_reports": 0, "tiv_delivered": 3.6,
             "by_category": [{"category": "drone", "transfers": 1,
                              "tiv_delivered": 3.6, "tiv_share": 1.0}],
             "by_supplier": [{"supplier": "TUR", ...same fields...}],
             "supplier_hhi": 1.0, "new_suppliers": ["TUR"],
             "milex_constant_usd_m": 300.88, "milex_share_of_gdp_pct": 2.84}
          ],
          "transfers": [                          # each active in the window
            {"supplier": "TUR", "weapon": "Bayraktar TB2", "category": "drone",
             "order_year": 2021, "delivery_years": [2021, 2022], "reported_years": [],
             "ordered": 3, "delivered": 3, "status": "delivered",
             "source": "dataset",                 # or "news" (no TIV)
             "tiv_delivered": 7.2, "tiv_by_year": {"2021": 3.6, "2022": 3.6},
             "claim": 89, "document": "<sha256>", "row": 105}
          ],
          "richardson": {
            "model": "dM_side(t) = k*M_rival(t-1) - alpha*M_side(t-1) + g",
            "rival": "TJK", "n_years": 27, "years": [...],
            "k": {"estimate": 0.1, "se": 0.3}, "alpha": {...}, "g": {...},   # null if unfit
            "r_squared": 0.2,
            "enough_data": true,                  # at least 15 usable years
            "k_significant": false,               # |k| at least 2 standard errors
            "note": "one plain sentence on what the fit does and does not show"
          }
        }
      ],
      "notes": ["..."]
    }

Definitions. A dataset transfer is active in its order year and its delivery
years; ``orders`` and ``deliveries`` count those. TIV delivered in a year is
SIPRI's TIV per unit × units delivered, spread evenly over the listed delivery
years (the register gives no per-year counts). A news-only supply claim is
active in its year(s) and counted in ``transfers``, ``news_reports`` and the
breakdowns, with no TIV. ``new_suppliers`` lists suppliers appearing for the
first time for that recipient in any stored source. Spending is SIPRI's, in
constant 2022 US$ millions and percent of GDP. The window defaults to the
years with any transfer or spending figure for either side.
"""

from __future__ import annotations

from allegiance.buildup.model import (
    Buildup,
    Coefficient,
    Richardson,
    Share,
    SideBuildup,
    Transfer,
    YearFigures,
)
from allegiance.buildup.side import buildup

__all__ = [
    "Buildup",
    "Coefficient",
    "Richardson",
    "Share",
    "SideBuildup",
    "Transfer",
    "YearFigures",
    "buildup",
]
