"""How names are compared, and the forms generated from them rather than typed per country."""

from __future__ import annotations

import functools
import re
import unicodedata

# Dots go ("U.S." is "US", "St. Lucia" is "St Lucia"); hyphens and dashes
# become spaces ("Guinea-Bissau" is "Guinea Bissau", "Turkish-made" splits
# into a base and a suffix); typographic apostrophes become plain ones.
_PUNCTUATION = str.maketrans(
    {
        ".": "",
        ",": " ",
        "-": " ",
        "\u2010": " ",
        "\u2011": " ",
        "\u2013": " ",
        "\u2014": " ",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "&": " and ",
    }
)
_POSSESSIVE = re.compile(r"(?:'s|')$")


def strip_marks(text: str) -> str:
    """``text`` without diacritics: "Türkiye" -> "Turkiye", "Élysée" -> "Elysee"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Every alias is folded at load time, some several times, and the same
# names recur in queries; a bounded cache keeps both cheap.
@functools.lru_cache(maxsize=16384)
def fold_cased(text: str) -> str:
    """The lookup key of a case-sensitive alias: folded like ``fold`` but keeping case."""
    words = strip_marks(text).translate(_PUNCTUATION).split()
    if len(words) > 1 and words[0].casefold() == "the":
        del words[0]
    return " ".join(words)


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The lookup key of a name: no case, diacritics, dots, dashes or leading "the".

    Not length-preserving, so an extractor that needs character offsets must
    match on the alias texts and use this only to compare.
    """
    return fold_cased(text).casefold()


def strip_possessive(text: str) -> str:
    """ "Russia's" -> "Russia", "Belarus'" -> "Belarus"."""
    return _POSSESSIVE.sub("", text.replace("\u2019", "'"))


def is_all_caps(text: str) -> bool:
    """True for "US", "U.S.", "UAE", "M23": forms that must match only in capitals."""
    return text.isupper()


def plural(adjective: str) -> str | None:
    """The people-noun plural of a national adjective, where English just adds -s.

    "Iranian" -> "Iranians", "Emirati" -> "Emiratis"; "Chinese", "Kyrgyz" and
    "Turkish" have none (irregular nouns such as "Turks" are curated data).
    """
    if adjective.endswith(("n", "i")) and adjective[-1:].islower():
        return adjective + "s"
    return None


def ascii_variant(text: str) -> str | None:
    """The plain-ASCII spelling of a name, when it differs: "Türkiye" -> "Turkiye"."""
    plain = strip_marks(text).replace("\u2019", "'")
    return plain if plain != text else None


def with_suffix(base: str, suffix: str) -> str:
    """A derived origin form: ("Turkish", "made") -> "Turkish-made"."""
    return f"{base}-{suffix}"
