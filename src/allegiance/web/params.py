"""Reading what a user typed into a query string or a form: years, dates, choices.

Each reader returns ``None`` for a blank value and raises ``InputError`` (a
400) naming the field for a value it cannot read.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from starlette.datastructures import UploadFile

from allegiance.errors import InputError

Params = Mapping[str, str | UploadFile]
MIN_YEAR, MAX_YEAR = 1000, 9999


def text(params: Params, name: str) -> str | None:
    """A text field, stripped; None when blank or absent."""
    value = params.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{name} must be text, not a file")
    value = value.strip()
    return value or None


def year(params: Params, name: str) -> int | None:
    value = text(params, name)
    if value is None:
        return None
    if not value.isdigit() or not MIN_YEAR <= int(value) <= MAX_YEAR:
        raise InputError(f"{name} must be a year such as 2021, not {value!r}")
    return int(value)


def day(params: Params, name: str) -> date | None:
    value = text(params, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name} must be a date written YYYY-MM-DD, not {value!r}") from None


def whole(params: Params, name: str, *, default: int, least: int = 1) -> int:
    value = text(params, name)
    if value is None:
        return default
    if not value.isdigit() or int(value) < least:
        raise InputError(f"{name} must be a whole number of at least {least}, not {value!r}")
    return int(value)


def choice(params: Params, name: str, choices: Collection[str]) -> str | None:
    value = text(params, name)
    if value is not None and value not in choices:
        raise InputError(f"{name} is one of {', '.join(sorted(choices))}, not {value!r}")
    return value
