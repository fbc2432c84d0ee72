"""The FastAPI app over one store: `create_app(db_path)`.

Rules:
- One DuckDB connection per app, opened when the app is created (a missing, locked or newer store is a
  StoreError then, not on the first request) and closed on shutdown (`close_app`). Requests use it
  one at a time under a lock: DuckDB runs each query on all cores, so the lock costs throughput under
  many concurrent clients, not latency. An export, which reads for seconds, takes the lock only to take
  a snapshot of the store and streams from that (warlog.api.export_stream).
- The pipeline (spaCy model and packs, seconds to load) is loaded on the first POST that needs it,
  once, so that reading a store starts at once.
- A read-only app opens the store read-only (other read-only processes may share it) and answers
  writes with 403.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI

from warlog._version import __version__
from warlog.api import pages, routes_read, routes_review, routes_trends, routes_workbench, routes_write
from warlog.api.context import ApiContext
from warlog.api.errors import install_error_handlers
from warlog.api.security import SecurityMiddleware
from warlog.settings import Settings, load_settings
from warlog.store import Store

if TYPE_CHECKING:
    from warlog.pipeline import Pipeline

DESCRIPTION = """warlog's store as JSON: documents, actors, events, claims, contradictions, places, the actor
graph and incidents, with filters, sorting and paging; `POST /api/documents` analyzes and stores a text,
an HTML page or a URL. Errors always read `{"error": {"status", "code", "message"}}`."""


def create_app(
    db_path: str | Path,
    *,
    settings: Settings | None = None,
    token: str | None = None,
    pipeline_loader: Callable[[], Pipeline] | None = None,
    read_only: bool = False,
    web_dir: Path | None = None,
) -> FastAPI:
    """The FastAPI app serving the store at `db_path`.

    Args:
        db_path: the DuckDB store; created if missing (unless `read_only`).
        settings: warlog settings (default: warlog.toml and WARLOG_* variables).
        token: when given, every /api request needs `Authorization: Bearer <token>`.
        pipeline_loader: returns the pipeline for POST /api/documents (default: `warlog.load(settings)`),
            called once, on the first POST.
        read_only: open the store read-only; writes answer 403.
        web_dir: the folder of the web page (default: the package's `warlog/web`).

    Raises:
        StoreError: the store cannot be opened, created or migrated.
    """
    settings = settings or load_settings()
    if pipeline_loader is None:

        def pipeline_loader() -> Pipeline:
            import warlog

            return warlog.load(settings)

    store = Store.open(db_path, read_only=read_only)  # created and migrated unless read-only
    state = ApiContext(store, settings=settings, pipeline_loader=pipeline_loader, read_only=read_only)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        state.close()

    app = FastAPI(
        title="warlog",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.warlog = state
    install_error_handlers(app)
    app.add_middleware(SecurityMiddleware, token=token, max_request_bytes=settings.max_request_bytes)

    app.include_router(routes_read.router)
    app.include_router(routes_write.router)
    app.include_router(routes_workbench.router)
    app.include_router(routes_review.router)
    app.include_router(routes_trends.router)
    pages.install(app, web_dir=web_dir or Path(__file__).resolve().parent.parent / "web")
    return app


def close_app(app: FastAPI) -> None:
    """Close the app's store (also done on shutdown)."""
    app.state.warlog.close()
