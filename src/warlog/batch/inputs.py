"""The input of a batch run, planned on the driver as numbered slices, read by the workers.

The driver never holds documents: it lists the input's files and cuts them into batches of
`batch_size` records, each a `Slice` (which byte range of a JSON Lines file, which rows of a Parquet
file, which whole files). A worker reads its slice's records: a JSON object's bytes (a JSON Lines
line, a Parquet row) or a file's bytes (a folder of text or HTML files), then decodes and validates
them, so reading and decoding run in parallel too. Batch N always holds the same records, so a
shard's number follows from input position and a rerun can skip it.

Paths are local or a URI: pyarrow's file systems first (file://, s3://, gs://, hdfs://), then any
fsspec protocol that is installed (https:// with aiohttp, memory://, ...). Unlike `warlog ingest`,
these are not held to public addresses (`allow_private_urls`): the operator names the input, and no
record's `url` is ever fetched.
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
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Record:
    """One input document before analysis: `kind` is "json" (an object's bytes), "file" (a file's
    bytes) or "failure" (`data` is the reason it could not be read, as UTF-8)."""

    name: str
    kind: str
    data: bytes
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of records in one file. `kind` "jsonl": bytes [start, stop) of a JSON Lines file, whose
    first line is line `number`; "parquet": rows [start, stop), the first numbered `number`; "file":
    one whole file of `stop` bytes."""

    path: str
    kind: str
    start: int
    stop: int
    number: int

    def follows(self, other: Segment) -> bool:
        return self.kind != "file" and (self.path, self.kind, self.start) == (other.path, other.kind, other.stop)


@dataclass(frozen=True, slots=True)
class Slice:
    """One batch's share of the input, small enough to send anywhere: the file system to read it
    from, its segments and the size limit of a document."""

    filesystem: Any
    segments: tuple[Segment, ...]
    max_chars: int

    def records(self) -> list[Record]:
        """Read the slice's records, in input order; a segment that cannot be read is one failure record."""
        records: list[Record] = []
        for segment in self.segments:
            try:
                records += _READERS[segment.kind](self.filesystem, segment, self.max_chars)
            except OSError as e:
                message = f"{segment.path}: cannot read it ({' '.join(str(e).split())})"
                records.append(Record(f"{segment.path}:{segment.number}", "failure", message.encode()))
        return records


def require_pyarrow() -> Any:
    """pyarrow (from the scale extra), or a one-line SettingsError that says how to install it."""
    try:
        import pyarrow.fs
        import pyarrow.parquet  # noqa: F401
    except ImportError as e:
        raise SettingsError(f"warlog batch reads its input with pyarrow, which is not installed; {SCALE_HINT}") from e
    return pyarrow


def plan_batches(spec: str, *, batch_size: int, max_chars: int) -> Iterator[tuple[int, Slice]]:
    """Numbered slices of `batch_size` records in input order, planned without holding any document.

    `spec` is a .jsonl/.ndjson or .parquet file, or a folder (its files recursively, sorted, hidden
    ones skipped; JSON Lines and Parquet files in it are read as such, other files one document each).
    Planning reads JSON Lines files once to find their lines, and only the footers of Parquet files.

    Raises:
        InputError: `spec` names nothing that exists, cannot be opened, or is a Parquet file without text.
    """
    filesystem, files = _files(spec)
    segments: list[Segment] = []
    count = part = 0
    for info in files:
        for unit in _units(filesystem, info):
            if segments and unit.follows(segments[-1]):
                last = segments[-1]
                segments[-1] = Segment(last.path, last.kind, last.start, unit.stop, last.number)
            else:
                segments.append(unit)
            count += 1
            if count == batch_size:
                yield part, Slice(filesystem, tuple(segments), max_chars)
                segments, count, part = [], 0, part + 1
    if segments:
        yield part, Slice(filesystem, tuple(segments), max_chars)


def _files(spec: str) -> tuple[Any, list[Any]]:
    """The file system of `spec` and the FileInfo of every file it names, in reading order."""
    pa = require_pyarrow()
    filesystem, path = _filesystem(spec)
    try:
        info = filesystem.get_file_info(path)
        if info.type == pa.fs.FileType.NotFound:
            raise InputError(f"{spec}: no such file or folder; check the path")
        if info.type != pa.fs.FileType.Directory:
            return filesystem, [info]
        found = filesystem.get_file_info(pa.fs.FileSelector(path, recursive=True))
    except OSError as e:
        raise InputError(f"{spec}: cannot list it ({' '.join(str(e).split())})") from e
    files = [i for i in found if i.type == pa.fs.FileType.File and not _hidden(i.path, path)]
    return filesystem, sorted(files, key=lambda i: i.path)


def _filesystem(spec: str) -> tuple[Any, str]:
    """A pyarrow file system for `spec` and the path in it: pyarrow's own for local paths and the URIs
    it knows, else fsspec's (wrapped for pyarrow) when fsspec knows the protocol."""
    pa = require_pyarrow()
    if "://" not in spec:
        return pa.fs.LocalFileSystem(), str(Path(spec).resolve())
    try:
        return pa.fs.FileSystem.from_uri(spec)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError) as e:
        reason = " ".join(str(e).split())
    try:
        import fsspec.core
    except ImportError:
        raise InputError(f"{spec}: cannot open this URI ({reason}); check it") from None
    try:
        filesystem, path = fsspec.core.url_to_fs(spec)
    except (ImportError, ValueError, OSError) as e:
        raise InputError(f"{spec}: cannot open this URI ({' '.join(str(e).split())}); check it") from e
    return pa.fs.PyFileSystem(pa.fs.FSSpecHandler(filesystem)), path


def _hidden(path: str, root: str) -> bool:
    return any(part.startswith(".") for part in Path(path).relative_to(root).parts)


def _units(filesystem: Any, info: Any) -> Iterator[Segment]:
    """One segment per record of a file."""
    suffix = Path(info.path).suffix.lower()
    if suffix in _JSONL:
        yield from _jsonl_units(filesystem, info.path)
    elif suffix == ".parquet":
        with filesystem.open_input_file(info.path) as file:
            rows = _parquet_file(file, info.path).metadata.num_rows
        yield from (Segment(info.path, "parquet", row, row + 1, row + 1) for row in range(rows))
    else:
        yield Segment(info.path, "file", 0, info.size, 0)


def _jsonl_units(filesystem: Any, path: str) -> Iterator[Segment]:
    """A segment per non-blank line, from the end of the previous one (so blank lines in between are
    part of it) to the end of its newline."""
    start = offset = 0
    number = first = 1  # the line at `offset`; the first line of the current unit
    pending = b""
    with filesystem.open_input_stream(path) as stream:
        while chunk := stream.read(_CHUNK):
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            for line in lines:
                offset += len(line) + 1
                number += 1
                if line.strip():
                    yield Segment(path, "jsonl", start, offset, first)
                    start, first = offset, number
    if pending.strip():
        yield Segment(path, "jsonl", start, offset + len(pending), first)


def _read_jsonl(filesystem: Any, segment: Segment, max_chars: int) -> list[Record]:
    """One record per non-blank line of the segment, named "path:LINE" as `warlog ingest` names them."""
    limit = byte_limit(max_chars)
    try:
        return _jsonl_lines(filesystem.open_input_file(segment.path), segment, limit)
    except ValueError:  # fsspec's HTTP file on a server without range requests: read up to the slice
        return _jsonl_lines(filesystem.open_input_stream(segment.path), segment, limit)


def _jsonl_lines(file: Any, segment: Segment, limit: int) -> list[Record]:
    records: list[Record] = []
    number = segment.number
    with file:
        if file.seekable():
            file.seek(segment.start)
        else:
            _skip(file, segment.start)
        left, pending = segment.stop - segment.start, b""
        while left > 0 and (chunk := file.read(min(_CHUNK, left))):
            left -= len(chunk)
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            for line in lines:
                records += _line_record(f"{segment.path}:{number}", line, limit)
                number += 1
        records += _line_record(f"{segment.path}:{number}", pending, limit)
    return records


def _skip(stream: Any, count: int) -> None:
    while count > 0 and (chunk := stream.read(min(_CHUNK, count))):
        count -= len(chunk)


def _line_record(name: str, line: bytes, limit: int) -> list[Record]:
    if not line.strip():
        return []
    if len(line) > limit:
        return [Record(name, "failure", f"{name}: the line is over {limit:,} bytes".encode())]
    return [Record(name, "json", line)]


def _parquet_file(file: Any, path: str) -> Any:
    """The ParquetFile of an open file, checked to have a `text` column."""
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(file)
    if "text" not in parquet.schema_arrow.names:
        raise InputError(f"{path}: a Parquet input needs a 'text' column; it has {parquet.schema_arrow.names}")
    return parquet


def _read_parquet(filesystem: Any, segment: Segment, max_chars: int) -> list[Record]:
    """One record per row of the segment (only the row groups it spans are read), as a JSON object of
    the PARQUET_FIELDS the file has."""
    with filesystem.open_input_file(segment.path) as file:
        parquet = _parquet_file(file, segment.path)
        columns = [c for c in PARQUET_FIELDS if c in parquet.schema_arrow.names]
        groups, first, row = [], None, 0
        for index in range(parquet.metadata.num_row_groups):
            rows = parquet.metadata.row_group(index).num_rows
            if row < segment.stop and row + rows > segment.start:
                groups.append(index)
                first = row if first is None else first
            row += rows
        table = parquet.read_row_groups(groups, columns=columns)
    rows = table.slice(segment.start - (first or 0), segment.stop - segment.start).to_pylist()
    return [
        Record(
            f"{segment.path}:{segment.number + i}",
            "json",
            json.dumps({k: _plain(v) for k, v in row.items() if v is not None}, ensure_ascii=False).encode(),
        )
        for i, row in enumerate(rows)
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, date) else value


def _read_file(filesystem: Any, segment: Segment, max_chars: int) -> list[Record]:
    if segment.stop > byte_limit(max_chars):
        message = f"{segment.path}: {segment.stop:,} bytes, more than max_chars={max_chars:,} characters can hold"
        return [Record(segment.path, "failure", message.encode())]
    with filesystem.open_input_stream(segment.path) as stream:
        return [Record(segment.path, "file", stream.read(), Path(segment.path).suffix.lower())]


_READERS = {"jsonl": _read_jsonl, "parquet": _read_parquet, "file": _read_file}
