"""``allegiance extract`` and ``allegiance ingest``: news articles to sourced claims.

``extract --format json`` on one file prints one object, and on several files or a
folder one such object per line (JSON Lines); this shape is a stable contract::

    {"document": {"id", "title", "kind", "publisher", "date", "url", "path",
                  "licence", "version"},
     "claims": [{"kind", "subject", "object",
                 # supply only:
                 "weapon", "category", "quantity", "year", "status", "value", "value_unit",
                 # membership, hostility, affinity only:
                 "relation",
                 # every claim:
                 "start", "end", "confidence",
                 "evidence": {"text", "start", "end"}}]}

Actors are ISO3 codes for states and organisation or group codes otherwise; a supply
claim runs from supplier (subject) to recipient (object). ``evidence`` is the
sentence that states the claim, with ``document_text[start:end] == text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress

from allegiance.cli.options import db_option, format_option, open_store
from allegiance.cli.output import emit_json, emit_jsonl, emit_table
from allegiance.errors import InputError
from allegiance.extract import default_extractor
from allegiance.model import Claim, ClaimKind, Document
from allegiance.sources.news import find_articles, read_article

# Fewer files than this finish before a progress bar would be worth drawing.
PROGRESS_FROM = 5
SUPPLY_FIELDS = ("weapon", "category", "quantity", "year", "status", "value", "value_unit")
HEADER = ("kind", "subject", "object", "what", "year", "status", "conf", "sentence")
SENTENCE_WIDTH = 60

paths_argument = click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
date_option = click.option(
    "--date",
    "published",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Publication date to use instead of the one the file gives (YYYY-MM-DD).",
)


def claim_record(claim: Claim) -> dict[str, Any]:
    """One claim in the ``extract`` shape: the claim's fields, one evidence span."""
    full = claim.to_dict()
    out: dict[str, Any] = {
        "kind": full["kind"],
        "subject": full["subject"],
        "object": full["object"],
    }
    if claim.kind is ClaimKind.SUPPLY:
        out |= {name: full[name] for name in SUPPLY_FIELDS}
    else:
        out["relation"] = full["relation"]
    evidence = claim.evidence[0]
    out |= {
        "start": full["start"],
        "end": full["end"],
        "confidence": full["confidence"],
        "evidence": {"text": evidence.text, "start": evidence.start, "end": evidence.end},
    }
    return out


def document_record(doc: Document, claims: list[Claim]) -> dict[str, Any]:
    return {"document": doc.to_dict(), "claims": [claim_record(c) for c in claims]}


def _published(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _read_all(files: list[Path], published: date | None, failures: list[str]) -> Iterator[Document]:
    """Each readable article; the others are noted as ``path: reason`` lines."""
    for path in files:
        try:
            yield read_article(path, published=published)
        except InputError as exc:
            failures.append(str(exc))


def _report(failures: list[str]) -> None:
    for line in failures:
        click.echo(line, err=True)
    if failures:
        raise click.exceptions.Exit(1)


@click.command("extract")
@paths_argument
@format_option("json", "jsonl", "table")
@date_option
def extract_command(paths: tuple[Path, ...], fmt: str, published: datetime | None) -> None:
    """Print the claims news articles state, with the sentence behind each (no database).

    One file gives one JSON object; several files or a folder give JSON Lines,
    one document per line.
    """
    files = list(find_articles(paths))
    single = len(paths) == 1 and not paths[0].is_dir() and fmt == "json"
    extractor = default_extractor()
    failures: list[str] = []
    records = (
        document_record(doc, extractor.extract(doc))
        for doc in _read_all(files, _published(published), failures)
    )
    if fmt == "table":
        rows = [_row(r) for record in records for r in _rows(record)]
        emit_table(HEADER, rows, title=f"{len(rows)} claims")
    elif single:
        for record in records:
            emit_json(record)
    else:
        emit_jsonl(records)
    _report(failures)


def _rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    return list(record["claims"])


def _row(claim: dict[str, Any]) -> tuple[object, ...]:
    what = claim.get("weapon") or claim.get("category") or claim.get("relation")
    sentence = claim["evidence"]["text"]
    if len(sentence) > SENTENCE_WIDTH:
        sentence = sentence[: SENTENCE_WIDTH - 3] + "..."
    return (
        claim["kind"],
        claim["subject"],
        claim["object"],
        what,
        claim["start"],
        claim.get("status"),
        f"{claim['confidence']:.2f}",
        sentence,
    )


@click.command("ingest")
@paths_argument
@date_option
@db_option
def ingest_command(paths: tuple[Path, ...], published: datetime | None, db: Path | None) -> None:
    """Extract claims from news articles and keep them in the store, one document at a time.

    Folders are read recursively. A document already stored is left alone, so
    ingesting twice adds nothing; a bad file is reported and skipped.
    """
    files = list(find_articles(paths))
    extractor = default_extractor()
    failures: list[str] = []
    tally = {"added": 0, "present": 0, "new": 0, "merged": 0}
    with open_store(db, create=True) as store, _progress(len(files)) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for doc in _read_all(files, _published(published), failures):
            result = store.add_document(doc, extractor.extract(doc))
            tally["added" if result.added else "present"] += 1
            tally["new"] += result.claims_new
            tally["merged"] += result.claims_merged
            progress.advance(task)
    click.echo(
        f"{tally['added']} documents added, {tally['present']} already present; "
        f"{tally['new']} claims new, {tally['merged']} merged"
        + (f"; {len(failures)} files failed" if failures else "")
    )
    _report(failures)


def _progress(total: int) -> Progress:
    """A progress bar on stderr, drawn only for many files and only on a terminal."""
    console = Console(stderr=True)
    return Progress(console=console, disable=total < PROGRESS_FROM or not console.is_terminal)
