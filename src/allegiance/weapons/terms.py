"""The generic weapon vocabulary, grown from its base rows: plurals, spellings, hyphens."""

from __future__ import annotations

import re
from collections.abc import Iterable

from allegiance.errors import InputError
from allegiance.model import Category
from allegiance.weapons.names import pluralize
from allegiance.weapons.weapon import Term

NO_PLURAL = "-"


def _inflections(text: str, plural: str) -> list[str]:
    if plural == NO_PLURAL:
        return [text]
    return [text, plural or pluralize(text)]


_Pairs = list[tuple[re.Pattern[str], str, re.Pattern[str], str]]


def _compile(pairs: Iterable[tuple[str, str]]) -> _Pairs:
    """(British word, its American spelling) as word-bounded patterns both ways."""
    return [
        (re.compile(rf"\b{re.escape(us)}\b"), uk, re.compile(rf"\b{re.escape(uk)}\b"), us)
        for uk, us in pairs
    ]


def _respell(text: str, pairs: _Pairs) -> list[str]:
    """The text in British and in American spelling (one of them is ``text`` itself)."""
    british = american = text
    for us_pattern, uk, uk_pattern, us in pairs:
        if us in british:
            british = us_pattern.sub(uk, british)
        if uk in american:
            american = uk_pattern.sub(us, american)
    return [text, british, american]


def _dehyphenate(text: str) -> list[str]:
    return [text, text.replace("-", " ")] if "-" in text else [text]


def _forms(text: str, plural: str, pairs: _Pairs) -> list[str]:
    return [
        form
        for inflected in _inflections(text, plural)
        for spelled in _respell(inflected, pairs)
        for form in _dehyphenate(spelled)
    ]


def expand_terms(
    rows: Iterable[tuple[int, dict[str, str]]],
    spellings: Iterable[tuple[int, dict[str, str]]],
) -> tuple[Term, ...]:
    """Every form of every term row; a form two rows share keeps the first row's category."""
    pairs = _compile((row["british"], row["american"]) for _, row in spellings)
    terms: dict[str, Term] = {}
    for number, row in rows:
        try:
            found = Category(row["category"])
        except ValueError:
            raise InputError(f"terms.csv:{number}: unknown category {row['category']!r}") from None
        for form in _forms(row["text"], row["plural"], pairs):
            terms.setdefault(form.casefold(), Term(form, found))
    return tuple(terms.values())
