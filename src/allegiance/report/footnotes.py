"""The findings of a briefing with their footnotes: each claim behind a finding, quoted and sourced.

A claim is one footnote however many findings stand on it, numbered in the
order the findings first cite it; its footnote quotes the sentences (or names
the dataset rows) it comes from and the documents they are in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from allegiance.graph.analysis import Analysis
from allegiance.graph.findings import Finding, FindingType
from allegiance.graph.wording import Namer, listing
from allegiance.model import Document, Evidence
from allegiance.report.evidence import describe_claim, quote, source_label
from allegiance.report.text import MAX_PIECES

HEADINGS = {
    FindingType.ALLIES_OPPOSED: "Allies on opposite sides",
    FindingType.ENEMIES_ALIGNED: "Enemies on the same side",
    FindingType.INTRA_ALLIANCE_CONFLICT: "Allies in conflict",
    FindingType.DUAL_SUPPLIER: "Arming both sides",
    FindingType.CROSS_PRESSURE: "Cross-pressured",
    FindingType.SOURCE_DISAGREEMENT: "Sources disagree",
}


@dataclass(frozen=True, slots=True)
class Citation:
    """One piece of evidence: the quote, where it is from, and a link when there is one."""

    quote: str
    source: str
    url: str | None


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    claim_id: int
    claim: str
    citations: tuple[Citation, ...]
    more: int  # pieces of evidence not quoted


@dataclass(frozen=True, slots=True)
class FindingEntry:
    number: int
    type: str
    heading: str
    explanation: str
    notes: tuple[int, ...]  # footnote numbers, ascending

    @property
    def note_runs(self) -> tuple[tuple[int, int], ...]:
        """The footnote numbers as runs, for '5–23, 48' instead of nineteen numbers."""
        runs: list[tuple[int, int]] = []
        for number in self.notes:
            if runs and number == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], number)
            else:
                runs.append((number, number))
        return tuple(runs)


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address a reader can follow, else None (no javascript:)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def findings_with_notes(
    analysis: Analysis, documents: Mapping[str, Document], name: Namer
) -> tuple[tuple[FindingEntry, ...], tuple[Footnote, ...]]:
    """The findings in order, each with the numbers of its footnotes, and the footnotes."""
    numbers: dict[int, int] = {}
    notes: list[Footnote] = []
    entries = []
    for index, finding in enumerate(analysis.findings, start=1):
        cited = []
        for claim_id in finding.claims:
            claim = analysis.claims.get(claim_id)
            if claim is None:
                continue
            if claim_id not in numbers:
                numbers[claim_id] = len(notes) + 1
                notes.append(_footnote(numbers[claim_id], claim_id, analysis, documents, name))
            cited.append(numbers[claim_id])
        entries.append(_entry(index, finding, tuple(sorted(set(cited))), name))
    return tuple(entries), tuple(notes)


def _entry(number: int, finding: Finding, notes: tuple[int, ...], name: Namer) -> FindingEntry:
    heading = f"{HEADINGS.get(finding.type, str(finding.type))}: {_who(finding, name)}"
    return FindingEntry(number, str(finding.type), heading, finding.explanation, notes)


def _who(finding: Finding, name: Namer) -> str:
    """Whom a finding is about: 'Turkey and United States', 'Kyrgyzstan and Tajikistan (CSTO)'."""
    if finding.type is FindingType.DUAL_SUPPLIER:
        return name.plain(finding.actors[0])
    if finding.type is FindingType.INTRA_ALLIANCE_CONFLICT:
        pair = listing(name.plain(code) for code in finding.actors[:2])
        return f"{pair} ({name.plain(finding.via)})" if finding.via else pair
    return listing(name.plain(code) for code in finding.actors)


def _footnote(
    number: int,
    claim_id: int,
    analysis: Analysis,
    documents: Mapping[str, Document],
    name: Namer,
) -> Footnote:
    claim = analysis.claims[claim_id]
    pieces = claim.evidence[:MAX_PIECES]
    return Footnote(
        number,
        claim_id,
        describe_claim(claim, name),
        tuple(citation(piece, documents) for piece in pieces),
        max(0, len(claim.evidence) - MAX_PIECES),
    )


def citation(piece: Evidence, documents: Mapping[str, Document]) -> Citation:
    doc = documents.get(piece.document_id)
    return Citation(quote(piece), source_label(doc), web_url(doc.url) if doc else None)
