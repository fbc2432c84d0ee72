"""The input of a batch run, read on the driver as raw records, grouped into numbered batches.

A record is the least the driver must read: a JSON object's bytes (a JSON Lines line, a Parquet row)
or a file's bytes (a folder of text or HTML files). Workers turn records into Documents, so decoding,
boilerplate removal and validation run in parallel too. Paths are local or any URI pyarrow's file
systems open (file://, s3://, gs://, hdfs://).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from warlog.errors import InputError, SettingsError
from warlog.ingest.validate import byte_limit

SCALE_HINT = "install the scale extra: pip install 'warlog[scale]'"
PARQUET_FIELDS = ("id", "text", "title", "author", "source", "url", "published")
_JSONL = (".jsonl", ".ndjson")


@dataclass(frozen=True, slots=True)
class Record:
    """One input document before analysis: `kind` is "json" (an object's bytes), "file" (a file's
    bytes) or "failure" (`data` is the reason the driver could not read it, as UTF-8)."""

    name: str
    kind: str
    data: bytes
    suffix: str = ""


def require_pyarrow() -> Any:
    """pyarrow (from the scale extra), or a one-line SettingsError that says how to install it."""
    try:
        import pyarrow.fs
        import pyarrow.parquet  # noqa: F401
    except ImportError as e:
        raise SettingsError(f"warlog batch reads its input with pyarrow, which is not installed; {SCALE_HINT}") from e
    return pyarrow


def iter_records(spec: str, *, max_chars: int) -> Iterator[Record]:
    """Every record of `spec` in input order: a .jsonl/.ndjson or .parquet file, or a folder (its files
    recursively, sorted, hidden ones skipped; JSON Lines and Parquet files in it are read as such).

    Raises:
        InputError: `spec` names nothing that exists.
    """
    pa = require_pyarrow()
    if "://" in spec:
        try:
            fs, path = pa.fs.FileSystem.from_uri(spec)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError) as e:
            raise InputError(f"{spec}: cannot open this URI ({' '.join(str(e).split())}); check it") from e
    else:
        fs, path = pa.fs.LocalFileSystem(), str(Path(spec).resolve())
    info = fs.get_file_info(path)
    if info.type == pa.fs.FileType.NotFound:
        raise InputError(f"{spec}: no such file or folder; check the path")
    if info.type == pa.fs.FileType.Directory:
        selector = pa.fs.FileSelector(path, recursive=True)
        files = [i for i in fs.get_file_info(selector) if i.type == pa.fs.FileType.File and not _hidden(i.path, path)]
        for file in sorted(files, key=lambda i: i.path):
            yield from _file_records(fs, file, max_chars=max_chars)
    else:
        yield from _file_records(fs, info, max_chars=max_chars)


def _hidden(path: str, root: str) -> bool:
    return any(part.startswith(".") for part in Path(path).relative_to(root).parts)


def _file_records(fs: Any, info: Any, *, max_chars: int) -> Iterator[Record]:
    suffix = Path(info.path).suffix.lower()
    if suffix in _JSONL:
        yield from _jsonl_records(fs, info.path, max_chars=max_chars)
    elif suffix == ".parquet":
        yield from _parquet_records(fs, info.path)
    elif info.size > byte_limit(max_chars):
        message = f"{info.path}: {info.size:,} bytes, more than max_chars={max_chars:,} characters can hold"
        yield Record(info.path, "failure", message.encode())
    else:
        with fs.open_input_stream(info.path) as stream:
            yield Record(info.path, "file", stream.read(), suffix)


def _jsonl_records(fs: Any, path: str, *, max_chars: int) -> Iterator[Record]:
    """One record per non-blank line, named "path:LINE" as `warlog ingest` names them."""
    limit = byte_limit(max_chars)
    with fs.open_input_stream(path) as stream:
        number = 0
        pending = b""
        while chunk := stream.read(1 << 20):
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            for line in lines:
                number += 1
                yield from _line_record(f"{path}:{number}", line, limit)
        if pending:
            yield from _line_record(f"{path}:{number + 1}", pending, limit)


def _line_record(name: str, line: bytes, limit: int) -> Iterator[Record]:
    if not line.strip():
        return
    if len(line) > limit:
        yield Record(name, "failure", f"{name}: the line is over {limit:,} bytes".encode())
    else:
        yield Record(name, "json", line)


def _parquet_records(fs: Any, path: str) -> Iterator[Record]:
    """One record per row; a `text` column is required, the other PARQUET_FIELDS are optional."""
    import pyarrow.parquet as pq

    with fs.open_input_file(path) as file:
        parquet = pq.ParquetFile(file)
        columns = [c for c in PARQUET_FIELDS if c in parquet.schema_arrow.names]
        if "text" not in columns:
            raise InputError(f"{path}: a Parquet input needs a 'text' column; it has {parquet.schema_arrow.names}")
        number = 0
        for batch in parquet.iter_batches(columns=columns, batch_size=1024):
            for row in batch.to_pylist():
                number += 1
                record = {k: _plain(v) for k, v in row.items() if v is not None}
                yield Record(f"{path}:{number}", "json", json.dumps(record, ensure_ascii=False).encode())


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, date) else value


def iter_batches(records: Iterator[Record], size: int) -> Iterator[tuple[int, list[Record]]]:
    """Numbered batches of `size` records in input order: batch N always holds the same records, so a
    shard's name (its number) is derived from input position and a rerun can skip it."""
    batch: list[Record] = []
    part = 0
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield part, batch
            part, batch = part + 1, []
    if batch:
        yield part, batch
