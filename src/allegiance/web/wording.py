"""Words the pages use for actors, claims, years and sources, from the report's own wording."""

from __future__ import annotations

from allegiance.graph.wording import Namer
from allegiance.model import Claim, ClaimKind, Document
from allegiance.report.evidence import describe_claim, source_label
from allegiance.report.footnotes import web_url
from allegiance.report.suppliers import value_text


class Words:
    """Names and descriptions for templates, all plain text (the templates escape them)."""

    def __init__(self, namer: Namer) -> None:
        self.namer = namer

    def name(self, code: str) -> str:
        return self.namer.plain(code)

    def claim(self, claim: Claim) -> str:
        """'Turkey → Kyrgyzstan: Bayraktar TB2 (drone), 2021, delivered'."""
        return describe_claim(claim, self.namer)

    def what(self, claim: Claim) -> str:
        """The weapon or category of a transfer, the relation of any other claim."""
        if claim.kind is ClaimKind.SUPPLY:
            return claim.weapon or str(claim.category or "").replace("_", " ")
        return str(claim.relation or "").replace("_", " ")

    @staticmethod
    def value(claim: Claim) -> str:
        """'US$ 20 m' or 'TIV 8 m' (SIPRI trend-indicator value), as the briefing says it."""
        if claim.value is None:
            return ""
        if claim.value_unit == "TIV":
            return value_text(None, claim.value)
        if claim.value_unit in (None, "USD"):
            return value_text(claim.value, None)
        return f"{claim.value:g} {claim.value_unit}"

    def source(self, doc: Document | None) -> str:
        return source_label(doc)

    @staticmethod
    def url(value: str | None) -> str | None:
        """A link a reader can follow (http or https only, never javascript:)."""
        return web_url(value)


def years(start: int | None, end: int | None) -> str:
    """'2021', '2021–2023' or '' (as ``allegiance claims`` prints them)."""
    if start is None:
        return "" if end is None else f"–{end}"
    return str(start) if end in (None, start) else f"{start}–{end}"
