"""Corrections: each kind, the audit trail, survival across re-analysis, bad targets, transaction safety."""

from __future__ import annotations

import json
from dataclasses import replace

import duckdb
import pytest
from typer.testing import CliRunner

from warlog.cli import app
from warlog.errors import StoreError
from warlog.model import Actor, Claim, Contradiction, Document, Event, Evidence, ImpliedClaim, Relation, Report
from warlog.store import SCHEMA_VERSION, Store
from warlog.store.correction import Correction
from warlog.store.schema import MIGRATIONS, migrate
from warlog.store.write import Writer, insert_report

TEXT = "Rebels of the Front shelled Kadugli on 3 May. The army said the Front's fighters killed four civilians."


def ev(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(start, start + len(needle), needle, "test:1")


def report(doc_id: str = "doc-a", text: str = TEXT) -> Report:
    """A small hand-built report: two names for one armed group, the army, two events and a claim."""
    return Report(
        version="0.1.0",
        document=Document(id=doc_id, text=text, source="Wire", published="2024-05-04"),
        actors=(
            Actor("front", "The Front", "rebel_group", "SDN", mentions=(ev("the Front"),)),
            Actor(
                "ner:fighters", "Front fighters", "armed_group", origin="ner", mentions=(ev("the Front's fighters"),)
            ),
            Actor("army", "Sudanese Army", "military", "SDN", mentions=(ev("The army"),)),
        ),
        events=(
            Event("ev1", "ASSAULT", ev("shelled Kadugli"), mode="heavy-weapons", actors=("front",), recipients=()),
            Event(
                "ev2",
                "ASSAULT",
                ev("killed four civilians"),
                actors=("ner:fighters",),
                recipients=("civilians",),
                status="reported",
                speaker="army",
            ),  # fmt: skip
        ),
        claims=(
            Claim(
                "c1",
                "the Front's fighters killed four civilians",
                ev("the Front's fighters killed four civilians"),
                speaker="army",
                co_speakers=("ner:fighters",),
                events=("ev2",),
            ),  # fmt: skip
        ),
        contradictions=(Contradiction("x1", "perpetrator", ("ev1", "ev2"), "the Front or its fighters"),),
        relations=(
            Relation("front", "army", "hostile", 1.0, ("ev1",)),
            Relation("ner:fighters", "army", "hostile", 1.0, ("ev2",)),
        ),
    )


@pytest.fixture
def store():
    with Store.open(None) as opened:
        opened.save(report())
        yield opened


def test_merge_actors_moves_every_reference_to_the_kept_actor(store):
    stored = store.correct(Correction.merge_actors("ner:fighters", "front", author="ana", note="same group"))
    assert (stored.kind, stored.target, stored.after, stored.author, stored.applied) == (
        "merge_actors", "ner:fighters", "front", "ana", True,
    )  # fmt: skip
    assert stored.before["name"] == "Front fighters" and stored.at is not None
    corrected = store.report("doc-a")
    assert [a.id for a in corrected.actors] == ["front", "army"]
    front = corrected.actor("front")
    assert "Front fighters" in front.aliases
    assert [m.text for m in front.mentions] == ["the Front", "the Front's fighters"]
    assert corrected.events[1].actors == ("front",)
    assert corrected.claims[0].co_speakers == ("front",)
    assert [(r.source, r.target, r.weight, r.events) for r in corrected.relations] == [
        ("front", "army", 2.0, ("ev1", "ev2"))
    ]
    assert store.query("actors", actor="ner:fighters").rows == ()
    assert {row[0] for row in store.query("actors", actor="Front fighters").rows} == {"front"}


def test_add_alias_is_stored_and_found_by_queries(store):
    store.correct(Correction.add_alias("army", "SAF"))
    assert store.report("doc-a").actor("army").aliases == ("SAF",)
    assert [row[0] for row in store.query("actors", actor="saf").rows] == ["army"]
    with pytest.raises(StoreError, match="already a name"):
        store.correct(Correction.add_alias("army", "SAF"))


def test_set_event_type_recodes_the_event(store):
    store.correct(Correction.set_event_type("doc-a", "ev1", "PROTEST", mode="demo"))
    event = store.report("doc-a").events[0]
    assert (event.type, event.mode) == ("PROTEST", "demo")
    codes = dict(event.codes)
    assert codes["cameo"].startswith("14")
    assert codes.get("acled_event_type") in (None, "Protests", "Riots")


def test_set_event_status_and_actors(store):
    store.correct(Correction.set_event_status("doc-a", "ev2", "denied"))
    store.correct(Correction.set_event_actors("doc-a", "ev1", recipients=["army"]))
    events = store.report("doc-a").events
    assert events[1].status == "denied"
    assert (events[0].actors, events[0].recipients) == (("front",), ("army",))
    trail = store.corrections("ev1")
    assert [c.kind for c in trail] == ["set_event_actors"]
    assert trail[0].before == {"actors": ["front"], "recipients": []}


@pytest.mark.parametrize(
    ("fact", "target", "gone"),
    [
        ("event", "ev2", lambda r: [e.id for e in r.events] == ["ev1"] and r.claims[0].events == ()),
        ("claim", "c1", lambda r: r.claims == ()),
        ("contradiction", "x1", lambda r: r.contradictions == ()),
        ("actor", "ner:fighters", lambda r: r.actor("ner:fighters") is None and r.events[1].actors == ()),
        ("mention", f"front@{TEXT.index('the Front')}", lambda r: r.actor("front").mentions == ()),
    ],
)  # fmt: skip
def test_reject_hides_the_fact(store, fact, target, gone):
    stored = store.correct(Correction.reject(fact, "doc-a", target, note="wrong"))
    assert stored.before is not None and stored.after is None
    corrected = store.report("doc-a")
    assert gone(corrected)
    if fact in ("event", "contradiction"):  # a contradiction left with one item is dropped
        assert corrected.contradictions == ()


def test_rejected_event_is_gone_from_queries_and_graph(store):
    store.correct(Correction.reject("event", "doc-a", "ev2"))
    assert [row[1] for row in store.query("events").rows] == ["ev1"]
    assert all(("doc-a", "ev2") not in edge.events for edge in store.graph().edges)


def test_corrections_survive_a_re_analysis(store):
    store.correct(Correction.merge_actors("ner:fighters", "front"))
    store.correct(Correction.set_event_status("doc-a", "ev1", "claimed"))
    store.correct(Correction.reject("claim", "doc-a", "c1"))
    corrected = store.report("doc-a")
    assert store.replace(report()) == ()  # the same analysis again: every correction finds its target
    assert store.report("doc-a") == corrected
    assert all(c.applied for c in store.corrections())


def test_corrections_apply_to_a_document_saved_later(store):
    store.correct(Correction.merge_actors("ner:fighters", "front"))
    store.save(report("doc-b"))
    assert store.report("doc-b").events[1].actors == ("front",)


def test_a_correction_whose_target_is_gone_stays_in_the_trail_not_applied(store):
    store.correct(Correction.set_event_status("doc-a", "ev2", "denied"))
    without = replace(report(), events=report().events[:1])
    missed = store.replace(without)
    assert [(c.target, c.applied) for c in missed] == [("ev2", False)]
    assert [c.applied for c in store.corrections()] == [False]
    store.replace(report())  # the event is back: the correction applies again
    assert store.report("doc-a").events[1].status == "denied"
    assert [c.applied for c in store.corrections()] == [True]


@pytest.mark.parametrize(
    ("correction", "message"),
    [
        (Correction.merge_actors("nobody", "front"), "no actor 'nobody'"),
        (Correction.merge_actors("front", "front"), "into itself"),
        (Correction.merge_actors("front", "ghost"), "no actor 'ghost' in the store to merge"),
        (Correction.add_alias("ghost", "x"), "no actor 'ghost'"),
        (Correction.set_event_type("doc-a", "ev1", "BOMB"), "unknown event type 'BOMB'"),
        (Correction.set_event_type("doc-a", "ev1", "ASSAULT", mode="sneeze"), "not a mode of ASSAULT"),
        (Correction.set_event_type("doc-z", "ev1", "ASSAULT"), "no document 'doc-z'"),
        (Correction.set_event_status("doc-a", "ev9", "denied"), "no event 'ev9' in document 'doc-a'"),
        (Correction.set_event_status("doc-a", "ev1", "rumoured"), "unknown event status 'rumoured'"),
        (Correction.set_event_actors("doc-a", "ev1", actors=["ghost"]), "no actor 'ghost'"),
        (Correction.reject("rumour", "doc-a", "ev1"), "cannot reject a 'rumour'"),
        (Correction.reject("mention", "doc-a", "front@9999"), "no mention 'front@9999'"),
        (Correction("rename", "front"), "unknown correction kind 'rename'"),
        (Correction("set_event_actors", "ev1", document="doc-a", after={"actors": None}), "needs after"),
        (Correction("set_event_type", "ev1", document="doc-a", after="PROTEST"), "needs after"),
        (Correction("add_alias", "front", after=7), "as text"),
        (Correction("merge_actors", "", after="front"), "needs a target"),
    ],
)
def test_bad_corrections_are_one_line_errors_and_write_nothing(store, correction, message):
    before = store.report("doc-a")
    with pytest.raises(StoreError, match=message) as raised:
        store.correct(correction)
    assert "\n" not in str(raised.value)
    assert store.corrections() == () and store.report("doc-a") == before


def test_a_failing_correction_changes_nothing(store, monkeypatch):
    import warlog.store.corrections as module

    def broken(*args, **kwargs):
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(module, "_update_corpus", broken)
    before = store.report("doc-a")
    with pytest.raises(StoreError, match="disk full"):
        store.correct(Correction.merge_actors("ner:fighters", "front"))
    assert store.corrections() == ()
    assert store.report("doc-a") == before
    assert store.count("actors") == 3


def test_a_v3_store_is_migrated_to_v4_in_place(tmp_path):
    path = tmp_path / "v3.duckdb"
    with duckdb.connect(str(path)) as con:
        assert migrate(con, "v3", migrations=MIGRATIONS[:3]) == 3
        con.begin()
        insert_report(Writer(con), con, report())
        con.commit()
        assert "corrections" not in {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 7
        assert store.report("doc-a") == report()
        assert store.corrections() == ()
        store.correct(Correction.add_alias("front", "FLF", author="ana"))
    with Store.open(path, read_only=True) as store:
        assert [(c.kind, c.author, c.after) for c in store.corrections()] == [("add_alias", "ana", "FLF")]


def test_cli_correct_and_the_trail(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as opened:
        opened.save(report())
    runner = CliRunner()
    db = ["--db", str(path)]
    result = runner.invoke(app, ["correct", *db, "merge-actors", "ner:fighters", "front", "--author", "ana"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["correct", "event-actors", "doc-a", "ev1", "--recipients", "army,civilians", *db])
    assert result.exit_code == 1 and "no actor 'civilians'" in result.output
    result = runner.invoke(app, ["correct", "event-actors", "doc-a", "ev1", *db])
    assert result.exit_code == 1 and "--recipients" in result.output
    result = runner.invoke(app, ["correct", "reject", "event", "doc-a", "ev2", *db, "--note", "duplicate"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["correct", "event-status", "doc-a", "ev9", "denied", *db])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "no event 'ev9'" in result.output
    result = runner.invoke(app, ["corrections", *db, "--format", "json"])
    assert result.exit_code == 0
    trail = json.loads(result.output)
    assert [(c["kind"], c["author"], c["note"]) for c in trail] == [
        ("merge_actors", "ana", None),
        ("reject", trail[1]["author"], "duplicate"),
    ]
    assert runner.invoke(app, ["corrections", *db]).exit_code == 0


def test_corrections_survive_re_analysis_by_the_pipeline(pipeline):
    text = (
        "Russian forces shelled Kharkiv on Tuesday, killing three civilians, Ukrainian officials said. "
        "The Ukrainian army denied that it had withdrawn from Avdiivka."
    )
    first = pipeline.extract(text, published="2024-02-15")
    shelling, withdrawal = first.events[0], first.events[1]
    with Store.open(None) as store:
        store.save(first)
        store.correct(Correction.merge_actors("rus.mil", "rus", author="ana"))
        store.correct(Correction.add_alias("rus", "the Kremlin's army"))
        store.correct(Correction.set_event_status(first.document.id, shelling.id, "claimed"))
        store.correct(Correction.reject("event", first.document.id, withdrawal.id))
        corrected = store.report(first.document.id)
        again = pipeline.extract(text, published="2024-02-15")  # a re-analysis: the same ids
        assert store.replace(again) == ()
        assert store.report(first.document.id) == corrected
        events = corrected.events
        assert [e.id for e in events] == [shelling.id] and events[0].status == "claimed"
        assert events[0].actors == ("rus",) and corrected.actor("rus.mil") is None
        assert "the Kremlin's army" in corrected.actor("rus").aliases
        assert pipeline.ingest([again.document], store).skipped == 1  # re-ingest skips it: the corrections stay
        assert store.report(first.document.id) == corrected


def test_a_contradiction_with_an_implied_side_stays_while_its_denier_does(tmp_path):
    implied = ImpliedClaim("Rebels of the Front shelled Kadugli", ev("Rebels of the Front shelled Kadugli"))
    denial = Contradiction("x2", "occurrence", ("c1",), "the army denies it", implied=implied)
    base = report()
    with Store.open(tmp_path / "w.duckdb") as store:
        store.save(replace(base, contradictions=(*base.contradictions, denial)))
        store.correct(Correction.reject("event", "doc-a", "ev2"))
        assert store.report("doc-a").contradictions == (denial,)
        store.correct(Correction.reject("claim", "doc-a", "c1"))
        assert store.report("doc-a").contradictions == ()
