"""The web app's settings: one table of (name, default, help) for the CLI, the pages and the docs.

``WebConfig`` is what one running server was started with: the store, the
address it listens on, the write token (if any) and the values of the settings.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from allegiance.errors import InputError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_ENV = "ALLEGIANCE_TOKEN"
TOKEN_BYTES = 24


@dataclass(frozen=True, slots=True)
class Setting:
    """One tunable value of the web app, with the words that explain it."""

    name: str
    default: int
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "max_upload_bytes",
        5 * 1024 * 1024,
        "The largest article a user may paste or upload, in bytes (5 MiB).",
    ),
    Setting("page_size", 50, "Claims per page of the claims table."),
)
# A form carries a few small fields beside the article itself.
FORM_OVERHEAD = 64 * 1024


def _default(name: str) -> int:
    return next(s.default for s in SETTINGS if s.name == name)


def setting_values(pairs: Iterable[tuple[str, str]]) -> dict[str, int]:
    """``(name, value)`` pairs from the command line as settings, checked against the table."""
    known = {s.name for s in SETTINGS}
    values: dict[str, int] = {}
    for name, raw in pairs:
        if name not in known:
            raise InputError(
                f"unknown setting {name!r}; the settings are {', '.join(sorted(known))}"
            )
        try:
            value = int(raw)
        except ValueError:
            raise InputError(f"setting {name} takes a whole number, not {raw!r}") from None
        if value < 1:
            raise InputError(f"setting {name} must be at least 1, not {value}")
        values[name] = value
    return values


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True, slots=True)
class WebConfig:
    """How one server runs: its store, its address, its write token and its settings.

    Writes need ``token`` whenever it is set; ``for_host`` sets one for any
    address other than this machine's own.
    """

    db: Path
    host: str = DEFAULT_HOST
    token: str | None = None
    max_upload_bytes: int = field(default=_default("max_upload_bytes"))
    page_size: int = field(default=_default("page_size"))

    @classmethod
    def for_host(
        cls, db: Path, host: str = DEFAULT_HOST, token: str | None = None, **settings: int
    ) -> WebConfig:
        """A config for ``host``, with a fresh token when it is reachable from other machines."""
        if token is not None and not token.strip():
            raise InputError("the write token cannot be empty")
        if token is None and not is_loopback(host):
            token = new_token()
        return cls(db, host, token, **settings)

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def body_limit(self) -> int:
        """The largest request body a write may send."""
        return self.max_upload_bytes + FORM_OVERHEAD
