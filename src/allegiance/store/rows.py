"""Rows to model objects and back: the only place that knows the column names."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from allegiance.model import (
    Category,
    Claim,
    ClaimKind,
    Document,
    DocumentKind,
    Evidence,
    Relation,
    Review,
    Status,
)


def document_params(doc: Document, added_at: str) -> dict[str, Any]:
    return {
        "id": doc.id,
        "kind": str(doc.kind),
        "title": doc.title,
        "publisher": doc.publisher,
        "published": doc.date.isoformat() if doc.date else None,
        "url": doc.url,
        "path": doc.path,
        "licence": doc.licence,
        "version": doc.version,
        "text": doc.text,
        "added_at": added_at,
    }


def document_from_row(row: sqlite3.Row) -> Document:
    keys = row.keys()
    return Document(
        id=row["id"],
        title=row["title"],
        kind=DocumentKind(row["kind"]),
        publisher=row["publisher"],
        date=date.fromisoformat(row["published"]) if row["published"] else None,
        url=row["url"],
        path=row["path"],
        licence=row["licence"],
        version=row["version"],
        text=row["text"] if "text" in keys else "",
    )


def claim_params(claim: Claim) -> dict[str, Any]:
    return {
        "key": claim.key,
        "kind": str(claim.kind),
        "subject": claim.subject,
        "object": claim.object,
        "start_year": claim.start,
        "end_year": claim.end,
        "weapon": claim.weapon,
        "category": _opt(claim.category),
        "quantity": claim.quantity,
        "delivered": claim.delivered,
        "delivery_years": " ".join(str(y) for y in claim.delivery_years),
        "status": _opt(claim.status),
        "value": claim.value,
        "value_unit": claim.value_unit,
        "relation": _opt(claim.relation),
        "confidence": claim.confidence,
    }


def claim_from_row(row: sqlite3.Row, evidence: tuple[Evidence, ...]) -> Claim:
    return Claim(
        id=row["id"],
        kind=ClaimKind(row["kind"]),
        subject=row["subject"],
        object=row["object"],
        start=row["start_year"],
        end=row["end_year"],
        weapon=row["weapon"],
        category=Category(row["category"]) if row["category"] else None,
        quantity=row["quantity"],
        delivered=row["delivered"],
        delivery_years=tuple(int(y) for y in row["delivery_years"].split()),
        status=Status(row["status"]) if row["status"] else None,
        value=row["value"],
        value_unit=row["value_unit"],
        relation=Relation(row["relation"]) if row["relation"] else None,
        confidence=row["confidence"],
        evidence=evidence,
    )


def evidence_params(ev: Evidence, claim_id: int) -> dict[str, Any]:
    return {
        "claim_id": claim_id,
        "document_id": ev.document_id,
        "start_char": ev.start,
        "end_char": ev.end,
        "text": ev.text,
        "row": ev.row,
        "method": ev.method,
        "confidence": ev.confidence,
        "status": _opt(ev.status),
        "since": ev.since,
        "until": ev.until,
        "review": str(ev.review),
    }


def evidence_from_row(row: sqlite3.Row) -> Evidence:
    return Evidence(
        id=row["id"],
        document_id=row["document_id"],
        start=row["start_char"],
        end=row["end_char"],
        text=row["text"],
        row=row["row"],
        method=row["method"],
        confidence=row["confidence"],
        status=Status(row["status"]) if row["status"] else None,
        since=row["since"],
        until=row["until"],
        review=Review(row["review"]),
    )


def _opt(value: object | None) -> str | None:
    return None if value is None else str(value)
