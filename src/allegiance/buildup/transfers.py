"""Gathering a side's transfers: register records with their TIV, and news-only reports.

A register record's delivered TIV is SIPRI's TIV per unit times the units
delivered; the register lists the delivery years but not how many units came
in each, so the value is spread evenly over the listed years (3 TB2 at 2.4
delivered in 2021 and 2022: 3.6 each year). A supply claim the news reports
and no dataset records counts as a transfer in its years, without TIV; a
claim both support is counted once, through the dataset record.
"""

from __future__ import annotations

from allegiance.buildup.model import Transfer
from allegiance.model import Claim, ClaimKind, DocumentKind, Status
from allegiance.store import Store
from allegiance.store.transfers import TransferRecord, records


def gather(store: Store, side: str) -> list[Transfer]:
    """Every live transfer to ``side``: dataset records first, then news-only claims."""
    kinds = {d.id: d.kind for d in store.documents()}
    found = [from_record(r) for r in records(store, [side])]
    for claim in store.claims(actors=[side], kind=ClaimKind.SUPPLY):
        if claim.object == side and news_only(claim, kinds):
            found.append(from_claim(claim, kinds))
    return found


def tiv_by_year(record: TransferRecord) -> tuple[tuple[int, float], ...]:
    """Delivered TIV by delivery year: per-unit TIV × units delivered, spread evenly."""
    if not record.delivery_years or not record.delivered:
        return ()
    if record.tiv_per_unit is not None:
        total = record.tiv_per_unit * record.delivered
    elif record.tiv_delivered is not None:
        total = record.tiv_delivered
    else:
        return ()
    each = total / len(record.delivery_years)
    return tuple((year, each) for year in record.delivery_years)


def from_record(record: TransferRecord) -> Transfer:
    return Transfer(
        supplier=record.supplier,
        recipient=record.recipient,
        weapon=record.weapon,
        category=record.category,
        order_year=record.order_year,
        delivery_years=record.delivery_years,
        ordered=record.ordered,
        delivered=record.delivered,
        status=record.status,
        source="dataset",
        claim_id=record.claim_id,
        document_id=record.document_id,
        row=record.row,
        tiv_by_year=tiv_by_year(record),
    )


def news_only(claim: Claim, kinds: dict[str, DocumentKind]) -> bool:
    """Reported by an article, recorded by no dataset, and not denied."""
    sources = {kinds.get(e.document_id) for e in claim.evidence}
    return (
        DocumentKind.ARTICLE in sources
        and DocumentKind.DATASET not in sources
        and claim.status is not Status.DENIED
    )


def from_claim(claim: Claim, kinds: dict[str, DocumentKind]) -> Transfer:
    article = next(e for e in claim.evidence if kinds.get(e.document_id) is DocumentKind.ARTICLE)
    start = claim.start
    end = claim.end if claim.end is not None else start
    years = tuple(range(start, end + 1)) if start is not None and end is not None else ()
    return Transfer(
        supplier=claim.subject,
        recipient=claim.object,
        weapon=claim.weapon,
        category=claim.category,
        order_year=None,
        delivery_years=(),
        ordered=claim.quantity,
        delivered=claim.delivered,
        status=claim.status,
        source="news",
        claim_id=claim.id,
        document_id=article.document_id,
        row=None,
        reported_years=years,
    )
