"""Regenerate the default data bundle (src/allegiance/data/bundle/) from ../shared/data.

Not shipped. Cuts each public dataset down to Central Asia and the seed's
outside powers (KGZ, TJK, KAZ, UZB, TKM, TUR, BLR, RUS, USA, IRN, ARE, CHN),
from 1991 on, keeping each file's own column layout so the same adapters read
the bundle and the full files. Within the licences' limits: SIPRI's trade
register subset is 236 of ~29,000 records (<1%, under SIPRI's 10%); the
expenditure subset is 12 states x 33 years x 2 series = 792 data units at
most (under SIPRI's 3,500). Run: .venv/bin/python tools/build_bundle.py
"""

from __future__ import annotations

import csv
import io
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
BUNDLE = ROOT / "src" / "allegiance" / "data" / "bundle"
SINCE = 1991

# COW (= Gleditsch-Ward for these) numbers of the focus states.
FOCUS = {
    703: "kyrgyzstan",
    702: "tajikistan",
    705: "kazakhstan",
    704: "uzbekistan",
    701: "turkmenistan",
    640: "turkey",
    370: "belarus",
    365: "russia",
    2: "usa",
    630: "iran",
    696: "uae",
    710: "china",
}
IGO_KEPT = {"NATO", "CSTO", "CIS", "SCO", "OSCE", "EAEC", "CAECC", "CICA", "ECO", "OIC", "EAPC"}

Row = dict[str, str]


def number(text: str) -> int | None:
    try:
        return int(float(text))
    except ValueError:
        return None


def focus(*values: str) -> bool:
    return any(number(v) in FOCUS for v in values)


def both(a: str, b: str) -> bool:
    return number(a) in FOCUS and number(b) in FOCUS


def recent(row: Row, column: str = "year") -> bool:
    year = number(row[column])
    return year is not None and year >= SINCE


def subset(
    source: str,
    target: str,
    keep: Callable[[Row], bool],
    columns: Callable[[list[str]], list[str]] | None = None,
) -> int:
    """Copy the rows ``keep`` accepts (and the columns ``columns`` picks), header first."""
    with (SHARED / source).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        kept_columns = columns(header) if columns else header
        rows = [r for r in reader if keep(r)]
    out = io.StringIO()
    writer = csv.DictWriter(out, kept_columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (BUNDLE / target).write_text(out.getvalue(), encoding="utf-8")
    return len(rows)


def igo_columns(header: list[str]) -> list[str]:
    states = [c for c in header if c in FOCUS.values()]
    return ["ioname", "orgname", "year", *states, "version"]


MEMBER_COLUMNS = [
    *("atopid", "cowid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit"),
    *("ineffect", "bilat", "phase", "maxphase", "defense", "offense", "neutral", "nonagg"),
    *("consul", "version"),
]


def member_columns(header: list[str]) -> list[str]:
    return [c for c in header if c in MEMBER_COLUMNS]


def member_level(row: Row) -> bool:
    exit_year = number(row["yrexit"]) or 0
    return focus(row["member"]) and (exit_year == 0 or exit_year >= SINCE)


def rivalry(end: str) -> Callable[[Row], bool]:
    return lambda r: focus(r["ccode1"], r["ccode2"]) and (number(r[end]) or 0) >= SINCE


def ucdp(row: Row) -> bool:
    sides = (row["gwno_a"], row["gwno_a_2nd"], row["gwno_b"], row["gwno_b_2nd"])
    return recent(row) and focus(*sides)


JOBS: Iterable[tuple[str, str, Callable[[Row], bool], Callable[[list[str]], list[str]] | None]] = (
    (
        "sipri-milex/milex_focus-countries_constant2022usd_shareofgdp_long.csv",
        "sipri-milex_focus-states_1991-2023.csv",
        recent,
        None,
    ),
    (
        "atop/atop_v5.1_dyad-year_via-peacesciencer.csv",
        "atop-5.1_dyad-years_focus-dyads_1991-2018.csv",
        lambda r: recent(r) and both(r["ccode1"], r["ccode2"]),
        None,
    ),
    (
        "atop/atop_v4.01_member-level.csv",
        "atop-4.01_member-level_focus-states.csv",
        member_level,
        member_columns,
    ),
    (
        "cow-alliances/cow_alliance_v4.1_dyad-year_via-peacesciencer.csv",
        "cow-alliance-4.1_dyad-years_focus-dyads_1991-2012.csv",
        lambda r: recent(r) and both(r["ccode1"], r["ccode2"]),
        None,
    ),
    (
        "cow-igo/igo_year_format3_selected-security-regional-igos.csv",
        "cow-igo-3_focus-states_1991-2014.csv",
        lambda r: recent(r) and r["ioname"] in IGO_KEPT,
        igo_columns,
    ),
    (
        "ucdp-acd/ucdp_prio_acd_v25.1_via-peacesciencer.csv",
        "ucdp-prio-acd-25.1_focus-states_1991-2024.csv",
        ucdp,
        None,
    ),
    (
        "cow-mid/cow_mid_v5_dyad-year-disputes_via-peacesciencer.csv",
        "cow-mid-5_dyad-years_focus-states_1991-2014.csv",
        lambda r: recent(r) and focus(r["ccode1"], r["ccode2"]),
        None,
    ),
    (
        "rivalries/tss_strategic_rivalries_via-peacesciencer.csv",
        "tss-rivalries_focus-states.csv",
        rivalry("end"),
        None,
    ),
    (
        "rivalries/thompson_dreyer_rivalries_via-peacesciencer.csv",
        "thompson-dreyer-rivalries_focus-states.csv",
        rivalry("endyear"),
        None,
    ),
)


def main() -> int:
    if not SHARED.is_dir():
        print(f"no shared datasets at {SHARED}", file=sys.stderr)
        return 1
    BUNDLE.mkdir(parents=True, exist_ok=True)
    register = "sipri-trade-register_central-asia.csv"
    shutil.copyfile(
        SHARED / "sipri-arms-transfers" / "trade-register_central-asia.csv", BUNDLE / register
    )
    print(f"{register}: copied")
    for source, target, keep, columns in JOBS:
        print(f"{target}: {subset(source, target, keep, columns)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
