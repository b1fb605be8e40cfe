"""The analysis as terminal text and as compact Markdown (``analyze --format text|md``)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Mapping

from allegiance.graph.analysis import Analysis
from allegiance.graph.findings import Finding
from allegiance.graph.sides import Backer, Stance, ThirdParty
from allegiance.graph.wording import Namer, listing, years
from allegiance.model import Document, DocumentKind, Evidence
from allegiance.report.evidence import SourceIndex, describe_claim

WIDTH = 100
MAX_CLAIMS = 4  # claims shown under a finding; the rest are listed by id
MAX_PIECES = 1  # evidence quoted per claim; the rest are counted

STANCE_WORDS = {
    Stance.BACKS_A: "backs {a}",
    Stance.BACKS_B: "backs {b}",
    Stance.BOTH: "arms both sides",
    Stance.SIDELINES: "sidelines",
}


def title(analysis: Analysis, name: Namer) -> str:
    a, b = analysis.conflict.sides
    window = _window(analysis)
    return f"{name.plain(a)} ({a}) vs {name.plain(b)} ({b}){window}"


def _window(analysis: Analysis) -> str:
    c = analysis.conflict
    parts = []
    if c.start is not None or c.end is not None:
        parts.append(f"{c.start or '…'}–{c.end or '…'}")
    if c.as_of is not None:
        parts.append(f"as known on {c.as_of.isoformat()}")
    return f" — {', '.join(parts)}" if parts else ""


def backer_line(backer: Backer, name: Namer) -> str:
    what = listing(backer.weapons) or listing(c.replace("_", " ") for c in backer.categories)
    bits = [what or "arms", years(backer.years), listing(backer.statuses).replace("_", " ")]
    return f"{name.plain(backer.actor)}: " + "; ".join(b for b in bits if b)


def stance_line(party: ThirdParty, analysis: Analysis, name: Namer) -> str:
    a, b = analysis.conflict.sides
    words = {s: w.format(a=name.plain(a), b=name.plain(b)) for s, w in STANCE_WORDS.items()}
    stance = words[party.stance]
    if party.stance_in_news is not None and party.stance_in_news is not party.stance:
        stance += f" (in the news alone: {words[party.stance_in_news]})"
    ties = "; ".join(
        f"{'+' if t.sign > 0 else '−'} {name.plain(t.side)} "
        f"({listing(_tie_words(t.kinds, t.via, name))})"
        for t in party.ties
    )
    return f"{name.plain(party.actor)}: {stance}" + (f" — {ties}" if ties else "")


def _tie_words(kinds: tuple[str, ...], via: tuple[str, ...], name: Namer) -> list[str]:
    words = [k.replace("_", " ") for k in kinds if k != "co_membership"]
    return words + [name.plain(v) for v in via]


def evidence_lines(
    finding_claims: tuple[int, ...],
    analysis: Analysis,
    sources: SourceIndex,
    name: Namer,
) -> Iterator[tuple[str, list[str]]]:
    """(claim description, quoted evidence) for the claims behind a finding.

    Claims an article supports come first, and each shows its best piece of
    evidence (an article's sentence before a dataset row); the rest are counted.
    """
    documents = sources.documents
    claims = [analysis.claims[c] for c in finding_claims if c in analysis.claims]
    claims.sort(key=lambda c: (not _from_articles(c.evidence, documents), c.id or 0))
    for claim in claims[:MAX_CLAIMS]:
        pieces = sorted(claim.evidence, key=lambda p: not _from_articles((p,), documents))
        quoted = [sources.cite(p) for p in pieces[:MAX_PIECES]]
        more = len(pieces) - MAX_PIECES
        if more > 0:
            quoted.append(f"(+{more} more source{'s' if more > 1 else ''})")
        yield f"#{claim.id} {describe_claim(claim, name)}", quoted
    if len(claims) > MAX_CLAIMS:
        rest = ", ".join(f"#{c.id}" for c in claims[MAX_CLAIMS:])
        yield f"(+{len(claims) - MAX_CLAIMS} more claims: {rest})", []


def _from_articles(pieces: Iterable[Evidence], documents: Mapping[str, Document]) -> bool:
    return any(
        (doc := documents.get(p.document_id)) is not None and doc.kind is DocumentKind.ARTICLE
        for p in pieces
    )


def render_text(analysis: Analysis, documents: Mapping[str, Document], name: Namer) -> str:
    """The analysis for a terminal: sides, third parties, findings with evidence, camps."""
    heading = title(analysis, name)
    out = [heading, "=" * min(WIDTH, len(heading)), ""]
    for side, found in analysis.sides.items():
        out.append(f"Who arms {name.plain(side)}")
        out += [_wrap(backer_line(b, name), "  ") for b in found] or ["  nobody, in these sources"]
        out.append("")
    out.append("Third parties")
    out += [_wrap(stance_line(t, analysis, name), "  ") for t in analysis.third_parties] or [
        "  none"
    ]
    out += ["", "Findings"]
    if not analysis.findings:
        out.append("  none: the alignments add up")
    sources = SourceIndex(documents)
    for number, finding in enumerate(analysis.findings, start=1):
        out += _finding_text(number, finding, analysis, sources, name)
    out += ["", *_frustration_text(analysis, name)]
    if sources.entries():
        out += ["", "Sources"]
        out += [_wrap(f"[{n}] {label}", "  ", "      ") for n, label in sources.entries()]
    return "\n".join(out) + "\n"


def _finding_text(
    number: int,
    finding: Finding,
    analysis: Analysis,
    sources: SourceIndex,
    name: Namer,
) -> list[str]:
    head = f"{number}. [{finding.type}] {finding.explanation}"
    lines = ["", _wrap(head, "", "   ")]
    for claim_text, pieces in evidence_lines(finding.claims, analysis, sources, name):
        lines.append(_wrap(claim_text, "   "))
        lines += [_wrap(p, "      ", "        ") for p in pieces]
    return lines


def _frustration_text(analysis: Analysis, name: Namer) -> list[str]:
    result = analysis.frustration
    exact = "exact" if result.exact else f"heuristic, lower bound {result.lower_bound:g}"
    camp_a, camp_b = analysis.camps()
    lines = [
        f"Frustration index: {result.index:g} ({exact}) — ties whose sign must flip for two "
        "camps, friendly inside and hostile across",
        _wrap(f"Camp 1: {listing(name.plain(c) for c in camp_a)}", "  "),
        _wrap(f"Camp 2: {listing(name.plain(c) for c in camp_b)}", "  "),
    ]
    for edge in result.violations:
        kind = "friendly tie across the camps" if edge.sign > 0 else "hostile tie inside a camp"
        lines.append(f"  breaks balance: {name.plain(edge.u)} – {name.plain(edge.v)} ({kind})")
    return lines


def _wrap(text: str, indent: str, subsequent: str | None = None) -> str:
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=subsequent if subsequent is not None else indent + "  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def render_markdown(analysis: Analysis, documents: Mapping[str, Document], name: Namer) -> str:
    """The same content as Markdown, for pasting into a note."""
    out = [f"# {title(analysis, name)}", ""]
    for side, found in analysis.sides.items():
        out.append(f"## Who arms {name.plain(side)}")
        out += [f"- {backer_line(b, name)}" for b in found] or ["- nobody, in these sources"]
        out.append("")
    out.append("## Third parties")
    out += [f"- {stance_line(t, analysis, name)}" for t in analysis.third_parties] or ["- none"]
    out += ["", "## Findings", ""]
    if not analysis.findings:
        out.append("None: the alignments add up.")
    sources = SourceIndex(documents)
    for number, finding in enumerate(analysis.findings, start=1):
        out.append(f"{number}. **{finding.type}**: {finding.explanation}")
        for claim_text, pieces in evidence_lines(finding.claims, analysis, sources, name):
            out.append(f"    - {claim_text}")
            out += [f"        - {_md_escape(p)}" for p in pieces]
    out += ["", "## Frustration", ""]
    out += [f"- {line.strip()}" for line in _frustration_text(analysis, name)]
    if sources.entries():
        out += ["", "## Sources", ""]
        out += [f"{n}. {_md_escape(label)}" for n, label in sources.entries()]
    return "\n".join(out) + "\n"


def _md_escape(text: str) -> str:
    """Keep quoted article text from turning into Markdown or HTML."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text
