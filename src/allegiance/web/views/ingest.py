"""Ingest endpoints: the form, its POST, and ``POST /api/ingest`` (JSON, or a form with a file)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from allegiance.errors import InputError, NotFoundError
from allegiance.model import Document
from allegiance.sources.news import SUFFIXES
from allegiance.store import Store
from allegiance.web import params
from allegiance.web.ingest import ArticleMeta, Ingested, ingest, pasted, too_large, uploaded
from allegiance.web.state import WebState, in_store, web_state
from allegiance.web.templating import render
from allegiance.web.views.writes import (
    api_write,
    json_fields,
    json_object,
    media_type,
    page_write,
)

FIELDS = ("title", "date", "publisher", "url", "text")
FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")


async def ingest_page(request: Request) -> Response:
    limit = web_state(request).config.max_upload_bytes
    context = {"section": "ingest", "limit": limit, "suffixes": sorted(SUFFIXES)}
    return render(request, "ingest.html", context)


async def _document(given: params.Params, limit: int) -> Document:
    """The article a form or a JSON object gives: an uploaded file, else pasted text."""
    meta = ArticleMeta(
        title=params.text(given, "title"),
        date=params.day(given, "date"),
        publisher=params.text(given, "publisher"),
        url=params.text(given, "url"),
    )
    upload = given.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(limit + 1)
        _check_size(len(data), limit)
        return await run_in_threadpool(uploaded, upload.filename, data, meta)
    text = given.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("paste the article's text or choose a file to upload")
    _check_size(len(text.encode("utf-8")), limit)
    return pasted(text, meta)


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise HTTPException(413, too_large(size, limit))


def _ingest(state: WebState, store: Store, doc: Document) -> Ingested:
    """Store ``doc`` and its claims; the extractor is spared a text the store already holds."""
    try:
        store.document(doc.id)
    except NotFoundError:
        return ingest(store, doc, state.extract(doc))
    return ingest(store, doc, [])


async def _run(request: Request, doc: Document) -> Ingested:
    state = web_state(request)
    return await in_store(request, lambda store: _ingest(state, store, doc))


async def ingest_submit(request: Request) -> Response:
    """The ingest form: to the new document's page, where its claims wait for review."""
    state = web_state(request)
    write = await page_write(request, state.config.body_limit)
    doc = await _document(write.form, state.config.max_upload_bytes)
    done = await _run(request, doc)
    outcome = "added" if done.result.added else "present"
    response = RedirectResponse(f"/documents/{doc.id}?ingested={outcome}", status_code=303)
    return write.finish(response)


async def api_ingest(request: Request) -> Response:
    """A JSON object (title, date, text, ...) or a form with a ``file``; 201 when added."""
    state = web_state(request)
    await api_write(request, state.config.body_limit)
    limit = state.config.max_upload_bytes
    if media_type(request) in FORMS:
        form = await request.form(max_files=1, max_fields=16, max_part_size=state.config.body_limit)
        doc = await _document(form, limit)
    else:
        doc = await _document(json_fields(await json_object(request), FIELDS), limit)
    done = await _run(request, doc)
    return JSONResponse(done.to_dict(), status_code=201 if done.result.added else 200)
