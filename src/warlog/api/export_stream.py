"""An export streamed to the client from a snapshot of the store, never under the app's lock.

`warlog.export.export` writes a whole format to a binary stream. Here it runs in a thread of its own,
over `Store.snapshot()` (a DuckDB connection of its own, in one read transaction), and writes into a
small bounded channel that the response reads from:
- the export never holds the app's lock: reads and writes go on meanwhile, and the export sees the
  store as it was when it began, whatever is written after;
- the thread runs at a lower priority (Linux; NICE): an export is a long read, the requests are short
  ones, and on a busy machine sharing the cores evenly slowed reads beside it by up to 1.9x
  (bench/export_concurrency.py);
- memory stays flat: at most QUEUED chunks of about CHUNK bytes wait for a slow client, and the export
  waits for them to go;
- `start_export` returns once the first chunk is ready (or the export ended), so an error the export
  meets before it (an invalid filter is found before any row is written) is still an error status;
  one after it cuts the response short, so that the client sees an incomplete transfer, not a whole
  file;
- when the client goes away the export stops at its next write; its snapshot is closed in every case.
"""

from __future__ import annotations

import io
import logging
import os
import queue
import sys
import threading
import weakref
from collections.abc import AsyncIterator, Callable
from contextlib import suppress
from typing import TYPE_CHECKING, BinaryIO, cast

import anyio

from warlog.store import Store

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
QUEUED = 4
NICE = 10  # added to the export thread's nice value (Linux)

# What the channel carries: a chunk, the error that ended the export, or None at its end.
Item = bytes | BaseException | None


class _Abandoned(Exception):
    """The client went away."""


class _Channel(io.RawIOBase):
    """The export's output stream: bytes gathered into chunks, queued for the response."""

    def __init__(self) -> None:
        super().__init__()
        self.items: queue.Queue[Item] = queue.Queue(QUEUED)
        self.abandoned = threading.Event()
        self._buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        if self.abandoned.is_set():
            raise _Abandoned
        self._buffer += data
        if len(self._buffer) >= CHUNK:
            self.send_buffer()
        return len(memoryview(data))

    def send_buffer(self) -> None:
        if self._buffer:
            self.items.put(bytes(self._buffer))
            self._buffer.clear()

    def abandon(self) -> None:
        """Stop the export: its next write raises, a write waiting for room in the queue gets it, and a
        reader left waiting (a cancelled one) gets an end."""
        self.abandoned.set()
        with suppress(queue.Empty):
            while True:
                self.items.get_nowait()
        with suppress(queue.Full):
            self.items.put_nowait(None)


def _run_behind_requests() -> None:
    """Lower this thread's priority, where a thread has one of its own (Linux): its DuckDB queries then
    yield the cores to the requests' instead of sharing them evenly."""
    if sys.platform != "linux":
        return
    thread = threading.get_native_id()
    with suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + NICE))


def _produce(snapshot: Store, write: Callable[[Store, BinaryIO], object], channel: _Channel) -> None:
    _run_behind_requests()
    last: Item = None
    try:
        write(snapshot, cast(BinaryIO, channel))  # a write-only binary stream, all the writers use
        channel.send_buffer()
    except _Abandoned:
        pass
    except BaseException as e:  # handed to the response, which raises it
        last = e
    finally:
        snapshot.close()
    if channel.abandoned.is_set():
        with suppress(queue.Full):  # nobody reads any more; abandon() left room anyway
            channel.items.put_nowait(last)
    else:
        channel.items.put(last)


def start_export(snapshot: Store, write: Callable[[Store, BinaryIO], object]) -> AsyncIterator[bytes]:
    """Run `write(snapshot, stream)` in a thread of its own and return what it writes, in chunks, for a
    StreamingResponse; the snapshot is closed when the export ends or its client goes away.

    Blocks until the first chunk is ready, and raises what the export raised before it.
    """
    channel = _Channel()
    threading.Thread(target=_produce, args=(snapshot, write, channel), name="warlog-export", daemon=True).start()
    first = channel.items.get()
    if isinstance(first, BaseException):
        raise first
    return _Chunks(channel, first)


class _Chunks:
    """The export's chunks as an async iterator. Whatever ends it early (the client gone, the response
    cancelled, even before its first chunk was asked for) abandons the export: a finalizer, not only a
    `finally`, since an async generator never started would never run its `finally`."""

    def __init__(self, channel: _Channel, first: bytes | None) -> None:
        self._channel = channel
        self._pending: list[Item] = [first]
        self._ended = False
        weakref.finalize(self, channel.abandon)

    def __aiter__(self) -> _Chunks:
        return self

    async def __anext__(self) -> bytes:
        if self._ended:
            raise StopAsyncIteration
        if self._pending:
            item = self._pending.pop()
        else:
            try:
                # abandon_on_cancel: when the client goes while the export is slow, end the response at once
                item = await anyio.to_thread.run_sync(self._channel.items.get, abandon_on_cancel=True)
            except BaseException:
                self._channel.abandon()
                raise
        if isinstance(item, bytes):
            return item
        self._ended = True
        if item is not None:
            log.error("export cut short: %s", item)
            raise item
        raise StopAsyncIteration
