"""Names and lists in plain English, for the one-sentence explanations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

# Names that read with an article in running text ("the United States").
_WITH_THE = (
    "United ",
    "Republic of ",
    "Democratic Republic",
    "Central African Republic",
    "Czech Republic",
    "Dominican Republic",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Comoros",
    "Maldives",
    "Holy See",
    "Vatican",
    "Congo",
)
_ACRONYMS_WITHOUT_THE = frozenset({"NATO", "ASEAN", "ECOWAS", "OPEC", "MERCOSUR", "Hamas"})


class Namer:
    """Turns actor codes into the names a reader expects."""

    def __init__(self, names: Mapping[str, str], organisations: Iterable[str] = ()) -> None:
        self._names = dict(names)
        self._organisations = frozenset(organisations)

    def __call__(self, code: str) -> str:
        """Running-text name: 'the United States', 'Turkey', 'the CSTO', 'NATO'."""
        if code in self._organisations:
            return code if code in _ACRONYMS_WITHOUT_THE else f"the {code}"
        name = self._names.get(code, code)
        if name.startswith(_WITH_THE) or name.endswith(("Islands", "Emirates", "Kingdom")):
            return f"the {name}"
        return name

    def plain(self, code: str) -> str:
        """The bare name, for tables and headings; organisations by their short code."""
        if code in self._organisations:
            return code
        return self._names.get(code, code)

    def full(self, code: str) -> str:
        """The full name, organisations included ('Collective Security Treaty Organization')."""
        return self._names.get(code, code)

    def start(self, code: str) -> str:
        """The name at the start of a sentence."""
        name = self(code)
        return name[0].upper() + name[1:]


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def years(values: Iterable[int]) -> str:
    """'2021', '2021–2023', '2019, 2021–2023'."""
    ordered = sorted(set(values))
    runs: list[tuple[int, int]] = []
    for year in ordered:
        if runs and year == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def period(start: int | None, end: int | None) -> str:
    """'2021', '2021–2023', 'since 2021' (a period still running), or ''."""
    if start is None:
        return "" if end is None else str(end)
    if end is None:
        return f"since {start}"
    return str(start) if start == end else f"{start}–{end}"


NameFunction = Callable[[str], str]
