"""When a claim holds: the year or period a sentence gives, else what its paragraph gave."""

from __future__ import annotations

import re
from dataclasses import dataclass

from allegiance.extract.lexicon import Lexicon

_YEAR = re.compile(r"(?<![\d$€£.,/-])(1[89]\d\d|20\d\d)(?!\d|,\d|-(?:kilo|meter|mile|strong))")


@dataclass(frozen=True, slots=True)
class Period:
    """Years as a source states them: one year (since == until) or a period."""

    since: int | None = None
    until: int | None = None
    explicit: bool = False

    @property
    def year(self) -> int | None:
        return self.since if self.since is not None else self.until


class YearReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self._since = lexicon.since_words
        self._until = lexicon.until_words
        self._same = tuple(p.lower() for p in lexicon.same_year)
        self._relative = lexicon.relative_years
        self._carried = lexicon.carried_years
        self._months = lexicon.months
        # One pass for every phrase: the longest first, so "late last year" beats "last year".
        self._phrases = _alternation(
            [*lexicon.carried_years, *lexicon.relative_years, *(f"last {m}" for m in self._months)]
        )

    def read(
        self, lowered: str, carried: int | None, today: int | None, month: int | None = None
    ) -> Period:
        """The period of one sentence (``lowered``), given the paragraph's last year.

        ``today`` and ``month`` are the document's date, for "last year" or "last March".
        """
        found = list(_YEAR.finditer(lowered))
        if found:
            return self._explicit(lowered, found, today)
        relative = self._relative_year(lowered, carried, today, month)
        if relative is not None:
            return Period(relative, relative, explicit=True)
        if carried is not None and any(p in lowered for p in self._same):
            return Period(carried, carried)
        year = carried if carried is not None else today
        return Period(year, year)

    def _relative_year(
        self, lowered: str, carried: int | None, today: int | None, month: int | None
    ) -> int | None:
        """A year given relative to the paragraph's ("two years earlier") or to today's."""
        base = carried if carried is not None else today
        for found in self._phrases.finditer(lowered):
            phrase = found.group(0)
            if phrase in self._carried:
                if base is not None:
                    return base + self._carried[phrase]
            elif today is None:
                continue
            elif phrase in self._relative:
                return today + self._relative[phrase]
            elif month is not None:
                number = self._months[phrase.removeprefix("last ")]
                return today if number < month else today - 1
        return None

    def _explicit(self, lowered: str, found: list[re.Match[str]], today: int | None) -> Period:
        first = int(found[0].group(1))
        before = lowered[max(0, found[0].start() - 25) : found[0].start()].split()
        if any(w in self._since for w in before[-4:]):
            until = int(found[1].group(1)) if len(found) > 1 else today
            return Period(first, until if until and until >= first else None, explicit=True)
        if len(found) > 1 and _joined(lowered, found[0], found[1], self._until):
            return Period(first, max(first, int(found[1].group(1))), explicit=True)
        return Period(first, first, explicit=True)

    @staticmethod
    def last(lowered: str) -> int | None:
        """The last explicit year of a sentence, carried to the sentences after it."""
        found = _YEAR.findall(lowered)
        return int(found[-1]) if found else None


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def _joined(lowered: str, a: re.Match[str], b: re.Match[str], until: frozenset[str]) -> bool:
    between = lowered[a.end() : b.start()].strip()
    return between in ("-", "–", "and") or between in until
