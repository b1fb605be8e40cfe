"""Conflict endpoints: the list, the open form, the conflict view and its JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from allegiance.errors import InputError
from allegiance.model import Conflict
from allegiance.report.render import LEGEND
from allegiance.report.svg import legend_svg
from allegiance.store import Store
from allegiance.web import params
from allegiance.web.conflicts import ConflictRow, conflict_rows, parse_conflict, year_range
from allegiance.web.graph import ConflictView, conflict_view
from allegiance.web.state import WebState, fingerprint, in_store, web_state
from allegiance.web.templating import render


async def _rows(request: Request) -> list[ConflictRow]:
    state = web_state(request)

    def work(store: Store) -> list[ConflictRow]:
        return conflict_rows(store, state.gazetteer, state.analyst(store).namer)

    return await in_store(request, work)


async def conflicts_page(request: Request) -> Response:
    rows = await _rows(request)
    return render(request, "conflicts.html", {"section": "conflicts", "rows": rows})


async def api_conflicts(request: Request) -> Response:
    rows = await _rows(request)
    return JSONResponse({"conflicts": [r.to_dict() for r in rows]})


async def open_conflict(request: Request) -> Response:
    """The form on the conflicts page: two sides by name or code, to the conflict's page."""
    a, b = params.text(request.query_params, "a"), params.text(request.query_params, "b")
    if a is None or b is None:
        raise InputError("name both sides of the conflict, e.g. KGZ and TJK")
    state = web_state(request)
    conflict = await in_store(request, lambda s: parse_conflict(f"{a}:{b}", state.gazetteer))
    return RedirectResponse(f"/conflicts/{_spec(conflict)}", status_code=303)


@dataclass(frozen=True, slots=True)
class Window:
    """The years and the as-of date a request asks a conflict over."""

    start: int | None
    end: int | None
    as_of: date | None

    @classmethod
    def of(cls, request: Request) -> Window:
        given = request.query_params
        return cls(params.year(given, "from"), params.year(given, "to"), params.day(given, "as_of"))

    def query(self) -> str:
        values = {"from": self.start, "to": self.end, "as_of": self.as_of}
        found = {k: str(v) for k, v in values.items() if v is not None}
        return "?" + urlencode(found) if found else ""


def _fresh(state: WebState, store: Store, conflict: Conflict) -> ConflictView:
    return conflict_view(state.analyst(store), conflict, year_range(store, conflict.sides))


def _spec(conflict: Conflict) -> str:
    return f"{conflict.side_a}:{conflict.side_b}"


async def _view(request: Request) -> tuple[ConflictView, Window]:
    """The conflict the path names over the window the query asks for (from the cache if fresh)."""
    state = web_state(request)
    window = Window.of(request)
    spec = request.path_params["spec"]

    def work(store: Store) -> ConflictView:
        conflict = parse_conflict(
            spec, state.gazetteer, start=window.start, end=window.end, as_of=window.as_of
        )
        key = (conflict, fingerprint(store), date.today())
        return state.views.get(key, lambda: _fresh(state, store, conflict))

    return await in_store(request, work), window


async def conflict_page(request: Request) -> Response:
    view, window = await _view(request)
    spec = _spec(view.conflict)
    if request.path_params["spec"] != spec:
        return RedirectResponse(f"/conflicts/{spec}{window.query()}", status_code=303)
    return render(request, "conflict.html", _context(view, window))


async def conflict_fragment(request: Request) -> Response:
    """The findings, tables and balance of a conflict, for the page to swap in when redrawn."""
    view, window = await _view(request)
    return render(request, "analysis.html", _context(view, window))


async def api_conflict(request: Request) -> Response:
    view, _ = await _view(request)
    return JSONResponse(view.to_dict())


def _context(view: ConflictView, window: Window) -> dict[str, object]:
    briefing = view.briefing
    return {
        "section": "conflicts",
        "view": view,
        "b": briefing,
        "spec": _spec(view.conflict),
        "years": view.years,
        "window": window,
        "notes": {note.number: note for note in briefing.footnotes},
        # Drawn by report.svg from an autoescaping template: no document text is raw in it.
        "svg": Markup(view.svg),
        "graph": view.graph,
        "legend": [(Markup(legend_svg(kind)), words) for kind, words in LEGEND],
    }
