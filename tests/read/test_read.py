"""The reader on well-formed and malformed .txt, .html, .jsonl files and directories.

Page text here is written for these tests.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kroniek.errors import ReadError
from kroniek.read import Limits, read_paths
from kroniek.records import Page
from kroniek.segment import segment

DATA = Path(__file__).parent / "data"

DUTCH = (
    "Kabinet presenteert plan voor woningbouw\n"
    "DEN HAAG (ANP) - Het kabinet wil de komende jaren veel meer betaalbare woningen laten bouwen. "
    "Gemeenten krijgen daarvoor extra geld, maar moeten dan wel sneller vergunningen verlenen.\n"
    "Meer uit Binnenland\n"
    "UTRECHT (ANP) - De provincie legt een nieuwe fietsroute aan tussen twee steden.\n"
    "3 uur geleden\n"
)
ENGLISH = (
    "Parliament approves new housing plan\n"
    "LONDON (AP) - The government wants many more affordable homes to be built over the coming "
    "years. Local councils will receive extra money but must grant permits faster.\n"
)
GERMAN = (
    "Regierung stellt Wohnungsbauplan vor\n"
    "BERLIN (DPA) - Die Bundesregierung will in den kommenden Jahren deutlich mehr bezahlbare "
    "Wohnungen bauen lassen. Die Gemeinden bekommen dafür zusätzliches Geld.\n"
)


def _one(path, **kwargs) -> Page | ReadError:
    [item] = list(read_paths([path], **kwargs))
    return item


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ------------------------------------------------------------------ .txt


def test_txt_page(tmp_path: Path) -> None:
    path = _write(tmp_path / "woningbouw_01.txt", DUTCH)
    page = _one(path)
    assert isinstance(page, Page)
    assert (page.doc, page.source, page.text, page.html) == (
        "woningbouw_01",
        str(path),
        DUTCH,
        None,
    )
    assert page.fetched_at_from == "mtime"
    assert page.fetched_at.tzinfo is not None and page.fetched_at.utcoffset() == timedelta(0)


def test_txt_with_bom_and_crlf(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + DUTCH.replace("\n", "\r\n").encode())
    page = _one(path)
    assert isinstance(page, Page)
    assert not page.text.startswith("\ufeff")
    assert [a.part for a in segment(page)] == ["main", "brief:0"]


def test_empty_file(tmp_path: Path) -> None:
    error = _one(_write(tmp_path / "leeg.txt", b""))
    assert isinstance(error, ReadError)
    assert "empty file" in error.problem
    assert str(error).startswith(f"kroniek: {tmp_path / 'leeg.txt'}: empty file")
    assert "size limit" not in str(error)


def test_whitespace_only_file(tmp_path: Path) -> None:
    error = _one(_write(tmp_path / "spaties.txt", "  \n\n\t \n"))
    assert isinstance(error, ReadError) and "empty" in error.problem


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    error = _one(_write(tmp_path / "plaatje.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20))
    assert isinstance(error, ReadError) and "binary" in error.problem and "NUL" in error.problem


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    noise = bytes((i * 37 + 11) % 254 + 1 for i in range(4000))
    error = _one(_write(tmp_path / "ruis.txt", noise))
    assert isinstance(error, ReadError) and "binary" in error.problem


def test_control_characters(tmp_path: Path) -> None:
    error = _one(_write(tmp_path / "stuur.txt", "\x01\x02\x03\x04abc" * 100))
    assert isinstance(error, ReadError) and "binary" in error.problem


def test_bad_utf8_names_the_offset(tmp_path: Path) -> None:
    data = DUTCH.encode("utf-8").replace(b"komende", "kom\xe9nde".encode("latin-1"))
    offset = data.index(b"\xe9")
    error = _one(_write(tmp_path / "latin1.txt", data))
    assert isinstance(error, ReadError)
    assert "not valid UTF-8" in error.problem
    assert f"offset {offset}" in error.problem and "0xe9" in error.problem
    assert "iconv" in error.fix


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "groot.txt", DUTCH * 50)
    size = path.stat().st_size
    error = _one(path, limits=Limits(page_bytes=1000))
    assert isinstance(error, ReadError)
    assert f"{size:,} bytes" in error.problem and "1,000" in error.problem
    assert isinstance(_one(path, limits=Limits(page_bytes=size)), Page)


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (GERMAN, "de")])
def test_not_dutch_names_the_language(tmp_path: Path, text: str, code: str) -> None:
    error = _one(_write(tmp_path / "vreemd.txt", text))
    assert isinstance(error, ReadError)
    assert error.problem == f"not Dutch (looks like {code})"


def test_missing_path() -> None:
    error = _one("/nonexistent/kroniek/page.txt")
    assert isinstance(error, ReadError) and "no such file" in error.problem


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    text_page = _one(_write(tmp_path / "bericht.dat", DUTCH))
    assert isinstance(text_page, Page) and text_page.html is None
    html = (DATA / "navo_top.html").read_text(encoding="utf-8")
    html_page = _one(_write(tmp_path / "bericht", html))
    assert isinstance(html_page, Page) and html_page.html == html
    assert html_page.doc == "bericht"


# ------------------------------------------------------------------ .html


def test_html_page_keeps_main_article_and_brief_list() -> None:
    page = _one(DATA / "navo_top.html")
    assert isinstance(page, Page)
    assert page.html and page.html.startswith("<!DOCTYPE html>")
    assert page.url == "https://voorbeeld.nl/nieuws/navo-top"
    lines = page.text.split("\n")
    assert lines[0] == "Navo-landen spreken in Den Haag hogere defensie-uitgaven af"
    assert lines[2].startswith("DEN HAAG (ANP/AFP) - ")
    for chrome in ("Inloggen", "Webmail", "cookies", "niet dit", "color:red", "Privacyverklaring"):
        assert chrome not in page.text
    articles = segment(page)
    assert [(a.part, a.dateline, a.ago, a.headline) for a in articles] == [
        (
            "main",
            "DEN HAAG",
            "25 juni 2025 16:40",
            "Navo-landen spreken in Den Haag hogere defensie-uitgaven af",
        ),
        ("brief:0", "NEW YORK", "8 minuten geleden", None),
        ("brief:1", "TEL AVIV", "1 uur geleden", "Protest in Israël"),
        ("brief:2", "SÃO PAULO", "2 dagen geleden", None),
    ]
    assert articles[0].text.split("\n")[2] == "Uitzondering voor Spanje"


def test_html_list_heading_inside_a_wrapper_and_times_first() -> None:
    page = _one(DATA / "economie_headers.html")
    articles = segment(page)
    assert articles[0].ago == "3 maart 2025 11:20"
    assert [(a.dateline, a.agencies, a.ago) for a in articles[1:]] == [
        ("SCHIPHOL", ("ANP",), "14 minuten geleden"),
        ("LONDEN", ("ANP", "BLOOMBERG"), "gisteren"),
        ("TOKIO", ("ANP", "RTR"), "2 dagen geleden"),
    ]
    assert articles[1].headline == "Schiphol telt meer reizigers"
    assert (
        articles[3].text == "De Japanse centrale bank verhoogt de rente voor het eerst in maanden."
    )
    assert "cookies" not in page.text and "Over ons" not in page.text


def test_html_with_no_text(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "leeg.html",
        "<html><head><script>var a = 1;</script></head><body>"
        "<nav><a href='/'>Home</a></nav><script>alert(1)</script></body></html>",
    )
    error = _one(path)
    assert isinstance(error, ReadError) and error.problem == "no text left after HTML extraction"


def test_html_not_dutch(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in ENGLISH.splitlines())
    error = _one(
        _write(tmp_path / "en.html", f"<html><body><article>{body}</article></body></html>")
    )
    assert isinstance(error, ReadError) and error.problem == "not Dutch (looks like en)"


def test_html_built_from_seed_pages_segments_like_the_text(seeds_dir: Path, tmp_path: Path) -> None:
    """Each seed page rebuilt as an HTML page must segment to the same articles as its .txt."""
    for path in sorted(seeds_dir.glob("*.txt")):
        from_text = segment(_one(path))
        main, briefs = from_text[0], from_text[1:]
        paragraphs = main.text.split("\n")
        first = f"{main.dateline} ({'/'.join(main.agencies)}) - {paragraphs[0]}"
        items = "".join(
            f"<li><a href='#'><p>{b.dateline} ({'/'.join(b.agencies)}) - {b.text}</p>"
            f"<span class='tijd'>{b.ago}</span></a></li>"
            for b in briefs
        )
        html = (
            "<html><head><title>Voorbeeld</title></head><body><nav>Inloggen Webmail</nav>"
            f"<article><h1>{main.headline}</h1><p>{first}</p>"
            + "".join(f"<p>{p}</p>" for p in paragraphs[1:])
            + f"</article><section><h2>Meer uit Buitenland</h2><ul>{items}</ul></section>"
            "</body></html>"
        )
        page = _one(_write(tmp_path / f"{path.stem}.html", html))
        assert isinstance(page, Page), page
        from_html = segment(page)
        assert [(a.part, a.headline, a.dateline, a.agencies, a.ago, a.text) for a in from_html] == [
            (a.part, a.headline, a.dateline, a.agencies, a.ago, a.text) for a in from_text
        ], path.name


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>x</title></head><body><article>'
        "<h1>Café in Brugge wint prijs</h1>"
        "<p>BRUGGE (BELGA) - Een café in het centrum van Brugge is verkozen tot het beste van "
        "België. De eigenaars reageerden verrast en blij op de uitslag.</p></article></body></html>"
    )
    page = _one(_write(tmp_path / "brugge.html", html.encode("windows-1252")))
    assert isinstance(page, Page)
    [main] = segment(page)
    assert (main.headline, main.dateline, main.agencies) == (
        "Café in Brugge wint prijs",
        "BRUGGE",
        ("BELGA",),
    )
    latin = _one(_write(tmp_path / "brugge.txt", "Café in Brugge".encode("windows-1252")))
    assert isinstance(latin, ReadError) and "UTF-8" in latin.problem
