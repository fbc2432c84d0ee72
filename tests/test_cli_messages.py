"""Issue 11, item 8, from the command line: `analyze` of JSON Lines or of a file:// URL says what to do,
a JSON line without a readable date is a warning, and a second writer learns the store is locked
before the model loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

import warlog
from warlog.cli import app

TEXT = "Russian jets struck rebel positions near Aleppo on Tuesday, activists said."
_HOLD = """
import sys, time
from warlog.store import Store
store = Store.open(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Invoke `warlog ARGS...` in-process, with no WARLOG_* variables of the developer's."""
    for name in [n for n in os.environ if n.startswith("WARLOG_")]:
        monkeypatch.delenv(name)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def one_line_error(result: Result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return lines[0]


def test_analyze_of_json_lines_points_to_warlog_ingest(run: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    line = one_line_error(run("analyze", path))
    assert f"`warlog ingest {path}` stores them all" in line and "read it with" not in line


def test_analyze_of_a_file_url_says_to_give_the_path(run: Callable[..., Result]) -> None:
    line = one_line_error(run("analyze", "file:///etc/passwd"))
    assert "file:// URLs are not read; give the file's path instead: /etc/passwd" in line
    assert "no such file" not in line


def test_a_second_writer_learns_of_the_lock_before_the_model_loads(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, source = tmp_path / "w.duckdb", tmp_path / "aleppo.txt"
    source.write_text(TEXT, encoding="utf-8")

    def load(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the model was loaded before the store was opened")

    monkeypatch.setattr(warlog, "load", load)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        line = one_line_error(run("ingest", source, "--db", db))
        assert f"locked by another process (PID {holder.pid})" in line
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_ingest_warns_of_an_unreadable_date_and_stores_the_line_undated(
    run: Callable[..., Result], pipeline: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(warlog, "load", lambda *args, **kwargs: pipeline)
    db, path = tmp_path / "w.duckdb", tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"text": TEXT, "published": "whenever"}) + "\n", encoding="utf-8")
    result = run("ingest", path, "--db", db)
    assert result.exit_code == 0, result.output
    assert f"warning: {path}:1: published 'whenever' is not a date" in result.stderr
    assert "stored 1, skipped 0 already stored, failed 0" in result.stderr
    (document,) = json.loads(run("query", "documents", "--db", db, "--format", "json").stdout)
    assert document["published"] is None
