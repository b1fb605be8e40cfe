"""``ingest``/``extract``/``report`` given hostile articles: one line per bad file, no harm."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main
from test_hostile_store import ARTICLE, fingerprint

HOSTILE_HTML = """<html><head><script>alert('x')</script>
<title>T<img src=x onerror=alert(1)></title></head><body>
<p>Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2022 <img src=x onerror="alert(2)">.</p>
<p>Iran supplied Ababil-2 drones to Tajikistan in 2021.</p>
<script>document.write('Russia supplied Tajikistan')</script></body></html>
"""


@pytest.fixture
def db(tmp_path: Path, runner: CliRunner) -> Path:
    path = tmp_path / "store.db"
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(main, ["ingest", str(article), "--db", str(path)]).exit_code == 0
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".zip"])
@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_dataset_given_as_an_article_is_refused(
    tmp_path: Path, runner: CliRunner, db: Path, suffix: str, command: str
) -> None:
    data = tmp_path / f"register{suffix}"
    data.write_text("Recipient,Supplier\nKyrgyzstan,Turkiye\n", encoding="utf-8")
    before = fingerprint(db)
    extra = ["--db", str(db)] if command == "ingest" else []
    result = runner.invoke(main, [command, str(data), *extra])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{data}: a {suffix} file is a dataset, not an article; import datasets with" in (
        result.output
    )
    assert fingerprint(db) == before


def test_hostile_html_is_read_as_text_and_escaped_in_the_briefing(
    tmp_path: Path, runner: CliRunner, db: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_HTML, encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(page), "--db", str(db)])
    assert result.exit_code == 0, result.output
    briefing = tmp_path / "b.html"
    argv = ["report", "--conflict", "KGZ:TJK", "-o", str(briefing), "--db", str(db)]
    assert runner.invoke(main, argv).exit_code == 0
    html = briefing.read_text(encoding="utf-8")
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "<img src=x" not in html and "alert('x')" not in html


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["extract", "{article}", "--date", "2022-13-45"], "Invalid value for '--date'"),
        (["analyze", "--conflict", "KGZ:TJK", "--from", "abc"], "'abc' is not a valid integer"),
        (["import", "nosuch", "{article}"], "No such command 'nosuch'"),
        (["import", "bundle", "{article}"], "unexpected extra argument"),
        (["--bogus"], "No such option '--bogus'"),
        (["analyze", "--db", "{folder}", "--conflict", "KGZ:TJK"], "is a directory"),
    ],
    ids=["bad-date", "bad-year", "bad-format", "extra-file", "bad-option", "db-folder"],
)
def test_usage_errors_are_one_line_pointing_at_the_help(
    tmp_path: Path, runner: CliRunner, argv: list[str], says: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    args = [a.format(article=article, folder=tmp_path) for a in argv]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ") and says in lines[0]
    assert lines[0].endswith("--help')")


def test_bare_commands_still_show_their_help(runner: CliRunner) -> None:
    assert "Commands:" in runner.invoke(main, []).output
    assert "sipri-trade-register" in runner.invoke(main, ["import"]).output
