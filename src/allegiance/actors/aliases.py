"""The rules that turn records and curated names into the full set of aliases.

Curated files hold what must be typed (demonyms, seats of power, variants);
everything regular is generated here: codes and capitals from the state
table, plurals of demonyms, plain-ASCII spellings, and the origin forms
("Turkish-made", "Iran-backed", "US-led") from each base name and the
suffix list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from allegiance.actors.names import (
    ascii_variant,
    fold,
    fold_cased,
    is_all_caps,
    plural,
    with_suffix,
)
from allegiance.actors.records import Alias, AliasForm, Group, Organisation, State

# Which alias wins when one text names one actor several ways, and how
# strongly each form points at its actor when a name fits several actors.
FORM_RANK = {
    AliasForm.NAME: 1,
    AliasForm.SHORT: 2,
    AliasForm.ADJECTIVE: 3,
    AliasForm.DEMONYM: 3,
    AliasForm.CAPITAL: 4,
    AliasForm.SEAT: 5,
    AliasForm.LEADER: 5,
    AliasForm.HISTORICAL: 6,
    AliasForm.COMPANY: 6,
    AliasForm.CODE: 7,
    AliasForm.ORIGIN: 8,
}
PRIMARY_CODE_RANK = 0

# Forms an origin suffix attaches to: "Russia-led", "Russian-made", "Moscow-backed",
# "Kremlin-funded", "Soviet-made"; not official names, people-nouns or codes.
DERIVABLE = frozenset(
    {
        AliasForm.SHORT,
        AliasForm.ADJECTIVE,
        AliasForm.CAPITAL,
        AliasForm.SEAT,
        AliasForm.HISTORICAL,
    }
)


def key_of(alias: Alias) -> str:
    """Where an alias sits in the index: case-sensitive ones keep their capitals."""
    return fold_cased(alias.text) if alias.case_sensitive else fold(alias.text)


def make(text: str, code: str, form: AliasForm, case_sensitive: bool | None = None) -> Alias:
    """An alias whose case rule follows its text unless the data says otherwise."""
    cased = is_all_caps(text) if case_sensitive is None else case_sensitive
    return Alias(text, code, form, case_sensitive=cased)


def code_alias(text: str, code: str) -> Alias:
    return Alias(text, code, AliasForm.CODE, case_sensitive=True)


def state_aliases(state: State) -> Iterator[Alias]:
    """What the state table itself says a state is called."""
    yield make(state.name, state.code, AliasForm.NAME)
    if state.official_name:
        yield make(state.official_name, state.code, AliasForm.NAME)
    if state.capital:
        yield make(state.capital, state.code, AliasForm.CAPITAL)
    yield code_alias(state.code, state.code)
    for extra in (state.iso2, state.cow_abb):
        if extra:
            yield code_alias(extra, state.code)


def named_aliases(record: Organisation | Group) -> Iterator[Alias]:
    yield make(record.name, record.code, AliasForm.NAME)
    yield code_alias(record.code, record.code)


def with_plurals(aliases: Iterable[Alias]) -> Iterator[Alias]:
    """The aliases, each national adjective followed by its people-noun plural."""
    for alias in aliases:
        yield alias
        noun = plural(alias.text) if alias.form is AliasForm.ADJECTIVE else None
        if noun:
            yield Alias(noun, alias.code, AliasForm.DEMONYM, alias.case_sensitive)


def best_per_text(aliases: Iterable[Alias], primary: set[str]) -> list[Alias]:
    """One alias per (text, actor), in the best form.

    A secondary code (ISO2, COW abbreviation) equal to another actor's own
    code is dropped: ISO2 "AU" is Australia's, but "AU" is the African Union;
    COW's "AUS" is Austria, but ISO's is Australia.
    """
    best: dict[tuple[str, str], Alias] = {}
    for alias in aliases:
        if alias.form is AliasForm.CODE and alias.text in primary and alias.text != alias.code:
            continue
        key = (alias.text, alias.code)
        seen = best.get(key)
        if seen is None or FORM_RANK[alias.form] < FORM_RANK[seen.form]:
            best[key] = alias
    return list(best.values())


def flagged(aliases: list[Alias], shared: set[str], homonyms: set[str]) -> list[Alias]:
    """The aliases with ``ambiguous`` set where a reader needs context.

    Ambiguous: a text naming several actors ("Congo", "Korea"), one that is
    also an ordinary word ("Chad", "Turkey"), and codes (a run of capitals is
    often some other acronym). "Georgia" is not: no other actor has the name.
    """
    out = []
    for alias in aliases:
        ambiguous = (
            alias.ambiguous
            or key_of(alias) in shared
            or fold(alias.text) in homonyms
            or alias.form is AliasForm.CODE
        )
        out.append(alias if ambiguous == alias.ambiguous else _with_flag(alias, ambiguous))
    return out


def _with_flag(alias: Alias, ambiguous: bool) -> Alias:
    return Alias(alias.text, alias.code, alias.form, alias.case_sensitive, ambiguous)


def derivable(alias: Alias, display: Mapping[str, str]) -> bool:
    """Whether origin suffixes attach to this alias (an actor's display name counts).

    Of historical names only single words take them: "Soviet-made" and
    "USSR-built" are said, "Soviet Union-made" and "Turkic Council-led" are not.
    """
    if alias.form is AliasForm.HISTORICAL:
        return " " not in alias.text
    return alias.form in DERIVABLE or (
        alias.form is AliasForm.NAME and display.get(alias.code) == alias.text
    )


def origin_forms(
    alias: Alias, suffixes: Iterable[str], shared: set[str], display: Mapping[str, str]
) -> Iterator[Alias]:
    """ "Turkish" -> "Turkish-made", "Turkish-backed", ...; historical stays historical.

    Only a name shared between actors makes the derived form ambiguous:
    "Turkey-made" is not the bird, "Korean-made" is still either Korea.
    """
    if not derivable(alias, display):
        return
    form = AliasForm.HISTORICAL if alias.form is AliasForm.HISTORICAL else AliasForm.ORIGIN
    ambiguous = key_of(alias) in shared
    for suffix in suffixes:
        text = with_suffix(alias.text, suffix)
        yield Alias(text, alias.code, form, alias.case_sensitive, ambiguous)


def with_ascii(alias: Alias) -> Iterator[Alias]:
    """The alias and, for "Türkiye" or "Élysée", its plain-ASCII spelling."""
    yield alias
    plain = ascii_variant(alias.text)
    if plain:
        yield Alias(plain, alias.code, alias.form, alias.case_sensitive, alias.ambiguous)
