"""Renderers of an analysis: terminal text, Markdown, and shareable HTML/Markdown briefings.

``write_report(analyst, analysis, path)`` writes a briefing whose format
follows the file suffix (``.html`` or ``.md``); ``build_briefing`` and
``render_html`` / ``render_markdown`` do the same in steps.
"""

from __future__ import annotations

from pathlib import Path

from allegiance.analyst import Analyst
from allegiance.graph.analysis import Analysis
from allegiance.report.briefing import Briefing, build_briefing
from allegiance.report.render import render_html, render_markdown, renderer_for

__all__ = [
    "Briefing",
    "build_briefing",
    "render_html",
    "render_markdown",
    "render_report",
    "write_report",
]


def render_report(analyst: Analyst, analysis: Analysis, path: Path) -> str:
    """The briefing on ``analysis`` as the text of a file named ``path`` (.html or .md)."""
    render = renderer_for(path)
    return render(build_briefing(analyst, analysis))


def write_report(analyst: Analyst, analysis: Analysis, path: Path) -> Path:
    """Write the briefing on ``analysis`` to ``path``; the suffix picks HTML or Markdown."""
    text = render_report(analyst, analysis, path)
    path.write_text(text, encoding="utf-8")
    return path
