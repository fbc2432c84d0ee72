"""Built indexes kept in the user's cache folder, so only the first load pays for parsing GeoNames data.

A cache file is `marshal` data (Python's own fast format for plain values) headed by a key that names
everything it was built from (package versions, file sizes and times, build options). A file with
another key is rebuilt; one that cannot be read or written is simply rebuilt in memory.
"""

from __future__ import annotations

import gc
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = 2  # bump when what is cached changes shape


def default_cache_dir() -> Path:
    """warlog's cache folder: $XDG_CACHE_HOME/warlog (~/.cache/warlog), ~/Library/Caches/warlog on macOS,
    %LOCALAPPDATA%\\warlog\\Cache on Windows."""
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "warlog" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "warlog"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warlog"


def file_stamp(path: Path) -> str:
    """A cheap identity of a file's content: its resolved path, size and modification time."""
    stat = path.stat()
    return f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"


def cached(path: Path | None, key: str, build: Callable[[], Any]) -> Any:
    """The value cached at `path` under `key`, or `build()`'s value, then written there.

    `path` None disables the cache. The value must be marshal-able (plain tuples, lists, dicts, str,
    numbers, None).
    """
    if path is None:
        return build()
    stamp = f"warlog-geo/{FORMAT}/{key}"
    try:
        header, value = _read(path)
        if header == stamp:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass  # absent, stale or damaged: rebuild below
    value = build()
    _write(path, (stamp, value))
    return value


def _read(path: Path) -> Any:
    """marshal.loads of the whole file: marshal.load on a file object is several times slower. The
    cyclic garbage collector is paused meanwhile, as the many new tuples would trigger it for nothing."""
    data = path.read_bytes()
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(data)
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: Any) -> None:
    """Write atomically (a reader sees the old file or the new one); an unwritable folder is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    except OSError:
        return  # a read-only cache folder: the index is built again next time
    try:
        with os.fdopen(fd, "wb") as f:
            marshal.dump(value, f)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
