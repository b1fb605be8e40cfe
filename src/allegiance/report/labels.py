"""How much room a label takes: its lines and a width that no common sans-serif font exceeds.

There is no font engine at layout time, so widths are estimated from the
advance widths of DejaVu Sans (Bitstream Vera, as wide as Verdana), rounded
up: the widest of the fonts the picture asks for, so Arial, Helvetica or
Liberation Sans only ever come out narrower than the box kept for them.
"""

from __future__ import annotations

FONT_SIZE = 12.0  # px, in the picture's own units
LINE_HEIGHT = 15.0
MAX_LINE_CHARS = 16  # longer names wrap onto a second line at a space
BOLD_FACTOR = 1.12
FONT_FAMILY = "'DejaVu Sans', Verdana, 'Liberation Sans', Arial, Helvetica, sans-serif"

# Advance widths in em, grouped and rounded up from DejaVu Sans's.
_NARROW = frozenset("iljI|!.,:;'`")
_THIN = frozenset('frt()[]{}-/\\ "*')
_WIDE = frozenset("mwMW@%")
_NARROW_EM, _THIN_EM, _LOWER_EM, _UPPER_EM, _WIDE_EM = 0.32, 0.42, 0.64, 0.8, 1.0


def char_em(char: str) -> float:
    if char in _NARROW:
        return _NARROW_EM
    if char in _THIN:
        return _THIN_EM
    if char in _WIDE:
        return _WIDE_EM
    if char.isupper() or not char.isascii():
        return _UPPER_EM
    return _LOWER_EM


def text_width(text: str, size: float = FONT_SIZE, *, bold: bool = False) -> float:
    """An upper bound of the rendered width of ``text`` in px."""
    width = sum(char_em(c) for c in text) * size
    return width * BOLD_FACTOR if bold else width


def label_lines(text: str, max_chars: int = MAX_LINE_CHARS) -> tuple[str, ...]:
    """The label on one line, or on two split at the space that best balances them."""
    text = " ".join(text.split())
    if len(text) <= max_chars or " " not in text:
        return (text,)
    spaces = [i for i, c in enumerate(text) if c == " "]
    best = min(spaces, key=lambda i: max(text_width(text[:i]), text_width(text[i + 1 :])))
    return (text[:best], text[best + 1 :])
