"""The DuckDB store: opening, migrations, exact round trips, idempotent saves, failures, crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from warlog.errors import StoreError
from warlog.model import (
    Actor,
    Claim,
    Contradiction,
    Document,
    Event,
    Evidence,
    Failure,
    Happening,
    ImpliedClaim,
    Place,
    Relation,
    Report,
    Toll,
    When,
)
from warlog.store import SCHEMA_VERSION, Store
from warlog.store.schema import MIGRATIONS, migrate
from warlog.store.write import Writer, insert_report

TEXT = (
    "Hamas fighters fired rockets at Sderot on 7 March, the IDF said. "
    "Officials in Gaza said between 12 and 15 people were killed in a strike on Rafah. "
    "At least 30 were wounded and three were detained."
)


def span(text: str, needle: str, *, rule: str | None = "test:1", confidence: float = 1.0) -> Evidence:
    start = text.index(needle)
    return Evidence(start, start + len(needle), needle, rule, confidence)


def full_report(doc_id: str = "doc-1") -> Report:
    """A report that sets every field of every type, including the empty and None cases."""
    return Report(
        version="0.1.0",
        document=Document(
            id=doc_id,
            text=TEXT,
            title="Rockets and strikes",
            author="A. Reporter",
            source="Wire",
            url="https://example.invalid/a",
            published="2024-03-08",
            language="en",
        ),
        actors=(
            Actor(
                id="hamas",
                name="Hamas",
                kind="armed_group",
                country="PSE",
                parents=("muslim_brotherhood",),
                aliases=("Harakat al-Muqawama al-Islamiya", "Islamic Resistance Movement"),
                mentions=(span(TEXT, "Hamas"), span(TEXT, "Hamas fighters", rule=None, confidence=0.25)),
            ),
            Actor(
                id="idf", name="Israel Defense Forces", kind="military", country="ISR", mentions=(span(TEXT, "IDF"),)
            ),
            Actor(id="ner:officials", name="Officials", kind="other", origin="ner"),
        ),
        places=(
            Place(
                id="sderot",
                name="Sderot",
                country="ISR",
                lat=31.525,
                lon=34.5967,
                feature="city",
                precision=1,
                mentions=(span(TEXT, "Sderot"),),
            ),
            Place(id="rafah", name="Rafah", mentions=(span(TEXT, "Rafah", confidence=0.5),)),
        ),
        events=(
            Event(
                id="e1",
                type="ASSAULT",
                evidence=span(TEXT, "Hamas fighters fired rockets at Sderot"),
                mode="aerial",
                actors=("hamas",),
                recipients=("idf", "civilians"),
                place="sderot",
                date=When("2024-03-07", "day", "on 7 March"),
                fatalities=Toll(0, None, None),
                captured=Toll(0, 0, None),
                status="reported",
                speaker="idf",
                codes=(("cameo", "195"), ("acled", "Shelling/artillery/missile attack")),
                confidence=0.8,
                also=(span(TEXT, "fired rockets"), span(TEXT, "rockets", rule=None)),
            ),
            Event(
                id="e2",
                type="ASSAULT",
                evidence=span(TEXT, "a strike on Rafah"),
                fatalities=Toll(12, 15, "between 12 and 15"),
                wounded=Toll(30, None, "At least 30"),
                captured=Toll(3, 3, "three"),
                date=When(None, None, None),
            ),
            Event(id="e3", type="ASSAULT", evidence=span(TEXT, "strike")),
        ),
        claims=(
            Claim(
                id="c1",
                text="Hamas fighters fired rockets at Sderot on 7 March",
                evidence=span(TEXT, "Hamas fighters fired rockets at Sderot on 7 March, the IDF said"),
                speaker="idf",
                speaker_text="the IDF",
                cue="said",
                direct=False,
                hedged=True,
                author_stance="doubts",
                events=("e1",),
                source_kind="named",
                co_speakers=("hamas",),
                speaker_evidence=span(TEXT, "the IDF"),
                cue_evidence=span(TEXT, "said"),
                outlet="Wire",
                work="Report",
                hedges=(span(TEXT, "people"),),
                stance_evidence=span(TEXT, "killed"),
            ),
            Claim(id="c2", text="people were killed", evidence=span(TEXT, "people were killed")),
        ),
        contradictions=(
            Contradiction(id="x1", kind="toll", items=("e1", "e2"), explanation="0 killed vs 12 to 15"),
            Contradiction(
                id="x2",
                kind="occurrence",
                items=("c2",),
                explanation="the IDF denies what only its denial tells",
                implied=ImpliedClaim(
                    text="people were killed",
                    evidence=span(TEXT, "people were killed", rule="denial@1"),
                    speaker="hamas",
                    speaker_text="Hamas",
                    speaker_evidence=span(TEXT, "Hamas"),
                ),
            ),
            Contradiction(
                id="x3",
                kind="occurrence",
                items=("c1",),
                explanation="unattributed",
                implied=ImpliedClaim(text="detained", evidence=span(TEXT, "detained")),
            ),
        ),
        relations=(
            Relation(source="hamas", target="idf", polarity="hostile", weight=2.5, events=("e1",)),
            Relation(source="idf", target="hamas", polarity="hostile"),
        ),
        provenance=(("warlog", "0.1.0"), ("actors", "2024.1"), ("spacy", "3.8")),
        happenings=(
            Happening(
                id="h1",
                kind="natural_disaster",
                evidence=span(TEXT, "people were killed"),
                place="rafah",
                date=When("2024-03-07", "day", "on 7 March"),
                fatalities=Toll(12, 15, "between 12 and 15"),
                wounded=Toll(30, None, "At least 30"),
            ),
            Happening(id="h2", kind="crime", evidence=span(TEXT, "detained")),
        ),
    )


@pytest.fixture
def store():
    with Store.open(None) as opened:
        yield opened


def test_round_trip_keeps_every_field(store):
    report = full_report()
    assert store.save(report) is True
    assert store.report("doc-1") == report
    assert store.report("missing") is None
    assert store.count("mentions") == 3
    assert store.count("place_mentions") == 2
    assert store.count("events") == 3


def test_round_trip_of_an_empty_report(store):
    report = Report(version="0.1.0", document=Document(id="empty", text="x", language=None))
    store.save(report)
    assert store.report("empty") == report


def test_save_is_idempotent_and_keeps_the_first_report(store):
    report = full_report()
    assert store.save(report) is True
    counts = {table: store.count(table) for table in ("documents", "actors", "mentions", "events")}
    changed = Report(version="9", document=Document(id="doc-1", text="other"))
    assert store.save(report) is False
    assert store.save(changed) is False
    assert {table: store.count(table) for table in counts} == counts
    assert store.report("doc-1") == report
    assert store.has_document("doc-1") and not store.has_document("doc-2")
    assert store.document_ids() == {"doc-1"}


def test_replace_swaps_the_document_and_drops_unused_corpus_rows(store):
    store.save(full_report())
    smaller = Report(
        version="0.2.0",
        document=Document(id="doc-1", text="The IDF said."),
        actors=(Actor(id="idf", name="IDF", kind="military", mentions=(Evidence(4, 7, "IDF"),)),),
    )
    store.replace(smaller)
    assert store.report("doc-1") == smaller
    assert store.count("documents") == 1
    assert store.count("mentions") == 1
    assert store.count("events") == store.count("places") == store.count("actor_aliases") == 0
    # The replaced document was the only user of "idf", so its new version is the corpus version.
    assert store.query("actors").to_dicts()[0]["name"] == "IDF"
    store.replace(full_report("doc-2"))  # replacing a document that is not stored just saves it
    assert store.document_ids() == {"doc-1", "doc-2"}


def test_corpus_actor_keeps_the_first_or_the_kb_version(store):
    def with_actor(doc_id: str, actor: Actor) -> Report:
        return Report(version="0.1.0", document=Document(id=doc_id, text="text"), actors=(actor,))

    store.save(with_actor("a", Actor(id="x", name="New X", kind="other", origin="ner", aliases=("nx",))))
    store.save(with_actor("b", Actor(id="x", name="X", kind="militia", aliases=("kx",))))
    store.save(with_actor("c", Actor(id="x", name="Later X", kind="other", origin="ner")))
    assert store.query("actors").to_dicts() == [
        {"id": "x", "name": "X", "kind": "militia", "country": None, "origin": "kb", "documents": 3, "mentions": 0}
    ]
    assert store.count("actor_aliases") == 1
    assert store.report("a").actors[0].name == "New X"  # each document keeps its own view


def test_duplicate_ids_are_refused_and_nothing_is_written(store):
    actor = Actor(id="x", name="X", kind="other")
    report = Report(version="0.1.0", document=Document(id="d", text="t"), actors=(actor, actor))
    with pytest.raises(StoreError, match="actor id 'x' more than once"):
        store.save(report)
    assert store.count("documents") == 0


def test_a_failed_save_writes_nothing(store):
    event = Event(id="e", type="t", evidence=Evidence(0, 1, "t"), fatalities=Toll(2**70, None, None))
    report = Report(
        version="0.1.0",
        document=Document(id="d", text="t"),
        actors=(Actor(id="x", name="X", kind="other", mentions=(Evidence(0, 1, "t"),)),),
        events=(event,),
    )
    with pytest.raises(StoreError, match="cannot save document 'd'"):
        store.save(report)
    assert all(store.count(t) == 0 for t in ("documents", "actors", "document_actors", "mentions"))
    assert store.save(Report(version="0.1.0", document=Document(id="d", text="t"))) is True


def test_failures_are_recorded_and_cleared_by_a_later_save(store):
    store.record_failure(Failure(source="a.html", reason="EmptyDocumentError", message="empty"))
    store.record_failure(Failure(source="https://example.invalid/a", reason="FetchError", message="timeout"))
    store.record_failure(Failure(source="c.txt", reason="LanguageError", message="fr", document_id="doc-1"))
    store.record_failure(Failure(source="d.txt", reason="EncodingError", message="bad", document_id="d"))
    assert [f.source for f in store.failures()] == ["a.html", "https://example.invalid/a", "c.txt", "d.txt"]
    store.save(full_report())  # its url and id match the second and third failures
    assert store.failures() == [
        Failure(source="a.html", reason="EmptyDocumentError", message="empty"),
        Failure(source="d.txt", reason="EncodingError", message="bad", document_id="d"),
    ]
    assert store.query("failures").columns == ("source", "reason", "message", "document_id", "at")


def test_count_refuses_an_unknown_table(store):
    with pytest.raises(StoreError, match="valid choices: meta, documents"):
        store.count("documents; DROP TABLE documents")


def test_a_closed_store_says_so():
    store = Store.open(None)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.has_document("x")


def test_open_creates_parent_folders_and_reopening_is_a_no_op(tmp_path):
    path = tmp_path / "deep" / "er" / "warlog.duckdb"
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 7
        store.save(full_report())
    with Store.open(str(path)) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.count("meta") == 1
        assert store.report("doc-1") == full_report()
    with Store.open(path, read_only=True) as store:
        assert store.document_ids() == {"doc-1"}
        assert [row[0] for row in store.query("documents").rows] == ["doc-1"]
        with pytest.raises(StoreError, match="cannot save"):
            store.save(full_report("doc-2"))


def test_open_refuses_a_file_that_is_not_duckdb(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are not the bytes of a database\n" * 100)
    with pytest.raises(StoreError, match="is not a DuckDB database") as error:
        Store.open(path)
    assert "\n" not in str(error.value)


def test_open_refuses_a_duckdb_file_that_is_not_a_store(tmp_path):
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE sales (amount INTEGER)")
    with pytest.raises(StoreError, match="not a warlog store"):
        Store.open(path)


def test_open_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "w.duckdb"
    Store.open(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE meta SET \"value\" = '99' WHERE \"key\" = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99 .* upgrade warlog"):
        Store.open(path)


def test_read_only_needs_an_existing_file_on_disk(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match="in-memory"):
        Store.open(None, read_only=True)


def test_migrations_apply_in_order_and_a_failed_one_changes_nothing(tmp_path):
    path = tmp_path / "w.duckdb"
    with Store.open(path) as store:
        store.save(full_report())
    nxt = SCHEMA_VERSION + 1
    newer = (*MIGRATIONS, (nxt, ("ALTER TABLE documents ADD COLUMN section VARCHAR",)))
    broken = (*newer, (nxt + 1, ("ALTER TABLE documents ADD COLUMN page INTEGER", "SELECT * FROM no_such_table")))
    with duckdb.connect(str(path)) as con:
        assert migrate(con, "w", migrations=newer) == nxt
        assert migrate(con, "w", migrations=newer) == nxt
        with pytest.raises(StoreError, match=f"cannot migrate w to store schema version {nxt + 1}"):
            migrate(con, "w", migrations=broken)
        columns = {row[0] for row in con.execute("DESCRIBE documents").fetchall()}
        assert "section" in columns and "page" not in columns
        assert con.execute('SELECT "value" FROM meta').fetchall() == [(str(nxt),)]
    with pytest.raises(StoreError, match="upgrade warlog"):
        Store.open(path)


def event_columns(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return {row[0]: row[1] for row in con.execute("DESCRIBE events").fetchall()}


def as_of_v1(report: Report) -> Report:
    """The report as warlog knew it at store schema version 1: no wounded, no captured, no happenings, no
    contradiction with an implied claim, and claims without source kind, co-speakers, outlet, work or the
    evidence of speaker, cue, hedges and stance."""
    events = tuple(replace(e, wounded=None, captured=None) for e in report.events)
    claims = tuple(
        replace(
            c,
            source_kind="named",
            co_speakers=(),
            speaker_evidence=None,
            cue_evidence=None,
            outlet=None,
            work=None,
            hedges=(),
            stance_evidence=None,
        )
        for c in report.claims
    )
    contradictions = tuple(c for c in report.contradictions if c.implied is None)
    return replace(report, events=events, claims=claims, happenings=(), contradictions=contradictions)


def test_a_v1_store_is_migrated_in_place_and_keeps_its_reports(tmp_path):
    path = tmp_path / "v1.duckdb"
    old = as_of_v1(full_report("old"))
    with duckdb.connect(str(path)) as con:
        assert migrate(con, "v1", migrations=MIGRATIONS[:1]) == 1
        assert "fatalities" in event_columns(con) and "wounded" not in event_columns(con)
        # The writer fills only the columns a table has, so on a v1 database it writes the v1 rows.
        con.begin()
        insert_report(Writer(con), con, old)
        con.commit()
    with pytest.raises(StoreError, match=f"version 1 and needs migrating to {SCHEMA_VERSION}"):
        Store.open(path, read_only=True)
    new = full_report("new")
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.report("old") == old
        assert all(e.wounded is None and e.captured is None for e in store.report("old").events)
        assert store.save(new) is True
        assert store.report("new") == new
    with duckdb.connect(str(path)) as con:
        columns = event_columns(con)
        assert columns["wounded"] == columns["captured"] == columns["fatalities"]
        assert con.execute('SELECT "value" FROM meta').fetchall() == [(str(SCHEMA_VERSION),)]
    with Store.open(path, read_only=True) as store:
        assert store.document_ids() == {"old", "new"}
        assert store.report("old") == old and store.report("new") == new
        rows = store.query("events").to_dicts()
        assert {(r["document"], r["id"], r["wounded_min"], r["captured_max"]) for r in rows} == {
            ("old", "e1", None, None),
            ("old", "e2", None, None),
            ("old", "e3", None, None),
            ("new", "e1", None, 0),
            ("new", "e2", 30, 3),
            ("new", "e3", None, None),
        }


def test_a_newer_store_is_refused_by_a_warlog_that_knows_only_v1(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store.open(path) as store:
        store.save(full_report())
    match = f"version {SCHEMA_VERSION} .* only up to 1"
    with duckdb.connect(str(path)) as con, pytest.raises(StoreError, match=match):
        migrate(con, "new", migrations=MIGRATIONS[:1])


_HOLD = """
import sys, time
from warlog.store import Store
store = Store.open(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


def test_open_refuses_a_store_locked_by_another_process(tmp_path):
    path = tmp_path / "w.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match=f"locked by another process \\(PID {holder.pid}\\)"):
            Store.open(path)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def crash_report(number: int) -> Report:
    """The report the crash writer saves as document `number`: big enough that a save takes a while."""
    text = "Alpha fired at Bravo. " * 400
    mentions = tuple(Evidence(i * 22, i * 22 + 5, "Alpha", "kb:1", 0.5) for i in range(400))
    return Report(
        version="0.1.0",
        document=Document(id=f"doc-{number:04d}", text=text, published="2024-01-01"),
        actors=tuple(
            Actor(id=f"a{k}", name=f"Alpha {k}", kind="other", aliases=(f"A{k}",), mentions=mentions[k::5])
            for k in range(5)
        ),
        events=tuple(
            Event(
                id=f"e{i}",
                type="ASSAULT",
                evidence=Evidence(i * 22, i * 22 + 20, text[i * 22 : i * 22 + 20]),
                actors=(f"a{i % 5}",),
                date=When("2024-01-01", "day", None),
            )
            for i in range(number % 50)
        ),
    )


_WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from test_store import crash_report
from warlog.store import Store
store = Store.open(sys.argv[1])
# A tiny checkpoint threshold makes checkpoints frequent, so kills also land inside them; the
# default leaves the saved documents in the write-ahead log, which reopening must replay.
store._connection.execute("SET checkpoint_threshold = $size", {"size": sys.argv[3]})
number = len(store.document_ids())
while True:
    print("saving", number, flush=True)
    store.save(crash_report(number))
    number += 1
"""


def test_a_killed_writer_leaves_only_whole_documents(tmp_path):
    path = tmp_path / "crash.duckdb"
    for kill_at, checkpoint_threshold in ((3, "16MB"), (7, "64KB"), (12, "16MB")):
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(Path(__file__).parent), checkpoint_threshold],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            while writer.stdout.readline().split() != ["saving", str(kill_at)]:
                assert writer.poll() is None, "the writer died before it was killed"
            os.kill(writer.pid, signal.SIGKILL)  # in the middle of saving document `kill_at`
        finally:
            writer.wait()
            writer.stdout.close()
        with Store.open(path) as store:
            ids = sorted(store.document_ids())
            assert ids[:kill_at] == [f"doc-{n:04d}" for n in range(kill_at)]
            assert len(ids) in (kill_at, kill_at + 1)
            for doc_id in ids:
                report = store.report(doc_id)
                assert report == crash_report(int(doc_id[4:]))
            assert store.count("mentions") == 400 * len(ids)


def test_a_source_that_fails_again_replaces_its_failure_row(store):
    store.record_failure(Failure("a.txt", "EmptyDocumentError", "a.txt: empty"))
    store.record_failure(Failure("b.bin", "BinaryDocumentError", "b.bin: binary"))
    store.record_failure(Failure("a.txt", "EncodingError", "a.txt: invalid UTF-8 at byte 3"))
    assert sorted((f.source, f.reason) for f in store.failures()) == [
        ("a.txt", "EncodingError"),
        ("b.bin", "BinaryDocumentError"),
    ]
