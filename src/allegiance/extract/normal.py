"""A same-length normal form of a text, so that patterns match and offsets still hold."""

from __future__ import annotations

# Each replacement keeps the length: offsets into the normal form are offsets into
# the original, which is what evidence spans must point into.
_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
    }
)


def normalise(text: str) -> str:
    """``text`` lower-cased, with typographic spaces, quotes and dashes made plain."""
    plain = text.translate(_SAME_LENGTH)
    lowered = plain.lower()
    if len(lowered) == len(plain):
        return lowered
    # A few characters lower-case to two ("İ"); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in plain)


def plain(text: str) -> str:
    """``text`` with typographic spaces, quotes and dashes made plain, case kept."""
    return text.translate(_SAME_LENGTH)
