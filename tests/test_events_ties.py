"""The tie aggregation on a hand-checked fixture, its SQL snapshot, claims, and the import."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import ibis
import pytest
from click.testing import CliRunner

from allegiance.cli import main
from allegiance.events import (
    Aggregation,
    Codebook,
    CountryMap,
    DuckDBEngine,
    Period,
    drafts,
    events_table,
    import_gdelt,
    sniff_all,
    tie_expr,
    to_claims,
)
from allegiance.model import Category, ClaimKind, Relation, Status
from allegiance.store import Store

GDELT = Path(__file__).parent / "fixtures" / "gdelt"
HAND = GDELT / "hand_2021.export.CSV"
SNAPSHOT = Path(__file__).parent / "snapshots" / "events_ties_duckdb.sql"


@pytest.fixture(scope="module")
def engine() -> DuckDBEngine:
    return DuckDBEngine(threads=2, memory_limit="1GB")


def _ties(engine: DuckDBEngine, period: Period = Period.MONTH) -> dict[tuple[str, ...], Any]:
    run = engine.ties_from_files(sniff_all([HAND]), Aggregation(period=period))
    return {(r["source"], r["target"], r["period"]): r for r in run.ties.to_pylist()}


def test_counts_and_goldstein_sums_by_hand(engine: DuckDBEngine) -> None:
    ties = _ties(engine)
    # Dropped: EUR (a region), USA->USA (self), '' -> RUS (no country).
    assert sorted(ties) == [
        ("IRN", "TJK", "2021-04"),
        ("KGZ", "RUS", "2021-04"),
        ("KGZ", "TJK", "2021-04"),
        ("KGZ", "TJK", "2021-05"),
        ("KGZ", "TUR", "2021-04"),
        ("ROU", "UKR", "2021-04"),  # CAMEO's ROM is ISO3 ROU
        ("RUS", "KGZ", "2021-04"),
        ("TJK", "KGZ", "2021-04"),
        ("TUR", "KGZ", "2021-04"),
    ]
    kgz_tjk = ties["KGZ", "TJK", "2021-04"]  # 8 fights at -10.0, one criticism at -2.0
    assert {k: kgz_tjk[k] for k in ("events", "goldstein", "fighting_events")} == {
        "events": 9,
        "goldstein": -82.0,
        "fighting_events": 8,
    }
    assert (kgz_tjk["conflict_events"], kgz_tjk["cooperation_events"]) == (9, 0)
    assert (kgz_tjk["fighting_first_event"], kgz_tjk["fighting_last_event"]) == (
        990000001,
        990000008,
    )
    assert kgz_tjk["fighting_first_url"] == "https://news.example.org/990000001"
    tjk_kgz = ties["TJK", "KGZ", "2021-04"]  # 3 x -10.0, 1 x -9.5, 2 x +4.0
    assert (tjk_kgz["events"], tjk_kgz["goldstein"], tjk_kgz["fighting_goldstein"]) == (
        6,
        -31.5,
        -39.5,
    )
    assert (tjk_kgz["cooperation_events"], tjk_kgz["cooperation_goldstein"]) == (2, 8.0)
    tur_kgz = ties["TUR", "KGZ", "2021-04"]
    assert (tur_kgz["aid_events"], tur_kgz["aid_goldstein"], tur_kgz["milcoop_events"]) == (
        3,
        24.9,
        3,
    )
    rus_kgz = ties["RUS", "KGZ", "2021-04"]  # 3 x 062 at 7.4, one visit (042) at 1.9
    assert (rus_kgz["milcoop_events"], rus_kgz["milcoop_goldstein"], rus_kgz["goldstein"]) == (
        3,
        22.2,
        24.1,
    )
    assert ties["KGZ", "TJK", "2021-05"]["first_day"] == 20210503


def test_yearly_ties_add_the_months(engine: DuckDBEngine) -> None:
    ties = _ties(engine, Period.YEAR)
    kgz_tjk = ties["KGZ", "TJK", "2021"]
    assert (kgz_tjk["events"], kgz_tjk["fighting_events"], kgz_tjk["goldstein"]) == (11, 10, -102.0)
    assert (kgz_tjk["first_day"], kgz_tjk["last_day"], kgz_tjk["year"]) == (
        20210428,
        20210503,
        2021,
    )


def test_generated_duckdb_sql_matches_the_snapshot() -> None:
    """The SQL the expression compiles to (regenerate: UPDATE_SNAPSHOTS=1 pytest ...)."""
    sql = ibis.to_sql(tie_expr(events_table()), dialect="duckdb") + "\n"
    # The in-memory table of CAMEO code exceptions has a random name per process.
    sql = re.sub(r"ibis_pyarrow_memtable_\w+", "cameo_exceptions", sql)
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(sql)
    assert sql == SNAPSHOT.read_text()


def test_mapping_and_codebook_are_reviewed_data() -> None:
    countries = CountryMap.load()
    assert (countries.iso3("ROM"), countries.iso3("RUS"), countries.iso3("SAF")) == (
        "ROU",
        "RUS",
        None,
    )
    classes = Codebook.load().classes
    assert classes.military_aid == ("072",)
    assert {"0312", "0332", "062"} <= set(classes.military_cooperation)
    assert classes.fighting_roots == ("19", "20")


def test_thresholds_pick_clash_partnership_and_aid(engine: DuckDBEngine) -> None:
    run = engine.ties_from_files(sniff_all([HAND]), Aggregation())
    found = drafts(run.ties, Codebook.load().thresholds)
    assert [(d.kind, d.subject, d.object, d.period, d.sample.events) for d in found] == [
        (ClaimKind.AFFINITY, "KGZ", "RUS", "2021-04", 5),  # 3 x 062 + 2 x 0312
        (ClaimKind.HOSTILITY, "KGZ", "TJK", "2021-04", 12),  # both directions: 8 + 4
        (ClaimKind.SUPPLY, "TUR", "KGZ", "2021-04", 3),  # KGZ -> TUR: one aid event, too few
    ]


def test_stricter_thresholds_drop_claims(engine: DuckDBEngine) -> None:
    text = (
        Path(__file__)
        .parents[1]
        .joinpath("src/allegiance/data/events/gdelt.toml")
        .read_text()
        .replace("min_events = 10", "min_events = 13")
    )
    run = engine.ties_from_files(sniff_all([HAND]), Aggregation())
    kinds = [d.kind for d in drafts(run.ties, Codebook.load(text).thresholds)]
    assert ClaimKind.HOSTILITY not in kinds


def test_claims_carry_signs_weak_confidence_and_named_events(engine: DuckDBEngine) -> None:
    run = engine.ties_from_files(sniff_all([HAND]), Aggregation())
    book = Codebook.load()
    claims = {
        c.kind: c
        for c in to_claims(
            drafts(run.ties, book.thresholds), "d" * 64, "gdelt/2.0", book.thresholds
        )
    }
    clash = claims[ClaimKind.HOSTILITY]
    assert (clash.subject, clash.object, clash.relation) == ("KGZ", "TJK", Relation.ARMED_CLASH)
    assert claims[ClaimKind.AFFINITY].relation is Relation.PARTNERSHIP
    aid = claims[ClaimKind.SUPPLY]
    assert (aid.subject, aid.object, aid.status, aid.category) == (
        "TUR",
        "KGZ",
        Status.AID,
        Category.AID_PACKAGE,
    )
    (ev,) = clash.evidence
    assert (ev.method, ev.since, ev.until, ev.confidence) == ("gdelt/2.0", 2021, 2021, 0.164)
    assert all(c.confidence <= 0.4 for c in claims.values())
    assert ev.text == (
        "GDELT: 12 fighting events KGZ\u2013TJK in 2021-04 (Goldstein \u2212119.5; "
        "15 events in all, Goldstein \u2212113.5); events 990000001 \u2026 990000012; "
        "sources: https://news.example.org/990000001, https://news.example.org/990000012"
    )
    assert ev.row == 990000001  # not located: the event id stands in for the line


def test_import_stores_claims_and_ties_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        first = import_gdelt([HAND], store, DuckDBEngine(threads=1))
        counts = store.counts()
        again = import_gdelt([HAND], store, DuckDBEngine(threads=1))
        assert store.counts() == counts
        assert store.conn.execute("SELECT count(*) FROM event_ties").fetchone()[0] == 9
        stored = store.claims(kind=ClaimKind.HOSTILITY)
    assert (first.added, again.added, first.claims_new, first.ties) == (True, False, 3, 9)
    assert counts["documents"] == 1 and counts["claims"] == 3
    (clash,) = stored
    (ev,) = clash.evidence
    assert ev.row == 1 and ev.text is not None
    assert ev.text.endswith("first event at hand_2021.export.CSV line 1")
    assert first.document.version == "gdelt/2.0" and str(first.document.date) == "2021-05-03"


def test_cli_imports_and_reports(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = runner.invoke(main, ["import", "gdelt", "--db", db, str(HAND)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "gdelt GDELT events 2021-04-05 to 2021-05-03 (hand_2021.export.CSV): 29 events "
        "between states in 9 ties (duckdb); 3 claims (3 new, 0 merged into stored claims); "
        "no lines skipped\n"
    )
    again = runner.invoke(main, ["import", "gdelt", "--db", db, "--format", "json", str(HAND)])
    assert json.loads(again.output)["added"] is False


def test_cli_turns_junk_into_one_line(runner: CliRunner, tmp_path: Path) -> None:
    junk = tmp_path / "junk.CSV"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(main, ["import", "gdelt", "--db", str(tmp_path / "j.db"), str(junk)])
    assert result.exit_code == 1
    assert result.output == "Error: junk.CSV: binary data, not a GDELT events file\n"
