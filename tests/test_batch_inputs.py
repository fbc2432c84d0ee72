"""warlog batch's input plan: the driver cuts the input into numbered slices without holding a document;
workers read exactly the records `warlog ingest` reads, in order, from local files, Parquet row groups
and a local HTTP server (fsspec)."""

from __future__ import annotations

import functools
import http.server
import json
import pickle
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from warlog.batch.inputs import Record, plan_batches
from warlog.errors import InputError

MAX_CHARS = 1_000


def read_all(spec: str, batch_size: int) -> list[list[Record]]:
    return [piece.records() for _, piece in plan_batches(spec, batch_size=batch_size, max_chars=MAX_CHARS)]


def flat(batches: list[list[Record]]) -> list[tuple[str, str, bytes]]:
    return [(Path(r.name).name, r.kind, r.data) for batch in batches for r in batch]


@pytest.fixture()
def jsonl(tmp_path: Path) -> Path:
    """Blank lines (one only spaces), a CRLF line, a line over the size limit, no final newline."""
    path = tmp_path / "in.jsonl"
    lines = [b'{"text": "one"}', b"", b'{"text": "two"}\r', b"   ", b'{"text": "' + b"x" * 5000 + b'"}', b"",
             b'{"text": "four"}', b'{"text": "five"}']  # fmt: skip
    path.write_bytes(b"\n".join(lines))
    return path


EXPECTED = [
    ("in.jsonl:1", "json", b'{"text": "one"}'),
    ("in.jsonl:3", "json", b'{"text": "two"}\r'),
    ("in.jsonl:5", "failure", b"in.jsonl:5: the line is over 4,000 bytes"),
    ("in.jsonl:7", "json", b'{"text": "four"}'),
    ("in.jsonl:8", "json", b'{"text": "five"}'),
]


def without_folder(rows: list[tuple[str, str, bytes]], folder: Path) -> list[tuple[str, str, bytes]]:
    return [(name, kind, data.replace(f"{folder}/".encode(), b"")) for name, kind, data in rows]


@pytest.mark.parametrize("batch_size", [1, 2, 3, 5, 100])
def test_jsonl_slices_hold_every_line_once_in_order(jsonl: Path, batch_size: int) -> None:
    batches = read_all(str(jsonl), batch_size)
    assert without_folder(flat(batches), jsonl.parent) == EXPECTED
    assert [len(b) for b in batches[:-1]] == [batch_size] * (len(batches) - 1)
    assert 0 < len(batches[-1]) <= batch_size


def test_batches_cross_files_of_a_folder_in_name_order(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "a.jsonl").write_text('{"text": "a1"}\n{"text": "a2"}\n{"text": "a3"}\n')
    pq.write_table(pa.table({"text": ["b1", "b2"], "id": ["B1", None]}), tmp_path / "b.parquet")
    (tmp_path / "c.txt").write_text("Rebels attacked a base.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.html").write_text("<p>Troops withdrew.</p>")
    (tmp_path / ".hidden.txt").write_text("never read")
    batches = read_all(str(tmp_path), 2)
    assert [[Path(r.name).name for r in batch] for batch in batches] == [
        ["a.jsonl:1", "a.jsonl:2"],
        ["a.jsonl:3", "b.parquet:1"],
        ["b.parquet:2", "c.txt"],
        ["d.html"],
    ]
    assert [json.loads(r.data) for r in batches[1][1:] + batches[2][:1]] == [{"id": "B1", "text": "b1"}, {"text": "b2"}]
    assert (batches[2][1].kind, batches[2][1].suffix, batches[3][0].suffix) == ("file", ".txt", ".html")


def test_parquet_slices_read_only_the_rows_they_name(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = [f"report {i}" for i in range(10)]
    pq.write_table(pa.table({"text": texts, "published": [f"2020-05-{i + 1:02d}" for i in range(10)]}),
                   tmp_path / "in.parquet", row_group_size=3)  # fmt: skip
    batches = read_all(str(tmp_path / "in.parquet"), 4)
    assert [[json.loads(r.data)["text"] for r in batch] for batch in batches] == [texts[:4], texts[4:8], texts[8:]]
    assert [Path(r.name).name for r in batches[1]] == [f"in.parquet:{i}" for i in range(5, 9)]
    assert json.loads(batches[2][1].data) == {"text": "report 9", "published": "2020-05-10"}


def test_a_slice_carries_no_document(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"text": "word " * 40_000}) + "\n" for _ in range(8)))
    (part, piece), *_ = plan_batches(str(path), batch_size=8, max_chars=1_000_000)
    assert part == 0 and len(piece.records()) == 8
    assert path.stat().st_size > 1_000_000 and len(pickle.dumps(piece)) < 1_000


def test_a_file_gone_after_planning_is_a_failure_record(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Troops withdrew.")
    (tmp_path / "b.txt").write_text("Rebels advanced.")
    ((_, piece),) = plan_batches(str(tmp_path), batch_size=2, max_chars=MAX_CHARS)
    (tmp_path / "a.txt").unlink()
    first, second = piece.records()
    assert first.kind == "failure" and first.data.decode().startswith(f"{tmp_path / 'a.txt'}: cannot read it (")
    assert (second.kind, second.data) == ("file", b"Rebels advanced.")


def test_unreadable_inputs_are_one_line_errors(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"body": ["no text column"]}), tmp_path / "bad.parquet")
    cases = {
        str(tmp_path / "missing"): "no such file or folder",
        "nosuchscheme://corpus/day.jsonl": "cannot open this URI",
        str(tmp_path / "bad.parquet"): "a Parquet input needs a 'text' column",
    }
    for spec, message in cases.items():
        with pytest.raises(InputError, match=message) as raised:
            list(plan_batches(spec, batch_size=2, max_chars=MAX_CHARS))
        assert "\n" not in str(raised.value)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Python's file server: no range requests, so workers read a slice by streaming up to it."""

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def served(jsonl: Path) -> Iterator[str]:
    (jsonl.parent / "page.txt").write_text("Police arrested 12 protesters in Aden.")
    handler = functools.partial(QuietHandler, directory=str(jsonl.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_an_http_uri_reads_as_the_local_file(served: str, jsonl: Path) -> None:
    batches = read_all(f"{served}/in.jsonl", 2)
    assert [r.name for batch in batches for r in batch][0] == f"{served}/in.jsonl:1"
    assert without_folder(flat(batches), jsonl.parent) == [
        (name, kind, data.replace(b"in.jsonl:5:", f"{served}/in.jsonl:5:".encode())) for name, kind, data in EXPECTED
    ]
    ((page,),) = read_all(f"{served}/page.txt", 2)
    assert (page.kind, page.data, page.suffix) == ("file", b"Police arrested 12 protesters in Aden.", ".txt")


MISSING = [
    ("ray", "ray", "--engine ray needs Ray"),
    ("pyarrow.fs", "local", "warlog batch reads its input with pyarrow"),
]


@pytest.mark.parametrize(("blocked", "engine", "needs"), MISSING)
def test_a_missing_extra_is_one_line_that_says_how_to_install_it(
    blocked: str, engine: str, needs: str, jsonl: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from warlog.cli import app

    monkeypatch.setitem(sys.modules, blocked, None)  # `import ray` now fails as where it is not installed
    result = CliRunner().invoke(app, ["batch", str(jsonl), "--out", str(tmp_path / "out"), "--engine", engine])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {needs}, which is not installed; install the scale extra: pip install 'warlog[scale]'"
    ]
