"""Strategic rivalries: TSS and Thompson–Dreyer, an ongoing rivalry left open."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.model import Relation
from allegiance.sources.dataset import Context, IssueKind, Source
from allegiance.sources.importer import parse

DATA = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture(scope="module")
def context() -> Context:
    return Context.load()


def test_tss_rivalries_with_the_ongoing_one_left_open(context: Context) -> None:
    parsed = parse("rivalries", Source.from_path(DATA / "tss-rivalries_sample.csv"), context)
    found = {(c.subject, c.object): c for c in parsed.claims}
    us_iran = found[("IRN", "USA")]
    assert us_iran.relation is Relation.RIVALRY
    (piece,) = us_iran.evidence
    assert (piece.since, piece.until, piece.row) == (1982, None, 2)
    assert piece.text == (
        "TSS strategic rivalry 185 'Iran-United States': IRN–USA 1982–ongoing (as of 2020) "
        "(positional)"
    )
    assert (found[("KGZ", "UZB")].start, found[("KGZ", "UZB")].end) == (2005, 2017)


def test_thompson_dreyer_layout_and_an_unknown_state(context: Context) -> None:
    parsed = parse(
        "rivalries", Source.from_path(DATA / "thompson-dreyer-rivalries_sample.csv"), context
    )
    assert parsed.document.title == "Handbook of International Rivalries (Thompson & Dreyer)"
    assert {(c.subject, c.object, c.end) for c in parsed.claims} == {
        ("KAZ", "UZB", None),
        ("RUS", "USA", None),
        ("CHN", "TWN", None),
    }
    (issue,) = parsed.issues
    assert (issue.line, issue.kind) == (4, IssueKind.UNKNOWN_ACTOR)
    assert issue.message == "unknown COW state code 300, not in the gazetteer"
