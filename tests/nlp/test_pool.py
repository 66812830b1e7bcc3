"""The Frog pool against real Frog processes."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from kroniek.errors import FrogError
from kroniek.nlp import FrogPool


def test_missing_executable_names_the_fix():
    pool = FrogPool("tag", executable="frog-not-installed-here")
    with pytest.raises(FrogError) as info:
        pool.analyse_raw("Een zin.")
    assert "apt-get install frog frogdata" in str(info.value)
    pool.close()


def test_unknown_mode_is_refused():
    with pytest.raises(FrogError, match="unknown mode"):
        FrogPool("dance")


def test_start_is_lazy_and_close_stops_the_process(spare_frog_slot):
    pool = FrogPool("tag")
    try:
        assert pool.pids() == []
        rows = pool.analyse_raw("De boer ploegt het land.")
        assert len(pool.pids()) == 1
        [sentence] = rows
        assert [row[1] for row in sentence] == ["De", "boer", "ploegt", "het", "land", "."]
        assert sentence[2][4].startswith("WW(")
        assert sentence[2][2] == "ploegen"
        [pid] = pool.pids()
    finally:
        pool.close()
    assert pool.pids() == []
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(FrogError, match="closed"):
        pool.analyse_raw("Nog een zin.")


def test_repeated_text_is_served_from_the_cache(tag_pool):
    text = "Het kabinet vergaderde op vrijdag over de begroting van volgend jaar."
    before = tag_pool.stats()
    first = tag_pool.analyse_raw(text)
    middle = tag_pool.stats()
    second = tag_pool.analyse_raw(text)
    after = tag_pool.stats()
    assert first == second
    assert middle.cache_misses == before.cache_misses + 1
    assert after.cache_hits == middle.cache_hits + 1
    assert after.cache_misses == middle.cache_misses
    assert after.frog_seconds == middle.frog_seconds


def test_killed_process_is_restarted_transparently(tag_pool):
    tag_pool.analyse_raw("De trein vertrok te laat uit het station.")
    [old] = tag_pool.pids()
    restarts = tag_pool.stats().restarts
    os.kill(old, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while old in tag_pool.pids() and time.monotonic() < deadline:
        time.sleep(0.05)
    rows = tag_pool.analyse_raw("Een kat sliep de hele middag in de zon.")
    assert rows and rows[0][1][1] == "kat"
    [new] = tag_pool.pids()
    assert new != old
    assert tag_pool.stats().restarts == restarts + 1


def test_timeout_raises_and_the_next_request_works(tag_pool):
    long_text = " ".join(
        f"De {n}e vergadering van het bestuur duurde langer dan gepland." for n in range(3000)
    )
    old = tag_pool.pids()
    with pytest.raises(FrogError, match="did not answer within"):
        tag_pool.analyse_raw(long_text, timeout=0.05)
    assert tag_pool.stats().timeouts >= 1
    rows = tag_pool.analyse_raw("Daarna ging alles weer goed.")
    assert rows[0][0][1] == "Daarna"
    assert tag_pool.pids() and tag_pool.pids() != old


def test_a_line_reading_eot_does_not_end_the_request_early(tag_pool):
    rows = tag_pool.analyse_raw("Eerste regel hier.\nEOT\nDe laatste regel.")
    words = [row[1] for sentence in rows for row in sentence]
    assert words[-4:] == ["De", "laatste", "regel", "."]
    assert "EOT" in words
    [after] = tag_pool.analyse_raw("Nu een andere zin.")
    assert [row[1] for row in after] == ["Nu", "een", "andere", "zin", "."]


def test_concurrent_callers_each_get_their_own_answer(tag_pool):
    texts = [f"Op dag {n} kocht de bakker {n} zakken meel." for n in range(1, 13)]
    with ThreadPoolExecutor(max_workers=4) as executor:
        results = list(executor.map(tag_pool.analyse_raw, texts))
    for n, rows in enumerate(results, start=1):
        words = [row[1] for sentence in rows for row in sentence]
        assert words[2] == str(n) and words[6] == str(n)


def test_disk_cache_answers_a_second_pool_without_starting_frog(tmp_path, tag_pool):
    text = "De minister bezocht gisteren de haven van Antwerpen."
    first = FrogPool("tag", disk_cache=tmp_path)
    try:
        answer = first.analyse_raw(text)
    finally:
        first.close()
    assert list((tmp_path / "tag").rglob("*.json")), "the answer was not written to disk"
    second = FrogPool("tag", disk_cache=tmp_path, executable="frog-not-installed-here")
    try:
        assert second.analyse_raw(text) == answer  # no Frog could have answered this
        assert second.stats().starts == 0
    finally:
        second.close()
    assert [row[2] for row in answer[0]][:3] == ["de", "minister", "bezoeken"]
