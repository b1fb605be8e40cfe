"""Claim endpoints: the table, a claim's page, its review, a document's page, and their JSON."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from allegiance.errors import NotFoundError
from allegiance.model import Claim, Document
from allegiance.store import Store
from allegiance.web import params
from allegiance.web.claims import (
    KINDS,
    REVIEW_FILTERS,
    STATUSES,
    ClaimDetail,
    ClaimPage,
    ClaimQuery,
    DocumentDetail,
    claim_detail,
    document_detail,
    find_claims,
    load_claim,
    review_decision,
)
from allegiance.web.state import in_store, web_state
from allegiance.web.templating import render
from allegiance.web.views.writes import (
    api_write,
    json_fields,
    json_object,
    page_write,
    remember_reviewer,
)
from allegiance.web.wording import Words


def claim_id(request: Request) -> int:
    """The claim id in the path; anything else is a claim that is not there."""
    raw = request.path_params["claim_id"]
    if not raw.isdigit():
        raise NotFoundError(f"there is no claim {raw!r}: claim ids are numbers")
    return int(raw)


async def _find(request: Request, *, paged: bool) -> tuple[ClaimPage, list[Document], Words]:
    state = web_state(request)

    def work(store: Store) -> tuple[ClaimPage, list[Document], Words]:
        query = ClaimQuery.parse(request.query_params, state.gazetteer, state.config.page_size)
        if paged and query.page is None:
            query = replace(query, page=1)
        found = find_claims(store, query)
        return found, store.documents(), Words(state.analyst(store).namer)

    return await in_store(request, work)


async def claims_page(request: Request) -> Response:
    found, documents, words = await _find(request, paged=True)
    context = {
        "section": "claims",
        "found": found,
        "query": found.query,
        "documents": documents,
        "words": words,
        "kinds": KINDS,
        "statuses": STATUSES,
        "reviews": REVIEW_FILTERS,
    }
    return render(request, "claims.html", context)


async def api_claims(request: Request) -> Response:
    found, _, _ = await _find(request, paged=False)
    return JSONResponse(found.to_dict())


async def _detail(request: Request) -> tuple[ClaimDetail, Words]:
    state = web_state(request)
    wanted = claim_id(request)

    def work(store: Store) -> tuple[ClaimDetail, Words]:
        return claim_detail(store, wanted), Words(state.analyst(store).namer)

    return await in_store(request, work)


async def claim_page(request: Request) -> Response:
    detail, words = await _detail(request)
    context = {"section": "claims", "detail": detail, "claim": detail.claim, "words": words}
    return render(request, "claim.html", context)


async def api_claim(request: Request) -> Response:
    detail, _ = await _detail(request)
    return JSONResponse(detail.to_dict())


def _review(
    store: Store, wanted: int, fields: params.Params
) -> tuple[Claim, list[dict[str, object]]]:
    evidence = params.whole(fields, "evidence", default=0) or None
    decision = review_decision(params.text(fields, "decision"))
    load_claim(store, wanted)  # a 404 that names the claim, before anything is written
    reviewed = store.review(
        wanted,
        decision,
        params.text(fields, "reviewer") or "",
        evidence_id=evidence,
        note=params.text(fields, "note"),
    )
    return reviewed, [r.to_dict() for r in store.reviews(wanted)]


async def review_submit(request: Request) -> Response:
    """Accept or reject a claim from its page; back to the page, where the audit trail shows it."""
    write = await page_write(request)
    wanted = claim_id(request)
    fields = dict(write.form)
    await in_store(request, lambda store: _review(store, wanted, fields))
    response = RedirectResponse(f"/claims/{wanted}#reviews", status_code=303)
    remember_reviewer(response, params.text(fields, "reviewer") or "")
    return write.finish(response)


async def api_review(request: Request) -> Response:
    """``{"decision", "reviewer", "note"?, "evidence"?}`` in, ``{"claim", "reviews"}`` out."""
    await api_write(request)
    wanted = claim_id(request)
    names = ("decision", "reviewer", "note", "evidence")
    fields = json_fields(await json_object(request), names)
    claim, trail = await in_store(request, lambda store: _review(store, wanted, fields))
    return JSONResponse({"claim": claim.to_dict(), "reviews": trail})


async def _document(request: Request) -> tuple[DocumentDetail, Words]:
    state = web_state(request)
    wanted = request.path_params["document_id"]

    def work(store: Store) -> tuple[DocumentDetail, Words]:
        return document_detail(store, wanted), Words(state.analyst(store).namer)

    return await in_store(request, work)


async def document_page(request: Request) -> Response:
    detail, words = await _document(request)
    ingested = params.choice(request.query_params, "ingested", ("added", "present"))
    context = {
        "section": "claims",
        "detail": detail,
        "doc": detail.document,
        "words": words,
        "ingested": ingested,
    }
    return render(request, "document.html", context)


async def api_document(request: Request) -> Response:
    detail, _ = await _document(request)
    return JSONResponse(
        {
            "document": detail.document.to_dict(with_text=True),
            "claims": [c.to_dict() for c in detail.claims],
        }
    )
