"""Errors become responses here and nowhere else: JSON under /api/, a readable page elsewhere.

Library errors carry their meaning in their type: bad input is 400, a
missing claim, document or actor 404, a store that cannot be written 503.
HTTP errors raised by the app (401, 403, 413, ...) keep their status. Any
other exception is a 500 whose details stay in the server's log.
"""

from __future__ import annotations

from http import HTTPStatus

from jinja2 import TemplateError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from allegiance.errors import AllegianceError, InputError, NotFoundError, StoreError
from allegiance.web.security import HEADERS
from allegiance.web.templating import render

API_PREFIX = "/api/"
STATUS = ((NotFoundError, 404), (InputError, 400), (StoreError, 503))


def is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith(API_PREFIX) or path == API_PREFIX.rstrip("/")


def error_response(request: Request, status: int, message: str) -> Response:
    """How every error reaches a user: ``{"error", "status"}`` for the API, a page otherwise."""
    if is_api(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    context = {"status": status, "title": _phrase(status), "message": message}
    try:
        return render(request, "error.html", context, status=status)
    except TemplateError:  # the page itself failed: still say what went wrong
        return PlainTextResponse(f"{status} {context['title']}: {message}", status_code=status)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def status_of(exc: AllegianceError) -> int:
    return next((status for kind, status in STATUS if isinstance(exc, kind)), 400)


async def library_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AllegianceError)
    return error_response(request, status_of(exc), str(exc))


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail
    if exc.status_code == 404 and message == HTTPStatus.NOT_FOUND.phrase:
        message = f"there is nothing at {request.url.path}"
    response = error_response(request, exc.status_code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def server_error(request: Request, exc: Exception) -> Response:
    response = error_response(request, 500, "the server failed to answer this request; see its log")
    # This response leaves outside the middleware that adds these to every other one.
    for name, value in HEADERS:
        response.headers[name] = value
    return response


EXCEPTION_HANDLERS = {
    HTTPException: http_error,
    AllegianceError: library_error,
    Exception: server_error,
}
