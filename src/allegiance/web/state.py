"""What the running app shares between requests, and a fresh store connection for each one.

Each request opens its own ``Store`` in a worker thread and closes it when
done, so the server and any CLI command writing the same file are
serialised by SQLite itself (WAL, busy timeout, BEGIN IMMEDIATE) and
nothing is lost. The gazetteer and the extractor are built once and shared.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar, cast

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from allegiance.actors import Gazetteer
from allegiance.analyst import Analyst
from allegiance.extract import Extractor, default_extractor
from allegiance.model import Claim, Document
from allegiance.store import Store
from allegiance.web.graph import ConflictView
from allegiance.web.security import Csrf
from allegiance.web.settings import WebConfig

T = TypeVar("T")
K = TypeVar("K")


class WebState:
    """The config, the CSRF signer and the shared reference data of one app."""

    def __init__(
        self,
        config: WebConfig,
        *,
        csrf: Csrf | None = None,
        gazetteer: Gazetteer | None = None,
        extractor: Extractor | None = None,
    ) -> None:
        self.config = config
        self.csrf = csrf or Csrf()
        self._gazetteer = gazetteer
        self._extractor = extractor
        self._loading = threading.Lock()
        self._extracting = threading.Lock()
        # Redrawing a conflict asks for its JSON and its HTML at once: one analysis serves both.
        self.views: Remembered[tuple[object, ...], ConflictView] = Remembered()

    @property
    def gazetteer(self) -> Gazetteer:
        with self._loading:
            if self._gazetteer is None:
                self._gazetteer = Gazetteer.load()
            return self._gazetteer

    @property
    def extractor(self) -> Extractor:
        with self._loading:
            if self._extractor is None:
                self._extractor = default_extractor()
            return self._extractor

    def extract(self, doc: Document) -> list[Claim]:
        """The claims ``doc`` states; one extraction at a time (extractors keep state)."""
        with self._extracting:
            return list(self.extractor.extract(doc))

    def analyst(self, store: Store) -> Analyst:
        return Analyst(store, self.gazetteer)

    def open_store(self) -> Store:
        return Store.open(self.config.db)


class Remembered(Generic[K, T]):
    """The last few results of an expensive computation (a conflict's analysis), by key."""

    def __init__(self, size: int = 16) -> None:
        self._size = size
        self._found: OrderedDict[K, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._found:
                self._found.move_to_end(key)
                return self._found[key]
        made = make()
        with self._lock:
            self._found[key] = made
            while len(self._found) > self._size:
                self._found.popitem(last=False)
        return made


def fingerprint(store: Store) -> tuple[int, ...]:
    """What changes whenever anything an analysis reads is written (documents, claims, reviews)."""
    row = store.conn.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(max(id), 0) FROM claims),"
        " (SELECT coalesce(max(id), 0) FROM evidence), (SELECT coalesce(max(id), 0) FROM reviews)"
    ).fetchone()
    return tuple(int(v) for v in row)


def web_state(request: Request) -> WebState:
    return cast(WebState, request.app.state.web)


async def in_store(request: Request, work: Callable[[Store], T]) -> T:
    """Run ``work`` on a store connection of its own, in a worker thread."""
    state = web_state(request)
    return await run_in_threadpool(_with_store, state, work)


def _with_store(state: WebState, work: Callable[[Store], T]) -> T:
    with state.open_store() as store:
        return work(store)
