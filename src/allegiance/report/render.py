"""A briefing as one self-contained HTML file or as Markdown; the format follows the file suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from allegiance.errors import InputError
from allegiance.report.briefing import Briefing
from allegiance.report.chart import timeline_chart
from allegiance.report.layout import Node
from allegiance.report.svg import alignment_svg, legend_svg, timeline_svg
from allegiance.report.templating import html_environment, markdown_environment

# On a phone the pictures are drawn at this share of their natural size (12 px
# labels at 9 px) and scroll sideways, rather than shrink to unreadable.
PHONE_SCALE = 0.75

LEGEND = (
    ("positive", "friendly tie: arms, alliance, partnership"),
    ("negative", "hostile tie: rivalry, clash, war, sanctions"),
    ("membership", "member of an organisation"),
    ("arrow", "arms, from supplier to recipient"),
    ("odd", "tie behind an odd alignment (a finding)"),
    ("pressured", "cross-pressured actor"),
    ("side", "a side of the conflict"),
    ("backer", "arms one side"),
    ("leans", "tied to one side only"),
    ("both", "arms both sides"),
    ("sidelines", "arms neither side"),
    ("organisation", "organisation"),
)

ROLE_WORDS = {
    "side": "a side of the conflict",
    "backer": "arms {side}",
    "leans": "tied to {side} only",
    "both": "arms both sides",
    "sidelines": "arms neither side",
    "organisation": "organisation",
}


def render_html(briefing: Briefing) -> str:
    """One self-contained page: inline CSS and SVG, no script, nothing fetched."""
    # The SVGs come from our own autoescaping templates: marking them safe
    # here is what keeps the page template free of ``|safe``.
    picture = Markup(
        alignment_svg(
            briefing.picture,
            title=f"Alignment picture: {briefing.title}",
            name=briefing.name,
            describe=_describer(briefing),
        )
    )
    geometry = timeline_chart(briefing.timeline, briefing.timeline_labels)
    chart = Markup(timeline_svg(geometry, title=f"Timeline: {briefing.title}"))
    template = html_environment().get_template("briefing.html.j2")
    return template.render(
        b=briefing,
        picture=picture,
        timeline=chart,
        chart_width=geometry.width,
        phone_scale=PHONE_SCALE,
        legend=LEGEND,
        swatch=lambda kind: Markup(legend_svg(kind)),
    )


def _describer(briefing: Briefing) -> Callable[[Node], str]:
    def describe(node: Node) -> str:
        words = ROLE_WORDS[str(node.role)].format(side=briefing.name(node.side or ""))
        return f"{briefing.name(node.code)} ({node.code}): {words}"

    return describe


def render_markdown(briefing: Briefing) -> str:
    """The same content as Markdown: tables, footnotes ``[^n]``, document text escaped."""
    return markdown_environment().get_template("briefing.md.j2").render(b=briefing)


RENDERERS: dict[str, Callable[[Briefing], str]] = {
    ".html": render_html,
    ".htm": render_html,
    ".md": render_markdown,
    ".markdown": render_markdown,
}


def renderer_for(path: Path) -> Callable[[Briefing], str]:
    """The renderer for ``path``'s suffix, or an InputError naming the ones there are."""
    found = RENDERERS.get(path.suffix.lower())
    if found is None:
        shown = path.suffix or "no suffix"
        raise InputError(
            f"cannot write a briefing as {shown!s} ({path.name}): name the file .html or .md"
        )
    return found
