"""The REST API of `warlog serve`: a thin FastAPI shell over the store and the pipeline.

    from warlog.api import create_app
    app = create_app("corpus.duckdb")          # serve with uvicorn, or test with TestClient

Modules: errors (one JSON error shape), security (token, Host, body size, headers), params (the query
parameters, bounded and exact in the OpenAPI document), app (the app factory and its shared context),
routes_read, routes_write, routes_workbench, pages (the web page and the offline docs). Every query is
the store's (`Store.find`; warlog.store.query). Endpoints are listed in docs/api.md.
"""

from warlog.api.app import close_app, create_app
from warlog.api.security import check_bind, is_loopback

__all__ = ["check_bind", "close_app", "create_app", "is_loopback"]
