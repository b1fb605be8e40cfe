"""What the web tests share: a small demo-like store, a client, the form tokens of a page.

Not a test module of its own (it has no tests): ``test_web_api`` and
``test_web_browser`` import from it, as the report tests import from
``test_report_fixtures``.
"""

from __future__ import annotations

import atexit
import re
import shutil
from functools import cache
from pathlib import Path
from tempfile import mkdtemp

from starlette.testclient import TestClient

from allegiance import demo
from allegiance.extract import default_extractor
from allegiance.model import (
    Category,
    Claim,
    ClaimKind,
    Document,
    DocumentKind,
    Evidence,
    Relation,
    Status,
    content_hash,
)
from allegiance.sources.reference import ensure_reference
from allegiance.store import Store
from allegiance.web import WebConfig, create_app

LOCAL = "http://127.0.0.1"
HOSTILE = (
    "Frontier report\n\n"
    "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2022, officials said "
    '<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=1">.\n'
)
REGISTER = "Test arms register"


def register() -> tuple[Document, list[Claim]]:
    """A small dataset: two Russian transfers and a war, each from a numbered row."""
    doc = Document(
        id=content_hash(b"test register v1"),
        title=REGISTER,
        kind=DocumentKind.DATASET,
        publisher="allegiance tests",
        version="1",
        path="register.csv",
    )

    def row(number: int, text: str, year: int, status: Status | None = None) -> Evidence:
        method = "test/register"
        return Evidence(
            doc.id, method, 0.9, row=number, text=text, status=status, since=year, until=year
        )

    tos = row(7, "Russia → Tajikistan, 4 TOS-1, ordered 2022 (aid)", 2022, Status.AID)
    mi17 = row(8, "Russia → Kyrgyzstan, 2 Mi-17, delivered 2023", 2023, Status.DELIVERED)
    war = row(9, "Armenia – Azerbaijan: war, 2020", 2020)
    claims = [
        Claim(ClaimKind.SUPPLY, "RUS", "TJK", start=2022, weapon="TOS-1", evidence=(tos,),
              category=Category.ARTILLERY, status=Status.AID),
        Claim(ClaimKind.SUPPLY, "RUS", "KGZ", start=2023, weapon="Mi-17", evidence=(mi17,),
              category=Category.HELICOPTER, status=Status.DELIVERED),
        Claim(ClaimKind.HOSTILITY, "ARM", "AZE", relation=Relation.WAR, evidence=(war,)),
    ]  # fmt: skip
    return doc, claims


@cache
def template_store() -> Path:
    """Built once per test session: reference memberships, the demo brief, the register."""
    folder = Path(mkdtemp(prefix="allegiance-web-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "template.db"
    with Store.open(path) as store:
        ensure_reference(store)
        brief = demo.brief()
        store.add_document(brief, default_extractor().extract(brief))
        store.add_document(*register())
    return path


def fresh_store(folder: Path) -> Path:
    """A copy of the template store of one's own, to write to."""
    target = folder / "web.db"
    shutil.copyfile(template_store(), target)
    return target


def client(db: Path, **config: object) -> TestClient:
    """A client of an app over ``db``, talking to it as a browser on this machine would."""
    app = create_app(WebConfig.for_host(db, **config))  # type: ignore[arg-type]
    return TestClient(app, base_url=LOCAL)


def form_token(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def claim_of(store_path: Path, subject: str, weapon: str) -> int:
    """The id of the transfer of ``weapon`` from ``subject``."""
    with Store.open(store_path) as store:
        found = [c for c in store.claims(actor=subject, kind="supply") if c.weapon == weapon]
    assert found and found[0].id is not None, f"no {weapon} from {subject} in the store"
    return found[0].id
