"""Hostile input against the store and the GDELT import: one error line, no traceback, nothing lost.

Each test runs the command a user would run and checks what the user sees
(one line on stderr, a non-zero exit) and that the store holds exactly what
it held before.
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from allegiance.cli import main

GDELT = Path(__file__).parent / "fixtures" / "gdelt"
HAND = GDELT / "hand_2021.export.CSV"
ARTICLE = "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2022.\n"


def fingerprint(db: Path) -> str:
    """Everything the store holds, as one hash."""
    conn = sqlite3.connect(db)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def one_error_line(result: Result) -> str:
    """The single line a failed command printed, checked for no traceback."""
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.fixture
def stored(tmp_path: Path, runner: CliRunner) -> Path:
    """A store holding one article."""
    db = tmp_path / "store.db"
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(article), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _open_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store opens read-only, as a file without write permission does (even for root)."""
    from allegiance.store import connection

    real = sqlite3.connect

    def connect(path: Any, **kwargs: Any) -> sqlite3.Connection:
        return real(f"file:{path}?mode=ro", uri=True, **kwargs)

    monkeypatch.setattr(connection.sqlite3, "connect", connect)


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    _open_read_only(monkeypatch)


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "{new}"],
        ["review", "1", "--accept", "--reviewer", "me"],
        ["import", "sipri-milex", "{milex}"],
        ["import", "gdelt", str(HAND)],
    ],
    ids=["ingest", "review", "import", "import-gdelt"],
)
def test_writing_to_a_read_only_store_is_one_line(
    tmp_path: Path, runner: CliRunner, stored: Path, read_only: None, args: list[str]
) -> None:
    new = tmp_path / "new.txt"
    new.write_text("Iran supplied Ababil-2 drones to Tajikistan in 2021.\n", encoding="utf-8")
    milex = tmp_path / "milex.csv"
    milex.write_text(
        "country_sipri,iso3,year,milex_constant_2022_usd_millions,milex_constant_raw_marker,"
        "milex_share_of_gdp,milex_share_raw_marker,sipri_notes_marker\n"
        "Tajikistan,TJK,2021,100.1,,0.01,,\n",
        encoding="utf-8",
    )
    before = fingerprint(stored)
    argv = [a.format(new=new, milex=milex) for a in args] + ["--db", str(stored)]
    line = one_error_line(runner.invoke(main, argv))
    assert line.startswith("Error: cannot write to ") and "readonly" in line
    assert fingerprint(stored) == before


def test_analysing_a_read_only_store(
    runner: CliRunner, stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["analyze", "--conflict", "KGZ:TJK", "--db", str(stored)]
    with monkeypatch.context() as patched:
        _open_read_only(patched)
        before = fingerprint(stored)
        # The first analysis adds the reference memberships it cites; read-only, it cannot.
        line = one_error_line(runner.invoke(main, argv))
        assert "reference memberships" in line and "writable copy" in line
        assert fingerprint(stored) == before
    assert runner.invoke(main, argv).exit_code == 0  # once, writable
    with monkeypatch.context() as patched:
        _open_read_only(patched)
        result = runner.invoke(main, argv)
        assert result.exit_code == 0, result.output
        assert "Turkey" in result.output


def _damaged_zip(tmp_path: Path) -> Path:
    """A zipped event file whose compressed bytes are corrupted near the start."""
    good = tmp_path / "good.export.CSV.zip"
    with zipfile.ZipFile(good, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(HAND, "good.export.CSV")
    data = bytearray(good.read_bytes())
    start = 30 + len("good.export.CSV")  # the local header, then the deflated member
    for i in range(start + 20, start + 60):
        data[i] ^= 0x55
    bad = tmp_path / "bad.export.CSV.zip"
    bad.write_bytes(bytes(data))
    return bad


def _truncated_gzip(tmp_path: Path) -> Path:
    text = HAND.read_bytes() * 200  # long enough that the sniffed head is intact
    whole = gzip.compress(text)
    bad = tmp_path / "cut.export.CSV.gz"
    bad.write_bytes(whole[: len(whole) // 2])
    return bad


def _truncated_zip(tmp_path: Path) -> Path:
    good = tmp_path / "good.export.CSV.zip"
    with zipfile.ZipFile(good, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(HAND, "good.export.CSV")
    bad = tmp_path / "cut.export.CSV.zip"
    bad.write_bytes(good.read_bytes()[:-40])
    return bad


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (_damaged_zip, "damaged"),
        (_truncated_gzip, "truncated"),
        (_truncated_zip, "damaged zip"),
    ],
    ids=["zip-crc", "gzip-cut", "zip-cut"],
)
def test_damaged_gdelt_files_are_one_line_and_store_unchanged(
    tmp_path: Path, runner: CliRunner, stored: Path, make: Any, says: str
) -> None:
    bad = make(tmp_path)
    before = fingerprint(stored)
    line = one_error_line(runner.invoke(main, ["import", "gdelt", str(bad), "--db", str(stored)]))
    assert line.startswith("Error: ") and says in line
    assert fingerprint(stored) == before


def test_gdelt_import_interrupted_while_writing_ties_leaves_nothing_and_reruns(
    runner: CliRunner, stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from allegiance.events import importer

    real = importer.insert_ties

    def interrupted(*args: Any) -> int:
        raise KeyboardInterrupt

    before = fingerprint(stored)
    monkeypatch.setattr(importer, "insert_ties", interrupted)
    result = runner.invoke(main, ["import", "gdelt", str(HAND), "--db", str(stored)])
    assert result.exit_code != 0
    assert "Aborted!" in result.output and "Traceback" not in result.output
    assert fingerprint(stored) == before

    # Nothing was half-stored, so the same import runs again, whole.
    monkeypatch.setattr(importer, "insert_ties", real)
    result = runner.invoke(main, ["import", "gdelt", str(HAND), "--db", str(stored)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(stored)
    try:
        ties = conn.execute("SELECT count(*) FROM event_ties").fetchone()[0]
        docs = conn.execute("SELECT count(*) FROM documents WHERE publisher = 'The GDELT Project'")
        assert ties > 0 and docs.fetchone()[0] == 1
    finally:
        conn.close()


def test_loading_the_cli_does_not_load_the_commands() -> None:
    """Commands load inside click's Ctrl-C handling: an early Ctrl-C says "Aborted!"."""
    code = "import sys, allegiance.cli; print('allegiance.extract' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_command_is_still_listed(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in ("demo", "ingest", "extract", "import", "analyze", "serve", "buildup", "review"):
        assert f"  {name} " in result.output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["review", "1", "--accept", "--reject", "--reviewer", "me"], "not both"),
        (["review", "1", "--reviewer", "me"], "either --accept or --reject"),
        (["claims", "--from", "2023", "--to", "2000"], "--from 2023 is after --to 2000"),
    ],
    ids=["review-both", "review-neither", "claims-backwards"],
)
def test_contradictory_options_are_one_line(
    runner: CliRunner, stored: Path, args: list[str], says: str
) -> None:
    before = fingerprint(stored)
    line = one_error_line(runner.invoke(main, [*args, "--db", str(stored)]))
    assert says in line
    assert fingerprint(stored) == before


@pytest.mark.parametrize("command", [["analyze", "--conflict", "KGZ:TJK"], ["claims"]])
def test_reading_an_empty_file_as_a_store_leaves_it_empty(
    tmp_path: Path, runner: CliRunner, command: list[str]
) -> None:
    empty = tmp_path / "notes.txt"
    empty.touch()
    line = one_error_line(runner.invoke(main, [*command, "--db", str(empty)]))
    assert "is an empty file, not a store" in line
    assert empty.stat().st_size == 0


def test_serve_on_a_busy_port_is_one_line(runner: CliRunner, stored: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(main, ["serve", "--db", str(stored), "--port", str(port)])
    line = one_error_line(result)
    assert line.startswith(f"Error: cannot listen on http://127.0.0.1:{port}")
    assert "Serving" not in result.output


def test_another_programs_sqlite_file_is_refused_untouched(
    tmp_path: Path, runner: CliRunner
) -> None:
    other = tmp_path / "places.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (id INTEGER, url TEXT)")
    conn.execute("INSERT INTO moz_places VALUES (1, 'https://example.org/')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for argv in (["analyze", "--conflict", "KGZ:TJK"], ["ingest", str(article)]):
        line = one_error_line(runner.invoke(main, [*argv, "--db", str(other)]))
        assert "another program's SQLite database (tables moz_places)" in line
    assert other.read_bytes() == before  # not even switched to WAL


def test_a_store_from_a_newer_version_is_refused(runner: CliRunner, stored: Path) -> None:
    conn = sqlite3.connect(stored)
    conn.execute("INSERT INTO schema_migrations VALUES (999, '999_future.sql', 'later')")
    conn.commit()
    conn.close()
    before = fingerprint(stored)
    line = one_error_line(runner.invoke(main, ["claims", "--db", str(stored)]))
    assert "made by a newer allegiance (schema 999" in line
    assert fingerprint(stored) == before


def test_a_gdelt_csv_re_export_with_a_header_says_so(
    tmp_path: Path, runner: CliRunner, stored: Path
) -> None:
    """The R re-export in ../shared/data (commas, a header, NA) is not GDELT as published."""
    rows = [line.split("\t") for line in HAND.read_text(encoding="utf-8").splitlines()[:3]]
    header = ",".join(f'"{name}"' for name in ["GLOBALEVENTID", "SQLDATE", "MonthYear"])
    export = tmp_path / "aug2012.csv"
    export.write_text(header + "\n" + "\n".join(",".join(r) for r in rows) + "\n")
    before = fingerprint(stored)
    argv = ["import", "gdelt", str(export), "--db", str(stored)]
    line = one_error_line(runner.invoke(main, argv))
    assert "a re-export with a header row, not a GDELT events file as published" in line
    assert fingerprint(stored) == before


def test_a_spark_master_that_cannot_be_reached_is_one_line(
    runner: CliRunner, stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pyspark_sql = pytest.importorskip("pyspark.sql")

    def unreachable(self: object) -> object:
        raise RuntimeError("Cannot call methods on a stopped SparkContext.\nat ...")

    monkeypatch.setattr(pyspark_sql.SparkSession.Builder, "getOrCreate", unreachable)
    before = fingerprint(stored)
    argv = ["import", "gdelt", str(HAND), "--spark-master", "spark://nowhere.invalid:7077"]
    line = one_error_line(runner.invoke(main, [*argv, "--db", str(stored)]))
    assert line == (
        "Error: cannot start Spark on spark://nowhere.invalid:7077: "
        "Cannot call methods on a stopped SparkContext."
    )
    assert fingerprint(stored) == before
