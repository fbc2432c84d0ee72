"""Acceptance: `warlog ingest` of 1,000 documents shows progress; killed halfway and rerun, every
document is stored exactly once.

The ingest runs as a real `warlog` process (its stderr is a pipe, so progress is a line every 100
documents), is killed with SIGKILL once 300 documents are reported, then rerun to completion.
"""

from __future__ import annotations

import itertools
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import warlog

pytestmark = pytest.mark.slow

DOCUMENTS = 1_000
KILL_AFTER = 300
DEADLINE_S = 240  # a hung process fails the test instead of hanging it

ACTORS = (
    "Russia",
    "the Islamic State",
    "Turkey",
    "Iran",
    "the Syrian army",
    "Hezbollah",
    "the United States",
    "the Kurdish YPG",
    "Syrian rebels",
    "Israel",
)
PLACES = ("Aleppo", "Idlib", "Homs", "Raqqa", "Palmyra", "Deir ez-Zor", "Hama", "Latakia", "Daraa", "Mosul")
ACTIONS = (
    "launched air strikes on",
    "shelled positions near",
    "sent reinforcements to",
    "attacked a checkpoint outside",
    "seized two villages east of",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# "ingest: 300/1000 documents (...)": the documents stored, skipped or failed of the total in the folder
PROGRESS = re.compile(rf"^ingest: (\d+)/{DOCUMENTS} documents \(stored (\d+), skipped (\d+), failed (\d+)\)")
SUMMARY = re.compile(r"^stored (\d+), skipped (\d+) already stored, failed (\d+)")


def write_corpus(folder: Path, count: int) -> None:
    """`count` distinct short news items, templated from the lists above."""
    folder.mkdir()
    combos = itertools.product(ACTORS, ACTIONS, PLACES, ACTORS)
    pairs = ((a, act, p, b) for a, act, p, b in combos if a != b)
    for number, (actor, action, place, other) in enumerate(itertools.islice(pairs, count)):
        day = DAYS[number % len(DAYS)]
        subject = actor[0].upper() + actor[1:]
        text = (
            f"{subject} {action} {place} on {day}, local officials said. "
            f"At least {number % 40 + 3} people were killed and {number % 17 + 5} wounded in the fighting, "
            f"according to a monitoring group. {other[0].upper() + other[1:]} condemned the operation "
            f"and said it would respond in report number {number + 1}.\n"
        )
        (folder / f"doc{number:04d}.txt").write_text(text, encoding="utf-8")
    assert len(list(folder.iterdir())) == count


def warlog_command() -> str:
    """The `warlog` console script installed next to this Python."""
    script = shutil.which("warlog", path=str(Path(sys.executable).parent))
    assert script is not None, f"no `warlog` script next to {sys.executable}; install warlog (make)"
    return script


def _pump(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)


def ingest_until_killed(command: list[str], kill_after: int) -> list[str]:
    """Run `command`, reading its stderr; SIGKILL it once `kill_after` documents are reported."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str | None] = queue.Queue()
    reader = threading.Thread(target=_pump, args=(process.stderr, lines), daemon=True)
    reader.start()
    seen: list[str] = []
    deadline = time.monotonic() + DEADLINE_S
    try:
        while (line := lines.get(timeout=max(deadline - time.monotonic(), 0.1))) is not None:
            seen.append(line)
            match = PROGRESS.match(line)
            if match and int(match.group(1)) >= kill_after:
                process.send_signal(signal.SIGKILL)
                break
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        reader.join(timeout=30)
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL, f"warlog ended on its own (exit {process.returncode}): {seen}"
    return seen


def test_killed_ingest_resumes_and_stores_each_document_once(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write_corpus(corpus, DOCUMENTS)
    command = [warlog_command(), "ingest", str(corpus), "--db", str(db)]

    started = time.monotonic()
    first = ingest_until_killed(command, KILL_AFTER)
    killed_at = time.monotonic()
    progress = [PROGRESS.match(line) for line in first if PROGRESS.match(line)]
    assert [int(m.group(1)) for m in progress] == list(range(100, KILL_AFTER + 1, 100)), first
    assert all(int(m.group(2)) == int(m.group(1)) for m in progress)  # all stored, none failed

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=DEADLINE_S)
    finished = time.monotonic()
    print(f"\nfirst run killed after {killed_at - started:.1f} s; rerun took {finished - killed_at:.1f} s")
    assert rerun.returncode == 0, rerun.stderr
    lines = rerun.stderr.splitlines()
    assert sum(bool(PROGRESS.match(line)) for line in lines) == DOCUMENTS // 100
    summary = next(m for line in lines if (m := SUMMARY.match(line)))
    stored, skipped, failed = (int(n) for n in summary.groups())
    print(f"rerun: stored {stored}, skipped {skipped}, failed {failed}")
    assert skipped >= KILL_AFTER  # the documents stored before the kill
    assert stored + skipped == DOCUMENTS and failed == 0

    with warlog.Store.open(db, read_only=True) as store:
        assert store.count("documents") == DOCUMENTS
        ids = sorted(store.document_ids())
        assert len(ids) == DOCUMENTS
        assert store.failures() == []
        for document_id in ids[:: DOCUMENTS // 20]:
            report = store.report(document_id)
            assert report is not None and report.document.id == document_id
            text = report.document.text
            assert report.actors, document_id
            for actor in report.actors:
                for mention in actor.mentions:
                    assert 0 <= mention.start < mention.end <= len(text)
                    assert text[mention.start : mention.end] == mention.text
