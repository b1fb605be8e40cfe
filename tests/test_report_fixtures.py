"""Hand-built stores and analyses for the briefing tests (no tests here, only builders).

``briefing_store`` holds a small Kyrgyzstan–Tajikistan story: two articles, a
dataset row and membership records, enough for every kind of odd alignment.
``hostile_store`` holds an article whose text, title, publisher and URL try
to inject markup. ``analysis_of`` analyses a store without loading the
shipped reference memberships, so snapshots do not move when the gazetteer's
membership file changes.
"""

from __future__ import annotations

import random
from datetime import date
from itertools import count

from allegiance.analyst import Analyst
from allegiance.graph.analysis import Analysis, analyze
from allegiance.graph.balance import Frustration
from allegiance.graph.findings import Context, detect
from allegiance.graph.sides import backers, third_parties
from allegiance.graph.signed import build_graph
from allegiance.graph.wording import Namer
from allegiance.model import (
    Category,
    Claim,
    ClaimKind,
    Conflict,
    Document,
    DocumentKind,
    Evidence,
    Relation,
    Status,
)
from allegiance.store import Store

CONFLICT = Conflict("KGZ", "TJK")

FRONTIER = (
    "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2021. "
    "The United States gave Tajikistan RQ-20 Puma drones worth $5 million in 2023. "
    "Iran opened a factory for Ababil-2 drones in Tajikistan in 2022. "
    "Kyrgyz and Tajik troops clashed in 2021 and again in September 2022. "
    "Washington and Tehran remain bitter rivals."
)
HEDGE = (
    "Belarus delivered air defence systems to Kyrgyzstan in 2023. "
    "Russia supplied BTR-80 armoured vehicles to Kyrgyzstan in 2022. "
    "Russia also supplied BTR-80 armoured vehicles to Tajikistan in 2022."
)
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
HOSTILE = (
    f"Turkey delivered {SCRIPT} drones to Kyrgyzstan in 2021 {IMAGE}. "
    "Kyrgyz and Tajik troops clashed in 2022 | **bold** [link](http://evil.example/) #tag."
)


def _span(doc: Document, sentence: str, **extra: object) -> Evidence:
    start = doc.text.index(sentence)
    fields = {"method": "test", "confidence": 0.9} | extra
    return Evidence(
        document_id=doc.id,
        start=start,
        end=start + len(sentence),
        text=sentence,
        **fields,  # type: ignore[arg-type]
    )


def _sentences(doc: Document) -> list[str]:
    return [s if s.endswith(".") else s + "." for s in doc.text.split(". ") if s]


def _supply(
    doc: Document, sentence: str, supplier: str, recipient: str, year: int, **attrs: object
) -> Claim:
    status = attrs.setdefault("status", Status.DELIVERED)
    piece = _span(doc, sentence, status=status, since=year, until=year)
    return Claim(
        ClaimKind.SUPPLY,
        supplier,
        recipient,
        start=year,
        end=year,
        evidence=(piece,),
        **attrs,  # type: ignore[arg-type]
    )


def _hostility(
    doc: Document, sentence: str, a: str, b: str, relation: Relation, since: int, until: int
) -> Claim:
    piece = _span(doc, sentence, since=since, until=until)
    return Claim(ClaimKind.HOSTILITY, a, b, relation=relation, evidence=(piece,))


def frontier_article() -> tuple[Document, list[Claim]]:
    doc = Document.from_text(
        FRONTIER,
        title="Arms race on the frontier",
        publisher="Example Wire",
        date=date(2023, 9, 1),
        url="https://example.org/frontier",
        licence="CC BY 4.0",
    )
    tb2, puma, factory, clash, rivals = _sentences(doc)
    return doc, [
        _supply(doc, tb2, "TUR", "KGZ", 2021, weapon="Bayraktar TB2", category=Category.DRONE),
        _supply(
            doc,
            puma,
            "USA",
            "TJK",
            2023,
            weapon="RQ-20 Puma",
            category=Category.DRONE,
            status=Status.AID,
            value=5e6,
            value_unit="USD",
        ),
        _supply(
            doc,
            factory,
            "IRN",
            "TJK",
            2022,
            weapon="Ababil-2",
            category=Category.PRODUCTION_FACILITY,
            status=Status.LOCAL_PRODUCTION,
        ),
        _hostility(doc, clash, "KGZ", "TJK", Relation.ARMED_CLASH, 2021, 2022),
        _hostility(doc, rivals, "USA", "IRN", Relation.RIVALRY, 2023, 2023),
    ]


def hedge_article() -> tuple[Document, list[Claim]]:
    doc = Document.from_text(
        HEDGE, title="Minsk and Moscow hedge", publisher="Example Daily", date=date(2023, 10, 2)
    )
    belarus, russia_kgz, russia_tjk = _sentences(doc)
    return doc, [
        _supply(doc, belarus, "BLR", "KGZ", 2023, category=Category.AIR_DEFENCE),
        _supply(
            doc, russia_kgz, "RUS", "KGZ", 2022, weapon="BTR-80", category=Category.ARMOURED_VEHICLE
        ),
        _supply(
            doc, russia_tjk, "RUS", "TJK", 2022, weapon="BTR-80", category=Category.ARMOURED_VEHICLE
        ),
    ]


def register() -> tuple[Document, list[Claim]]:
    doc = Document(
        id="0" * 63 + "1",
        title="SIPRI Arms Transfers Database: trade register",
        kind=DocumentKind.DATASET,
        publisher="Stockholm International Peace Research Institute (SIPRI)",
        version="2024 release",
        licence="SIPRI fair use, with attribution",
        url="https://www.sipri.org/databases/armstransfers",
    )
    piece = Evidence(
        document_id=doc.id,
        method="test/sipri",
        confidence=0.95,
        row=17,
        text="Russia to Tajikistan: 4 Mi-24 helicopters, ordered 2019, delivered 2019",
        status=Status.DELIVERED,
        since=2019,
        until=2019,
    )
    claim = Claim(
        ClaimKind.SUPPLY,
        "RUS",
        "TJK",
        start=2019,
        end=2019,
        weapon="Mi-24",
        category=Category.HELICOPTER,
        quantity=4,
        status=Status.DELIVERED,
        value=12.5,
        value_unit="TIV",
        evidence=(piece,),
    )
    return doc, [claim]


def memberships() -> tuple[Document, list[Claim]]:
    doc = Document(
        id="0" * 63 + "2",
        title="Membership records",
        kind=DocumentKind.REFERENCE,
        publisher="test curators",
        licence="Apache-2.0",
    )
    rows = [("TUR", "NATO", 1952), ("USA", "NATO", 1949)]
    rows += [(code, "CSTO", 1994) for code in ("KGZ", "TJK", "RUS", "BLR")]
    claims = [
        Claim(
            ClaimKind.MEMBERSHIP,
            member,
            organisation,
            start=since,
            evidence=(
                Evidence(
                    document_id=doc.id,
                    method="test/reference",
                    confidence=0.95,
                    row=row,
                    text=f"{member} member of {organisation} since {since}",
                    since=since,
                ),
            ),
        )
        for row, (member, organisation, since) in enumerate(rows, start=1)
    ]
    return doc, claims


def briefing_store(store: Store) -> Store:
    """Fill ``store`` with the small Kyrgyzstan–Tajikistan story."""
    for doc, claims in (frontier_article(), hedge_article(), register(), memberships()):
        store.add_document(doc, claims)
    return store


def hostile_store(store: Store) -> Store:
    """An article whose every field tries to become markup."""
    doc = Document.from_text(
        HOSTILE,
        title=f"Evil {SCRIPT} title",
        publisher=f"Evil {IMAGE} Press",
        url="javascript:alert(1)",
        licence=f"{SCRIPT} licence",
    )
    drones, clash = _sentences(doc)
    store.add_document(
        doc,
        [
            _supply(doc, drones, "TUR", "KGZ", 2021, weapon=SCRIPT, category=Category.DRONE),
            _hostility(doc, clash, "KGZ", "TJK", Relation.ARMED_CLASH, 2022, 2022),
        ],
    )
    store.add_document(*memberships())
    return store


def analysis_of(analyst: Analyst, conflict: Conflict = CONFLICT) -> Analysis:
    """The analysis of ``conflict`` from the store's own claims (no shipped reference data)."""
    return analyze(
        analyst.claims_around(conflict),
        conflict,
        name=analyst.namer,
        organisation_type=analyst.organisation_type,
    )


ORGANISATIONS = {"ORG1": "military_alliance", "ORG2": "military_alliance", "ORG3": "economic"}
_WORDS = ("Republic", "United", "Federal", "Islands", "Kingdom", "Democratic", "of", "the", "Wm")


def random_analysis(seed: int, actors: int = 40) -> tuple[Analysis, dict[str, str]]:
    """A random conflict of ``actors`` actors and their long, odd names; fast (no frustration)."""
    rng = random.Random(seed)
    codes = ["AAA", "BBB"] + [f"X{i:02d}" for i in range(actors - 2)]
    ids = count(1)
    claims = [_random_claim(next(ids), ClaimKind.HOSTILITY, "AAA", "BBB")]
    for code in codes[2:]:
        arms = rng.sample(["AAA", "BBB"], rng.choice([0, 1, 1, 2]))
        for side in arms:
            claims.append(_random_claim(next(ids), ClaimKind.SUPPLY, code, side))
        if not arms or rng.random() < 0.3:  # every actor touches a side, so all 40 are drawn
            kind = rng.choice([ClaimKind.AFFINITY, ClaimKind.AFFINITY, ClaimKind.HOSTILITY])
            claims.append(_random_claim(next(ids), kind, code, rng.choice(codes[:2])))
    for _ in range(actors):
        a, b = rng.sample(codes[2:], 2)
        kind = rng.choice([ClaimKind.HOSTILITY, ClaimKind.AFFINITY])
        claims.append(_random_claim(next(ids), kind, a, b))
    for organisation in ORGANISATIONS:
        for member in rng.sample(codes, 8):
            claims.append(_random_claim(next(ids), ClaimKind.MEMBERSHIP, member, organisation))
    names = {code: _random_name(rng) for code in codes} | {org: org for org in ORGANISATIONS}
    return _quick_analysis(claims, Namer(names, ORGANISATIONS)), names


def _random_name(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4))) + "ia"


def _random_claim(claim_id: int, kind: ClaimKind, subject: str, obj: str) -> Claim:
    piece = Evidence(
        document_id="doc", method="test", confidence=0.9, row=claim_id, since=2020, until=2020
    )
    attrs: dict[str, object] = {}
    if kind is ClaimKind.SUPPLY:
        attrs = {"start": 2020, "weapon": f"W{claim_id}", "status": Status.DELIVERED}
    return Claim(kind, subject, obj, id=claim_id, evidence=(piece,), **attrs)  # type: ignore[arg-type]


def _quick_analysis(claims: list[Claim], name: Namer) -> Analysis:
    graph = build_graph(claims, CONFLICT_AB, ORGANISATIONS.get, 2020)
    sides = {side: backers(claims, side, 2020) for side in CONFLICT_AB.sides}
    third = third_parties(graph, CONFLICT_AB, sides)
    ctx = Context(graph, CONFLICT_AB, sides, name, ORGANISATIONS.get)
    balance = Frustration(0.0, True, ((), ()), (), 0.0, 0.0, "test")
    by_id = {c.id: c for c in claims if c.id is not None}
    return Analysis(CONFLICT_AB, graph, sides, third, tuple(detect(ctx)), balance, by_id)


CONFLICT_AB = Conflict("AAA", "BBB")
