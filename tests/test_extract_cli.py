"""``allegiance extract`` and ``allegiance ingest`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from allegiance.cli import main
from allegiance.store import Store

SUPPLY_KEYS = [
    "kind", "subject", "object", "weapon", "category", "quantity", "year", "status", "value",
    "value_unit", "start", "end", "confidence", "evidence",
]  # fmt: skip
RELATION_KEYS = ["kind", "subject", "object", "relation", "start", "end", "confidence", "evidence"]
ARTICLE = "Drones for Kenya\n\nIn 2022, Kenya bought Bayraktar TB2 drones from Turkey.\n"
OTHER = "Armenia and Belarus are both members of the CSTO, officials said.\n"


def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "kenya.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "cst.md").write_text(OTHER, encoding="utf-8")
    return folder


def test_extract_one_file_prints_the_documented_object(runner: CliRunner, tmp_path: Path) -> None:
    path = articles(tmp_path) / "kenya.txt"
    result = runner.invoke(main, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["document"]["title"] == "Drones for Kenya"
    assert out["document"]["path"] == str(path)
    (claim,) = out["claims"]
    assert list(claim) == SUPPLY_KEYS
    assert (claim["subject"], claim["object"], claim["weapon"], claim["year"]) == (
        "TUR",
        "KEN",
        "Bayraktar TB2",
        2022,
    )
    evidence = claim["evidence"]
    assert evidence["text"] == "In 2022, Kenya bought Bayraktar TB2 drones from Turkey."
    assert ARTICLE[evidence["start"] : evidence["end"]] == evidence["text"]


def test_extract_a_folder_prints_json_lines(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(articles(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["document"]["title"] for line in lines] == [OTHER.strip(), "Drones for Kenya"]
    assert [[c["kind"] for c in line["claims"]] for line in lines] == [
        ["membership", "membership"],
        ["supply"],
    ]


def test_membership_claims_carry_a_relation_field(runner: CliRunner, tmp_path: Path) -> None:
    path = articles(tmp_path) / "cst.md"
    out = json.loads(runner.invoke(main, ["extract", str(path)]).output)
    assert [list(c) for c in out["claims"]] == [RELATION_KEYS, RELATION_KEYS]
    assert {c["subject"] for c in out["claims"]} == {"ARM", "BLR"}


def test_extract_date_option_dates_the_document(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Turkey sold drones to Kenya.", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path), "--date", "2021-06-30"])
    out = json.loads(result.output)
    assert out["document"]["date"] == "2021-06-30"
    assert out["claims"][0]["year"] == 2021


def test_extract_table(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(articles(tmp_path)), "--format", "table"])
    assert result.exit_code == 0
    assert result.output.startswith("3 claims\n")
    assert "TUR" in result.output and "KEN" in result.output and "CSTO" in result.output


def test_ingest_twice_adds_nothing_the_second_time(runner: CliRunner, tmp_path: Path) -> None:
    folder, db = articles(tmp_path), tmp_path / "claims.db"
    first = runner.invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert first.output == "2 documents added, 0 already present; 3 claims new, 0 merged\n"
    again = runner.invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert again.output == "0 documents added, 2 already present; 0 claims new, 0 merged\n"
    with Store.open(db) as store:
        assert store.counts()["documents"] == 2
        assert store.counts()["claims"] == 3


def test_a_bad_file_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    folder, db = articles(tmp_path), tmp_path / "claims.db"
    bad = folder / "junk.txt"
    bad.write_bytes(bytes(range(256)) * 10)
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == f"{bad}: binary data, not text\n"
    assert "2 documents added" in result.stdout and "1 files failed" in result.stdout
    with Store.open(db) as store:
        assert store.counts()["documents"] == 2


def test_extract_of_an_empty_file_says_so(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert f"{path}: the file is empty" in result.output
    assert "Traceback" not in result.output
