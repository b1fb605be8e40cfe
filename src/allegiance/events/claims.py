"""Tie drafts to model claims: weak, sourced evidence naming the events behind each claim."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from allegiance.events.codes import Thresholds
from allegiance.events.drafts import Draft, Sample, signed
from allegiance.events.locate import EventLocation
from allegiance.model import Category, Claim, ClaimKind, Evidence, Relation, Status

_RELATIONS = {ClaimKind.HOSTILITY: Relation.ARMED_CLASH, ClaimKind.AFFINITY: Relation.PARTNERSHIP}


def confidence(events: int, limits: Thresholds) -> float:
    """How much one dyad-period of GDELT events is worth: low, growing with the event count."""
    grown = limits.confidence_floor + limits.confidence_span * (
        1.0 - math.exp(-events / limits.confidence_scale)
    )
    return round(min(limits.confidence_ceiling, grown), 3)


def to_claims(
    drafts: Iterable[Draft],
    document_id: str,
    method: str,
    limits: Thresholds,
    locations: Mapping[int, EventLocation] | None = None,
) -> list[Claim]:
    """One claim per draft, each with one piece of evidence from ``document_id``.

    The evidence row is the line of the first event behind the claim; without
    a location for it (events read from Parquet) it is the event's id.
    """
    return [_claim(d, document_id, method, limits, locations or {}) for d in drafts]


def _claim(
    draft: Draft,
    document_id: str,
    method: str,
    limits: Thresholds,
    locations: Mapping[int, EventLocation],
) -> Claim:
    first = draft.sample.first_event
    where = locations.get(first) if first is not None else None
    conf = confidence(draft.sample.events, limits)
    supply = draft.kind is ClaimKind.SUPPLY
    evidence = Evidence(
        document_id=document_id,
        method=method,
        confidence=conf,
        text=render(draft, where),
        row=where.line if where is not None else first,
        status=Status.AID if supply else None,
        since=draft.year,
        until=draft.year,
    )
    return Claim(
        kind=draft.kind,
        subject=draft.subject,
        object=draft.object,
        start=draft.year,
        end=draft.year,
        category=Category.AID_PACKAGE if supply else None,
        status=Status.AID if supply else None,
        relation=_RELATIONS.get(draft.kind),
        confidence=conf,
        evidence=(evidence,),
    )


def render(draft: Draft, where: EventLocation | None = None) -> str:
    """The evidence text: counts, Goldstein, the event ids and source URLs, the first line."""
    arrow = "\u2192" if draft.kind is ClaimKind.SUPPLY else "\u2013"
    sample = draft.sample
    head = (
        f"GDELT: {sample.events} {draft.label} events {draft.subject}{arrow}{draft.object} "
        f"in {draft.period} (Goldstein {signed(sample.goldstein)}; {draft.context})"
    )
    parts = [head, _events(sample)]
    urls = list(dict.fromkeys(u for u in (sample.first_url, sample.last_url) if u))
    if urls:
        parts.append("sources: " + ", ".join(urls))
    if where is not None:
        parts.append(f"first event at {where.file} line {where.line}")
    return "; ".join(parts)


def _events(sample: Sample) -> str:
    if sample.first_event == sample.last_event:
        return f"event {sample.first_event}"
    between = " \u2026 " if sample.events > 2 else ", "
    return f"events {sample.first_event}{between}{sample.last_event}"
