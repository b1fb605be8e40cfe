"""News articles from files: plain text, Markdown or HTML, one file or a folder of them.

HTML goes through trafilatura, which finds the article's main text and its title,
date, URL and publisher; plain text is taken as it is, titled by its first line.
Every failure is an :class:`InputError` naming the file: binary junk, an empty
file, a file over :data:`MAX_BYTES`, HTML without article text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import trafilatura
from charset_normalizer import from_bytes

from allegiance.errors import InputError
from allegiance.model import Document

# Larger than any news article by far; a file this big is a dump or a mistake, and
# reading it whole would stall the extractor.
MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
# Files that hold data, not prose: stored as an "article", they would only hide a mistake.
DATASET_SUFFIXES = frozenset(
    {".csv", ".tsv", ".xlsx", ".xls", ".zip", ".gz", ".parquet", ".db", ".sqlite", ".rda"}
)
# Share of control characters above which bytes are not text.
CONTROL_SHARE = 0.01
TITLE_LENGTH = 200
# The publication date from the page's metadata (meta tags, <time>, the URL), never a
# year guessed from the body text: "clashes in 2022" does not date an article, and a
# wrong date would put it in or out of an --as-of window.
DATE_FROM_METADATA = {"extensive_search": False, "original_date": True}
WESTERN = ("cp1252", "latin_1", "iso8859_15")
CHAOS_MARGIN = 0.05

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def find_articles(paths: Iterable[Path]) -> Iterator[Path]:
    """Each file named, and every article file (by suffix) under each folder named, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path


def read_article(path: Path, *, published: date | None = None) -> Document:
    """One article as a document; ``published`` overrides whatever date the file gives."""
    if path.suffix.lower() in DATASET_SUFFIXES:
        raise InputError(
            f"{path}: a {path.suffix.lower()} file is a dataset, not an article; "
            "import datasets with 'allegiance import FORMAT FILE'"
        )
    data = _read_bytes(path)
    text = _decode(path, data)
    doc = _from_html(path, text) if _is_html(path, text) else _from_text(path, text)
    if published is not None:
        doc = Document.from_text(
            doc.text,
            doc.title,
            publisher=doc.publisher,
            date=published,
            url=doc.url,
            path=doc.path,
        )
    return doc


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    return data


def _decode(path: Path, data: bytes) -> str:
    """The text of the bytes: UTF-8 if it is, else the encoding charset-normalizer finds."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _legacy(path, data)
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > CONTROL_SHARE * min(len(text), 65536):
        raise InputError(f"{path}: binary data, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _legacy(path: Path, data: bytes) -> str:
    """Text in a legacy encoding: Windows-1252 when it reads as cleanly as the best guess.

    Short Western European texts read about as well in several code pages; news in
    a legacy encoding is far more often Windows-1252 than Central European or Cyrillic.
    """
    found = from_bytes(data)
    best = found.best()
    if best is None:
        raise InputError(f"{path}: binary data, not text")
    for match in found:
        if match.encoding in WESTERN and match.chaos <= best.chaos + CHAOS_MARGIN:
            return str(match)
    return str(best)


def _is_html(path: Path, text: str) -> bool:
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    head = text.lstrip()[:512].lower()
    return path.suffix.lower() not in TEXT_SUFFIXES and head.startswith(("<!doctype html", "<html"))


def _from_text(path: Path, text: str) -> Document:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = first.lstrip("# ").strip() if len(first) <= TITLE_LENGTH else path.stem
    return Document.from_text(text, title or path.stem, path=str(path))


def _from_html(path: Path, html: str) -> Document:
    try:
        found = trafilatura.bare_extraction(
            html, with_metadata=True, date_extraction_params=DATE_FROM_METADATA
        )
    except (ValueError, TypeError, AttributeError) as exc:
        # trafilatura has been seen to raise these on mangled markup.
        raise InputError(f"{path}: unreadable HTML ({exc})") from exc
    meta: dict[str, Any] = {}
    if found is not None:
        meta = found if isinstance(found, dict) else found.as_dict()
    text = (meta.get("text") or "").strip()
    if not text:
        raise InputError(f"{path}: no article text found in the HTML")
    return Document.from_text(
        text,
        meta.get("title") or path.stem,
        publisher=meta.get("sitename") or meta.get("hostname"),
        date=_date(meta.get("date")),
        url=meta.get("url"),
        path=str(path),
    )


def _date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        return None
