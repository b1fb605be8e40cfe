"""Reading news articles from files: text, HTML, folders, and every kind of bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from allegiance.errors import InputError
from allegiance.sources.news import MAX_BYTES, find_articles, read_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_plain_text_is_titled_by_its_first_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "# Drones for Kenya\n\nTurkey sold drones to Kenya in 2022.\n")
    doc = read_article(path)
    assert doc.title == "Drones for Kenya"
    assert doc.text.endswith("Turkey sold drones to Kenya in 2022.\n")
    assert (doc.path, doc.date) == (str(path), None)


def test_the_date_option_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Turkey sold drones to Kenya.")
    doc = read_article(path, published=date(2023, 4, 1))
    assert doc.date == date(2023, 4, 1)
    assert doc.id == read_article(path).id


def test_html_gives_main_text_and_metadata() -> None:
    doc = read_article(FIXTURES / "dev_ethiopia_tigray.html")
    assert doc.title == "Drones over Tigray: the foreign arsenal behind Ethiopia's war"
    assert doc.publisher == "Horn Monitor"
    assert doc.date == date(2023, 3, 14)
    assert doc.url == "https://hornmonitor.example/2023/drones-over-tigray"
    assert "Ethiopia bought Bayraktar TB2 drones from Turkey in 2021" in doc.text
    assert "Home" not in doc.text and "analytics" not in doc.text


def test_scripts_in_hostile_html_never_reach_the_text(tmp_path: Path) -> None:
    html = (
        "<html><head><script>steal(document.cookie)</script></head><body><article>"
        "<p>Iran delivered Mohajer-6 drones to Sudan in late 2023, satellite images show, "
        "according to researchers who tracked the cargo flights.</p>"
        "<script>alert('Turkey sold drones to Kenya')</script>"
        '<img src=x onerror="alert(1)"></article></body></html>'
    )
    doc = read_article(write(tmp_path, "hostile.html", html))
    assert "Iran delivered Mohajer-6 drones to Sudan" in doc.text
    assert "alert" not in doc.text and "steal" not in doc.text and "Kenya" not in doc.text


def test_broken_html_gives_text_or_a_clear_error(tmp_path: Path) -> None:
    html = "<html><body><p>Turkey sold Bayraktar drones to <b>Azerbaijan in 2020 <div><p>and"
    path = write(tmp_path, "broken.html", html)
    try:
        doc = read_article(path)
    except InputError as exc:
        assert str(exc).startswith(f"{path}: ")
    else:
        assert "Turkey sold Bayraktar drones" in doc.text


def test_html_without_text_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.html", "<html><body><script>x()</script></body></html>")
    with pytest.raises(InputError, match="no article text"):
        read_article(path)


def test_a_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = "Le ministère a confirmé que la Türkiye a livré des drones à l'Éthiopie en 2021. " * 5
    doc = read_article(write(tmp_path, "latin.txt", text.encode("cp1252", errors="replace")))
    assert "ministère" in doc.text and "Éthiopie" in doc.text


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "junk.txt", bytes(range(256)) * 40)
    with pytest.raises(InputError, match="binary data, not text") as caught:
        read_article(path)
    assert str(path) in str(caught.value)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="the file is empty"):
        read_article(write(tmp_path, "empty.txt", "  \n\n"))


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert MAX_BYTES < 50 * 1024 * 1024
    with pytest.raises(InputError, match="limit"):
        read_article(path)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        read_article(tmp_path / "nowhere.txt")


def test_folders_are_read_recursively_by_suffix(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "text")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "a.html", "<p>x</p>")
    write(tmp_path, "notes.csv", "a,b")
    single = write(tmp_path, "c.data", "named files are read whatever their suffix")
    found = list(find_articles([tmp_path, single]))
    assert found == [tmp_path / "b.txt", tmp_path / "sub" / "a.html", single]


def test_html_without_a_dated_header_gets_no_date_guessed_from_its_text(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    body = "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2022, officials said. " * 3
    path.write_text(f"<html><body><article><h1>Frontier</h1><p>{body}</p></article></body></html>")
    assert read_article(path).date is None
    dated = tmp_path / "dated.html"
    meta = '<meta property="article:published_time" content="2023-05-02T10:00:00Z">'
    dated.write_text(path.read_text().replace("<html>", f"<html><head>{meta}</head>"))
    assert read_article(dated).date == date(2023, 5, 2)
