"""ATOP and COW formal alliances: dyad-year files and ATOP's member-level file.

Dyad-years become one ``affinity`` claim per pair of states, with one piece
of evidence per run of consecutive years; a year counts when any obligation
flag is set (ATOP: defence, offence, neutrality, non-aggression,
consultation; COW: defence, neutrality, non-aggression, entente), and the
evidence text names the obligations. A promise to fight (defence, offence)
makes the relation ``alliance``; neutrality, non-aggression, consultation or
entente alone make it ``partnership``. The member-level ATOP
file gives the alliance's members and periods: an alliance that is one of our
organisations (``data/sources/atop-v4_organisations.csv``: NATO, CSTO, CIS,
SCO, OSCE, ...) becomes ``membership`` claims; any other becomes a tie
between each pair of members for the years both belonged (an alliance when
both promised defence or offence, else a partnership). ATOP codes an
alliance still in force when the data end with exit year 0; that period is
left open (still running).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from allegiance.errors import InputError
from allegiance.model import Claim, ClaimKind, Evidence, Relation
from allegiance.sources.codes import reference_rows
from allegiance.sources.dataset import (
    DATASET_CONFIDENCE,
    Context,
    DatasetInfo,
    Issues,
    Parsed,
    Source,
)
from allegiance.sources.dyads import DyadYears, Pair, pair, years_text
from allegiance.sources.runs import Run
from allegiance.sources.table import RowError, Table, table

ATOP = DatasetInfo(
    title="Alliance Treaty Obligations and Provisions (ATOP)",
    publisher="ATOP project (Leeds et al.)",
    licence="Free to use with citation: Leeds, Ritter, Mitchell & Long (2002), "
    "International Interactions 28: 237-260.",
    url="http://www.atopdata.org/",
)
COW_ALLIANCE = DatasetInfo(
    title="Correlates of War Formal Alliances",
    publisher="Correlates of War Project (Gibler 2009)",
    licence="Free to use with citation: Gibler, D. M. (2009), International Military "
    "Alliances, 1648-2008, CQ Press.",
    url="https://correlatesofwar.org/data-sets/formal-alliances/",
)

ATOP_FLAGS = {
    "atop_defense": "defence",
    "atop_offense": "offence",
    "atop_neutral": "neutrality",
    "atop_nonagg": "non-aggression",
    "atop_consul": "consultation",
}
COW_FLAGS = {
    "cow_defense": "defence",
    "cow_neutral": "neutrality",
    "cow_nonagg": "non-aggression",
    "cow_entente": "entente",
}
MEMBER_COLUMNS = ("atopid", "member", "yrent", "yrexit")


def read_atop(source: Source, context: Context) -> Parsed:
    """An ATOP file: the dyad-year file, or the member-level file (told apart by columns)."""
    found = table(source.text)
    if found.has(*MEMBER_COLUMNS):
        return _members(source, found, context)
    if not found.has("ccode1", "ccode2", "year", *ATOP_FLAGS):
        raise InputError(
            "neither an ATOP dyad-year file (ccode1, ccode2, year, "
            "atop_defense...) nor an ATOP member-level file (atopid, member, yrent, yrexit)"
        )
    return _dyad_years(source, found, context, ATOP, ATOP_FLAGS, "ATOP")


def read_cow_alliance(source: Source, context: Context) -> Parsed:
    """The COW Formal Alliances dyad-year file (directed or not)."""
    found = table(source.text, ("ccode1", "ccode2", "year", *COW_FLAGS))
    return _dyad_years(source, found, context, COW_ALLIANCE, COW_FLAGS, "COW alliances")


def _dyad_years(
    source: Source,
    found: Table,
    context: Context,
    info: DatasetInfo,
    flags: Mapping[str, str],
    label: str,
) -> Parsed:
    document = info.document(source)
    issues = Issues()
    dyads = DyadYears()
    for row in found.rows:
        try:
            found.check(row)
            kinds = [name for column, name in flags.items() if row.integer(column)]
            a, b, year = row.required("ccode1"), row.required("ccode2"), row.required("year")
        except RowError as exc:
            issues.malformed(row.line, str(exc))
            continue
        if not kinds:
            continue
        x, y = context.codes.cow(a), context.codes.cow(b)
        for code, number in ((x, a), (y, b)):
            if code is None:
                issues.unknown(row.line, f"COW state code {number}")
        if x is not None and y is not None and x != y:
            dyads.add(x, y, year, row.line, kinds, _relation(kinds))
    name = f"{label} {document.version}" if document.version else label
    claims = dyads.claims(
        ClaimKind.AFFINITY,
        Relation.PARTNERSHIP,
        f"dataset/{_method(label)}",
        document.id,
        lambda key, run, labels: _alliance_text(name, key, run, labels),
    )
    return Parsed(document, tuple(claims), len(found.rows), issues.all())


def _relation(obligations: list[str]) -> Relation:
    """A promise to fight (defence, offence) is an alliance; the rest is a partnership."""
    return Relation.ALLIANCE if {"defence", "offence"} & set(obligations) else Relation.PARTNERSHIP


def _method(label: str) -> str:
    return "atop" if label == "ATOP" else "cow-alliance"


def _alliance_text(name: str, key: Pair, run: Run, labels: list[str]) -> str:
    obligations = f" ({', '.join(labels)})" if labels else ""
    return f"{name}: {key[0]}–{key[1]} alliance {years_text(run)}{obligations}"


@cache
def atop_organisations() -> dict[int, str]:
    """ATOP alliance ids that are one of our organisations, to the organisation's code."""
    return {int(r["atopid"]): r["code"] for r in reference_rows("atop-v4_organisations.csv")}


@dataclass(frozen=True, slots=True)
class Period:
    """One member's time in one ATOP alliance (``until`` None: in force when the data end)."""

    atopid: int
    member: str
    since: int
    until: int | None
    line: int
    defence: bool = False  # promises to fight (defence or offence), not only to consult


def _members(source: Source, found: Table, context: Context) -> Parsed:
    document = ATOP.document(source)
    issues = Issues()
    periods = _periods(found, context, issues)
    organisations = atop_organisations()
    claims: list[Claim] = []
    by_alliance: dict[int, list[Period]] = defaultdict(list)
    for period in _merged(periods):
        by_alliance[period.atopid].append(period)
    for atopid, members in sorted(by_alliance.items()):
        org = organisations.get(atopid)
        if org is not None:
            claims += [_membership(p, org, document.id) for p in members]
        else:
            claims += _pair_ties(atopid, members, document.id)
    return Parsed(document, tuple(claims), len(found.rows), issues.all())


def _periods(found: Table, context: Context, issues: Issues) -> list[Period]:
    periods = []
    for row in found.rows:
        try:
            found.check(row)
            atopid, member = row.required("atopid"), row.required("member")
            since, exit_year = row.required("yrent"), row.integer("yrexit")
        except RowError as exc:
            issues.malformed(row.line, str(exc))
            continue
        code = context.codes.cow(member)
        if code is None:
            issues.unknown(row.line, f"COW state code {member}")
            continue
        until = exit_year if exit_year else None
        defence = any(found.has(c) and row.integer(c) for c in ("defense", "offense"))
        periods.append(Period(atopid, code, since, until, row.line, defence))
    return periods


def _merged(periods: list[Period]) -> list[Period]:
    """One period per member and alliance where ATOP's phases follow on from each other."""
    out: list[Period] = []
    for p in sorted(periods, key=lambda p: (p.atopid, p.member, p.since)):
        last = out[-1] if out else None
        joins = last is not None and (last.atopid, last.member) == (p.atopid, p.member)
        if last is not None and joins and last.until is not None and p.since <= last.until + 1:
            until = None if p.until is None else max(p.until, last.until)
            out[-1] = Period(
                p.atopid,
                p.member,
                last.since,
                until,
                min(last.line, p.line),
                last.defence or p.defence,
            )
        else:
            out.append(p)
    return out


def _membership(period: Period, org: str, document_id: str) -> Claim:
    return Claim(
        ClaimKind.MEMBERSHIP,
        period.member,
        org,
        start=period.since,
        end=period.until,
        evidence=(
            Evidence(
                document_id=document_id,
                method="dataset/atop",
                confidence=DATASET_CONFIDENCE,
                row=period.line,
                since=period.since,
                until=period.until,
                text=f"ATOP alliance {period.atopid}: {period.member} member of {org} "
                f"{_open_years(period.since, period.until)}",
            ),
        ),
    )


def _pair_ties(atopid: int, members: list[Period], document_id: str) -> list[Claim]:
    claims = []
    for a, b in combinations(members, 2):
        if a.member == b.member:
            continue
        since = max(a.since, b.since)
        until = _earliest(a.until, b.until)
        if until is not None and until < since:
            continue
        key = pair(a.member, b.member)
        relation = Relation.ALLIANCE if a.defence and b.defence else Relation.PARTNERSHIP
        line = min(a.line, b.line)
        claims.append(_pair_claim(atopid, key, (since, until), relation, line, document_id))
    return claims


def _pair_claim(
    atopid: int,
    key: Pair,
    period: tuple[int, int | None],
    relation: Relation,
    line: int,
    document_id: str,
) -> Claim:
    since, until = period
    tie = (
        "allied" if relation is Relation.ALLIANCE else "partners (a pact without a defence promise)"
    )
    return Claim(
        ClaimKind.AFFINITY,
        key[0],
        key[1],
        start=since,
        end=until,
        relation=relation,
        evidence=(
            Evidence(
                document_id=document_id,
                method="dataset/atop",
                confidence=DATASET_CONFIDENCE,
                row=line,
                since=since,
                until=until,
                text=f"ATOP alliance {atopid}: {key[0]}–{key[1]} {tie} {_open_years(since, until)}",
            ),
        ),
    )


def _earliest(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


def _open_years(since: int, until: int | None) -> str:
    if until is None:
        return f"from {since} (in force when the data end)"
    return str(since) if since == until else f"{since}–{until}"
