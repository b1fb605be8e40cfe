"""Briefings (``allegiance report``): their content, golden snapshots, escaping, self-containment.

Snapshots: the HTML and Markdown briefings of the small hand-built store in
``test_report_fixtures`` are compared with ``tests/snapshots/report_*``. After
an intended change to the briefing, regenerate them and review the diff:

    ALLEGIANCE_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_report.py
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from allegiance.analyst import Analyst
from allegiance.errors import InputError
from allegiance.graph.analysis import Analysis
from allegiance.report import build_briefing, render_html, render_markdown, write_report
from allegiance.report.briefing import Briefing
from allegiance.store import Store
from test_report_fixtures import (
    IMAGE,
    SCRIPT,
    analysis_of,
    briefing_store,
    hostile_store,
)

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("ALLEGIANCE_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Analyst, Analysis]]:
    with Store.open(tmp_path_factory.mktemp("report") / "small.db") as store:
        analyst = Analyst(briefing_store(store))
        yield analyst, analysis_of(analyst)


@pytest.fixture(scope="module")
def briefing(small: tuple[Analyst, Analysis]) -> Briefing:
    return build_briefing(*small)


@pytest.fixture(scope="module")
def page(briefing: Briefing) -> str:
    return render_html(briefing)


@pytest.fixture(scope="module")
def markdown(briefing: Briefing) -> str:
    return render_markdown(briefing)


def shown(text: str) -> str:
    """``text`` as the page shows it, escaped."""
    return str(escape(text))


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote the missing snapshot {path}; review it and run again")
        return
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    str(path),
                    "rendered",
                )
            )[:60]
        )
        pytest.fail(
            f"{name} differs from its snapshot (ALLEGIANCE_UPDATE_SNAPSHOTS=1 updates it):\n{diff}"
        )


# -- content -------------------------------------------------------------------


def test_every_finding_is_in_the_briefing_with_its_footnotes(
    small: tuple[Analyst, Analysis], page: str, markdown: str
) -> None:
    _, analysis = small
    kinds = {str(f.type) for f in analysis.findings}
    assert kinds >= {
        "allies_opposed",
        "enemies_aligned",
        "intra_alliance_conflict",
        "dual_supplier",
        "cross_pressure",
    }
    for finding in analysis.findings:
        assert shown(finding.explanation) in page
        for claim_id in finding.claims:
            for piece in analysis.claims[claim_id].evidence:
                assert shown(" ".join((piece.text or "").split())) in page
                assert f"(claim {claim_id})" in markdown
    for number in range(1, len(analysis.findings) + 1):
        assert f'id="finding-{number}"' in page
        assert f"{number}. **" in markdown


def test_footnotes_name_their_sources(briefing: Briefing, page: str, markdown: str) -> None:
    notes = {note.claim: note for note in briefing.footnotes}
    clash = notes["Kyrgyzstan – Tajikistan: armed clash, 2021–2022"]
    (article,) = clash.citations
    assert article.quote == "“Kyrgyz and Tajik troops clashed in 2021 and again in September 2022.”"
    assert article.source == "Arms race on the frontier — Example Wire, 2023-09-01"
    assert article.url == "https://example.org/frontier"
    mi24 = notes["Russia → Tajikistan: Mi-24 (helicopter), 2019, delivered, 12.5 m TIV"]
    (row,) = mi24.citations
    assert row.quote.startswith("row 17: Russia to Tajikistan: 4 Mi-24")
    assert row.source.startswith("SIPRI Arms Transfers Database: trade register 2024 release")
    assert '<a href="https://example.org/frontier" rel="noopener noreferrer">' in page
    first = briefing.findings[0].notes[0]
    assert f'<li id="note-{first}" value="{first}">' in page
    assert f'<a href="#note-{first}">{first}</a>' in page
    assert all(f"[^{n}]:" in markdown for n in range(1, len(briefing.footnotes) + 1))


def test_a_claim_behind_several_findings_is_one_footnote(briefing: Briefing) -> None:
    cited = [n for f in briefing.findings for n in f.notes]
    assert sorted(set(cited)) == [note.number for note in briefing.footnotes]
    assert len({note.claim_id for note in briefing.footnotes}) == len(briefing.footnotes)


def test_the_summary_names_the_backers_and_the_odd_alignments(briefing: Briefing) -> None:
    text = briefing.summary
    assert text.startswith("Kyrgyzstan and Tajikistan are in conflict (armed clash, 2021–2022).")
    assert "Belarus, Russia and Turkey arm Kyrgyzstan." in text
    assert "Russia, the United States and Iran arm Tajikistan." in text
    assert "allies arming opposite sides (Belarus and Russia, in the CSTO; Turkey and" in text
    assert (
        "hostile states arming the same side (the United States and Iran, for Tajikistan)" in text
    )
    assert "a supplier arming both sides (Russia)" in text
    assert "Russia is cross-pressured" in text


def test_supplier_tables_list_every_backer(markdown: str, page: str) -> None:
    assert "| Turkey | Bayraktar TB2 | drone | 2021 | delivered |  |" in markdown
    assert "| United States | RQ-20 Puma | drone | 2023 | aid | US$ 5 m |" in markdown
    assert (
        "| Russia | BTR-80, Mi-24 | armoured vehicle, helicopter | 2019, 2022 | delivered "
        "| TIV 12.5 m |"
    ) in markdown
    assert "| Iran | Ababil-2 | production facility | 2022 | local production |  |" in markdown
    assert "<tr><td>Belarus</td><td></td><td>air defence</td><td>2023</td>" in page


def test_the_timeline_counts_transfers_and_hostility_by_year(markdown: str) -> None:
    assert "| 2019 | 0 | 1 | 0 |" in markdown
    assert "| 2021 | 1 | 0 | 1 |" in markdown
    assert "| 2022 | 1 | 2 | 1 |" in markdown
    assert "| 2023 | 1 | 1 | 0 |" in markdown


def test_sources_are_listed_with_their_licences(briefing: Briefing, markdown: str) -> None:
    assert [(s.title, s.kind, s.licence) for s in briefing.sources] == [
        ("Arms race on the frontier", "article", "CC BY 4.0"),
        ("Minsk and Moscow hedge", "article", "not stated"),
        (
            "SIPRI Arms Transfers Database: trade register",
            "dataset",
            "SIPRI fair use, with attribution",
        ),
        ("Membership records", "reference data", "Apache-2.0"),
    ]
    assert "| dataset | Stockholm International Peace Research Institute (SIPRI) |" in markdown
    assert "| 2024 release | SIPRI fair use, with attribution | 1 |" in markdown


def test_the_picture_highlights_the_ties_behind_odd_alignments(briefing: Briefing) -> None:
    odd = {tuple(sorted(t.pair)) for t in briefing.picture.ties if t.odd}
    assert ("TUR", "USA") not in odd  # allies through NATO: drawn as memberships
    assert {("NATO", "TUR"), ("NATO", "USA"), ("IRN", "USA"), ("KGZ", "TJK")} <= odd
    assert {n.code for n in briefing.picture.nodes if n.pressured} == {"RUS"}


def test_the_build_up_section_comes_from_allegiance_buildup(briefing: Briefing) -> None:
    assert briefing.buildup is not None
    kyrgyzstan, tajikistan = briefing.buildup.sides
    assert [row.supplier for row in tajikistan.suppliers] == ["Iran", "Russia", "United States"]
    assert [y.year for y in kyrgyzstan.years] == [2021, 2022, 2023]


# -- snapshots -------------------------------------------------------------------


def test_markdown_snapshot(markdown: str) -> None:
    check_snapshot("report_small.md", markdown)


def test_html_snapshot(page: str) -> None:
    check_snapshot("report_small.html", page)


# -- self-contained, escaped -----------------------------------------------------------


FETCHING_TAGS = {"script", "img", "iframe", "object", "embed", "link", "audio", "video", "source"}


class Tags(HTMLParser):
    """Every element of a page with its attributes, and the text of its style sheets."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def assert_self_contained(page: str) -> None:
    """Nothing in the page can fetch anything or run anything."""
    parsed = Tags(page)
    assert parsed.tags
    for tag, attrs in parsed.tags:
        assert tag not in FETCHING_TAGS, tag
        assert "src" not in attrs and "srcset" not in attrs, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = attrs.get("href", "#")
        assert href.startswith("#") or (tag == "a" and href.startswith(("https://", "http://")))
        for value in attrs.values():
            for target in re.findall(r"url\(([^)]*)\)", value):
                assert target.startswith("#"), (tag, value)
    css = "".join(parsed.styles)
    assert "@media print" in css
    assert "@import" not in css
    assert not re.search(r"url\(", css)


def test_the_page_loads_nothing_from_anywhere(page: str) -> None:
    assert_self_contained(page)
    assert '<meta name="viewport"' in page
    assert re.search(r'<a href="https://example.org/frontier"', page)


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[tuple[Analyst, Analysis]]:
    with Store.open(tmp_path / "hostile.db") as store:
        analyst = Analyst(hostile_store(store))
        yield analyst, analysis_of(analyst)


def test_text_from_documents_is_escaped_in_html(hostile: tuple[Analyst, Analysis]) -> None:
    page = render_html(build_briefing(*hostile))
    assert_self_contained(page)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:" not in page
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt; title" in page


def test_text_from_documents_is_escaped_in_markdown(hostile: tuple[Analyst, Analysis]) -> None:
    text = render_markdown(build_briefing(*hostile))
    assert SCRIPT not in text
    assert IMAGE not in text
    assert r"\<script\>alert(1)\</script\>" in text
    assert r"\<img src=x onerror=alert(1)\>" in text
    assert r"\| \*\*bold\*\* \[link\](http://evil.example/) \#tag" in text
    assert "javascript:" not in text
    assert "(<javascript" not in text


def test_the_format_follows_the_suffix(small: tuple[Analyst, Analysis], tmp_path: Path) -> None:
    analyst, analysis = small
    written = write_report(analyst, analysis, tmp_path / "brief.HTML")
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    written = write_report(analyst, analysis, tmp_path / "brief.md")
    assert written.read_text(encoding="utf-8").startswith("# Briefing: Kyrgyzstan (KGZ)")
    with pytest.raises(InputError, match=r"cannot write a briefing as \.pdf"):
        write_report(analyst, analysis, tmp_path / "brief.pdf")
    assert not (tmp_path / "brief.pdf").exists()
