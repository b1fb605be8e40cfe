"""Correlates of War IGO data, IGO-year format: one row per organisation and year.

Each state is a column (``kyrgyzstan``, ``usa``, ``uae``...; the columns map
to COW numbers in ``data/sources/cow-igo-v3_state-columns.csv``) holding 1
for a full member, 2 associate, 3 observer, 0 none, -9 missing, -1 not a
state yet. Full members become ``membership`` claims, state → organisation,
with one piece of evidence per run of consecutive observations (before 1965
COW coded some years only; a run follows the organisation's coded years).
Organisations that are ours keep our code (NATO, CSTO, CIS, SCO, OSCE); the
others get the stable code listed in ``data/sources/cow-igo-v3_organisations.csv``
(EAEC is ``EURASEC``, the EAEU's predecessor), or ``IGO_`` + COW's short name.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from allegiance.model import Claim, ClaimKind, Evidence
from allegiance.sources.codes import reference_rows
from allegiance.sources.dataset import (
    DATASET_CONFIDENCE,
    Context,
    DatasetInfo,
    Issues,
    Parsed,
    Source,
)
from allegiance.sources.runs import runs
from allegiance.sources.table import Row, RowError, Table, table

COW_IGO = DatasetInfo(
    title="Correlates of War Intergovernmental Organizations (IGO)",
    publisher="Correlates of War Project (Pevehouse, Nordstrom, McManus & Jamison)",
    licence="Free to use with citation: Pevehouse et al. (2020), 'Tracking organizations in "
    "the world: The Correlates of War IGO Version 3.0 datasets', Journal of Peace Research.",
    url="https://correlatesofwar.org/data-sets/igos/",
)
FULL_MEMBER = "1"

Membership = tuple[str, str]  # (state, organisation)


@cache
def state_columns() -> dict[str, int]:
    """COW IGO state column names to COW state numbers."""
    return {r["column"]: int(r["ccode"]) for r in reference_rows("cow-igo-v3_state-columns.csv")}


@cache
def organisation_codes() -> dict[str, str]:
    """COW IGO short names to our organisation codes."""
    return {r["ioname"]: r["code"] for r in reference_rows("cow-igo-v3_organisations.csv")}


def organisation_code(ioname: str) -> str:
    return organisation_codes().get(ioname) or "IGO_" + "".join(
        c for c in ioname.upper() if c.isalnum()
    )


def read(source: Source, context: Context) -> Parsed:
    """An IGO-year file into memberships of full members."""
    found = table(source.text, ("ioname", "year"))
    document = COW_IGO.document(source, found.constant("version"))
    issues = Issues()
    members, observed = _years(found, context, issues)
    claims = [
        _claim(key, years, observed[key[1]], document.id, document.version)
        for key, years in sorted(members.items())
    ]
    return Parsed(document, tuple(claims), len(found.rows), issues.all())


def _years(
    found: Table, context: Context, issues: Issues
) -> tuple[dict[Membership, dict[int, int]], dict[str, list[int]]]:
    columns = [c for c in found.header if c in state_columns()]
    members: dict[Membership, dict[int, int]] = defaultdict(dict)
    observed: dict[str, set[int]] = defaultdict(set)
    for row in found.rows:
        try:
            found.check(row)
            org, year = organisation_code(row.text("ioname")), row.required("year")
        except RowError as exc:
            issues.malformed(row.line, str(exc))
            continue
        observed[org].add(year)
        for state in _full_members(row, columns, context, issues):
            members[(state, org)].setdefault(year, row.line)
    return members, {org: sorted(years) for org, years in observed.items()}


def _full_members(row: Row, columns: list[str], context: Context, issues: Issues) -> list[str]:
    found = []
    for column in columns:
        if row.text(column) != FULL_MEMBER:
            continue
        code = context.codes.cow(state_columns()[column])
        if code is None:
            issues.unknown(row.line, f"state {column!r} (COW {state_columns()[column]})")
        else:
            found.append(code)
    return found


def _claim(
    key: Membership,
    years: dict[int, int],
    observed: list[int],
    document_id: str,
    version: str | None,
) -> Claim:
    state, org = key
    found = runs(years, observed)
    label = f"COW IGO {version}" if version else "COW IGO"
    evidence = tuple(
        Evidence(
            document_id=document_id,
            method="dataset/cow-igo",
            confidence=DATASET_CONFIDENCE,
            row=run.line,
            since=run.since,
            until=run.until,
            text=f"{label}: {state} full member of {org} {run.since}–{run.until}",
        )
        for run in found
    )
    return Claim(
        ClaimKind.MEMBERSHIP,
        state,
        org,
        start=found[0].since,
        end=found[-1].until,
        evidence=evidence,
    )
