"""When a claim holds: the year or period a sentence gives, else what its paragraph gave."""

from __future__ import annotations

import re
from dataclasses import dataclass

from allegiance.extract.lexicon import Lexicon

# Words between a since-word and its year ("since the start of 2022", "since late 2023").
FILLERS = frozenset({"the", "early", "late", "mid", "mid-", "start", "end", "beginning", "of"})
FILLERS |= frozenset({"middle", "summer", "spring", "autumn", "winter", "fall"})
_YEAR = re.compile(r"(?<![\d$€£.,/-])(1[89]\d\d|20\d\d)(?!\d|,\d|-(?:kilo|meter|mile|strong))")


@dataclass(frozen=True, slots=True)
class Period:
    """Years as a source states them: one year (since == until), a closed period, or an
    open one (``until`` None: "since 1991", "have been rivals for years"), still running.
    """

    since: int | None = None
    until: int | None = None
    explicit: bool = False

    @property
    def year(self) -> int | None:
        return self.since if self.since is not None else self.until


class YearReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self._since = lexicon.since_words
        self._since_phrases = [p.split() for p in lexicon.since_words if p.strip()]
        self._until = lexicon.until_words
        self._same = tuple(p.lower() for p in lexicon.same_year)
        self._relative = lexicon.relative_years
        self._carried = lexicon.carried_years
        self._months = lexicon.months
        self._open = _alternation(list(lexicon.open_spans)) if lexicon.open_spans else None
        self._open_firsts = frozenset(p.split()[0] for p in lexicon.open_spans)
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
        if self._open is not None and self._may_open(lowered) and self._open.search(lowered):
            # "have been rivals for years": true when reported, and running on.
            return Period(today if today is not None else carried, None)
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
        before = lowered[max(0, found[0].start() - 30) : found[0].start()].split()
        if self._opens(before):
            # "since 1991" runs on; "from 2021 until 2024" ends.
            if len(found) > 1 and _joined(lowered, found[0], found[1], self._until):
                return Period(first, max(first, int(found[1].group(1))), explicit=True)
            return Period(first, None, explicit=True)
        if len(found) > 1 and _joined(lowered, found[0], found[1], self._until):
            return Period(first, max(first, int(found[1].group(1))), explicit=True)
        return Period(first, first, explicit=True)

    def _may_open(self, lowered: str) -> bool:
        """A cheap first look for the phrases that leave a period open."""
        return any(word in lowered for word in self._open_firsts)

    def _opens(self, before: list[str]) -> bool:
        """Whether a since-word stands right before a year, past "early", "the start of",
        a month ("since October 2017"; not "bought drones from Turkey in 2021")."""
        index = len(before)
        while index and (before[index - 1] in FILLERS or before[index - 1] in self._months):
            index -= 1
        words = before[:index]
        return any(words[-len(phrase) :] == phrase for phrase in self._since_phrases)

    @staticmethod
    def last(lowered: str) -> int | None:
        """The last explicit year of a sentence, carried to the sentences after it."""
        found = _YEAR.findall(lowered)
        return int(found[-1]) if found else None


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def _joined(lowered: str, a: re.Match[str], b: re.Match[str], until: frozenset[str]) -> bool:
    """Whether two years make one period: "2016-2020", "2016 and 2020", "2021 until July 2024"."""
    between = lowered[a.end() : b.start()].strip()
    if between in ("-", "–", "and") or between in until:
        return True
    words = between.split()
    return 0 < len(words) <= 3 and words[0] in until
