"""``allegiance claims`` and ``allegiance review``: browse and judge stored claims."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from allegiance.cli.options import db_option, format_option, open_store
from allegiance.cli.output import emit_csv, emit_json, emit_table
from allegiance.cli.resolve import actor_code
from allegiance.errors import InputError
from allegiance.model import Claim, ClaimKind, Review

HEADER = ("id", "kind", "subject", "object", "what", "years", "status", "conf", "sources", "review")


@click.command("claims")
@click.option("--actor", help="Only claims involving this actor (name, code, capital...).")
@click.option("--kind", type=click.Choice([k.value for k in ClaimKind]), help="Only this kind.")
@click.option("--from", "since", type=int, help="Only claims valid in or after this year.")
@click.option("--to", "until", type=int, help="Only claims valid in or before this year.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), help="Only what was published by then.")
@click.option("--include-rejected", is_flag=True, help="Also show rejected claims.")
@format_option("table", "json", "csv")
@db_option
def claims_command(
    actor: str | None,
    kind: str | None,
    since: int | None,
    until: int | None,
    as_of: datetime | None,
    include_rejected: bool,
    fmt: str,
    db: Path | None,
) -> None:
    """List stored claims with their evidence, filtered by actor, kind and period."""
    if since is not None and until is not None and since > until:
        raise InputError(f"--from {since} is after --to {until}")
    with open_store(db) as store:
        found = store.claims(
            actor=actor_code(actor) if actor else None,
            kind=kind,
            since=since,
            until=until,
            as_of=as_of.date() if as_of else None,
            include_rejected=include_rejected,
        )
    if fmt == "json":
        emit_json({"claims": [c.to_dict() for c in found]})
    elif fmt == "csv":
        emit_csv(HEADER, (_record(c) for c in found))
    else:
        emit_table(HEADER, (_record(c) for c in found), title=f"{len(found)} claims")


def _record(claim: Claim) -> tuple[object, ...]:
    what = claim.weapon or (str(claim.category) if claim.category else None)
    if claim.kind is not ClaimKind.SUPPLY:
        what = str(claim.relation) if claim.relation else None
    return (
        claim.id,
        str(claim.kind),
        claim.subject,
        claim.object,
        what,
        _years(claim.start, claim.end),
        str(claim.status) if claim.status else None,
        f"{claim.confidence:.2f}",
        len({e.document_id for e in claim.evidence}),
        str(claim.review),
    )


def _years(start: int | None, end: int | None) -> str:
    if start is None:
        return ""
    return str(start) if end in (None, start) else f"{start}-{end}"


@click.command("review")
@click.argument("claim_id", type=int)
@click.option("--accept", is_flag=True, help="The claim is right.")
@click.option("--reject", is_flag=True, help="The claim is wrong.")
@click.option("--reviewer", required=True, help="Who decides (kept in the audit trail).")
@click.option("--evidence", "evidence_id", type=int, help="Judge one piece of evidence only.")
@click.option("--note", help="Why.")
@format_option("text", "json")
@db_option
def review_command(
    claim_id: int,
    accept: bool,
    reject: bool,
    reviewer: str,
    evidence_id: int | None,
    note: str | None,
    fmt: str,
    db: Path | None,
) -> None:
    """Accept or reject a claim; rejected claims never feed an analysis."""
    if accept == reject:
        raise InputError("say either --accept or --reject" + (", not both" if accept else ""))
    decision = Review.ACCEPTED if accept else Review.REJECTED
    with open_store(db) as store:
        claim = store.review(claim_id, decision, reviewer, evidence_id=evidence_id, note=note)
        trail = store.reviews(claim_id)
    if fmt == "json":
        emit_json({"claim": claim.to_dict(), "reviews": [r.to_dict() for r in trail]})
        return
    click.echo(f"claim {claim_id} is now {claim.review} ({len(trail)} review(s) on record)")
