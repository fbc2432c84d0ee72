"""The HTML side of the server: the web page at / (files under /static) and the API docs at /docs.

Rules:
- `/` serves `warlog/web/index.html`, and `/static/...` the files of `warlog/web/`; when the page is
  not built, `/` says so in a small page (200) and /static answers 404.
- `/docs` is Swagger UI from the `fastapi-offline` package's files, served by this server under
  /docs/assets: no CDN, works offline. Its start-up script is a file (/docs/init.js), not inline, so
  the Content-Security-Policy can forbid inline scripts.
"""

from __future__ import annotations

import html
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

SWAGGER_ASSETS = Path(fastapi_offline.__file__).resolve().parent / "static"

_DOCS_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} API</title>
<link rel="icon" type="image/png" href="/docs/assets/favicon.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
"""

_DOCS_INIT = """window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  layout: "BaseLayout",
  presets: [SwaggerUIBundle.presets.apis],
});
"""

_NOT_BUILT = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>warlog</title></head>
<body>
<h1>warlog</h1>
<p>The web app is not built: {folder} has no index.html. The API works: see <a href="/docs">/docs</a>.</p>
</body>
</html>
"""


def install(app: FastAPI, *, web_dir: Path) -> None:
    """Add the page, its static files and the docs to `app`."""
    index = web_dir / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        if index.is_file():
            return FileResponse(index, media_type="text/html")
        return HTMLResponse(_NOT_BUILT.format(folder=html.escape(str(web_dir))))

    if web_dir.is_dir():
        app.mount("/static", StaticFiles(directory=web_dir), name="static")

    app.mount("/docs/assets", StaticFiles(directory=SWAGGER_ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_DOCS_PAGE.format(title=html.escape(app.title)))

    @app.get("/docs/init.js", include_in_schema=False)
    def docs_init() -> Response:
        return Response(_DOCS_INIT, media_type="text/javascript")
