"""``allegiance analyze`` end to end on a small hand-built store: golden output, as-of, review.

The golden files are ``tests/snapshots/analyze_small.{txt,json}``. After an
intended change to the analysis or its wording, regenerate and review the diff:

    ALLEGIANCE_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_cli_analyze.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from allegiance.cli import main
from allegiance.model import ClaimKind
from allegiance.store import Store
from test_report_fixtures import briefing_store

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("ALLEGIANCE_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "small.db"
    with Store.open(path) as store:
        briefing_store(store)
    return path


def analyze(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["analyze", "--conflict", "KGZ:TJK", "--db", str(db), *args])


def matches_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}; run with ALLEGIANCE_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8")


def test_text_output_matches_the_golden_file(db: Path) -> None:
    result = analyze(db)
    assert result.exit_code == 0, result.output
    matches_snapshot("analyze_small.txt", result.output)


def test_json_output_matches_the_golden_file(db: Path) -> None:
    result = analyze(db, "--format", "json")
    assert result.exit_code == 0, result.output
    matches_snapshot("analyze_small.json", result.output)


def test_text_quotes_the_evidence_under_each_finding(db: Path) -> None:
    output = analyze(db).output
    findings = output.split("Findings", 1)[1].split("Frustration index", 1)[0]
    assert "[allies_opposed] NATO allies Turkey and the United States back opposite sides" in (
        findings
    )
    assert "“Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2021.” [" in findings
    assert "Sources\n" in output and "Arms race on the frontier — Example Wire" in output


def test_markdown_carries_the_same_findings(db: Path) -> None:
    text = json.loads(analyze(db, "--format", "json").output)
    markdown = analyze(db, "--format", "md").output
    assert markdown.startswith("# Kyrgyzstan (KGZ) vs Tajikistan (TJK)")
    for finding in text["findings"]:
        assert f"**{finding['type']}**: {finding['explanation']}" in markdown


def test_as_of_uses_only_what_was_published_by_then(db: Path) -> None:
    before = json.loads(analyze(db, "--as-of", "2023-09-15", "--format", "json").output)
    after = json.loads(analyze(db, "--as-of", "2023-10-05", "--format", "json").output)

    def backers(result: dict[str, object], side: str) -> set[str]:
        sides = result["sides"]
        assert isinstance(sides, dict)
        return {b["actor"] for b in sides[side]["backers"]}

    # The hedge article (2023-10-02) is what reports Belarus and Russia arming Kyrgyzstan.
    assert backers(before, "KGZ") == {"TUR"}
    assert backers(after, "KGZ") == {"TUR", "BLR", "RUS"}
    assert "dual_supplier" not in {f["type"] for f in before["findings"]}
    assert "dual_supplier" in {f["type"] for f in after["findings"]}
    assert before["conflict"]["as_of"] == "2023-09-15"


def test_window_years_filter_the_claims(db: Path) -> None:
    result = json.loads(analyze(db, "--to", "2021", "--format", "json").output)
    # Only the register's 2019 Mi-24s reach Tajikistan by 2021.
    assert {b["actor"] for b in result["sides"]["TJK"]["backers"]} == {"RUS"}
    assert result["conflict"]["to"] == 2021


def test_a_rejected_claim_drops_out_of_the_analysis_at_once(db: Path) -> None:
    with Store.open(db) as store:
        (puma,) = [c for c in store.claims(kind=ClaimKind.SUPPLY) if c.subject == "USA"]
    assert puma.id is not None
    reviewed = CliRunner().invoke(
        main,
        ["review", str(puma.id), "--reject", "--reviewer", "ana", "--db", str(db)],
    )
    assert reviewed.exit_code == 0, reviewed.output
    assert f"claim {puma.id} is now rejected" in reviewed.output

    result = json.loads(analyze(db, "--format", "json").output)
    assert "USA" not in {b["actor"] for b in result["sides"]["TJK"]["backers"]}
    opposed = [f["actors"] for f in result["findings"] if f["type"] == "allies_opposed"]
    assert ["TUR", "USA"] not in opposed
    assert ["BLR", "RUS"] in opposed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--conflict", "KGZ"], "a conflict is written A:B"),
        (["--conflict", "KGZ:Atlantis"], "unknown actor 'ATLANTIS'"),
        (["--conflict", "KGZ:Kyrgyzstan"], "two different sides"),
        (["--conflict", "KGZ:TJK", "--from", "2023", "--to", "2021"], "after --to"),
    ],
)
def test_bad_input_is_one_clear_error_line(db: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["analyze", *args, "--db", str(db)])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = analyze(tmp_path / "nowhere.db")
    assert result.exit_code == 1
    assert "no store at" in result.output
    assert not (tmp_path / "nowhere.db").exists()
