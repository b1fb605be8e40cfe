"""What a rule finds in one clause, before it is dated and given its evidence."""

from __future__ import annotations

from dataclasses import dataclass

from allegiance.model import Category, ClaimKind, Relation, Status


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim without its period and evidence; the extractor adds both."""

    kind: ClaimKind
    subject: str
    object: str
    confidence: float
    weapon: str | None = None
    category: Category | None = None
    quantity: int | None = None
    status: Status | None = None
    value: float | None = None
    value_unit: str | None = None
    relation: Relation | None = None
    # The supplier is only the catalogue's maker of the item, not named by the text.
    inferred: bool = False
    # The word opens a period that runs on ("joined NATO in 2023").
    opens: bool = False
