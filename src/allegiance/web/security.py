"""What keeps the web app safe: tokens for writes, CSRF for forms, origin and host checks, headers.

The rules, in one place:

- Reads are open; every write (a review, an ingest) needs the server's token
  when it has one (always when it listens beyond this machine): the
  ``X-Allegiance-Token`` header (or ``Authorization: Bearer``) for the API,
  the ``token`` form field or the ``allegiance_token`` cookie for pages.
- A form carries a signed double-submit CSRF token: the ``csrf`` field must
  equal the ``allegiance_csrf`` cookie, and the server must have signed it.
- A write whose ``Origin`` (or ``Sec-Fetch-Site``) shows another site is
  refused, and a server on this machine only answers to its own host names,
  so a web page elsewhere can neither post to it nor read it by DNS rebinding.
- Every response carries a Content-Security-Policy that allows only the
  app's own scripts and styles, and frames nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from allegiance.web.settings import is_loopback

CSRF_COOKIE = "allegiance_csrf"
CSRF_FIELD = "csrf"
TOKEN_COOKIE = "allegiance_token"
TOKEN_FIELD = "token"
TOKEN_HEADER = "x-allegiance-token"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HEADERS = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "same-origin"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
)


class Csrf:
    """Signed double-submit tokens: ``nonce.signature``, signed with a secret of this server's."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def _sign(self, nonce: str) -> str:
        digest = hmac.new(self._secret, nonce.encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def issue(self) -> str:
        nonce = secrets.token_urlsafe(18)
        return f"{nonce}.{self._sign(nonce)}"

    def valid(self, token: str | None) -> bool:
        """Whether this server signed ``token``."""
        if not token or not token.isascii():
            return False
        nonce, _, signature = token.partition(".")
        return bool(nonce) and hmac.compare_digest(signature, self._sign(nonce))

    def verify(self, cookie: str | None, submitted: str | None) -> None:
        """Refuse a form whose CSRF field does not match its signed cookie."""
        if not (cookie and submitted and self.valid(cookie)):
            raise HTTPException(403, "the form has expired or came from another site: reload it")
        if not hmac.compare_digest(cookie.encode("ascii"), submitted.encode("ascii", "replace")):
            raise HTTPException(403, "the form has expired or came from another site: reload it")


def same_token(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(
        given.encode("utf-8", "replace"), expected.encode("utf-8")
    )


def api_token(request: Request) -> str | None:
    """The token an API client sent, in ``X-Allegiance-Token`` or ``Authorization: Bearer``."""
    found = request.headers.get(TOKEN_HEADER)
    if found:
        return found.strip()
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" and credentials else None


def check_api_token(request: Request, expected: str | None) -> None:
    """Refuse an API write without the server's token (when it has one)."""
    if expected is not None and not same_token(api_token(request), expected):
        raise HTTPException(
            401, f"this server needs its token for writes: send it in the {TOKEN_HEADER} header"
        )


def check_page_token(request: Request, submitted: str | None, expected: str | None) -> bool:
    """Refuse a page write without the token (form field or cookie); True if the field gave it."""
    if expected is None:
        return False
    if same_token(submitted, expected):
        return True
    if same_token(request.cookies.get(TOKEN_COOKIE), expected):
        return False
    raise HTTPException(401, "this server needs its write token: enter the token it printed")


def check_origin(request: Request) -> None:
    """Refuse a write that a page of another site sent."""
    origin = request.headers.get("origin")
    if origin is not None and not _same_origin(origin, request):
        raise HTTPException(403, "cross-site writes are refused")
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise HTTPException(403, "cross-site writes are refused")


def _same_origin(origin: str, request: Request) -> bool:
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    host = request.headers.get("host", "")
    return parts.scheme == request.url.scheme and parts.netloc.lower() == host.lower()


def host_name(host_header: str) -> str:
    """The name in a Host header, without the port: ``[::1]:8000`` is ``::1``."""
    if host_header.startswith("["):
        return host_header[1:].partition("]")[0].lower()
    return host_header.rpartition(":")[0].lower() if ":" in host_header else host_header.lower()


class SecurityHeaders:
    """ASGI middleware: the security headers on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS:
                    headers[name] = value
                if not scope["path"].startswith("/static/"):
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HostCheck:
    """ASGI middleware: answer only to the given host names (against DNS rebinding)."""

    def __init__(
        self,
        app: ASGIApp,
        allowed: frozenset[str],
        reject: Callable[[Request, int, str], Response],
    ) -> None:
        self.app = app
        self.allowed = allowed
        self.reject = reject

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if host_name(request.headers.get("host", "")) in self.allowed:
            await self.app(scope, receive, send)
            return
        response = self.reject(request, 400, "this server answers only to its own host names")
        await response(scope, receive, send)


def allowed_hosts(bound: str) -> frozenset[str] | None:
    """The host names a server bound to ``bound`` answers to; None for any (it has a token)."""
    if not is_loopback(bound):
        return None
    return LOOPBACK_NAMES | {bound.strip("[]").lower()}
