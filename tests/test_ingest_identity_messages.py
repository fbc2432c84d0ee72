"""Issue 11, items 6 and 8: a url names one text, a JSON line with an unreadable date is stored undated,
and messages say what to do (JSON Lines and feeds to `warlog ingest`, file:// URLs, invalid JSON)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from warlog.errors import InputError
from warlog.ingest import iter_documents, make_document, read_document
from warlog.model import Document, Failure
from warlog.settings import Settings
from warlog.store import Store

SETTINGS = Settings()
FIRST = "Russian jets struck rebel positions near Aleppo on Tuesday, activists said."
SECOND = "The Islamic State seized two villages east of Aleppo on Friday, activists said."
URL = "https://news.example/aleppo"
FEED = b'<?xml version="1.0"?>\n<!DOCTYPE rss>\n<rss version="2.0"><channel><title>Wire</title></channel></rss>\n'


def write_lines(path: Path, *records: dict | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# JSON Lines: a url names one document


def test_a_url_given_twice_with_another_text_fails_the_second_line(tmp_path):
    path = write_lines(
        tmp_path / "wire.jsonl",
        {"text": FIRST, "url": URL},
        {"text": f"  {FIRST}\n", "url": URL + "#top"},  # the same text and url: the same document
        {"text": SECOND, "url": URL},
    )
    first, again, failure = iter_documents(path, settings=SETTINGS)
    assert isinstance(first, Document) and isinstance(again, Document) and first.id == again.id
    assert isinstance(failure, Failure) and failure.source == f"{path}:3"
    assert f"url {URL} is also on line 1 with another text" in failure.message
    assert "give this line its own url, or drop its url" in failure.message


def ingest_lines(pipeline, store, path: Path, *records: dict, reanalyze: bool = False):
    return pipeline.ingest(iter_documents(write_lines(path, *records), settings=SETTINGS), store, reanalyze=reanalyze)


def test_a_url_stored_with_another_text_is_a_failure_not_a_skip(pipeline, tmp_path):
    with Store.open(tmp_path / "w.duckdb") as store:
        first = ingest_lines(pipeline, store, tmp_path / "a.jsonl", {"text": FIRST, "url": URL})
        assert (first.stored, first.skipped, first.failed) == (1, 0, 0)
        (document_id,) = store.document_ids()

        other = ingest_lines(pipeline, store, tmp_path / "b.jsonl", {"text": SECOND, "url": URL})
        assert (other.stored, other.skipped, other.failed) == (0, 0, 1)
        (failure,) = store.failures()
        assert failure.source == URL and failure.reason == "InputError"
        assert f"another text is stored (or was read before) under this url, as document {document_id}" in (
            failure.message
        )
        assert store.document_text(document_id) == FIRST

        again = ingest_lines(pipeline, store, tmp_path / "a.jsonl", {"text": FIRST, "url": URL})
        assert (again.stored, again.skipped, again.failed) == (0, 1, 0)  # the same file twice: skipped

        replaced = ingest_lines(pipeline, store, tmp_path / "b.jsonl", {"text": SECOND, "url": URL}, reanalyze=True)
        assert (replaced.stored, replaced.failed) == (1, 0)
        assert store.document_text(document_id) == SECOND


def test_a_url_met_twice_in_one_run_keeps_its_failure_after_the_first_is_saved(pipeline, tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    write_lines(folder / "a.jsonl", {"text": FIRST, "url": URL})
    write_lines(folder / "b.jsonl", {"text": SECOND, "url": URL})
    with Store.open(tmp_path / "w.duckdb") as store:
        stats = pipeline.ingest(iter_documents(folder, settings=SETTINGS), store)
        assert (stats.stored, stats.failed) == (1, 1)
        # saving the first text clears the failures of its url: the second's is recorded after it
        assert [f.source for f in store.failures()] == [URL]
        assert store.document_text(make_document(FIRST, url=URL, settings=SETTINGS).id) == FIRST


# JSON Lines: an unreadable date costs the line its date, not the line


def test_a_line_with_an_unreadable_date_is_read_undated_with_a_warning(tmp_path, caplog):
    path = write_lines(tmp_path / "wire.jsonl", {"text": FIRST, "published": "whenever"})
    with caplog.at_level(logging.WARNING, logger="warlog"):
        (document,) = iter_documents(path, settings=SETTINGS)
    assert isinstance(document, Document) and document.text == FIRST and document.published is None
    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith(f"{path}:1: published 'whenever' is not a date")

    (dated,) = iter_documents(path, published="2016-03-01", settings=SETTINGS)
    assert dated.published == "2016-03-01"  # as for a line with no date


# messages that say what to do


def test_an_invalid_json_line_names_the_file_the_line_and_the_reason(tmp_path):
    path = write_lines(tmp_path / "wire.jsonl", "{not json")
    (failure,) = iter_documents(path, settings=SETTINGS)
    assert failure.message.startswith(f"{path}:1: invalid JSON: Expecting property name enclosed in double quotes")


def test_json_lines_and_feeds_given_to_read_document_point_to_warlog_ingest(tmp_path):
    for path, data in [(tmp_path / "wire.jsonl", b'{"text": "x"}\n'), (tmp_path / "wire.xml", FEED)]:
        path.write_bytes(data)
        with pytest.raises(InputError, match=f"`warlog ingest {path}` stores them all"):
            read_document(path, settings=SETTINGS)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        (
            "file:///etc/passwd",
            "file:///etc/passwd: file:// URLs are not read; give the file's path instead: /etc/passwd",
        ),
        ("FILE://localhost/tmp/a%20b.txt", "give the file's path instead: /tmp/a b.txt"),
        ("ftp://example.org/wire.txt", "only http:// and https:// URLs are fetched"),
    ],
)
def test_urls_other_than_http_are_refused_with_what_to_do(ref, expected):
    with pytest.raises(InputError) as refused:
        read_document(ref, settings=SETTINGS)
    assert expected in str(refused.value) and "no such file" not in str(refused.value)
    with pytest.raises(InputError) as refused_too:
        list(iter_documents(ref, settings=SETTINGS))
    assert expected in str(refused_too.value)
