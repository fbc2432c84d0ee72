"""Small snags of the workbench: dates from file names and URLs, progress that knows its total and moves per
document, `correct event-type TYPE/mode`, and an unknown event type refused rather than matching nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from warlog.cli import app
from warlog.cli.progress import ingest_progress
from warlog.errors import StoreError
from warlog.ingest import count_documents, iter_documents
from warlog.ingest.dates import date_in_name
from warlog.model import Actor, Document, Event, Evidence, Report
from warlog.pipeline import IngestStats
from warlog.settings import Settings
from warlog.store import Store

TEXT = "Militiamen attacked a convoy near Harran on Monday, killing two drivers, a local official said.\n"


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("corpus/wire_2016-10-09_aleppo.txt", "2016-10-09"),
        ("corpus/wire_2016_10_09.html", "2016-10-09"),
        ("report-20161009.txt", "2016-10-09"),
        ("https://news.example.org/2016/10/09/convoy-attacked.html", "2016-10-09"),
        ("https://news.example.org/world/convoy-attacked-20161009?page=2", "2016-10-09"),
        ("archive/2016/10/09/story.txt", "2016-10-09"),
        ("from_2016-10-09_to_2016-10-12.txt", None),  # two dates: no guessing
        ("scan_2016-13-09.txt", None),  # no such month
        ("id_120161009.txt", None),  # part of a longer number
        ("batch_12345678.txt", None),
        ("plan_2999-01-01.txt", None),  # a publication date is not to come
        ("2016-10-09/story.txt", None),  # a folder named by a date alone is not the document's own
    ],
)
def test_a_date_in_a_file_name_or_url(name: str, found: str | None) -> None:
    assert date_in_name(name) == found


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "wire_2016-10-09_harran.txt").write_text(TEXT)
    (folder / "undated.txt").write_text(TEXT.replace("two", "three"))
    site = "https://news.example.org/2016/10"
    lines = [
        {"text": TEXT.replace("two", "four"), "url": f"{site}/11/convoy.html"},
        {"text": TEXT.replace("two", "five"), "url": f"{site}/12/c.html", "published": "2016-10-13"},
    ]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    return folder


def test_documents_take_the_date_of_their_name_when_their_metadata_has_none(corpus: Path) -> None:
    found = {d.text.split(",")[1].strip(): d for d in iter_documents(corpus, settings=Settings())}
    dated = [(d.published, d.date_source) for d in found.values()]
    assert sorted(dated, key=str) == sorted(
        [("2016-10-09", "file name"), (None, None), ("2016-10-11", "url"), ("2016-10-13", None)], key=str
    )
    given = {d.published for d in iter_documents(corpus, published="2020-01-01", settings=Settings())}
    assert given == {"2016-10-09", "2020-01-01", "2016-10-11", "2016-10-13"}  # the name's date before --published


def test_the_report_records_where_its_date_came_from(pipeline, corpus: Path) -> None:
    documents = [d for d in iter_documents(corpus, settings=Settings()) if isinstance(d, Document)]
    provenance = {r.document.published: dict(r.provenance).get("published") for r in pipeline.extract_many(documents)}
    assert provenance == {"2016-10-09": "file name", None: None, "2016-10-11": "url", "2016-10-13": None}
    with Store.open(None) as store:
        report = pipeline.extract(documents[0])
        store.save(report)
        assert dict(store.report(report.document.id).provenance)["published"] in ("file name", "url")


def test_the_number_of_documents_is_known_before_reading_them(corpus: Path, tmp_path: Path) -> None:
    assert count_documents(corpus) == 4  # two files, and the two lines of the JSON Lines file
    assert count_documents(str(corpus / "*.txt")) == 2
    (corpus / "news.rss").write_text("<rss></rss>")
    assert count_documents(corpus) is None  # a feed holds an unknown number of documents
    assert count_documents("https://news.example.org/feed") is None
    assert count_documents("-") is None
    assert count_documents(tmp_path / "missing") is None


def test_ingest_reports_each_document_as_its_analysis_ends(pipeline, corpus: Path) -> None:
    documents = [d for d in iter_documents(corpus, settings=Settings()) if isinstance(d, Document)]
    calls: list[tuple[str, str]] = []
    with Store.open(None) as store:
        store.save(pipeline.extract(documents[0]))
        stats = pipeline.ingest(
            documents, store, on_progress=lambda what, item: calls.append((what, item)),
            on_analyzed=lambda item: calls.append(("analyzed", item)),
        )  # fmt: skip
    assert (stats.stored, stats.skipped) == (3, 1)
    ids = [d.id for d in documents]
    assert calls[0] == ("skipped", ids[0])
    assert [c for c in calls if c[0] == "analyzed"] == [("analyzed", i) for i in ids[1:]]
    assert calls.index(("analyzed", ids[-1])) < calls.index(("stored", ids[1]))  # one batch: analyzed, then stored


class ScriptedPipeline:
    """Calls the ingest callbacks as Pipeline.ingest does for: a read failure, a stored document
    skipped, and two documents analyzed then stored."""

    def ingest(self, items, store, *, on_progress, reanalyze, on_analyzed):  # type: ignore[no-untyped-def]
        on_progress("failed", "corpus/broken.txt")
        on_progress("skipped", "d_old")
        on_analyzed("d_1")
        on_analyzed("d_2")
        on_progress("stored", "d_1")
        on_progress("stored", "d_2")
        return IngestStats(stored=2, skipped=1, failed=1)


def test_the_ingest_display_counts_up_to_the_known_total() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    stats = ingest_progress(ScriptedPipeline(), [], None, console, total=4)  # type: ignore[arg-type]
    shown = out.getvalue()
    assert stats.stored == 2 and "4/4" in shown and "5/4" not in shown and "stored 2" in shown


def test_eval_shows_how_many_documents_it_analyzed(pipeline) -> None:
    seen: list[str] = []
    with pipeline.observe(lambda report: seen.append(report.document.id)):
        report = pipeline.extract(TEXT)
        list(pipeline.extract_many([report.document, report.document]))
    pipeline.extract(TEXT)  # outside the block: not seen
    assert seen == [report.document.id] * 3


EV_TEXT = "Raiders burned the granary at Tel Bira on 2 March."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    start = EV_TEXT.index("burned")
    report = Report(
        version="0.1.0",
        document=Document(id="doc-s", text=EV_TEXT, published="2024-03-03"),
        actors=(Actor("raiders", "Raiders", "armed_group"),),
        events=(Event("ev_burn", "ASSAULT", Evidence(start, start + 6, "burned", "test:1"), actors=("raiders",)),),
    )
    path = tmp_path / "snags.duckdb"
    with Store.open(path) as store:
        store.save(report)
    return path


def test_correct_event_type_takes_the_form_reports_print(db: Path) -> None:
    result = CliRunner().invoke(app, ["correct", "event-type", "doc-s", "ev_burn", "ASSAULT/destroy", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:
        event = store.report("doc-s").events[0]
    assert (event.type, event.mode) == ("ASSAULT", "destroy")
    bad = CliRunner().invoke(app, ["correct", "event-type", "doc-s", "ev_burn", "ASSAULT/bogus", "--db", str(db)])
    assert bad.exit_code == 1 and "'bogus' is not a mode of ASSAULT" in bad.stderr


def test_an_unknown_event_type_is_refused_with_the_valid_ones(db: Path) -> None:
    with Store.open(db, read_only=True) as store, pytest.raises(StoreError, match="unknown event type 'FOO'.*ASSAULT"):
        store.query("events", type="FOO")
    result = CliRunner().invoke(app, ["query", "events", "--type", "FOO", "--db", str(db)])
    assert result.exit_code == 1 and "valid choices" in result.stderr and "PROTEST" in result.stderr
