"""The checks every write passes before it reaches the store, for pages and for the API.

Pages: same origin, a body within the limit, the CSRF token, the write token
(when the server has one). API: same origin, the write token, a body within
the limit (JSON, or a form for uploads).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from allegiance.errors import InputError
from allegiance.web import params
from allegiance.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    TOKEN_COOKIE,
    TOKEN_FIELD,
    check_api_token,
    check_origin,
    check_page_token,
)
from allegiance.web.state import web_state
from allegiance.web.templating import REVIEWER_COOKIE

SMALL_BODY = 64 * 1024  # a review or any other write without an article
MAX_FIELDS = 32


@dataclass(frozen=True, slots=True)
class PageWrite:
    """A form that passed every check; ``token`` is set when the form gave the write token."""

    form: FormData
    token: str | None = None

    def finish(self, response: Response) -> Response:
        """Remember the token the form gave, so the next form need not ask for it."""
        if self.token is not None:
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
        return response


async def page_write(request: Request, limit: int = SMALL_BODY) -> PageWrite:
    """The form of a page's POST, once its origin, size, CSRF token and write token pass."""
    state = web_state(request)
    check_origin(request)
    await read_body(request, limit)
    form = await request.form(max_files=1, max_fields=MAX_FIELDS, max_part_size=limit)
    state.csrf.verify(request.cookies.get(CSRF_COOKIE), params.text(form, CSRF_FIELD))
    given = params.text(form, TOKEN_FIELD)
    remembered = check_page_token(request, given, state.config.token)
    return PageWrite(form, given if remembered else None)


async def api_write(request: Request, limit: int = SMALL_BODY) -> None:
    """Check an API write's origin and token, and read its body within ``limit``."""
    check_origin(request)
    check_api_token(request, web_state(request).config.token)
    await read_body(request, limit)


async def read_body(request: Request, limit: int) -> None:
    """Read the body, refusing it (413) as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, _too_large(limit))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, _too_large(limit))
        chunks.append(chunk)
    # Later readers (request.form(), request.json()) parse what was read here.
    request._body = b"".join(chunks)


def _too_large(limit: int) -> str:
    return f"the request is larger than this server accepts ({limit:,} bytes)"


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").partition(";")[0].strip().lower()


async def json_object(request: Request) -> dict[str, Any]:
    """The JSON object an API write sent (415 for another content type, 400 for bad JSON)."""
    if media_type(request) != "application/json":
        raise HTTPException(415, "send a JSON object with Content-Type: application/json")
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise InputError("the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise InputError("the body must be a JSON object")
    return data


def json_fields(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, str]:
    """The named fields of a JSON object as text (numbers as written), others ignored."""
    found: dict[str, str] = {}
    for name in names:
        value = data.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise InputError(f"{name} must be text")
        found[name] = str(value)
    return found


def remember_reviewer(response: Response, reviewer: str) -> Response:
    response.set_cookie(REVIEWER_COOKIE, quote(reviewer), samesite="strict")
    return response
