"""``allegiance report``: the format follows -o's suffix; bad input is one clear error line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main
from allegiance.store import Store
from test_report_fixtures import briefing_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "small.db"
    with Store.open(path) as store:
        briefing_store(store)
    return path


def report(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["report", "--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_writes_html(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "kgz-tjk.html"
    code, stdout, _ = report(db, "--conflict", "Kyrgyzstan:Tajikistan", "-o", str(out))

    assert (code, stdout) == (0, f"wrote {out}\n")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<h1>Kyrgyzstan (KGZ) vs Tajikistan (TJK)</h1>" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="alignment"' in page


def test_writes_markdown_for_a_window(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "kgz-tjk.md"
    code, _, _ = report(
        db, "--conflict", "KGZ:TJK", "--from", "2021", "--to", "2023", "-o", str(out)
    )

    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Briefing: Kyrgyzstan (KGZ) vs Tajikistan (TJK) — 2021–2023\n")
    assert "| 2020 |" not in text and "| 2021 | 1 | 0 | 1 |" in text
    assert "Mi-24" not in text  # the 2019 register row is outside the window


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--conflict", "KGZ:TJK", "-o", "brief.pdf"],
            "Error: cannot write a briefing as .pdf (brief.pdf): name the file .html or .md",
        ),
        (
            ["--conflict", "KGZ:TJK", "-o", "brief"],
            "Error: cannot write a briefing as no suffix (brief): name the file .html or .md",
        ),
        (
            ["--conflict", "KGZ:Qwertyland", "-o", "brief.html"],
            "Error: unknown actor 'QWERTYLAND' (try: allegiance actors 'QWERTYLAND')",
        ),
        (
            ["--conflict", "KGZ", "-o", "brief.html"],
            "Error: a conflict is written A:B, e.g. KGZ:TJK, not 'KGZ'",
        ),
    ],
)
def test_bad_input_is_one_clear_line(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = report(db, *args)

    assert (code, stdout, stderr) == (1, "", message + "\n")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_store_is_one_clear_line(tmp_path: Path) -> None:
    code, _, stderr = report(tmp_path / "none.db", "--conflict", "KGZ:TJK", "-o", "x.html")

    assert code == 1
    assert stderr.startswith("Error: no store at ") and stderr.count("\n") == 1


def test_the_command_is_documented() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "report " in result.stdout
    help_text = CliRunner().invoke(main, ["report", "--help"]).stdout
    for option in ("--conflict", "--from", "--to", "--as-of", "-o, --output", "--db"):
        assert option in help_text
