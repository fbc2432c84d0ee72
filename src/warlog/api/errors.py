"""One error shape for every response the API sends that is not a success.

    {"error": {"status": 404, "code": "not_found", "message": "no document 'x'"}}

Rules:
- `status` is the HTTP status, `code` a stable word for it (CODES), `message` one line for a person:
  what happened and, where it helps, the valid choices.
- Unknown routes (404), wrong methods (405), invalid parameters or bodies (422), a missing or wrong
  token (401), a body over the limit (413) and unexpected failures (500) all take this shape.
- A WarlogError raised by the library is the user's input when it is an InputError or SettingsError
  (422); a StoreError the routes did not turn into a 4xx is the store failing (500, code store_error).
  No 500 carries what failed: the store's message (DuckDB's among it), like any other exception's,
  goes to the server's log, and the client reads only that the server or its store failed.
- Each operation lists in the OpenAPI document every error status it can answer, with this envelope
  as the body (`error_responses`).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from warlog.errors import InputError, SettingsError, StoreError

log = logging.getLogger("warlog.api")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal_error",
}


# What each error status means, for the OpenAPI document of the operations that can answer it.
WHEN = {
    401: "a token is required and missing or wrong",
    403: "a Host that is not loopback without a token, or a write to a read-only store",
    404: "no such document, actor or event",
    413: "a body over the max_request_bytes setting",
    422: "a bad parameter or body; the message lists the valid choices",
    500: "the server or its store failed (details in the server's log, not here)",
}


class ErrorDetail(BaseModel):
    """What went wrong."""

    status: int = Field(description="the HTTP status")
    code: str = Field(description="a stable word for the status: " + ", ".join(sorted(set(CODES.values()))))
    message: str = Field(description="one line for a person")


class ErrorEnvelope(BaseModel):
    """The body of every answer that is not a success."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` of these error statuses, each with the envelope as its body."""
    return {status: {"model": ErrorEnvelope, "description": WHEN[status]} for status in statuses}


class ApiError(Exception):
    """An error the API answers with its status and a one-line message."""

    def __init__(self, status: int, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message


def one_line(text: str) -> str:
    """Whitespace (newlines included) collapsed: a message is one line."""
    return " ".join(text.split())


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    """The error envelope."""
    return {"error": {"status": status, "code": code or CODES.get(status, "error"), "message": one_line(message)}}


def error_response(status: int, message: str, *, code: str | None = None, headers: dict[str, str] | None = None):
    """A JSONResponse carrying the error envelope."""
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body") or "body"
        if item.get("type") in ("literal_error", "enum"):  # a value outside an enumeration
            expected = item.get("ctx", {}).get("expected", "").removeprefix("'', ")  # "" is none: not a choice
            parts.append(f"{where}: unknown value {item.get('input')!r}; valid choices: {expected}")
        elif item.get("type") == "value_error":  # a validator's own message
            parts.append(f"{where}: {item.get('ctx', {}).get('error', item.get('msg', 'invalid'))}")
        else:
            parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the one envelope."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.message, code=exc.code, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"no route {request.method} {request.url.path}; see /docs for the API"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc))

    @app.exception_handler(InputError)
    @app.exception_handler(SettingsError)
    async def input_error(request: Request, exc: Exception) -> JSONResponse:
        return error_response(422, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error on %s %s: %s", request.method, request.url.path, exc, exc_info=exc)
        return error_response(
            500, "the store failed to answer this request; see the server's log for details", code="store_error"
        )

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "the server failed to answer this request; see its log for details")
