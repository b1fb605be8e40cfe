"""``allegiance import FORMAT`` given the wrong thing: one error line, the store unchanged."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main
from test_hostile_store import fingerprint, one_error_line

FORMATS = [
    "sipri-trade-register",
    "sipri-milex",
    "atop",
    "cow-alliance",
    "cow-igo",
    "ucdp-acd",
    "cow-mid",
    "rivalries",
]


@pytest.fixture
def db(tmp_path: Path, runner: CliRunner) -> Path:
    path = tmp_path / "store.db"
    article = tmp_path / "article.txt"
    article.write_text("Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2022.\n")
    assert runner.invoke(main, ["ingest", str(article), "--db", str(path)]).exit_code == 0
    return path


def _workbook(tmp_path: Path) -> Path:
    path = tmp_path / "rivalries.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return path


def _junk(tmp_path: Path) -> Path:
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 40)
    return path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("make", "says"),
    [(_workbook, "not a CSV file: unzip it, or save the sheet as CSV"), (_junk, "binary data")],
    ids=["xlsx", "binary"],
)
def test_binary_files_are_one_line(
    tmp_path: Path, runner: CliRunner, db: Path, fmt: str, make: object, says: str
) -> None:
    bad = make(tmp_path)  # type: ignore[operator]
    before = fingerprint(db)
    line = one_error_line(runner.invoke(main, ["import", fmt, str(bad), "--db", str(db)]))
    assert line == f"Error: {bad}: {says}" or (line.startswith(f"Error: {bad}: ") and says in line)
    assert fingerprint(db) == before


def test_a_layout_error_names_the_file_once(tmp_path: Path, runner: CliRunner, db: Path) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("x,y\n1,2\n", encoding="utf-8")
    for fmt in ("atop", "cow-mid", "rivalries"):
        line = one_error_line(runner.invoke(main, ["import", fmt, str(wrong), "--db", str(db)]))
        assert line.count("wrong.csv") == 1, line


def test_each_published_file_given_to_every_other_format(
    runner: CliRunner, db: Path, shared_data: Path
) -> None:
    """Every real dataset file, imported as the wrong format: refused in one line, or no harm."""
    files = sorted(p for p in shared_data.rglob("*") if p.suffix in {".csv", ".xlsx", ".txt"})
    sipri = shared_data / "sipri-arms-transfers" / "trade-register_central-asia.csv"
    before = fingerprint(db)
    for fmt in ("sipri-trade-register", "cow-mid", "rivalries"):
        for path in files:
            if fmt == "sipri-trade-register" and path == sipri:
                continue
            if fmt != "sipri-trade-register" and path.parent.name in {"cow-mid", "rivalries"}:
                continue
            result = runner.invoke(main, ["import", fmt, str(path), "--db", str(db)])
            assert "Traceback" not in result.output
            if result.exit_code != 0:
                one_error_line(result)
    assert fingerprint(db) == before


@pytest.mark.parametrize("fmt", ["sipri-trade-register", "sipri-milex", "atop", "rivalries"])
def test_a_field_over_the_csv_limit_is_one_line(
    tmp_path: Path, runner: CliRunner, db: Path, fmt: str
) -> None:
    huge = tmp_path / "huge.csv"
    header = "Recipient,Supplier,ccode1,country_sipri,year,milex_share_of_gdp"
    huge.write_text(f'{header}\nA,B,1,C,2021,"{"x" * 200_000}"\n', encoding="utf-8")
    before = fingerprint(db)
    line = one_error_line(runner.invoke(main, ["import", fmt, str(huge), "--db", str(db)]))
    assert line.startswith(f"Error: {huge}: line 2 cannot be read as CSV: field larger than")
    assert fingerprint(db) == before


def test_rows_skipped_counts_rows_not_distinct_codes(
    tmp_path: Path, runner: CliRunner, db: Path
) -> None:
    """An unknown code on three rows is reported once, and counted as three rows skipped."""
    rivalries = tmp_path / "rivalries.csv"
    rivalries.write_text(
        "rivalryno,rivalryname,ccode1,ccode2,styear,endyear\n"
        "1,A,300,2,1900,1910\n"
        "2,B,300,365,1920,1930\n"
        "3,C,300,710,1940,1950\n"
        "4,D,2,365,1947,1989\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["import", "rivalries", str(rivalries), "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith("; 3 rows skipped (3 unknown actor)"), lines[0]
    assert lines[1:] == [
        "  line 2: unknown COW state code 300, not in the gazetteer (3 rows; this is the first)"
    ]
