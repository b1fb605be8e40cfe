"""``allegiance import``: the exact report a user sees, the JSON, and errors in one line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from allegiance.cli import main
from allegiance.sources.registry import FORMATS

DATA = Path(__file__).resolve().parent / "fixtures" / "data"
REGISTER = DATA / "sipri_trade-register_cp1252-crlf.csv"


def run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(main, list(args))
    return result.exit_code, result.output


def test_import_reports_a_summary_and_the_skipped_rows(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    code, out = run(runner, "import", "sipri-trade-register", str(REGISTER), "--db", db)
    assert code == 0, out
    assert out.splitlines() == [
        "sipri-trade-register sipri_trade-register_cp1252-crlf.csv: 45 rows, 42 claims "
        "(41 new, 0 merged into stored claims), 42 values; 3 rows skipped "
        "(1 malformed, 2 unattributed)",
        "  line 11: unknown supplier(s): SIPRI names none",
        "  line 45: unknown supplier(s): SIPRI names none",
        "  line 47: year of order is not a number: '2O21'",
    ]
    code, again = run(runner, "import", "sipri-trade-register", str(REGISTER), "--db", db)
    assert code == 0
    assert again.startswith(
        "sipri-trade-register sipri_trade-register_cp1252-crlf.csv: already imported (document "
    )
    assert again.rstrip().endswith("nothing changed")


def test_import_several_files_as_json(runner: CliRunner, tmp_path: Path) -> None:
    files = [
        str(DATA / "tss-rivalries_sample.csv"),
        str(DATA / "thompson-dreyer-rivalries_sample.csv"),
    ]
    db = str(tmp_path / "r.db")
    code, out = run(
        runner,
        "import",
        "rivalries",
        *files,
        "--db",
        db,
        "--format",
        "json",
        "--published",
        "2022-06-01",
    )
    assert code == 0, out
    imports = json.loads(out)["imports"]
    assert [i["claims"] for i in imports] == [5, 3]
    assert set(imports[0]) == {
        "format",
        "document",
        "added",
        "rows",
        "claims",
        "claims_new",
        "claims_merged",
        "evidence",
        "values",
        "skipped",
    }
    assert imports[1]["skipped"] == [
        {
            "line": 4,
            "kind": "unknown_actor",
            "message": "unknown COW state code 300, not in the gazetteer",
            "rows": 1,
        }
    ]
    assert imports[0]["document"]["kind"] == "dataset"
    assert imports[0]["document"]["date"] == "2022-06-01"


def test_every_format_has_a_documented_subcommand(runner: CliRunner) -> None:
    code, out = run(runner, "import", "--help")
    assert code == 0
    for name in [*FORMATS, "bundle"]:
        assert name in out
        sub_code, sub_out = run(runner, "import", name, "--help")
        assert sub_code == 0 and "--db" in sub_out


def test_a_file_in_the_wrong_layout_is_one_line_naming_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    milex = DATA / "sipri-milex_kgz-tjk.csv"
    code, out = run(
        runner, "import", "sipri-trade-register", str(milex), "--db", str(tmp_path / "w.db")
    )
    assert code == 1
    assert out == (
        f"Error: {milex}: not a SIPRI trade register export: no 'Recipient,Supplier,...' header\n"
    )


def test_import_bundle_then_again(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "b.db")
    code, out = run(runner, "import", "bundle", "--db", db)
    assert code == 0, out
    assert out.splitlines()[0].startswith(
        "sipri-trade-register sipri-trade-register_central-asia.csv: 236 rows, 235 claims"
    )
    code, again = run(runner, "import", "bundle", "--db", db)
    assert all(line.endswith("nothing changed") for line in again.splitlines())
