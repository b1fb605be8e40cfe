"""The alignment analysis on small hand-built claim sets: one per finding type, and balance."""

from __future__ import annotations

from itertools import count

import pytest

from allegiance.graph.analysis import Analysis, analyze
from allegiance.graph.findings import FindingType
from allegiance.graph.sides import Stance
from allegiance.graph.wording import Namer
from allegiance.model import Claim, ClaimKind, Conflict, Evidence, Relation, Status

ORGS = {
    "NATO": "military_alliance",
    "CSTO": "military_alliance",
    "SCO": "security",
    "EAEU": "economic",
}
NAMES = {
    "AAA": "Avaria",
    "BBB": "Borduria",
    "XXX": "Xania",
    "YYY": "Yvonia",
    "ZZZ": "Zembla",
    "USA": "United States",
}
CONFLICT = Conflict("AAA", "BBB")
_ids = count(1)


def claim(kind: ClaimKind, subject: str, obj: str, **attrs: object) -> Claim:
    status = attrs.get("status")
    piece = Evidence(
        document_id="doc",
        method="test",
        confidence=0.9,
        row=next(_ids),
        text=f"{subject} {kind} {obj}",
        status=status if isinstance(status, Status) else None,
        since=2022,
        until=2022,
    )
    return Claim(kind, subject, obj, id=piece.row, evidence=(piece,), **attrs)  # type: ignore[arg-type]


def supply(subject: str, obj: str, weapon: str = "Drone-1", **attrs: object) -> Claim:
    attrs.setdefault("status", Status.DELIVERED)
    return claim(ClaimKind.SUPPLY, subject, obj, start=2022, weapon=weapon, **attrs)


def member(subject: str, org: str) -> Claim:
    return claim(ClaimKind.MEMBERSHIP, subject, org)


def hostile(a: str, b: str, relation: Relation = Relation.ARMED_CLASH) -> Claim:
    return claim(ClaimKind.HOSTILITY, a, b, relation=relation)


def friendly(a: str, b: str, relation: Relation = Relation.PARTNERSHIP) -> Claim:
    return claim(ClaimKind.AFFINITY, a, b, relation=relation)


def run(*claims: Claim, conflict: Conflict = CONFLICT) -> Analysis:
    return analyze(
        list(claims),
        conflict,
        name=Namer(NAMES, ORGS),
        organisation_type=ORGS.get,
    )


def types(analysis: Analysis) -> list[str]:
    return [str(f.type) for f in analysis.findings]


def test_a_balanced_conflict_has_no_odd_alignment() -> None:
    result = run(
        hostile("AAA", "BBB"),
        supply("XXX", "AAA"),
        supply("YYY", "BBB"),
        hostile("XXX", "YYY", Relation.RIVALRY),
        friendly("XXX", "AAA"),
    )

    assert result.findings == ()
    assert result.frustration.index == 0
    assert result.camps() == (("AAA", "XXX"), ("BBB", "YYY"))
    assert [b.actor for b in result.sides["AAA"]] == ["XXX"]
    stances = {t.actor: t.stance for t in result.third_parties}
    assert stances == {"XXX": Stance.BACKS_A, "YYY": Stance.BACKS_B}


def test_allies_backing_opposite_sides() -> None:
    arms_a, arms_b = supply("XXX", "AAA"), supply("USA", "BBB", weapon="Puma")
    nato = [member("XXX", "NATO"), member("USA", "NATO")]

    result = run(hostile("AAA", "BBB"), arms_a, arms_b, *nato)

    (finding,) = result.findings
    assert finding.type is FindingType.ALLIES_OPPOSED
    assert finding.actors == ("XXX", "USA")
    assert finding.via == "NATO"
    assert finding.explanation.startswith(
        "NATO allies Xania and the United States back opposite sides:"
    )
    assert {arms_a.id, arms_b.id, nato[0].id, nato[1].id} <= set(finding.claims)
    assert result.frustration.index == 1


def test_co_members_of_an_economic_bloc_are_not_allies() -> None:
    result = run(
        hostile("AAA", "BBB"),
        supply("XXX", "AAA"),
        supply("YYY", "BBB"),
        member("XXX", "EAEU"),
        member("YYY", "EAEU"),
    )
    assert FindingType.ALLIES_OPPOSED not in {f.type for f in result.findings}


def test_enemies_backing_the_same_side() -> None:
    rivalry = hostile("USA", "XXX", Relation.RIVALRY)
    result = run(hostile("AAA", "BBB"), supply("USA", "BBB"), supply("XXX", "BBB"), rivalry)

    (finding,) = result.findings
    assert finding.type is FindingType.ENEMIES_ALIGNED
    assert set(finding.actors) == {"USA", "XXX"}
    assert finding.via == "BBB"
    assert "hostile to each other (rivalry) yet both back Borduria" in finding.explanation
    assert rivalry.id in finding.claims


def test_the_two_sides_in_one_alliance() -> None:
    membership = [member("AAA", "CSTO"), member("BBB", "CSTO"), member("AAA", "SCO")]
    clash = hostile("AAA", "BBB")

    result = run(
        clash, *membership, member("BBB", "SCO"), member("AAA", "EAEU"), member("BBB", "EAEU")
    )

    (finding,) = [f for f in result.findings if f.type is FindingType.INTRA_ALLIANCE_CONFLICT]
    assert finding.via == "CSTO"
    assert finding.actors == ("AAA", "BBB", "CSTO")
    assert finding.explanation == (
        "Avaria and Borduria are both members of the CSTO, yet they are in conflict "
        "(armed clash); they also share the SCO."
    )
    assert {clash.id, membership[0].id, membership[1].id} <= set(finding.claims)


def test_no_conflict_claim_means_no_intra_alliance_finding() -> None:
    result = run(member("AAA", "CSTO"), member("BBB", "CSTO"), supply("XXX", "AAA"))
    assert FindingType.INTRA_ALLIANCE_CONFLICT not in {f.type for f in result.findings}


def test_an_actor_arming_both_sides() -> None:
    result = run(
        hostile("AAA", "BBB"), supply("ZZZ", "AAA", "Heli-8"), supply("ZZZ", "BBB", "Tank-2")
    )

    dual = [f for f in result.findings if f.type is FindingType.DUAL_SUPPLIER]
    assert len(dual) == 1
    assert dual[0].explanation == (
        "Zembla arms both sides: Avaria (Heli-8, 2022) and Borduria (Tank-2, 2022)."
    )
    assert {t.actor: t.stance for t in result.third_parties} == {"ZZZ": Stance.BOTH}


def test_a_sidelined_actor_tied_to_both_camps_is_cross_pressured_and_balanced() -> None:
    result = run(
        hostile("AAA", "BBB"),
        member("AAA", "CSTO"),
        member("BBB", "CSTO"),
        member("ZZZ", "CSTO"),
        supply("XXX", "AAA"),
        supply("YYY", "BBB"),
        friendly("ZZZ", "XXX"),
        friendly("ZZZ", "YYY"),
    )

    (pressure,) = [f for f in result.findings if f.type is FindingType.CROSS_PRESSURE]
    assert pressure.actors == ("ZZZ",)
    assert pressure.balanced is True and pressure.tilt is None
    assert {p.actor for p in pressure.pressures} == {"AAA", "BBB", "XXX", "YYY"}
    assert "arms neither side" in pressure.explanation
    assert "Corbetta & Grant 2012" in pressure.explanation
    assert {t.actor: t.stance for t in result.third_parties}["ZZZ"] is Stance.SIDELINES


def test_cross_pressure_names_the_likely_tilt_with_reasons() -> None:
    result = run(
        hostile("AAA", "BBB"),
        supply("XXX", "AAA"),
        supply("YYY", "BBB"),
        friendly("ZZZ", "AAA", Relation.ALLIANCE),
        friendly("ZZZ", "XXX"),
        friendly("ZZZ", "BBB"),
    )

    (pressure,) = [f for f in result.findings if f.type is FindingType.CROSS_PRESSURE]
    assert (pressure.tilt, pressure.balanced) == ("AAA", False)
    assert (
        "its likely tilt is toward Avaria: placed there, it leaves 1 tie broken in the whole "
        "graph, against 2 the other way." in pressure.explanation
    )
    toward = {p.actor: p.toward for p in pressure.pressures}
    assert toward == {"AAA": "AAA", "XXX": "AAA", "BBB": "BBB"}


def test_a_clear_backer_with_one_weak_tie_across_is_not_reported_as_torn() -> None:
    result = run(
        hostile("AAA", "BBB"),
        supply("XXX", "AAA"),
        friendly("XXX", "AAA", Relation.ALLIANCE),
        member("XXX", "EAEU"),
        member("BBB", "EAEU"),
    )
    assert FindingType.CROSS_PRESSURE not in {f.type for f in result.findings}


def test_denied_transfers_do_not_make_a_backer() -> None:
    result = run(hostile("AAA", "BBB"), supply("XXX", "AAA", status=Status.DENIED))
    assert result.sides["AAA"] == ()


def test_claims_without_store_ids_carry_no_weight() -> None:
    unsourced = Claim(
        ClaimKind.SUPPLY,
        "XXX",
        "AAA",
        evidence=(Evidence(document_id="d", method="t", confidence=1.0, row=1),),
    )
    result = run(hostile("AAA", "BBB"), unsourced)
    assert result.sides["AAA"] == ()
    assert result.graph.tie("XXX", "AAA") is None


def test_json_shape_is_the_documented_contract() -> None:
    result = run(
        hostile("AAA", "BBB"),
        supply("XXX", "AAA"),
        supply("USA", "BBB"),
        member("XXX", "NATO"),
        member("USA", "NATO"),
    ).to_dict()

    assert set(result) == {"conflict", "sides", "third_parties", "findings", "frustration"}
    assert result["conflict"] == {"sides": ["AAA", "BBB"], "from": None, "to": None, "as_of": None}
    assert set(result["sides"]) == {"AAA", "BBB"}
    backer = result["sides"]["AAA"]["backers"][0]
    assert {"actor", "claims", "weapons", "years"} <= set(backer)
    assert {t["stance"] for t in result["third_parties"]} <= {
        "backs_a",
        "backs_b",
        "both",
        "sidelines",
    }
    finding = result["findings"][0]
    assert {"type", "actors", "via", "explanation", "claims", "evidence"} <= set(finding)
    assert all(piece["text"] for piece in finding["evidence"])
    assert set(result["frustration"]) >= {"index", "exact", "camps", "violations"}
    assert result["frustration"]["exact"] is True
    assert result["frustration"]["camps"][0][0] == "AAA"


@pytest.mark.parametrize("bad", ["AAA", "AAA:", ":BBB", "AAA:AAA"])
def test_a_malformed_conflict_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match=r"conflict|two different sides"):
        Conflict.parse(bad)
