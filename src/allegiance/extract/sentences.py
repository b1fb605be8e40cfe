"""Sentences and paragraphs of a document, as character spans into its text.

A pattern-based splitter, not spaCy's: the extractor must split every sentence of
every article but tokenizes only the few that matter, and splitting with spaCy
would mean tokenizing everything (see benchmarks/extraction.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (with closing quotes or brackets) before a space and a
# capital, digit or opening quote.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n")
# No news sentence runs this long; text without sentence breaks (a feed dump, a
# table flattened to one line) is cut into pieces of at most this many characters,
# at a clause break or a space, so that the work per sentence stays bounded.
MAX_SENTENCE = 1500
_CUTS = ("; ", ", ", " ")
# A line that starts with one of these is a list item, not the rest of a wrapped line.
LIST_MARKS = ("-", "*", "•", "–")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span in the document, and which paragraph it sits in."""

    start: int
    end: int
    paragraph: int
    index: int


def split_sentences(text: str, abbreviations: frozenset[str]) -> list[Sentence]:
    """Every sentence of ``text``, in order, trimmed of surrounding white space."""
    spans: list[tuple[int, int, int]] = []
    for number, (start, end) in enumerate(_paragraphs(text)):
        for line_start, line_end in _lines(text, start, end):
            for s, e in _sentences(text, line_start, line_end, abbreviations):
                spans += [(a, b, number) for a, b in _bounded(text, s, e)]
    return [Sentence(s, e, p, i) for i, (s, e, p) in enumerate(spans)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    # Without any blank line, every line is a paragraph (extracted HTML, feeds).
    breaker = _PARAGRAPH if _PARAGRAPH.search(text) else _LINE
    spans, start = [], 0
    for gap in breaker.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines that stand alone (finished sentences, list items); soft-wrapped lines stay joined."""
    spans, begin = [], start
    for newline in _LINE.finditer(text, start, end):
        line = text[begin : newline.start()].rstrip()
        following = text[newline.end() : newline.end() + 3].lstrip()
        if line and (line[-1] in '.!?:"”' or following.startswith(LIST_MARKS)):
            spans.append((begin, newline.start()))
            begin = newline.end()
    spans.append((begin, end))
    return spans


def _sentences(
    text: str, start: int, end: int, abbreviations: frozenset[str]
) -> list[tuple[int, int]]:
    spans, begin = [], start
    for stop in _END.finditer(text, start, end):
        if _abbreviated(text, begin, stop.start(), abbreviations):
            continue
        spans.append(_trim(text, begin, stop.end()))
        begin = stop.end()
    spans.append(_trim(text, begin, end))
    return [(s, e) for s, e in spans if e > s]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence, or an over-long one in pieces of at most ``MAX_SENTENCE`` characters."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = next(
            (at + len(mark) for mark in _CUTS if (at := text.rfind(mark, start + 1, limit)) > 0),
            limit,
        )
        pieces.append(_trim(text, start, cut))
        start = cut
    pieces.append(_trim(text, start, end))
    return [(s, e) for s, e in pieces if e > s]


def _abbreviated(text: str, begin: int, dot: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial ("John M.")."""
    if text[dot] != ".":
        return False
    space = max(text.rfind(" ", begin, dot), text.rfind("\n", begin, dot), begin - 1)
    word = text[space + 1 : dot].lstrip("(\"'“‘[")
    if not word:
        return False
    return word.lower().strip(".") in abbreviations or (len(word) == 1 and word.isupper())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
