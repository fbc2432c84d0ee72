"""What the routes share: `ApiContext` and `context`, the FastAPI dependency that hands it to a route.

Its own module so that the routers (warlog.api.routes_*) take it from here, and the app (warlog.api.app),
which creates the context and includes the routers, imports them without a cycle.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import duckdb
from fastapi import Request

from warlog.api.errors import ApiError
from warlog.errors import StoreError
from warlog.settings import Settings
from warlog.store import Store

if TYPE_CHECKING:
    from warlog.pipeline import Pipeline


class ApiContext:
    """What the routes share: the store (used under a lock), the settings and the pipeline, loaded on
    first use. Every query goes through the store's methods (`Store.find`, ...): the routes run no SQL."""

    def __init__(
        self,
        store: Store,
        *,
        settings: Settings,
        pipeline_loader: Callable[[], Pipeline],
        read_only: bool,
    ) -> None:
        self.store = store
        self.settings = settings
        self.read_only = read_only
        self._pipeline_loader = pipeline_loader
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()
        self._pipeline_lock = threading.Lock()

    @contextmanager
    def database(self) -> Iterator[Store]:
        """The store, for one request's reads or writes; DuckDB errors become StoreError."""
        with self._lock:
            try:
                yield self.store
            except duckdb.Error as e:
                first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                raise StoreError(f"cannot read store {self.store.name}: {first}") from e

    def pipeline(self) -> Pipeline:
        """The pipeline, loaded by the first caller."""
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = self._pipeline_loader()
            return self._pipeline

    def check_writable(self) -> None:
        if self.read_only:
            raise ApiError(
                403, f"store {self.store.name} is served read-only; restart `warlog serve` without --read-only"
            )

    def close(self) -> None:
        self.store.close()


def context(request: Request) -> ApiContext:
    """The app's shared context (a FastAPI dependency)."""
    return request.app.state.warlog
