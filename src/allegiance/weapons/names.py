"""How weapon names are compared and spelled: the normal form, surface variants, plurals."""

from __future__ import annotations

import functools
import re
import unicodedata

# NFKD leaves Turkish dotless i alone; "Akıncı" and "Akinci" must meet.
_FOLD = str.maketrans({"ı": "i", "İ": "I"})
_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
_SIBILANT_END = ("s", "x", "z", "ch", "sh")
_VOWELS = "aeiou"


@functools.lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """The key two spellings of one name share.

    Case, accents, spaces, hyphens, slashes and dots do not count, so
    "Bayraktar TB-2", "bayraktar tb2" and "BAYRAKTAR TB 2" meet.
    """
    if text.isascii():
        return _NOT_ASCII_ALNUM.sub("", text.lower())
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def variants(name: str) -> tuple[str, ...]:
    """The ways a name is written in running text: "TB2", "TB-2"; "S-400", "S400", "S 400"."""
    forms = [name]
    if "-" in name:
        forms += [name.replace("-", " "), name.replace("-", "")]
    hyphenated = _LETTER_DIGIT.sub("-", name)
    if hyphenated != name:
        forms.append(hyphenated)
    return tuple(dict.fromkeys(forms))


def singular_key(key: str) -> str | None:
    """A normalised plural ("tb2s", "ankas") as its singular key, or None when it is not one."""
    if len(key) > 3 and key.endswith("s"):
        return key[:-1]
    return None


def pluralize(phrase: str) -> str:
    """The regular plural of a noun phrase, inflecting its last word."""
    head, sep, last = phrase.rpartition(" ")
    return f"{head}{sep}{_plural_word(last)}"


def _plural_word(word: str) -> str:
    if word.isupper():
        return word + "s"
    lower = word.lower()
    if lower.endswith(_SIBILANT_END):
        return word + "es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"
