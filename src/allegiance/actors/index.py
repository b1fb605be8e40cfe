"""Name -> actor lookup: exact folded names first, then "<name>-<suffix>" origin forms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from allegiance.actors.aliases import FORM_RANK, PRIMARY_CODE_RANK, derivable, key_of
from allegiance.actors.names import fold, fold_cased, strip_possessive
from allegiance.actors.records import Alias, AliasForm

# code -> rank (lower is a better fit)
Hits = dict[str, int]
_Table = dict[str, Hits]


def _add(table: _Table, key: str, code: str, rank: int) -> None:
    hits = table.setdefault(key, {})
    if rank < hits.get(code, rank + 1):
        hits[code] = rank


class AliasIndex:
    """Every alias under its folded key, split by whether case matters."""

    def __init__(
        self, aliases: Iterable[Alias], suffixes: Iterable[str], display: Mapping[str, str]
    ) -> None:
        self._folded: _Table = {}
        self._cased: _Table = {}
        self._base_folded: _Table = {}
        self._base_cased: _Table = {}
        self._suffixes = frozenset(fold(s) for s in suffixes)
        for alias in aliases:
            self._add(alias, display)

    def _add(self, alias: Alias, display: Mapping[str, str]) -> None:
        primary = alias.text == alias.code
        rank = PRIMARY_CODE_RANK if primary else FORM_RANK[alias.form]
        key = key_of(alias)
        _add(self._cased if alias.case_sensitive else self._folded, key, alias.code, rank)
        if derivable(alias, display):
            base = self._base_cased if alias.case_sensitive else self._base_folded
            _add(base, key, alias.code, rank)

    def shared_keys(self) -> set[str]:
        """Keys that name more than one actor: "congo", "korea", "dominican"."""
        tables = (self._folded, self._cased)
        return {key for table in tables for key, hits in table.items() if len(hits) > 1}

    def lookup(self, text: str) -> Hits:
        """The actors ``text`` may name, each with its best rank; empty when none."""
        for candidate in dict.fromkeys((text, strip_possessive(text))):
            hits = self._exact(candidate, self._folded, self._cased)
            if hits:
                return hits
        return self._derived(text)

    @staticmethod
    def _exact(text: str, folded: _Table, cased: _Table) -> Hits:
        hits = dict(folded.get(fold(text), {}))
        for code, rank in cased.get(fold_cased(text), {}).items():
            hits[code] = min(rank, hits.get(code, rank))
        return hits

    def _derived(self, text: str) -> Hits:
        """ "Turkish-made" -> TUR, "U.S.-led" -> USA: a base name and a known suffix."""
        base, _, suffix = fold_cased(text).rpartition(" ")
        if not base or suffix.casefold() not in self._suffixes:
            return {}
        hits = self._exact(base, self._base_folded, self._base_cased)
        return {code: rank + FORM_RANK[AliasForm.ORIGIN] for code, rank in hits.items()}
