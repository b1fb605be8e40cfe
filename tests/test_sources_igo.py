"""COW IGO year format: full members become memberships, organisations keep our codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.model import ClaimKind
from allegiance.sources.dataset import Context, IssueKind, Source
from allegiance.sources.igo import organisation_code, state_columns
from allegiance.sources.importer import import_file, parse
from allegiance.store import Store

IGO = Path(__file__).resolve().parent / "fixtures" / "data" / "cow-igo_year-format_sample.csv"


@pytest.fixture(scope="module")
def context() -> Context:
    return Context.load()


def test_full_members_become_memberships_with_one_piece_per_run(context: Context) -> None:
    parsed = parse("cow-igo", Source.from_path(IGO), context)
    found = {(c.subject, c.object): c for c in parsed.claims}
    assert all(c.kind is ClaimKind.MEMBERSHIP for c in parsed.claims)
    assert set(found) == {
        ("KGZ", "CSTO"),
        ("TJK", "CSTO"),
        ("RUS", "CSTO"),
        ("UZB", "CSTO"),
        ("USA", "NATO"),
        ("TUR", "NATO"),
        ("RUS", "WARSAW_PACT"),
    }
    (uzbek,) = found[("UZB", "CSTO")].evidence
    assert (uzbek.since, uzbek.until, uzbek.row) == (2002, 2011, 2)
    assert uzbek.text == "COW IGO: UZB full member of CSTO 2002–2011"


def test_a_state_the_gazetteer_lacks_is_reported_once_with_its_first_row(
    context: Context,
) -> None:
    parsed = parse("cow-igo", Source.from_path(IGO), context)
    (issue,) = parsed.issues
    assert (issue.line, issue.kind) == (18, IssueKind.UNKNOWN_ACTOR)
    assert "egermany" in issue.message and "265" in issue.message


def test_organisation_codes_are_ours_or_stable() -> None:
    assert organisation_code("CSTO") == "CSTO"
    assert organisation_code("EAEC") == "EURASEC"
    assert organisation_code("WPact") == "WARSAW_PACT"
    assert organisation_code("AfDB") == "IGO_AFDB"
    assert state_columns()["kyrgyzstan"] == 703 and state_columns()["uae"] == 696


def test_memberships_merge_with_the_same_tie_from_atop(store: Store, context: Context) -> None:
    data = IGO.parent
    import_file(store, "atop", data / "atop_member-level_sample.csv", context=context)
    import_file(store, "cow-igo", IGO, context=context)
    claim = next(
        c for c in store.claims(kind="membership") if (c.subject, c.object) == ("KGZ", "CSTO")
    )
    assert len({e.document_id for e in claim.evidence}) == 2
    assert (claim.start, claim.end) == (1992, None)  # ATOP: in force when its data end
