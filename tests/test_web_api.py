"""The web app in process: every route, its JSON shapes, errors, and the rules writes follow."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from allegiance.analyst import Analyst
from allegiance.cli import main
from allegiance.model import Conflict
from allegiance.store import Store
from allegiance.web import ENDPOINTS
from allegiance.web.security import CONTENT_SECURITY_POLICY, CSRF_COOKIE, TOKEN_COOKIE
from test_web_support import HOSTILE, REGISTER, claim_of, client, form_token, fresh_store

CONFLICT = "/api/conflicts/KGZ:TJK"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return fresh_store(tmp_path)


@pytest.fixture
def web(db: Path) -> Iterator[TestClient]:
    with client(db) as opened:
        yield opened


def error_of(response: object, status: int) -> str:
    """The message of an API error, after checking its shape."""
    body = response.json()  # type: ignore[attr-defined]
    assert response.status_code == status, body  # type: ignore[attr-defined]
    assert set(body) == {"error", "status"} and body["status"] == status
    return str(body["error"])


# -- conflicts -------------------------------------------------------------------------------


def test_the_conflicts_come_most_evidence_first(web: TestClient) -> None:
    rows = web.get("/api/conflicts").json()["conflicts"]
    assert rows[0]["sides"] == ["KGZ", "TJK"]
    assert {"IRN", "USA"} in [set(r["sides"]) for r in rows]
    assert rows == sorted(rows, key=lambda r: -r["evidence"])
    assert rows[0]["url"] == "/conflicts/KGZ:TJK"
    assert rows[0]["names"] == ["Kyrgyzstan", "Tajikistan"]
    page = web.get("/conflicts")
    assert page.status_code == 200 and 'href="/conflicts/KGZ:TJK"' in page.text
    assert web.get("/", follow_redirects=False).headers["location"] == "/conflicts"


def test_a_conflict_is_its_analysis_plus_its_graph(web: TestClient, db: Path) -> None:
    got = web.get(CONFLICT).json()
    graph = got.pop("graph")
    with Store.open(db) as store:
        expected = Analyst(store).analyze(Conflict("KGZ", "TJK")).to_dict()
    assert got == json.loads(json.dumps(expected))
    codes = {node["code"] for node in graph["nodes"]}
    assert {"KGZ", "TJK", "TUR", "RUS"} <= codes
    for node in graph["nodes"]:
        assert 0 <= node["x"] <= graph["width"] and 0 <= node["y"] <= graph["height"]
    for tie in graph["ties"]:
        assert {tie["from"], tie["to"]} == {tie["u"], tie["v"]} <= codes
        assert all(str(c) in graph["claims"] for c in tie["claims"])
        assert tie["path"].startswith("M")
    assert graph["svg"].startswith("<svg") and graph["years"][0] <= 2021 <= graph["years"][1]


def test_the_window_narrows_the_graph(web: TestClient) -> None:
    everything = web.get(CONFLICT).json()
    early = web.get(CONFLICT, params={"to": "2015"}).json()
    assert early["conflict"] == {"sides": ["KGZ", "TJK"], "from": None, "to": 2015, "as_of": None}
    assert len(early["graph"]["nodes"]) < len(everything["graph"]["nodes"])
    known = web.get(CONFLICT, params={"as_of": "2020-01-01"}).json()
    assert "TUR" not in {n["code"] for n in known["graph"]["nodes"]}


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"from": "abc"}, "from must be a year"),
        ({"to": "20"}, "to must be a year"),
        ({"as_of": "2023-13-01"}, "as_of must be a date"),
        ({"from": "2023", "to": "2021"}, "after"),
    ],
)
def test_a_bad_window_is_400(web: TestClient, query: dict[str, str], words: str) -> None:
    assert words in error_of(web.get(CONFLICT, params=query), 400)


def test_unknown_sides_are_404_and_malformed_ones_400(web: TestClient) -> None:
    assert "unknown actor 'XXX'" in error_of(web.get("/api/conflicts/XXX:TJK"), 404)
    assert "A:B" in error_of(web.get("/api/conflicts/KGZ"), 400)
    page = web.get("/conflicts/Narnia:TJK")
    assert page.status_code == 404 and "unknown actor &#39;Narnia&#39;" in page.text
    assert page.headers["content-type"].startswith("text/html")


def test_a_conflict_named_by_names_goes_to_its_codes(web: TestClient) -> None:
    moved = web.get("/conflicts/Kyrgyzstan:Tajikistan?to=2022", follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == "/conflicts/KGZ:TJK?to=2022"
    sides = {"a": "Kyrgyzstan", "b": "tjk"}
    opened = web.get("/conflicts/open", params=sides, follow_redirects=False)
    assert opened.headers["location"] == "/conflicts/KGZ:TJK"
    assert web.get("/conflicts/open", params={"a": "KGZ"}).status_code == 400


def test_the_conflict_page_holds_the_picture_findings_and_tables(web: TestClient) -> None:
    page = web.get("/conflicts/KGZ:TJK").text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="alignment"' in page
    data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert data and {"nodes", "ties", "claims"} <= set(json.loads(data.group(1)))
    assert 'class="finding"' in page and "Suppliers of Kyrgyzstan" in page
    fragment = web.get("/conflicts/KGZ:TJK/analysis?to=2015").text
    assert fragment.startswith('<div id="analysis"') and "<html" not in fragment


# -- claims ----------------------------------------------------------------------------------


def test_claims_json_is_what_the_cli_prints(web: TestClient, db: Path) -> None:
    got = web.get("/api/claims", params={"actor": "Kyrgyzstan", "kind": "supply"}).json()
    printed = CliRunner().invoke(
        main, ["claims", "--actor", "KGZ", "--kind", "supply", "--format", "json", "--db", str(db)]
    )
    assert printed.exit_code == 0, printed.output
    assert got["claims"] == json.loads(printed.output)["claims"]
    assert got["total"] == len(got["claims"]) > 3 and got["page"] is None


def test_claims_filter_and_page(web: TestClient, db: Path) -> None:
    every = web.get("/api/claims", params={"kind": "supply"}).json()
    paged = web.get("/api/claims", params={"kind": "supply", "page": "2", "per_page": "2"}).json()
    assert paged["claims"] == every["claims"][2:4] and paged["total"] == every["total"]
    aid = web.get("/api/claims", params={"status": "aid"}).json()["claims"]
    assert aid and {c["status"] for c in aid} == {"aid"}
    with Store.open(db) as store:
        register = next(d for d in store.documents() if d.title == REGISTER)
    from_register = web.get("/api/claims", params={"document": register.id}).json()["claims"]
    assert len(from_register) == 3
    page = web.get("/claims", params={"kind": "supply", "per_page": "2"}).text
    assert page.count('class="claim-row"') == 2 and 'rel="next"' in page
    assert "kind is one of" in error_of(web.get("/api/claims", params={"kind": "gift"}), 400)
    assert "unknown actor" in error_of(web.get("/api/claims", params={"actor": "Narnia"}), 400)


def test_a_claim_page_marks_its_sentence_and_shows_dataset_rows(web: TestClient, db: Path) -> None:
    tb2 = claim_of(db, "TUR", "Bayraktar TB2")
    page = web.get(f"/claims/{tb2}").text
    marked = re.findall(r"<mark>(.*?)</mark>", page, re.S)
    assert any("Bayraktar TB2" in m or "TB2" in m for m in marked), marked
    tos = claim_of(db, "RUS", "TOS-1")
    row = web.get(f"/claims/{tos}").text
    assert "Row 7" in row and "Russia → Tajikistan, 4 TOS-1" in row
    detail = web.get(f"/api/claims/{tos}").json()
    assert detail["claim"]["id"] == tos and detail["reviews"] == []
    assert [d["title"] for d in detail["documents"]] == [REGISTER]


def test_unknown_claims_are_404(web: TestClient) -> None:
    assert error_of(web.get("/api/claims/99999"), 404) == "there is no claim 99999"
    assert "claim ids are numbers" in error_of(web.get("/api/claims/abc"), 404)
    page = web.get("/claims/99999")
    assert page.status_code == 404 and "there is no claim 99999" in page.text
    assert "there is no document" in error_of(web.get("/api/documents/beef"), 404)


# -- reviews ---------------------------------------------------------------------------------


def analysis_claims(web: TestClient) -> set[int]:
    """Every claim the analysis of KGZ:TJK stands on: backers, findings, the graph."""
    got = web.get(CONFLICT).json()
    found = {c for side in got["sides"].values() for b in side["backers"] for c in b["claims"]}
    found |= {c for f in got["findings"] for c in f["claims"]}
    return found | {int(c) for c in got["graph"]["claims"]}


def test_a_rejected_claim_leaves_the_analysis_at_once(web: TestClient, db: Path) -> None:
    tb2 = claim_of(db, "TUR", "Bayraktar TB2")
    assert tb2 in analysis_claims(web)
    done = web.post(
        f"/api/claims/{tb2}/review", json={"decision": "rejected", "reviewer": "Ana", "note": "dup"}
    )
    assert done.status_code == 200
    body = done.json()
    assert body["claim"]["review"] == "rejected"
    assert [(r["reviewer"], r["decision"], r["note"]) for r in body["reviews"]] == [
        ("Ana", "rejected", "dup")
    ]
    assert tb2 not in analysis_claims(web)
    assert tb2 not in {c["id"] for c in web.get("/api/claims").json()["claims"]}
    assert tb2 in {c["id"] for c in web.get("/api/claims?review=rejected").json()["claims"]}


def test_review_input_is_checked(web: TestClient, db: Path) -> None:
    tb2 = claim_of(db, "TUR", "Bayraktar TB2")
    url = f"/api/claims/{tb2}/review"
    assert "reviewer" in error_of(web.post(url, json={"decision": "accepted"}), 400)
    assert "decision" in error_of(web.post(url, json={"decision": "maybe", "reviewer": "A"}), 400)
    assert "JSON" in error_of(web.post(url, content=b"{", headers=JSON_HEADERS), 400)
    assert error_of(web.post(url, data={"decision": "accepted", "reviewer": "A"}), 415)
    missing = {"decision": "accepted", "reviewer": "A"}
    assert error_of(web.post("/api/claims/99999/review", json=missing), 404)
    assert error_of(web.get(url), 405)


JSON_HEADERS = {"content-type": "application/json"}


def test_the_review_form_records_who_and_when(web: TestClient, db: Path) -> None:
    tb2 = claim_of(db, "TUR", "Bayraktar TB2")
    token = form_token(web.get(f"/claims/{tb2}").text)
    form = {"csrf": token, "reviewer": "Zoë <b>", "decision": "accepted", "note": "seen it"}
    done = web.post(f"/claims/{tb2}/review", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/claims/{tb2}#reviews"
    page = web.get(f"/claims/{tb2}").text
    row = re.search(r'<tr class="audit-row">(.*?)</tr>', page, re.S)
    assert row and "Zoë &lt;b&gt;" in row.group(1) and "accepted" in row.group(1)
    assert re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", row.group(1))
    assert 'name="reviewer" required maxlength="100" value="Zoë &lt;b&gt;"' in page


# -- ingest ----------------------------------------------------------------------------------


ARTICLE = {
    "title": "Drones for Bishkek",
    "date": "2024-02-01",
    "text": "Turkey delivered Bayraktar Akinci drones to Kyrgyzstan in 2024, officials said.\n",
}


def test_ingest_adds_once_and_says_so_the_second_time(web: TestClient) -> None:
    first = web.post("/api/ingest", json=ARTICLE)
    assert first.status_code == 201, first.json()
    body = first.json()
    assert body["added"] is True and body["document"]["date"] == "2024-02-01"
    assert body["claims"] and body["claims"][0]["subject"] == "TUR"
    again = web.post("/api/ingest", json=ARTICLE | {"title": "another title"})
    assert again.status_code == 200 and again.json()["added"] is False
    assert "already" in again.json()["message"]


def test_the_ingest_form_shows_the_new_claims(web: TestClient) -> None:
    token = form_token(web.get("/ingest").text)
    pasted = ARTICLE | {"csrf": token, "text": ARTICLE["text"].replace("\n", "\r\n")}
    done = web.post("/ingest", data=pasted, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith("?ingested=added")
    page = web.get(done.headers["location"]).text
    assert "Added to the store" in page and page.count('class="claim-row"') >= 1
    # the browser's CRLF is stored as the CLI stores a file: the same text is already there
    again = web.post("/api/ingest", json=ARTICLE)
    assert again.json()["added"] is False
    twice = web.post("/ingest", data=pasted, follow_redirects=True)
    assert "already in the store" in twice.text


def test_an_uploaded_file_is_read_like_the_cli_reads_it(web: TestClient) -> None:
    html = (
        b"<html><head><title>Tajik drones</title></head><body><article><p>"
        b"Iran opened a factory in Tajikistan in 2022 that builds Ababil-2 drones, "
        b"officials in Dushanbe said on Monday.</p></article></body></html>"
    )
    done = web.post("/api/ingest", files={"file": ("tajik.html", html, "text/html")})
    assert done.status_code == 201, done.json()
    assert done.json()["document"]["title"] == "Tajik drones"
    assert done.json()["document"]["path"] == "tajik.html"
    refused = web.post("/api/ingest", files={"file": ("tool.exe", b"MZ\x00\x00", "x/y")})
    assert "upload a text or HTML file" in error_of(refused, 400)
    assert "paste" in error_of(web.post("/api/ingest", json={"title": "empty"}), 400)


def test_uploads_over_the_limit_are_413(db: Path) -> None:
    with client(db, max_upload_bytes=1000) as small:
        assert "limit is 1,000 bytes" in error_of(
            small.post("/api/ingest", json={"text": "x" * 1001}), 413
        )
        big = {"file": ("big.txt", b"y" * 1001, "text/plain")}
        assert error_of(small.post("/api/ingest", files=big), 413)
        huge = b"z" * (1000 + 70 * 1024)
        assert "larger than this server accepts" in error_of(
            small.post("/api/ingest", content=huge, headers=JSON_HEADERS), 413
        )
        token = form_token(small.get("/ingest").text)
        page = small.post("/ingest", data={"csrf": token, "text": "w" * 1001})
        assert page.status_code == 413 and "limit is 1,000 bytes" in page.text


def test_hostile_html_in_an_article_is_shown_as_text(web: TestClient) -> None:
    hostile = {"title": "<script>alert(1)</script>", "text": HOSTILE, "url": "javascript:alert(1)"}
    done = web.post("/api/ingest", json=hostile)
    assert done.status_code == 201
    body = done.json()
    claim = body["claims"][0]["id"]
    pages = [
        web.get(f"/documents/{body['document']['id']}").text,
        web.get(f"/claims/{claim}").text,
        web.get("/conflicts/KGZ:TJK").text,
        web.get("/claims?actor=TUR").text,
    ]
    for page in pages:
        assert "<script>window" not in page and "<img src=x" not in page
        assert "<script>alert" not in page and "javascript:" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in pages[0]
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in pages[1]
    graph = re.search(r'id="graph-data">(.*?)</script>', pages[2], re.S)
    assert graph and "<" not in graph.group(1)


# -- the rules writes follow -----------------------------------------------------------------


def test_forms_without_a_matching_signed_csrf_token_are_refused(web: TestClient, db: Path) -> None:
    tb2 = claim_of(db, "TUR", "Bayraktar TB2")
    url = f"/claims/{tb2}/review"
    form = {"reviewer": "Ana", "decision": "rejected"}
    token = form_token(web.get(url.removesuffix("/review")).text)
    assert web.post(url, data=form).status_code == 403
    assert web.post(url, data=form | {"csrf": token + "x"}).status_code == 403
    forged = "nonce.signature"
    web.cookies.set(CSRF_COOKIE, forged)
    refused = web.post(url, data=form | {"csrf": forged})
    assert refused.status_code == 403 and "reload" in refused.text
    assert web.get(f"/api/claims/{tb2}").json()["reviews"] == []


def test_off_this_machine_every_write_needs_the_token(db: Path) -> None:
    with client(db, host="0.0.0.0") as remote:
        token = remote.app.state.web.config.token  # type: ignore[attr-defined]
        assert token and len(token) >= 24
        tb2 = claim_of(db, "TUR", "Bayraktar TB2")
        url = f"/api/claims/{tb2}/review"
        review = {"decision": "accepted", "reviewer": "Ana"}
        assert remote.get(url.removesuffix("/review")).status_code == 200  # reads are open
        assert "token" in error_of(remote.post(url, json=review), 401)
        assert error_of(remote.post(url, json=review, headers={"x-allegiance-token": "no"}), 401)
        assert remote.post(url, json=review, headers={"x-allegiance-token": token}).is_success
        bearer = {"authorization": f"Bearer {token}"}
        assert remote.post("/api/ingest", json=ARTICLE, headers=bearer).status_code == 201
        page = remote.get(f"/claims/{tb2}").text
        assert 'name="token"' in page
        form = {"csrf": form_token(page), "reviewer": "Ana", "decision": "rejected"}
        assert remote.post(f"/claims/{tb2}/review", data=form).status_code == 401
        done = remote.post(
            f"/claims/{tb2}/review", data=form | {"token": token}, follow_redirects=False
        )
        assert done.status_code == 303 and remote.cookies.get(TOKEN_COOKIE) == token
        assert remote.post(f"/claims/{tb2}/review", data=form, follow_redirects=False).is_redirect
        assert 'name="token"' not in remote.get(f"/claims/{tb2}").text


def test_a_given_token_is_needed_on_this_machine_too(db: Path) -> None:
    with client(db, token="s3cret") as guarded:
        assert error_of(guarded.post("/api/ingest", json=ARTICLE), 401)
        done = guarded.post("/api/ingest", json=ARTICLE, headers={"x-allegiance-token": "s3cret"})
        assert done.status_code == 201


def test_writes_from_other_sites_are_refused(web: TestClient, db: Path) -> None:
    tb2 = claim_of(db, "TUR", "Bayraktar TB2")
    review = {"decision": "rejected", "reviewer": "Mallory"}
    url = f"/api/claims/{tb2}/review"
    assert error_of(web.post(url, json=review, headers={"origin": "http://evil.example"}), 403)
    assert error_of(web.post(url, json=review, headers={"sec-fetch-site": "cross-site"}), 403)
    assert error_of(web.post(url, json=review, headers={"origin": "null"}), 403)
    assert web.post(url, json=review, headers={"origin": "http://127.0.0.1"}).is_success


def test_only_its_own_host_names_are_answered(web: TestClient) -> None:
    assert web.get("/api/conflicts", headers={"host": "rebound.example"}).status_code == 400
    assert web.get("/api/conflicts", headers={"host": "localhost:8000"}).status_code == 200


# -- errors and headers ----------------------------------------------------------------------


def test_errors_are_json_under_api_and_pages_elsewhere(web: TestClient) -> None:
    assert error_of(web.get("/api/nowhere"), 404) == "there is nothing at /api/nowhere"
    assert error_of(web.get("/api/ingest"), 405)
    page = web.get("/nowhere")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "there is nothing at /nowhere" in page.text


def test_a_crash_is_a_500_in_the_same_shape(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr("allegiance.web.views.claims.find_claims", broken)
    app = client(db).app
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as web:
        crashed = web.get("/api/claims")
        assert "see its log" in error_of(crashed, 500)
        assert crashed.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        page = web.get("/claims")
        assert page.status_code == 500 and "secret detail" not in page.text


@pytest.mark.parametrize("path", ["/conflicts", "/api/conflicts", "/static/graph.js", "/nowhere"])
def test_every_response_carries_the_security_headers(web: TestClient, path: str) -> None:
    headers = web.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_pages_load_only_the_apps_own_scripts(web: TestClient) -> None:
    for path in ("/conflicts", "/conflicts/KGZ:TJK", "/claims", "/ingest"):
        page = web.get(path).text
        scripts = re.findall(r"<script([^>]*)>", page)
        for attributes in scripts:
            assert 'src="/static/' in attributes or 'type="application/json"' in attributes
        assert "style=" not in page and "http://" not in page.replace("http://www.w3.org", "")


def test_the_api_lists_its_endpoints(web: TestClient) -> None:
    listed = web.get("/api").json()["endpoints"]
    assert {(e["method"], e["path"]) for e in listed} == {
        (e.method, e.path) for e in ENDPOINTS if e.path.startswith("/api/")
    }
