"""The review queue: its ranking, accept and reject as corrections in the audit trail, the `reviewed` filter of
queries, exports and the API, and `warlog review` driven by single keys in a pseudo-terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import review_corpus as corpus
from warlog.api import close_app, create_app
from warlog.cli import app
from warlog.errors import StoreError
from warlog.export import export
from warlog.settings import Settings
from warlog.store import Correction, Store

ROOT = Path(__file__).resolve().parent.parent
LOCAL = "http://127.0.0.1"


@pytest.fixture
def store():
    with corpus.build(None) as built:
        yield built


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "review.duckdb"
    corpus.build(path).close()
    return path


def order(store: Store, **options) -> list[tuple[str, str, str]]:
    return [(item.fact, item.document, item.id) for item in store.review_queue(**options).items]


def test_the_queue_puts_contradictions_first_then_doubt_weighted_by_documents(store):
    queue = store.review_queue()
    assert [(i.fact, i.document, i.id) for i in queue.items] == corpus.EXPECTED_ORDER
    assert queue.total == len(corpus.EXPECTED_ORDER)
    first, arson, claim = queue.items[0], queue.items[2], queue.items[5]
    assert first.contradicted and first.reasons[0] == "contradicted"
    assert (arson.documents, arson.worth, arson.reasons[-1]) == (2, 0.6, "told by 2 documents")
    assert (claim.confidence, claim.worth) == (0.5625, 0.4375)
    assert {"hedged", "speaker not a known actor"} <= set(claim.reasons)


def test_an_item_reads_in_words_with_its_evidence_in_its_sentence(store):
    raid = next(i for i in store.review_queue().items if i.id == "raid")
    assert raid.summary == "Norrin Garrison ASSAULT in Norrin on 2024-05-09 (asserted)"
    assert raid.context == "Soldiers raided the village of Norrin on 9 May."
    at = raid.evidence.start - raid.context_start
    assert raid.context[at : at + len(raid.evidence.text)] == "raided the village of Norrin"
    claim = next(i for i in store.review_queue(facts=("claim",)).items if i.id == "farmers")
    assert claim.summary == "Some witnesses: “the raid may have killed two farmers” (author neutral, hedged)"
    assert claim.context == "Some witnesses said the raid may have killed two farmers."


def test_a_page_of_the_queue_and_one_kind_of_fact(store):
    assert order(store, limit=2, offset=2) == corpus.EXPECTED_ORDER[2:4]
    assert order(store, facts=("claim",)) == [x for x in corpus.EXPECTED_ORDER if x[0] == "claim"]
    assert order(store, document="doc-d") == [x for x in corpus.EXPECTED_ORDER if x[1] == "doc-d"]
    with pytest.raises(StoreError, match="cannot review 'actor'; valid choices: event, claim"):
        store.review_queue(facts=("actor",))


def test_accept_and_reject_are_corrections_with_who_and_when_and_leave_the_queue(store):
    accepted = store.correct(Correction.accept("event", "doc-d", "raid", author="ana", note="checked"))
    store.correct(Correction.reject("claim", "doc-d", "farmers", author="ben"))
    assert (accepted.kind, accepted.fact, accepted.author, accepted.applied) == ("accept", "event", "ana", True)
    assert accepted.at is not None and accepted.before["type"] == "ASSAULT"
    trail = store.corrections(document="doc-d")
    assert [(c.kind, c.fact, c.target, c.author) for c in trail] == [
        ("accept", "event", "raid", "ana"),
        ("reject", "claim", "farmers", "ben"),
    ]
    left = order(store)
    assert ("event", "doc-d", "raid") not in left and ("claim", "doc-d", "farmers") not in left
    assert len(left) == len(corpus.EXPECTED_ORDER) - 2
    report = store.report("doc-d")
    assert [e.id for e in report.events] == ["raid", "march"]  # an accept changes nothing
    assert report.claims == ()  # a reject removes the claim


def test_accept_checks_its_target(store):
    with pytest.raises(StoreError, match="no event 'nope' in document 'doc-d'"):
        store.correct(Correction.accept("event", "doc-d", "nope"))
    with pytest.raises(StoreError, match="cannot accept a 'actor'; valid choices: event, claim"):
        store.correct(Correction.accept("actor", "doc-d", "soldiers"))
    assert store.corrections() == ()


def test_the_reviewed_filter_keeps_accepted_events_and_claims(store):
    store.correct(Correction.accept("event", "doc-b", "e1", author="ana"))
    store.correct(Correction.accept("claim", "doc-a", "c1", author="ana"))
    rows = store.query("events", reviewed=True).to_dicts()
    assert [(r["document"], r["id"]) for r in rows] == [("doc-b", "e1")]
    assert store.query("events", reviewed=False).total == 5
    assert [r["id"] for r in store.query("claims", reviewed=True).to_dicts()] == ["c1"]
    with pytest.raises(StoreError, match="filter 'reviewed' must be true or false"):
        store.query("events", reviewed="yes")
    with pytest.raises(StoreError, match="filter 'reviewed' does not apply to actors"):
        store.query("actors", reviewed=True)


def test_an_accept_holds_across_reanalysis_while_its_item_is_there(store):
    store.correct(Correction.accept("event", "doc-d", "raid", author="ana"))
    assert store.replace(corpus.report_d()) == ()
    assert store.query("events", reviewed=True).total == 1
    from dataclasses import replace

    without = replace(corpus.report_d(), events=corpus.report_d().events[1:], claims=())
    missed = store.replace(without)
    assert [(c.kind, c.target, c.applied) for c in missed] == [("accept", "raid", False)]
    assert store.query("events", reviewed=True).total == 0


def _export(store: Store, format: str, **filters) -> str:
    out = io.BytesIO()
    export(store, format, out, **filters)
    return out.getvalue().decode("utf-8")


def test_exports_restricted_to_accepted_items_and_never_rejected_ones(store):
    store.correct(Correction.accept("event", "doc-d", "raid", author="ana"))
    store.correct(Correction.accept("claim", "doc-d", "farmers", author="ana"))
    store.correct(Correction.reject("event", "doc-b", "e1", author="ana"))
    plover = [json.loads(line) for line in _export(store, "plover-json", reviewed=True).splitlines()]
    assert [(p["document"], p["event_id"]) for p in plover] == [("doc-d", "raid")]
    everything = [json.loads(line) for line in _export(store, "plover-json", status="any").splitlines()]
    assert ("doc-b", "e1") not in {(p["document"], p["event_id"]) for p in everything}  # rejected: gone
    assert ("doc-c", "e1") in {(p["document"], p["event_id"]) for p in everything}
    rows = list(csv.DictReader(io.StringIO(_export(store, "acled-csv", reviewed=True, per_event=True))))
    assert [row["location"] for row in rows] == ["Norrin"]
    assert len(list(csv.DictReader(io.StringIO(_export(store, "acled-csv", per_event=True))))) == 2
    reports = [json.loads(line) for line in _export(store, "jsonl", reviewed=True).splitlines()]
    assert [r["document"]["id"] for r in reports] == ["doc-d"]
    assert [e["id"] for e in reports[0]["events"]] == ["raid"]
    assert [c["id"] for c in reports[0]["claims"]] == ["farmers"]
    with pytest.raises(StoreError, match="filter 'reviewed' does not apply to graphml"):
        _export(store, "graphml", reviewed=True)


def test_the_api_serves_the_queue_and_takes_decisions_as_corrections(db):
    api = create_app(db, settings=Settings())
    try:
        client = TestClient(api, base_url=LOCAL)
        queue = client.get("/api/review", params={"limit": 3}).json()
        assert queue["total"] == 8 and [i["id"] for i in queue["items"]] == ["ev1", "ev2", "e1"]
        assert queue["items"][0]["reasons"][0] == "contradicted"
        body = {"kind": "accept", "fact": "event", "document": "doc-a", "target": "ev1", "author": "ana"}
        saved = client.post("/api/corrections", json=body)
        assert saved.status_code == 201 and saved.json()["kind"] == "accept"
        assert client.get("/api/review").json()["total"] == 7
        events = client.get("/api/events", params={"reviewed": "true"}).json()["items"]
        assert [(e["document"], e["id"]) for e in events] == [("doc-a", "ev1")]
        assert client.get("/api/claims", params={"reviewed": "true"}).json()["total"] == 0
        exported = client.get("/api/export", params={"format": "plover-json", "reviewed": "true"})
        assert [json.loads(line)["event_id"] for line in exported.text.splitlines()] == ["ev1"]
        bad = client.post("/api/corrections", json={**body, "fact": "actor", "target": "army"})
        assert bad.status_code == 422 and "cannot accept" in bad.json()["error"]["message"]
        assert client.get("/api/review", params={"fact": "actor"}).status_code == 422
    finally:
        close_app(api)


def test_query_and_export_take_reviewed_on_the_command_line(db):
    with Store.open(db) as store:
        store.correct(Correction.accept("event", "doc-c", "e1", author="ana"))
    runner = CliRunner()
    found = runner.invoke(app, ["query", "events", "--db", str(db), "--reviewed", "-f", "json"])
    assert found.exit_code == 0, found.output
    assert [(r["document"], r["id"]) for r in json.loads(found.stdout)] == [("doc-c", "e1")]
    exported = runner.invoke(app, ["export", "--db", str(db), "--reviewed", "-f", "plover-json"])
    assert exported.exit_code == 0, exported.output
    assert [json.loads(line)["document"] for line in exported.stdout.splitlines()] == ["doc-c"]


def test_review_reads_one_line_per_key_from_a_pipe(db):
    keys = "x\nf\nt\nPROTEST/demo\na\nr\nq\n"
    done = subprocess.run(
        [sys.executable, "-c", "from warlog.cli import main; main()", "review", "--db", str(db), "--author", "cy"],
        input=keys, capture_output=True, text=True, timeout=120, cwd=ROOT, env=_env(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "press a, r, f, s or q, not 'x'" in done.stdout
    with Store.open(db, read_only=True) as store:
        trail = store.corrections()
        assert [(c.kind, c.target, c.author) for c in trail] == [
            ("set_event_type", "ev1", "cy"),
            ("accept", "ev1", "cy"),
            ("reject", "ev2", "cy"),
        ]
        assert store.report("doc-a").events[0].type == "PROTEST"


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    env.update(COLUMNS="100", LINES="40", TERM="xterm")
    return env


class Terminal:
    """The real CLI on a pseudo-terminal: read what it prints, press keys."""

    def __init__(self, *args: str) -> None:
        self.fd, child = pty.openpty()
        command = [sys.executable, "-c", "from warlog.cli import main; main()", *args]
        self.process = subprocess.Popen(command, stdin=child, stdout=child, stderr=child, cwd=ROOT, env=_env())
        os.close(child)
        self.seen = ""

    def read_until(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{text!r} never came; the terminal showed:\n{self.seen[-2000:]}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if not chunk and self.process.poll() is not None:
                    raise AssertionError(f"the CLI ended before {text!r}:\n{self.seen[-2000:]}")
                self.seen += chunk.decode("utf-8", "replace")
        found, self.seen = self.seen, self.seen[self.seen.index(text) + len(text) :]
        return found

    def press(self, key: str) -> None:
        os.write(self.fd, key.encode())

    def close(self) -> int:
        try:
            return self.process.wait(timeout=30)
        finally:
            os.close(self.fd)


def test_review_in_a_terminal_accepts_and_rejects_by_single_keys(db):
    terminal = Terminal("review", "--db", str(db), "--author", "dee")
    try:
        shown = terminal.read_until("[q]uit")
        assert "1 of 8" in shown and "The Front ASSAULT (heavy-weapons) (asserted)" in shown
        assert "shelled Kadugli" in shown and "contradicted" in shown
        terminal.press("a")  # no Enter: the key alone decides
        assert "accepted #1 accept event ev1 in doc-a" in terminal.read_until("[q]uit")
        terminal.press("s")
        terminal.read_until("[q]uit")
        terminal.press("r")
        assert "rejected #2 reject event e1 in doc-b" in terminal.read_until("[q]uit")
        terminal.press("f")
        terminal.read_until("[r]ecipients")
        terminal.press("t")
        terminal.read_until("(now ASSAULT):")
        terminal.press("protest/demo\n")  # a line of text: the terminal is in line mode for it
        shown = terminal.read_until("[q]uit")
        assert "fixed #3 set_event_type event e1 in doc-c" in shown and "Dorvale Militia PROTEST (demo)" in shown
        terminal.press("a")
        assert "accepted #4 accept event e1 in doc-c" in terminal.read_until("[q]uit")
        terminal.press("q")
        assert "4 decisions recorded" in terminal.read_until("decisions recorded")
    finally:
        code = terminal.close()
    assert code == 0
    with Store.open(db, read_only=True) as store:
        trail = store.corrections()
        assert [(c.kind, c.fact, c.document, c.target, c.author) for c in trail] == [
            ("accept", "event", "doc-a", "ev1", "dee"),
            ("reject", "event", "doc-b", "e1", "dee"),
            ("set_event_type", "event", "doc-c", "e1", "dee"),
            ("accept", "event", "doc-c", "e1", "dee"),
        ]
        assert all(c.at is not None and c.applied for c in trail)
        accepted = store.query("events", reviewed=True, sort="document").to_dicts()
        assert [(e["document"], e["id"], e["type"]) for e in accepted] == [("doc-a", "ev1", "ASSAULT"),
                                                                          ("doc-c", "e1", "PROTEST")]  # fmt: skip
        assert store.query("events", document="doc-b").total == 0


def test_a_v6_store_gains_the_reviews_view_and_its_accepts_read_in_sql(tmp_path):
    import duckdb

    from warlog.store.schema import MIGRATIONS, migrate
    from warlog.store.write import Writer, insert_report

    path = tmp_path / "v6.duckdb"
    with duckdb.connect(str(path)) as con:
        assert migrate(con, "v6", migrations=MIGRATIONS[:6]) == 6
        con.begin()
        insert_report(Writer(con), con, corpus.report_d())
        con.commit()
    with Store.open(path) as store:
        assert store.schema_version == 7
        store.correct(Correction.accept("event", "doc-d", "raid", author="ana"))
        rows = store.connection.execute("SELECT document_id, fact, id, author FROM reviews").fetchall()
        assert rows == [("doc-d", "event", "raid", "ana")]
        assert [item.id for item in store.review_queue().items] == ["farmers", "march"]


@pytest.mark.slow
def test_the_queue_over_the_reference_document(reference_report):
    with Store.open(None) as store:
        store.save(reference_report)
        queue = store.review_queue()
    facts = {e.id for e in reference_report.events} | {c.id for c in reference_report.claims}
    assert queue.total == len(queue.items) == len(facts)
    disputed = {item for c in reference_report.contradictions for item in c.items} & facts
    first = [item.id for item in queue.items if item.contradicted]
    assert disputed and set(first) == disputed
    assert [item.id for item in queue.items[: len(first)]] == first  # contradicted ones first
    worths = [item.worth for item in queue.items[len(first) :]]
    assert worths == sorted(worths, reverse=True) and worths[0] > worths[-1]
    text = reference_report.document.text
    ids = {actor.id for actor in reference_report.actors if actor.id not in actor.name}
    for item in queue.items:
        at = item.evidence.start - item.context_start
        assert item.context[at : at + len(item.evidence.text)] == item.evidence.text
        assert text[item.context_start : item.context_start + len(item.context)] == item.context
        named = [i for i in ids if re.search(rf"(?<![\w.:]){re.escape(i)}(?![\w.:])", item.summary)]
        assert named == [], item.summary  # names, not ids
