"""The jinja2 environments the briefings render with: HTML escapes everything, Markdown too.

Autoescaping is on for HTML and SVG, so text from a document can never become
markup; nothing the templates print from a document is marked safe. The
Markdown environment escapes every printed value for Markdown instead, so
the only Markdown syntax in a briefing is the template's own.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

# Characters that make Markdown (or the HTML a Markdown renderer passes through).
_MARKDOWN_SPECIAL = "\\`*_[]<>#|~"


def escape_markdown(value: object) -> str:
    """A value as literal Markdown text on one line: no links, emphasis, tables or HTML."""
    text = " ".join(str(value).split())
    for char in _MARKDOWN_SPECIAL:
        text = text.replace(char, "\\" + char)
    return text


def _environment(**options: object) -> Environment:
    return Environment(
        loader=PackageLoader("allegiance.report", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        **options,  # type: ignore[arg-type]
    )


@cache
def html_environment() -> Environment:
    """Templates for HTML and SVG, with autoescaping always on."""
    return _environment(autoescape=True)


@cache
def markdown_environment() -> Environment:
    """Templates for Markdown: every printed value goes through ``escape_markdown``."""
    return _environment(autoescape=False, finalize=escape_markdown)
