"""A same-length normal form of a text, so that patterns match and offsets still hold."""

from __future__ import annotations

# Each replacement keeps the length: offsets into the normal form are offsets into
# the original, which is what evidence spans must point into.
_SAME_LENGTH = (
    ("\u00a0", " "),
    ("\u2009", " "),
    ("\u202f", " "),
    ("\u2007", " "),
    ("\t", " "),
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u2012", "-"),
)


def normalise(text: str) -> str:
    """``text`` lower-cased, with typographic spaces, quotes and dashes made plain."""
    plain_text = plain(text)
    lowered = plain_text.lower()
    if len(lowered) == len(plain_text):
        return lowered
    # A few characters lower-case to two ("İ"); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in plain_text)


def plain(text: str) -> str:
    """``text`` with typographic spaces, quotes and dashes made plain, case kept."""
    # str.replace per character beats str.translate with a non-ASCII table by far.
    for typographic, simple in _SAME_LENGTH:
        if typographic in text:
            text = text.replace(typographic, simple)
    return text
