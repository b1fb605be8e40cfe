"""Reading GDELT event files: layouts (57/58/61 columns), zip and gzip, malformed lines, junk."""

from __future__ import annotations

import gzip
import shutil
import zipfile
from pathlib import Path

import pytest

from allegiance.errors import InputError
from allegiance.events import (
    Aggregation,
    Compression,
    DuckDBEngine,
    EventLocation,
    Period,
    locate_events,
    sniff,
    sniff_all,
)

GDELT = Path(__file__).parent / "fixtures" / "gdelt"
GEORGIA = {
    "georgia_2012-08.v1-57.CSV": (57, "1.0", Compression.NONE),
    "georgia_2012-08.v1-57.CSV.zip": (57, "1.0", Compression.ZIP),
    "georgia_2012-08.v1-58.CSV": (58, "1.0", Compression.NONE),
    "georgia_2012-08.v1-58.CSV.zip": (58, "1.0", Compression.ZIP),
    "georgia_2012-08.v2-61.export.CSV": (61, "2.0", Compression.NONE),
    "georgia_2012-08.v2-61.export.CSV.zip": (61, "2.0", Compression.ZIP),
}


@pytest.fixture(scope="module")
def engine() -> DuckDBEngine:
    return DuckDBEngine(threads=2, memory_limit="1GB")


@pytest.mark.parametrize("name", sorted(GEORGIA))
def test_sniff_finds_layout_and_packing(name: str) -> None:
    width, version, packing = GEORGIA[name]
    (found,) = sniff(GDELT / name)
    assert (found.layout.width, found.layout.version, found.compression) == (
        width,
        version,
        packing,
    )


@pytest.mark.parametrize("name", sorted(GEORGIA))
def test_every_layout_gives_the_same_ties(engine: DuckDBEngine, name: str) -> None:
    run = engine.ties_from_files(sniff(GDELT / name), Aggregation(period=Period.YEAR))
    # 320 lines, 137 events between two different country codes, 119 once
    # regions (EUR, WST, ...) are dropped; 46 directed dyads in 2012.
    assert (run.ties.num_rows, run.events, run.malformed) == (46, 119, ())
    first = run.ties.slice(0, 1).to_pylist()[0]
    assert (first["source"], first["target"], first["period"]) == ("AFG", "GEO", "2012")


def test_gzip_is_read_too(engine: DuckDBEngine, tmp_path: Path) -> None:
    packed = tmp_path / "georgia.CSV.gz"
    with (GDELT / "georgia_2012-08.v1-58.CSV").open("rb") as src, gzip.open(packed, "wb") as out:
        shutil.copyfileobj(src, out)
    (found,) = sniff(packed)
    assert found.compression is Compression.GZIP
    assert engine.ties_from_files([found], Aggregation()).events == 119


def _with_bad_lines(tmp_path: Path, name: str, zipped: bool) -> Path:
    lines = (GDELT / "georgia_2012-08.v2-61.export.CSV").read_text().splitlines(keepends=True)
    lines.insert(4, "this line is not an event\n")  # becomes line 5
    fields = lines[9].split("\t")
    fields[30] = "loud"  # GoldsteinScale, line 10
    lines[9] = "\t".join(fields)
    text = "".join(lines)
    if not zipped:
        path = tmp_path / name
        path.write_text(text)
        return path
    path = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, text)
    return path


@pytest.mark.parametrize("zipped", [False, True])
def test_malformed_lines_are_skipped_and_reported(
    engine: DuckDBEngine, tmp_path: Path, zipped: bool
) -> None:
    path = _with_bad_lines(tmp_path, "20120801.export.CSV", zipped)
    run = engine.ties_from_files(sniff_all([GDELT / "hand_2021.export.CSV", path]), Aggregation())
    assert [(m.file, m.line, m.reason) for m in run.malformed] == [
        ("20120801.export.CSV" + (".zip" if zipped else ""), 5, "too few fields"),
        (
            "20120801.export.CSV" + (".zip" if zipped else ""),
            10,
            "a field that should be a number is not one",
        ),
    ]
    assert run.malformed[0].text == "this line is not an event"


def test_binary_junk_is_a_clear_input_error(tmp_path: Path) -> None:
    junk = tmp_path / "20120801.export.CSV"
    junk.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(InputError, match="binary data, not a GDELT events file"):
        sniff(junk)


def test_damaged_zip_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "20120801.export.CSV.zip"
    bad.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 10)
    with pytest.raises(InputError, match="zip"):
        sniff(bad)


def test_a_csv_export_with_header_is_refused(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text('"GLOBALEVENTID","SQLDATE","MonthYear"\n212050843,20120801,201208\n')
    with pytest.raises(InputError, match=r"a re-export with a header row.*57, 58 or 61"):
        sniff(export)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        sniff(tmp_path / "nope.CSV")


def test_locate_events_finds_lines_across_files() -> None:
    files = sniff_all([GDELT / "hand_2021.export.CSV", GDELT / "georgia_2012-08.v1-58.CSV.zip"])
    found = locate_events(files, [990000032, 212051490, 990000001, 1])
    assert found == {
        990000001: EventLocation("hand_2021.export.CSV", 1),
        990000032: EventLocation("hand_2021.export.CSV", 32),
        212051490: EventLocation("georgia_2012-08.v1-58.CSV.zip", 2),
    }
