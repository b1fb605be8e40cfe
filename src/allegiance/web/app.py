"""The app factory and the one table of endpoints: what each does, its method and its path.

``create_app(WebConfig.for_host(db, host, token))`` gives the Starlette app
that ``allegiance serve`` runs. ``ENDPOINTS`` is read both to route requests
and to answer ``GET /api`` with the list of API endpoints.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from allegiance.actors import Gazetteer
from allegiance.errors import InputError
from allegiance.extract import Extractor
from allegiance.web.errors import EXCEPTION_HANDLERS, error_response
from allegiance.web.security import Csrf, HostCheck, SecurityHeaders, allowed_hosts
from allegiance.web.settings import WebConfig
from allegiance.web.state import WebState
from allegiance.web.views import claims, conflicts, ingest

Handler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One endpoint: its path, method and handler, and what it is for."""

    path: str
    handler: Handler
    help: str
    method: str = "GET"

    @property
    def api(self) -> bool:
        return self.path.startswith("/api/")

    def route(self) -> Route:
        return Route(self.path, self.handler, methods=[self.method])


async def home(request: Request) -> Response:
    return RedirectResponse("/conflicts", status_code=303)


async def api_index(request: Request) -> Response:
    """The API's endpoints, from the same table that routes them."""
    listed = [{"method": e.method, "path": e.path, "help": e.help} for e in ENDPOINTS if e.api]
    return JSONResponse({"endpoints": listed})


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("/", home, "To the conflicts."),
    Endpoint(
        "/conflicts", conflicts.conflicts_page, "Pairs of hostile states, most evidence first."
    ),
    Endpoint("/conflicts/open", conflicts.open_conflict, "Open the conflict ?a=&b= names."),
    Endpoint("/conflicts/{spec}", conflicts.conflict_page, "A conflict's alignment graph."),
    Endpoint(
        "/conflicts/{spec}/analysis",
        conflicts.conflict_fragment,
        "A conflict's findings and tables, as an HTML fragment.",
    ),
    Endpoint("/claims", claims.claims_page, "The claims table, filtered and paginated."),
    Endpoint("/claims/{claim_id}", claims.claim_page, "A claim, its evidence and its reviews."),
    Endpoint("/claims/{claim_id}/review", claims.review_submit, "Review a claim.", "POST"),
    Endpoint("/documents/{document_id}", claims.document_page, "A document and its claims."),
    Endpoint("/ingest", ingest.ingest_page, "Paste or upload an article."),
    Endpoint("/ingest", ingest.ingest_submit, "Ingest an article.", "POST"),
    Endpoint("/api", api_index, "This list."),
    Endpoint("/api/conflicts", conflicts.api_conflicts, "Pairs of hostile states: {conflicts}."),
    Endpoint(
        "/api/conflicts/{spec}",
        conflicts.api_conflict,
        "A conflict's analysis (analyze --format json) plus its graph; ?from=&to=&as_of=.",
    ),
    Endpoint(
        "/api/claims",
        claims.api_claims,
        "Claims (claims --format json); ?actor=&kind=&status=&review=&document=&from=&to=&as_of="
        "&page=&per_page=.",
    ),
    Endpoint("/api/claims/{claim_id}", claims.api_claim, "A claim with its reviews and documents."),
    Endpoint(
        "/api/claims/{claim_id}/review",
        claims.api_review,
        'Review a claim: {"decision": "accepted"|"rejected", "reviewer", "note"?, "evidence"?}.',
        "POST",
    ),
    Endpoint("/api/documents/{document_id}", claims.api_document, "A document with its claims."),
    Endpoint(
        "/api/ingest",
        ingest.api_ingest,
        "Ingest an article: JSON {title, date, text, publisher?, url?} or a form with a file.",
        "POST",
    ),
)


def routes() -> list[BaseRoute]:
    static = StaticFiles(packages=[("allegiance.web", "static")])
    return [e.route() for e in ENDPOINTS] + [Mount("/static", static, name="static")]


def create_app(
    config: WebConfig,
    *,
    gazetteer: Gazetteer | None = None,
    extractor: Extractor | None = None,
    csrf: Csrf | None = None,
) -> Starlette:
    """The web app over the store ``config.db`` names (which must exist)."""
    if not config.db.is_file():
        raise InputError(
            f"no store at {config.db}: build one (allegiance demo, ingest or import) or pass --db"
        )
    middleware = [Middleware(SecurityHeaders)]
    hosts = allowed_hosts(config.host)
    if hosts is not None:
        middleware.append(Middleware(HostCheck, allowed=hosts, reject=error_response))
    app = Starlette(routes=routes(), middleware=middleware, exception_handlers=EXCEPTION_HANDLERS)
    app.state.web = WebState(config, csrf=csrf, gazetteer=gazetteer, extractor=extractor)
    return app
