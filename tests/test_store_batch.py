"""Store.save_many: a batch of reports in one transaction leaves every table as saving them one by one does."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import pytest

from warlog.errors import StoreError
from warlog.model import Actor, Claim, Document, Event, Evidence, Failure, Place, Relation, Report
from warlog.store import Store
from warlog.store.correction import Correction
from warlog.store.schema import TABLES

# Wall-clock columns, the only ones that may differ between a batch and one save per report.
CLOCKS = {"documents": "stored_at", "failures": '"at"', "corrections": '"at"'}


def contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a fixed order, without the wall-clock columns."""
    rows = {}
    for table in TABLES:
        columns = f"* EXCLUDE ({CLOCKS[table]})" if table in CLOCKS else "*"
        rows[table] = store.connection.execute(f'SELECT {columns} FROM "{table}" ORDER BY ALL').fetchall()
    return rows


def mention(text: str, needle: str) -> Evidence:
    start = text.index(needle)
    return Evidence(start, start + len(needle), needle, "test:1", 1.0)


def actor(
    actor_id: str, name: str, *, origin: str = "kb", parents: tuple[str, ...] = (), aliases: Sequence[str] = ()
) -> Actor:
    return Actor(actor_id, name, "armed_group", "SDN", parents=parents, aliases=tuple(aliases), origin=origin)


def place(place_id: str, name: str, lat: float | None = None) -> Place:
    return Place(place_id, name, "SDN", lat, None if lat is None else 30.0, "city", 1)


def report(
    doc_id: str,
    actors: Sequence[Actor] = (),
    places: Sequence[Place] = (),
    *,
    source: str | None = "Wire",
    url: str | None = None,
) -> Report:
    """A small report whose actors and places are each mentioned once, with an event, claim and relation."""
    text = f"In {doc_id}, fighters attacked the town and the army said it struck back."
    ids = [a.id for a in actors]
    event = Event(
        f"{doc_id}:e1",
        "ASSAULT",
        mention(text, "fighters attacked the town"),
        actors=tuple(ids[:1]),
        recipients=tuple(ids[1:2]),
        place=places[0].id if places else None,
    )
    claim = Claim(f"{doc_id}:c1", "it struck back", mention(text, "it struck back"), speaker=ids[-1] if ids else None)
    relations = (Relation(ids[0], ids[1], "hostile", 1.0, (event.id,)),) if len(ids) > 1 else ()
    return Report(
        version="0.1.0",
        document=Document(id=doc_id, text=text, source=source, url=url, published="2024-05-04"),
        actors=tuple(replace(a, mentions=(mention(text, "fighters"),)) for a in actors),
        places=tuple(replace(p, mentions=(mention(text, "the town"),)) for p in places),
        events=(event,),
        claims=(claim,),
        relations=relations,
        provenance=(("warlog", "0.1.0"),),
    )


def save_both_ways(
    reports: Sequence[Report], setup: Callable[[Store], object] = lambda store: None
) -> tuple[Store, list[bool], list[bool]]:
    """Save the reports one by one into one store and as a batch into another (both set up alike);
    check that the tables agree, and return the batch's store with both lists of results."""
    with Store.open(None) as one_by_one:
        setup(one_by_one)
        expected = [one_by_one.save(r) for r in reports]
        wanted = contents(one_by_one)
    batched = Store.open(None)
    setup(batched)
    saved = batched.save_many(reports)
    assert contents(batched) == wanted
    return batched, saved, expected


def corpus_actor_row(store: Store, actor_id: str) -> tuple[Any, ...]:
    return store.connection.execute(
        """SELECT "name", origin, (SELECT list(parent_id ORDER BY seq) FROM actor_parents WHERE actor_id = $id),
            (SELECT list(alias ORDER BY seq) FROM actor_aliases WHERE actor_id = $id)
        FROM actors WHERE id = $id""",
        {"id": actor_id},
    ).fetchone()


def test_documents_sharing_actors_and_places_keep_the_first_versions():
    stored_before = report("doc-0", [actor("army", "Sudanese Army", aliases=["SAF"])], [place("kadugli", "Kadugli")])
    reports = [
        report(
            "doc-1",
            [actor("rsf", "Rapid Support Forces", parents=("army",), aliases=["RSF"]), actor("army", "The Army")],
            [place("kadugli", "Kadugli town", 11.0), place("dilling", "Dilling", 12.0)],
        ),
        report("doc-2", [actor("rsf", "RSF militia", aliases=["Janjaweed"]), actor("army", "SAF")]),
        report("doc-3", [actor("ner:locals", "local men", origin="ner")], [place("dilling", "Dilling city")]),
    ]
    store, saved, expected = save_both_ways(reports, lambda s: s.save(stored_before))
    with store:
        assert saved == expected == [True, True, True]
        assert corpus_actor_row(store, "rsf") == ("Rapid Support Forces", "kb", ["army"], ["RSF"])
        assert corpus_actor_row(store, "army") == ("Sudanese Army", "kb", None, ["SAF"])
        names = store.connection.execute("SELECT id, name FROM places ORDER BY id").fetchall()
        assert names == [("dilling", "Dilling"), ("kadugli", "Kadugli")]
        assert store.count("document_actors") == 6 and store.count("events") == 4


def test_a_kb_version_overwrites_a_non_kb_one_stored_before_or_earlier_in_the_batch():
    stored_before = report("doc-0", [actor("wagner", "Wagner men", origin="ner", aliases=["PMC"])])
    reports = [
        report("doc-1", [actor("front", "the Front", origin="ner", aliases=["Front men"])]),
        report("doc-2", [actor("wagner", "Wagner", origin="ner")]),
        report("doc-3", [actor("front", "Sudan Revolutionary Front", parents=("srf",), aliases=["SRF"])]),
        report("doc-4", [actor("wagner", "Wagner Group", parents=("russia",), aliases=["Africa Corps"])]),
        report("doc-5", [actor("front", "Front (later)", aliases=["x"]), actor("wagner", "Wagner again")]),
        report("doc-6", [actor("front", "the Front", origin="ner")]),
    ]
    store, saved, expected = save_both_ways(reports, lambda s: s.save(stored_before))
    with store:
        assert saved == expected == [True] * 6
        assert corpus_actor_row(store, "front") == ("Sudan Revolutionary Front", "kb", ["srf"], ["SRF"])
        assert corpus_actor_row(store, "wagner") == ("Wagner Group", "kb", ["russia"], ["Africa Corps"])


def test_a_stored_document_and_a_repeated_id_are_not_stored_again():
    first = report("doc-1", [actor("army", "Sudanese Army")])
    reports = [
        report("doc-1", [actor("army", "Another army")]),
        report("doc-2", [actor("rsf", "RSF")], [place("kadugli", "Kadugli")]),
        report("doc-2", [actor("rsf", "Not stored")], [place("dilling", "Dilling")]),
        report("doc-3", [actor("rsf", "RSF too")]),
    ]
    store, saved, expected = save_both_ways(reports, lambda s: s.save(first))
    with store:
        assert saved == expected == [False, True, False, True]
        assert sorted(store.document_ids()) == ["doc-1", "doc-2", "doc-3"]
        assert store.query("places").rows[0][0] == "kadugli" and store.count("places") == 1
        assert corpus_actor_row(store, "army")[0] == "Sudanese Army"


def test_stored_corrections_apply_to_the_batch_as_to_single_saves():
    def setup(store: Store) -> None:
        store.save(
            report("doc-0", [actor("front", "Front", origin="ner"), actor("ner:fighters", "fighters", origin="ner")])
        )
        store.save(report("doc-00", [actor("army", "Sudanese Army")]))
        store.correct(Correction.merge_actors("ner:fighters", "front", author="ana"))
        store.correct(Correction.add_alias("army", "SAF"))

    reports = [
        # the kb version of the kept actor replaces the stored one; the merge in doc-2 must build on it
        report("doc-1", [actor("front", "Popular Front", aliases=["PF"])]),
        report("doc-2", [actor("ner:fighters", "Front fighters", origin="ner"), actor("army", "Army")]),
        report("doc-3", [actor("army", "Sudanese Army"), actor("ner:fighters", "gunmen", origin="ner")]),
    ]
    store, saved, expected = save_both_ways(reports, setup)
    with store:
        assert saved == expected == [True, True, True]
        merged = store.report("doc-2").actor("front")
        assert (merged.name, merged.aliases) == ("Popular Front", ("PF", "Front fighters"))
        assert store.report("doc-2").events[0].actors == ("front",)
        assert store.report("doc-3").actor("army").aliases == ("SAF",)
        assert store.query("actors", actor="ner:fighters").rows == ()


def test_saving_a_document_clears_its_failures():
    def setup(store: Store) -> None:
        store.record_failure(Failure("https://example.invalid/1", "FetchError", "timed out"))
        store.record_failure(Failure("feed entry 2", "InputError", "empty text", document_id="doc-2"))
        store.record_failure(Failure("elsewhere", "InputError", "not English", document_id="doc-9"))

    reports = [
        report("doc-1", [actor("army", "Sudanese Army")], url="https://example.invalid/1"),
        report("doc-2", [actor("army", "Sudanese Army")], source="feed"),
    ]
    store, saved, expected = save_both_ways(reports, setup)
    with store:
        assert saved == expected == [True, True]
        assert [f.source for f in store.failures()] == ["elsewhere"]


def test_an_empty_batch_writes_nothing():
    store, saved, expected = save_both_ways([], lambda s: s.save(report("doc-0", [actor("army", "Army")])))
    with store:
        assert saved == expected == []
        assert store.count("documents") == 1


@pytest.mark.parametrize(
    "bad",
    [
        report("doc-bad", [actor("army", "Sudanese Army"), actor("army", "Army")]),  # checked before writing
        report("doc-bad", [Actor("nameless", None, "other")]),  # type: ignore[arg-type]  # refused by DuckDB
    ],
    ids=["duplicate actor ids", "NULL actor name"],
)
def test_a_bad_report_fails_the_whole_batch_and_nothing_is_written(bad):
    with Store.open(None) as store:
        store.save(report("doc-0", [actor("army", "Army")]))
        store.record_failure(Failure("Wire", "InputError", "empty text", document_id="doc-1"))
        before = contents(store)
        batch = [report("doc-1", [actor("rsf", "RSF")], [place("kadugli", "Kadugli")]), bad, report("doc-2")]
        with pytest.raises(StoreError, match="more than once|cannot save 3 documents"):
            store.save_many(batch)
        assert contents(store) == before
        assert store.save_many(batch[:1]) == [True]  # the store is usable after the rollback


@pytest.mark.slow
def test_pipeline_reports_and_ingest_match_single_saves(pipeline, reference_report):
    texts = [
        "Russian jets struck rebel positions near Aleppo on Monday, the Syrian army said.",
        "The Islamic State attacked a checkpoint outside Palmyra; Russia said its jets struck back.",
        "Hezbollah fighters shelled positions near Homs, local officials said. Two people were killed.",
    ]
    reports = [reference_report, *(pipeline.extract(text, published="2024-05-04") for text in texts)]
    store, saved, expected = save_both_ways(reports)
    with store:
        assert saved == expected == [True] * 4
    events: list[tuple[str, str]] = []
    documents = [r.document for r in reports]
    with Store.open(None) as one_by_one, Store.open(None) as ingested:
        one_by_one.save(reports[0])
        ingested.save(reports[0])
        for r in reports[1:]:
            one_by_one.save(r)
        stats = pipeline.ingest(documents, ingested, on_progress=lambda what, item: events.append((what, item)))
        assert contents(ingested) == contents(one_by_one)
    assert (stats.stored, stats.skipped, stats.failed) == (3, 1, 0)
    assert events == [("skipped", documents[0].id), *(("stored", d.id) for d in documents[1:])]
