"""Pages from jinja2 templates: everything escaped, and each page's form tokens set.

Autoescaping is always on and no template marks document text safe, so an
article's ``<script>`` is shown, never run. Every page gets the CSRF token its
forms carry (and the cookie it must match).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any
from urllib.parse import unquote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from allegiance import __version__
from allegiance.web.security import CSRF_COOKIE, TOKEN_COOKIE, same_token
from allegiance.web.state import web_state

REVIEWER_COOKIE = "allegiance_reviewer"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("allegiance.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["static"] = static_url
    env.filters["json_script"] = json_script
    return env


def static_url(name: str) -> str:
    """A static file's address, versioned so a new release is never served from cache."""
    return f"/static/{name}?v={__version__}"


def json_script(data: Any) -> Markup:
    """``data`` as JSON safe inside a ``<script type="application/json">`` block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    # Safe: every character that could end the block or start markup is escaped above.
    return Markup(text)


def render(
    request: Request, name: str, context: dict[str, Any], *, status: int = 200
) -> HTMLResponse:
    """The page ``name`` with ``context``, its CSRF token, and what its forms need."""
    state = web_state(request)
    cookie = request.cookies.get(CSRF_COOKIE)
    fresh = not state.csrf.valid(cookie)
    token = state.csrf.issue() if fresh or cookie is None else cookie
    expected = state.config.token
    html = (
        environment()
        .get_template(name)
        .render(
            request=request,
            csrf_token=token,
            needs_token=expected is not None
            and not same_token(request.cookies.get(TOKEN_COOKIE), expected),
            reviewer=unquote(request.cookies.get(REVIEWER_COOKIE, "")),
            store_name=state.config.db.name,
            **({"section": ""} | context),
        )
    )
    response = HTMLResponse(html, status_code=status)
    if fresh:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response
