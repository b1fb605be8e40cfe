"""The analysis the project started from, reproduced from the seed article's text alone.

The seed is third-party text, read from ../shared/seeds at run time (the test
skips, saying why, where it is absent). Only the article and the shipped
reference memberships go into the store: no dataset.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from allegiance.analyst import Analyst
from allegiance.extract import RuleExtractor
from allegiance.graph.analysis import Analysis
from allegiance.graph.findings import FindingType
from allegiance.graph.sides import Stance
from allegiance.model import Conflict, Document
from allegiance.sources.reference import ensure_reference
from allegiance.store import Store
from conftest import SEED


@pytest.fixture(scope="module")
def seed_text() -> str:
    """The seed article (module-wide: it is analysed once for all the tests here)."""
    if not SEED.exists():
        pytest.skip(f"the seed article is not here ({SEED}); it lives only in ../shared/seeds")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_analysis(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> Analysis:
    text = seed_text
    path: Path = tmp_path_factory.mktemp("seed") / "seed.db"
    with Store.open(path) as store:
        ensure_reference(store)
        doc = Document.from_text(text, title="Seed article", date=date(2023, 9, 1))
        store.add_document(doc, RuleExtractor().extract(doc))
        return Analyst(store).analyze(Conflict("KGZ", "TJK"))


def findings(analysis: Analysis, kind: FindingType) -> list[tuple[str, ...]]:
    return [f.actors for f in analysis.findings if f.type is kind]


def test_turkey_and_belarus_arm_kyrgyzstan(seed_analysis: Analysis) -> None:
    assert {b.actor for b in seed_analysis.sides["KGZ"]} >= {"TUR", "BLR"}
    turkey = next(b for b in seed_analysis.sides["KGZ"] if b.actor == "TUR")
    assert "Bayraktar TB2" in turkey.weapons


def test_the_us_iran_and_the_uae_back_tajikistan(seed_analysis: Analysis) -> None:
    assert {b.actor for b in seed_analysis.sides["TJK"]} >= {"USA", "IRN", "ARE"}


def test_nato_allies_on_opposite_sides(seed_analysis: Analysis) -> None:
    opposed = [f for f in seed_analysis.findings if f.type is FindingType.ALLIES_OPPOSED]
    assert any(set(f.actors) == {"TUR", "USA"} and f.via == "NATO" for f in opposed)


def test_two_enemies_on_the_same_side(seed_analysis: Analysis) -> None:
    assert any(
        set(actors) == {"USA", "IRN"}
        for actors in findings(seed_analysis, FindingType.ENEMIES_ALIGNED)
    )


def test_the_csto_holds_both_belligerents(seed_analysis: Analysis) -> None:
    (finding,) = [
        f for f in seed_analysis.findings if f.type is FindingType.INTRA_ALLIANCE_CONFLICT
    ]
    assert finding.via == "CSTO"
    assert "both members of the CSTO" in finding.explanation


def test_russia_is_tied_to_both_yet_on_the_sidelines_and_cross_pressured(
    seed_analysis: Analysis,
) -> None:
    russia = next(t for t in seed_analysis.third_parties if t.actor == "RUS")
    assert russia.stance is Stance.SIDELINES
    assert {t.side for t in russia.ties if t.sign > 0} == {"KGZ", "TJK"}
    (pressure,) = [
        f
        for f in seed_analysis.findings
        if f.type is FindingType.CROSS_PRESSURE and f.actors == ("RUS",)
    ]
    pulls = {p.actor: p.toward for p in pressure.pressures}
    assert pulls["KGZ"] == "KGZ" and pulls["TJK"] == "TJK"
    assert pulls.get("BLR") == "KGZ" and pulls.get("IRN") == "TJK"
    assert "arms neither side" in pressure.explanation


def test_every_finding_rests_on_evidence_from_the_article(seed_analysis: Analysis) -> None:
    for finding in seed_analysis.findings:
        assert finding.claims, finding
        pieces = [e for c in finding.claims for e in seed_analysis.claims[c].evidence]
        assert any(p.start is not None and p.text for p in pieces), finding
