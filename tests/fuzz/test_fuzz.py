"""Fuzz harness (Hypothesis) over the inputs a user controls: files and folders for `read`,
page text for `segment`, JSONL lines, and the HTTP query parameters of the server.

Properties: nothing raises; every input gives a Page or one printable ReadError line;
a good page mixed in with bad inputs is always read (0 good pages lost); the server
answers 200 or 422, never 500, and always with the security headers.

The suite runs a small budget (profile "ci"). For a long run, as for the closing note of
issue 14, set KRONIEK_FUZZ=long (and optionally KRONIEK_FUZZ_EXAMPLES=N per property);
the number of inputs generated per property is printed at the end (pytest -s).
"""

from __future__ import annotations

import json
import os
import string
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kroniek.errors import KroniekError, ReadError
from kroniek.read import Limits, read_paths
from kroniek.records import Page
from kroniek.segment import segment

LANGUAGES = Path(__file__).resolve().parents[1] / "data" / "languages"
GOOD = [
    (LANGUAGES / f"{name}.txt").read_text(encoding="utf-8")
    for name in ("nl-1", "nl-2", "nl-3", "vls-1", "vls-2")
]
CAPTURED = datetime(2026, 1, 29, 10, 0, tzinfo=UTC)
LIMITS = Limits(page_bytes=200_000, line_chars=5_000, html_depth=60, json_depth=20)
SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy")

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("KRONIEK_FUZZ_EXAMPLES", 2500)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("long" if os.environ.get("KRONIEK_FUZZ") == "long" else "ci")
TRIED: Counter[str] = Counter()

# -- what is generated -----------------------------------------------------------------------

NEWS_BITS = [
    "DEN HAAG (ANP) - ",
    "MOSKOU (ANP/AFP/RTR) - ",
    "Meer uit Buitenland",
    "1 uur geleden",
    "Gisteren, 14:05",
    "Het kabinet zegt ",
    "Rusland en Oekraïne ",
    "\n",
    "\n\n",
    " - ",
    "(",
    ")",
    "<",
    ">",
    "&amp;",
    "\u00ad",
    "\u200b",
    "\ufeff",
    "\r",
    "\t",
    "\x00",
    "\x1b",
    "é",
    "中文",
    "русский",
    "'",
    '"',
    "\\",
    "2024-01-02",
    "0",
]
news_text = st.lists(st.one_of(st.sampled_from(NEWS_BITS), st.text(max_size=30)), max_size=40).map(
    "".join
)
TAGS = [
    "div",
    "p",
    "span",
    "h1",
    "h2",
    "ul",
    "li",
    "table",
    "td",
    "script",
    "style",
    "br",
    "article",
    "section",
    "a",
    "b",
    "time",
    "nav",
    "svg",
    "template",
]


@st.composite
def html_page(draw) -> str:
    """An HTML document of random, possibly unbalanced or deep, elements around news text."""
    parts = ["<html><body>"]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(TAGS))
        depth = draw(st.sampled_from([1, 1, 2, 5, 40, 120]))
        close = draw(st.booleans())
        parts.append(f"<{tag}>" * depth + draw(news_text) + (f"</{tag}>" * depth if close else ""))
    return "".join(parts) + draw(st.sampled_from(["</body></html>", "", "<!--", "<![CDATA["]))


bad_bytes = st.one_of(
    st.binary(max_size=600),
    news_text.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    news_text.map(lambda t: t.encode("utf-16")),
    html_page().map(lambda h: h.encode("utf-8", errors="replace")),
    st.sampled_from(GOOD).map(
        lambda t: t.encode("cp1252", errors="replace").replace(b"e", b"\xe9")
    ),
)
json_garbage = st.one_of(
    st.text(max_size=80).filter(lambda t: "\n" not in t and "\r" not in t),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=20,
    ).map(json.dumps),
    st.integers(1, 400).map(lambda n: "[" * n + "]" * n),
    st.sampled_from(
        [
            '{"id": "x", "text": "\\ud800"}',
            '{"id": 1, "html": "<p>a</p>"}',
            '{"id": true, "text": "a"}',
            '{"id": "a", "text": "a\tb"}',
            "{",
            "[]",
        ]
    ),
)


def _one_line(error: ReadError) -> None:
    line = str(error)
    assert line.startswith("kroniek: ") and line.isprintable(), repr(line)


# -- read --------------------------------------------------------------------------------------


@given(
    st.lists(
        st.tuples(
            st.booleans(), bad_bytes, st.sampled_from([".txt", ".html", ".htm", ".jsonl", ""])
        ),
        min_size=1,
        max_size=6,
    ),
    st.data(),
)
def test_read_never_raises_and_keeps_every_good_page(inputs, data):
    """Files of good and bad bytes in one folder: every file answered, all good pages kept."""
    TRIED["read"] += len(inputs)
    with tempfile.TemporaryDirectory() as folder:
        good = {}
        for number, (is_good, raw, suffix) in enumerate(inputs):
            if is_good:
                name = f"{number:03d}.txt"
                good[name] = data.draw(st.sampled_from(GOOD))
                (Path(folder) / name).write_text(good[name], encoding="utf-8")
            else:
                (Path(folder) / f"{number:03d}{suffix or '.txt'}").write_bytes(raw)
        names = sorted(p.name for p in Path(folder).iterdir())
        outcomes = list(read_paths([folder], fetched_at=CAPTURED, limits=LIMITS))
    # one outcome per file (a JSONL file: one per line), none for no file
    assert sorted({Path(o.source.split("#")[0]).name for o in outcomes}) == names
    for outcome in outcomes:
        if isinstance(outcome, ReadError):
            _one_line(outcome)
    kept = {Path(o.source).name: o.text for o in outcomes if isinstance(o, Page)}
    for name, text in good.items():
        assert kept.get(name) == text


file_names = st.binary(min_size=1, max_size=24).filter(
    lambda b: b"/" not in b and b"\x00" not in b and not b.startswith(b".")
)


@given(file_names, st.booleans())
def test_any_file_name_gives_a_storable_page_or_a_printable_line(name, good):
    """Names with control characters or bytes that are not UTF-8: the page keeps a source
    and doc that UTF-8 output and the store can hold; an error line stays one printable line."""
    TRIED["names"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name + b".txt"))
        path.write_text(
            GOOD[0] if good else "The storm hit the coast of Florida last night.", encoding="utf-8"
        )
        [outcome] = read_paths([folder], fetched_at=CAPTURED, limits=LIMITS)
    if isinstance(outcome, Page):
        outcome.source.encode("utf-8")
        outcome.doc.encode("utf-8")
    else:
        _one_line(outcome)
        assert not good, str(outcome)  # a good page is read whatever its name


@given(
    st.lists(
        st.one_of(
            st.sampled_from(GOOD).map(lambda t: ("good", t)), json_garbage.map(lambda t: ("bad", t))
        ),
        min_size=1,
        max_size=8,
    )
)
@example(lines=[("good", GOOD[0]), ("bad", "\x00")])  # found by the long run: a NUL lost the file
def test_jsonl_reader_never_raises_and_keeps_every_good_record(lines):
    """JSONL files mixing good records with garbage lines: each good record is a Page."""
    TRIED["jsonl"] += len(lines)
    written = []
    for number, (kind, value) in enumerate(lines):
        written.append(
            json.dumps({"id": f"goed-{number}", "text": value}) if kind == "good" else value
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mix.jsonl"
        path.write_text("\n".join(written) + "\n", encoding="utf-8", errors="surrogatepass")
        outcomes = list(read_paths([path], fetched_at=CAPTURED, limits=LIMITS))
    for outcome in outcomes:
        if isinstance(outcome, ReadError):
            _one_line(outcome)
    kept = {o.doc for o in outcomes if isinstance(o, Page)}
    assert {f"goed-{n}" for n, (kind, _) in enumerate(lines) if kind == "good"} <= kept


@given(st.one_of(html_page(), news_text.map(lambda t: "<" + t)))
def test_read_of_any_html_never_raises(html):
    """Any HTML, also deep or broken: a Page or one ReadError line."""
    TRIED["html"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.html"
        path.write_bytes(html.encode("utf-8", errors="replace"))
        [outcome] = read_paths([path], fetched_at=CAPTURED, limits=LIMITS)
    if isinstance(outcome, ReadError):
        _one_line(outcome)


# -- segment -----------------------------------------------------------------------------------


@given(news_text)
@example(text="DEN HAAG (ANP) - ©")  # found by the long run: a dateline line read as chrome
def test_segment_never_raises(text):
    """Any page text: a list of articles (a KroniekError would be reported, not raised on)."""
    TRIED["segment"] += 1
    page = Page(
        doc="f", source="f.txt", text=text, html=None, fetched_at=CAPTURED, fetched_at_from="option"
    )
    try:
        articles = segment(page)
    except KroniekError:
        return
    assert all(article.text is not None for article in articles)


# -- HTTP query parameters ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real uvicorn on a free loopback port over a small store."""
    from tests.api.live import live_server
    from tests.api.test_serve import _store

    db = tmp_path_factory.mktemp("fuzz") / "k.duckdb"
    _store(db)
    with live_server(db) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


PARAMS = ["actor", "dyad", "type", "fact", "since", "until", "limit"]
values = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            "RUS",
            "rus,irn",
            "AGREE",
            "future",
            "2025-01-17",
            "-1",
            "0",
            "100001",
            "1e9",
            ",",
            "%00",
            "' OR 1=1 --",
        ]
    ),
)


@given(
    path=st.sampled_from(["/api/events", "/", "/api/stats"]),
    params=st.lists(st.tuples(st.sampled_from(PARAMS) | st.text(max_size=8), values), max_size=6),
    raw=st.text(alphabet=string.ascii_letters + string.digits + string.punctuation, max_size=40),
)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_http_query_parameters_never_break_the_server(server, path, params, raw):
    """Any query string: 200 or 422 with a reason, never 500, always the security headers."""
    TRIED["http"] += 2
    for answer in (server.get(path, params=params), server.get(f"{path}?{raw}")):
        assert answer.status_code in (200, 422), (answer.status_code, answer.text[:200])
        assert all(name in answer.headers for name in SECURITY)
        if answer.status_code == 200 and path != "/":
            answer.json()


def teardown_module() -> None:
    """Say how many inputs were generated (shown with pytest -s)."""
    print(f"\nfuzz inputs tried: {sum(TRIED.values())} ({dict(TRIED)})")
