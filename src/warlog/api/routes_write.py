"""The write endpoints: POST /api/documents analyzes a text, an HTML page or a URL and stores its report.

Rules:
- The body is JSON with exactly one of `text`, `html` or `url`, and optionally `title`, `published`,
  `source`, `author`; what the body gives wins over what the page or text says of itself.
- A document that cannot be analyzed (empty, binary, too large, not English, a URL that cannot be
  fetched, a date that is not one) is a 422 with warlog's one-line message.
- 201 when the report is stored; 200 with the stored report when the document was already there
  (`stored: false`): a document is stored once, as `warlog ingest` does.
- The server fetches a `url` itself (http and https only, bounded by the `timeout` and `max_chars`
  settings): give a token to a server that others can reach. A URL, or a redirect, to a loopback,
  private, link-local or multicast address is a 422 "refused: private address" before anything is
  sent, unless the `allow_private_urls` setting is on (there is no per-request switch).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from warlog.api.context import ApiContext, context
from warlog.api.errors import ApiError, error_responses
from warlog.api.routes_read import COMMON_ERRORS, bearer
from warlog.ingest.documents import Metadata, check_published, make_document
from warlog.ingest.fetch import is_url, open_client
from warlog.ingest.sources import document_from_text, read_url
from warlog.model import Document

router = APIRouter(prefix="/api", dependencies=[Depends(bearer)], responses=COMMON_ERRORS)
Ctx = Annotated[ApiContext, Depends(context)]


class DocumentIn(BaseModel):
    """A document to analyze: exactly one of text, html or url."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text (page boilerplate is removed)")
    html: str | None = Field(None, description="an HTML page; its main text is extracted")
    url: str | None = Field(None, description="an http(s) URL the server fetches")
    title: str | None = None
    published: str | None = Field(None, description="publication date, e.g. 2015-10-10")
    source: str | None = Field(None, description="the publication")
    author: str | None = None


class Stored(BaseModel):
    """What POST /api/documents did."""

    id: str
    stored: bool = Field(description="false when the document was already stored")
    report: dict


def build_document(body: DocumentIn, ctx: ApiContext) -> Document:
    """The Document the body describes (InputError when it cannot be analyzed)."""
    given = [name for name in ("text", "html", "url") if getattr(body, name) is not None]
    if len(given) != 1:
        raise ApiError(422, f"give exactly one of text, html or url (got {', '.join(given) or 'none'})")
    settings = ctx.settings
    if body.text is not None:
        return make_document(
            body.text, title=body.title, author=body.author, source=body.source, published=body.published,
            settings=settings,
        )  # fmt: skip
    published = check_published(body.published)
    known = Metadata(title=body.title, author=body.author, source=body.source, published=published)
    if body.html is not None:
        return document_from_text(body.html, "html", name="the html", known=known, settings=settings)
    url = body.url or ""
    if not is_url(url):
        raise ApiError(422, f"url {url!r} is not an http(s) URL")
    with open_client(settings) as client:
        return read_url(url, client=client, known=known, settings=settings)


@router.post(
    "/documents",
    status_code=201,
    response_model=Stored,
    summary="Analyze and store a document",
    responses={200: {"model": Stored, "description": "already stored: the stored report"}, **error_responses(413)},
)
def post_document(ctx: Ctx, body: DocumentIn) -> JSONResponse | dict:
    """Analyze a text, an HTML page or a URL and store its report (201); 200 with the stored report when
    the document is already stored."""
    ctx.check_writable()
    document = build_document(body, ctx)
    with ctx.database() as store:
        stored_report = store.report(document.id)
    if stored_report is None:
        report = ctx.pipeline().extract(document)  # outside the lock: reads go on meanwhile
        with ctx.database() as store:
            if store.save(report):
                return {"id": report.document.id, "stored": True, "report": report.to_dict()}
            stored_report = store.report(document.id)  # another request stored it meanwhile
    answer = {"id": document.id, "stored": False, "report": stored_report.to_dict() if stored_report else None}
    return JSONResponse(answer, status_code=200)
