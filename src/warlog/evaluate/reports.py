"""Reports of many short texts, in order, batched through the pipeline; a text that fails is None."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from warlog.errors import InputError, WarlogError
from warlog.model import Document, Report
from warlog.pipeline import Pipeline

BATCH = 64


def analyze(pipeline: Pipeline, items: Iterable[tuple[str, str | None]]) -> Iterator[Report | None]:
    """One Report (or None) per (text, published date) item, in order.

    A text that fails validation (empty, not English, ...) or breaks the pipeline yields None, and the
    run goes on: the evaluation counts it as a miss and a failure.
    """
    batch: list[Document | None] = []
    for text, published in items:
        batch.append(_document(pipeline, text, published))
        if len(batch) >= BATCH:
            yield from _run(pipeline, batch)
            batch = []
    yield from _run(pipeline, batch)


def _document(pipeline: Pipeline, text: str, published: str | None) -> Document | None:
    try:
        return pipeline.document(text, published=published)
    except InputError:
        return None


def _run(pipeline: Pipeline, batch: list[Document | None]) -> Iterator[Report | None]:
    documents = [d for d in batch if d is not None]
    try:
        reports: Iterator[Report | None] = iter(list(pipeline.extract_many(documents)))
    except (WarlogError, ValueError, RuntimeError):
        reports = iter([_one(pipeline, d) for d in documents])  # find the culprit, keep the rest
    for document in batch:
        yield None if document is None else next(reports)


def _one(pipeline: Pipeline, document: Document) -> Report | None:
    try:
        return pipeline.extract(document)
    except (WarlogError, ValueError, RuntimeError):
        return None
