"""A briefing: everything an analyst would send a colleague about a conflict, as one typed object.

``build_briefing`` gathers it from an analysis (and the store, for documents
and the arms build-up); the HTML and Markdown renderers print the same
``Briefing``, so the two formats always carry the same content.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import partial

from allegiance.analyst import Analyst
from allegiance.graph.analysis import Analysis
from allegiance.graph.wording import Namer, listing
from allegiance.report.buildup_section import BuildupSection, buildup_section
from allegiance.report.footnotes import FindingEntry, Footnote, findings_with_notes
from allegiance.report.layout import Layout, layout
from allegiance.report.sources import SourceEntry, source_entries
from allegiance.report.summary import summary
from allegiance.report.suppliers import SupplierTable, supplier_tables
from allegiance.report.text import stance_line, title
from allegiance.report.ties import organisation_codes
from allegiance.report.timeline import Timeline, timeline


@dataclass(frozen=True, slots=True)
class Balance:
    """How far the graph is from two clean camps, in words."""

    index: str
    exact: bool
    camps: tuple[str, str]
    breaks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    title: str
    sides: tuple[str, str]
    names: dict[str, str]  # code -> plain name, for every actor mentioned
    summary: str
    picture: Layout
    picture_caption: str
    stances: tuple[str, ...]
    suppliers: tuple[SupplierTable, ...]
    timeline: Timeline
    timeline_labels: tuple[str, str, str]
    findings: tuple[FindingEntry, ...]
    footnotes: tuple[Footnote, ...]
    balance: Balance
    buildup: BuildupSection | None
    sources: tuple[SourceEntry, ...]

    def name(self, code: str) -> str:
        return self.names.get(code, code)


def build_briefing(analyst: Analyst, analysis: Analysis, *, with_buildup: bool = True) -> Briefing:
    """The briefing on ``analysis``, its evidence quoted from ``analyst``'s store."""
    name = analyst.namer
    documents = analyst.documents(analysis)
    organisations = organisation_codes(analysis) | {
        code for code in analysis.graph.nodes if analyst.organisation_type(code)
    }
    label = partial(_label, organisations=organisations, name=name)
    picture = layout(analysis, label)
    findings, footnotes = findings_with_notes(analysis, documents, name)
    a, b = analysis.conflict.sides
    return Briefing(
        title=title(analysis, name),
        sides=(a, b),
        names={node.code: name.plain(node.code) for node in picture.nodes},
        summary=summary(analysis, name),
        picture=picture,
        picture_caption=_caption(analysis, picture, name, label),
        stances=tuple(stance_line(t, analysis, name) for t in analysis.third_parties),
        suppliers=supplier_tables(analysis, name),
        timeline=timeline(analysis),
        timeline_labels=(
            f"transfers to {name.plain(a)}",
            f"transfers to {name.plain(b)}",
            "hostility between them (pieces of evidence)",
        ),
        findings=findings,
        footnotes=footnotes,
        balance=_balance(analysis, name),
        buildup=(buildup_section(analyst.store, analysis.conflict, name) if with_buildup else None),
        sources=source_entries(analysis, documents),
    )


def _label(code: str, *, organisations: Collection[str], name: Namer) -> str:
    """Organisations by their code (NATO, CSTO), unless it is a made-up one like UNION_STATE."""
    if code not in organisations:
        return name.plain(code)
    if "_" not in code:
        return code
    plain = name.plain(code)
    return plain if plain != code else code.replace("_", " ").title()


def _caption(analysis: Analysis, picture: Layout, name: Namer, label: Callable[[str], str]) -> str:
    a, b = analysis.conflict.sides
    text = (
        f"{name.start(a)} and the actors arming it are on the left, {name(b)} and its "
        "suppliers on the right; actors tied to one side only stand next to its suppliers, "
        "those arming both sides or neither in the middle, and organisations along the bottom, "
        "each tied to its members."
    )
    if picture.left_out:
        text += f" Shared membership of {listing(map(label, picture.left_out))} is not drawn."
    return text


def _balance(analysis: Analysis, name: Namer) -> Balance:
    result = analysis.frustration
    breaks = tuple(
        f"{name.plain(edge.u)} – {name.plain(edge.v)}: "
        + ("friendly tie across the camps" if edge.sign > 0 else "hostile tie inside a camp")
        for edge in result.violations
    )
    camps = analysis.camps()
    return Balance(
        index=f"{result.index:g}",
        exact=result.exact,
        camps=(
            listing(name.plain(code) for code in camps[0]),
            listing(name.plain(code) for code in camps[1]),
        ),
        breaks=breaks,
    )
