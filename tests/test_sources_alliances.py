"""ATOP and COW alliances: dyad-years collapse into runs, member-level files into memberships."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import InputError
from allegiance.model import Claim, ClaimKind, Relation
from allegiance.sources.dataset import Context, Parsed, Source
from allegiance.sources.importer import import_file, parse
from allegiance.sources.runs import Run, runs
from allegiance.store import Store

DATA = Path(__file__).resolve().parent / "fixtures" / "data"


@pytest.fixture(scope="module")
def context() -> Context:
    return Context.load()


def read(context: Context, fmt: str, name: str) -> Parsed:
    return parse(fmt, Source.from_path(DATA / name), context)


def tie(parsed: Parsed, a: str, b: str) -> Claim:
    (found,) = [c for c in parsed.claims if (c.subject, c.object) == (a, b)]
    return found


def periods(claim: Claim) -> list[tuple[int | None, int | None, int | None]]:
    return [(e.since, e.until, e.row) for e in claim.evidence]


def test_runs_of_consecutive_years_keep_their_first_line() -> None:
    years = {1942: 5, 1943: 3, 1945: 9, 1946: 1, 2009: 2}
    assert runs(years) == [Run(1942, 1943, 3), Run(1945, 1946, 1), Run(2009, 2009, 2)]
    # Years a dataset did not code (an IGO before 1965) do not break a run.
    assert runs({1950: 1, 1955: 2, 1965: 3}, observed=[1950, 1955, 1960, 1965]) == [
        Run(1950, 1955, 1),
        Run(1965, 1965, 3),
    ]


def test_directed_dyad_years_become_one_undirected_tie_per_pair(context: Context) -> None:
    parsed = read(context, "atop", "atop_dyad-year_sample.csv")
    assert parsed.rows == 106 and parsed.issues == ()
    assert [(c.subject, c.object) for c in parsed.claims] == [
        ("CHN", "USA"),
        ("KGZ", "TJK"),
        ("TJK", "USA"),
    ]
    kgz_tjk = tie(parsed, "KGZ", "TJK")
    assert kgz_tjk.kind is ClaimKind.AFFINITY and kgz_tjk.relation is Relation.ALLIANCE
    assert periods(kgz_tjk) == [(2010, 2018, 2)]
    assert kgz_tjk.evidence[0].text == (
        "ATOP: KGZ–TJK alliance 2010–2018 (consultation, defence, non-aggression)"
    )


def test_a_gap_in_the_years_starts_a_new_piece_of_evidence(context: Context) -> None:
    usa_china = tie(read(context, "atop", "atop_dyad-year_sample.csv"), "CHN", "USA")
    assert periods(usa_china) == [(1942, 1945, 74), (1962, 1964, 78), (2009, 2018, 81)]
    assert (usa_china.start, usa_china.end) == (1942, 2018)


def test_member_level_alliances_that_are_organisations_become_memberships(
    context: Context,
) -> None:
    parsed = read(context, "atop", "atop_member-level_sample.csv")
    members = {
        (c.subject, c.object, c.start, c.end)
        for c in parsed.claims
        if c.kind is ClaimKind.MEMBERSHIP
    }
    # Russia's two ATOP phases (1992-2002, 2002-) are one membership, still in force.
    assert ("RUS", "CSTO", 1992, None) in members
    assert {("UZB", "CSTO", 1992, 1999), ("UZB", "CSTO", 2006, 2012)} <= members
    assert ("TJK", "OSCE", 1992, None) in members  # 3740, the Helsinki Final Act


def test_other_member_level_alliances_tie_each_pair_of_members(context: Context) -> None:
    parsed = read(context, "atop", "atop_member-level_sample.csv")
    ties = {(c.subject, c.object) for c in parsed.claims if c.kind is ClaimKind.AFFINITY}
    assert ties == {("KGZ", "RUS"), ("KGZ", "TJK")}
    (piece,) = tie(parsed, "KGZ", "TJK").evidence
    assert (piece.since, piece.until, piece.row) == (1996, None, 23)
    assert piece.text == (
        "ATOP alliance 4837: KGZ–TJK partners (a pact without a defence promise) from 1996 "
        "(in force when the data end)"
    )
    assert tie(parsed, "KGZ", "TJK").relation is Relation.PARTNERSHIP


def test_cow_alliance_dyad_years(context: Context) -> None:
    parsed = read(context, "cow-alliance", "cow-alliance_dyad-year_sample.csv")
    assert parsed.document.title == "Correlates of War Formal Alliances"
    assert periods(tie(parsed, "CHN", "KGZ")) == [(2008, 2012, 12)]
    assert tie(parsed, "CHN", "KGZ").evidence[0].text == (
        "COW alliances: CHN–KGZ alliance 2008–2012 (entente, non-aggression)"
    )


def test_two_alliance_datasets_give_one_tie_with_evidence_from_both(
    store: Store, context: Context
) -> None:
    import_file(store, "atop", DATA / "atop_dyad-year_sample.csv", context=context)
    report = import_file(
        store, "cow-alliance", DATA / "cow-alliance_dyad-year_sample.csv", context=context
    )
    assert (report.claims_new, report.claims_merged) == (1, 1)
    claim = next(
        c for c in store.claims(kind="affinity") if (c.subject, c.object) == ("KGZ", "TJK")
    )
    assert len({e.document_id for e in claim.evidence}) == 2
    assert (claim.start, claim.end) == (2008, 2018)


def test_a_file_of_another_layout_is_refused_in_one_line(context: Context) -> None:
    with pytest.raises(InputError, match="neither an ATOP dyad-year file"):
        read(context, "atop", "cow-alliance_dyad-year_sample.csv")
