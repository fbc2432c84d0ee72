"""Store.find and Store.query: every kind of query and every filter, sorts, pages and totals, on a small corpus."""

from __future__ import annotations

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
    Place,
    Relation,
    Report,
    Toll,
    When,
)
from warlog.store import QUERY_KINDS, Filters, Store
from warlog.store.listings import LISTINGS, sort_choices


def ev(text: str = "x") -> Evidence:
    return Evidence(0, len(text), text)


HAMAS = Actor(id="hamas", name="Hamas", kind="armed_group", aliases=("Harakat al-Muqawama",), mentions=(ev(), ev()))
IDF = Actor(
    id="idf",
    name="Israel Defense Forces",
    kind="military",
    country="ISR",
    parents=("isr",),
    aliases=("IDF",),
    mentions=(ev(),),
)
UNRWA = Actor(id="unrwa", name="UNRWA", kind="igo", mentions=(ev(),))
GAZA = Place(id="gaza", name="Gaza City", mentions=(ev(),))
RAFAH = Place(id="rafah", name="Rafah", country="PSE", lat=31.29, lon=34.25, mentions=(ev(), ev()))


def doc(doc_id: str, published: str | None) -> Document:
    return Document(id=doc_id, text="x" * 100, title=f"Title {doc_id}", published=published)


CORPUS = (
    Report(
        version="0.1.0",
        document=doc("2024-03-a", "2024-03-01"),
        actors=(HAMAS, IDF),
        places=(GAZA,),
        events=(
            Event(
                id="e1",
                type="ASSAULT",
                evidence=ev(),
                actors=("hamas",),
                recipients=("idf",),
                place="gaza",
                date=When("2024-03-01", "day", "Friday"),
            ),
            Event(
                id="e2",
                type="PROTEST",
                evidence=ev(),
                actors=("civilians",),
                place="gaza",
                date=When("2024-02", "month", "last month"),
                status="claimed",
                confidence=0.6,
            ),
        ),
        claims=(Claim(id="c1", text="they attacked", evidence=ev(), speaker="idf", speaker_text="the IDF"),),
        contradictions=(Contradiction(id="x1", kind="perpetrator", items=("e1", "e2"), explanation="who attacked"),),
        relations=(Relation(source="hamas", target="idf", polarity="hostile", events=("e1",)),),
    ),
    Report(
        version="0.1.0",
        document=doc("2024-04-b", "2024-04-15"),
        actors=(IDF, UNRWA),
        places=(RAFAH,),
        events=(
            Event(
                id="e1",
                type="ASSAULT",
                evidence=ev(),
                actors=("idf",),
                recipients=("civilians",),
                place="rafah",
                date=When("2024-04-10/2024-04-12", "period", "this week"),
                fatalities=Toll(4, 4, "four killed"),
                wounded=Toll(10, 20, "10 to 20 wounded"),
                captured=Toll(2, None, "at least two detained"),
            ),
        ),
        claims=(
            Claim(id="c1", text="shelters were hit", evidence=ev(), speaker="unrwa"),
            Claim(
                id="c2",
                text="no comment",
                evidence=ev(),
                speaker_text="a Hamas official",
                author_stance="doubts",
                source_kind="unnamed",
            ),
        ),
    ),
    Report(
        version="0.1.0",
        document=doc("undated-c", None),
        actors=(HAMAS,),
        events=(Event(id="e1", type="ASSAULT", evidence=ev(), actors=("hamas",), status="denied", confidence=0.8),),
    ),
)


@pytest.fixture(scope="module")
def store():
    with Store.open(None) as opened:
        for report in CORPUS:
            opened.save(report)
        opened.record_failure(Failure(source="a.pdf", reason="BinaryDocumentError", message="a PDF"))
        opened.record_failure(Failure(source="b.txt", reason="LanguageError", message="fr", document_id="b"))
        yield opened


def ids(result, *columns: str) -> list:
    rows = result.to_dicts()
    return [tuple(row[c] for c in columns) if len(columns) > 1 else row[columns[0]] for row in rows]


def test_documents_list_in_published_order_with_counts(store):
    result = store.query("documents")
    assert result.columns[:3] == ("id", "published", "title")
    assert ids(result, "id", "actors", "places", "events", "claims") == [
        ("2024-03-a", 2, 1, 2, 1),
        ("2024-04-b", 2, 1, 1, 2),
        ("undated-c", 1, 0, 1, 0),
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "hamas"}, ["2024-03-a", "undated-c"]),
        ({"actor": "DEFENSE"}, ["2024-03-a", "2024-04-b"]),  # a name substring, any case
        ({"actor": "muqawama"}, ["2024-03-a", "undated-c"]),  # an alias substring
        ({"actor": "nobody"}, []),
        ({"place": "rafah"}, ["2024-04-b"]),
        ({"place": "gaza c"}, ["2024-03-a"]),
        ({"since": "2024-04-01"}, ["2024-04-b"]),
        ({"until": "2024-03-31"}, ["2024-03-a"]),
        ({"since": "2024-03", "until": "2024-03"}, ["2024-03-a"]),
        ({"since": "2024"}, ["2024-03-a", "2024-04-b"]),
        ({"document": "2024-0"}, ["2024-03-a", "2024-04-b"]),
        ({"document": "%"}, []),  # a prefix, not a pattern
        ({"actor": "idf", "since": "2024-04-01"}, ["2024-04-b"]),
    ],
)
def test_document_filters(store, filters, expected):
    assert ids(store.query("documents", **filters), "id") == expected


def test_actors_aggregate_across_the_corpus(store):
    result = store.query("actors")
    assert result.columns == ("id", "name", "kind", "country", "origin", "documents", "mentions")
    assert ids(result, "id", "documents", "mentions") == [("hamas", 2, 4), ("idf", 2, 2), ("unrwa", 1, 1)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "IDF"}, [("idf", 2, 2)]),
        ({"type": "igo"}, [("unrwa", 1, 1)]),
        ({"since": "2024-04-01"}, [("idf", 1, 1), ("unrwa", 1, 1)]),
        ({"until": "2024-03-31"}, [("hamas", 1, 2), ("idf", 1, 1)]),
        ({"document": "undated"}, [("hamas", 1, 2)]),
        ({"place": "gaza"}, [("hamas", 1, 2), ("idf", 1, 1)]),
    ],
)
def test_actor_filters(store, filters, expected):
    assert ids(store.query("actors", **filters), "id", "documents", "mentions") == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("2024-03-a", "e2"), ("2024-03-a", "e1"), ("2024-04-b", "e1"), ("undated-c", "e1")]),
        ({"actor": "hamas"}, [("2024-03-a", "e1"), ("undated-c", "e1")]),
        ({"actor": "Israel"}, [("2024-03-a", "e1"), ("2024-04-b", "e1")]),  # as actor or recipient
        ({"actor": "civilians"}, [("2024-03-a", "e2"), ("2024-04-b", "e1")]),  # an id not in the corpus
        ({"type": "PROTEST"}, [("2024-03-a", "e2")]),
        ({"status": "denied"}, [("undated-c", "e1")]),
        ({"place": "Gaza"}, [("2024-03-a", "e2"), ("2024-03-a", "e1")]),
        ({"since": "2024-02-15"}, [("2024-03-a", "e2"), ("2024-03-a", "e1"), ("2024-04-b", "e1")]),
        ({"since": "2024-03-02"}, [("2024-04-b", "e1")]),
        ({"since": "2024-04-12"}, [("2024-04-b", "e1")]),  # the period's last day
        ({"until": "2024-04-10"}, [("2024-03-a", "e2"), ("2024-03-a", "e1"), ("2024-04-b", "e1")]),
        ({"until": "2024-02-01"}, [("2024-03-a", "e2")]),  # the month's first day
        ({"document": "2024-04"}, [("2024-04-b", "e1")]),
        ({"min_confidence": 0.8}, [("2024-03-a", "e1"), ("2024-04-b", "e1"), ("undated-c", "e1")]),  # at least
        ({"min_confidence": 0.81}, [("2024-03-a", "e1"), ("2024-04-b", "e1")]),
        ({"min_confidence": 0}, [("2024-03-a", "e2"), ("2024-03-a", "e1"), ("2024-04-b", "e1"), ("undated-c", "e1")]),
        ({"min_confidence": 1}, [("2024-03-a", "e1"), ("2024-04-b", "e1")]),
    ],
)
def test_event_filters(store, filters, expected):
    assert ids(store.query("events", **filters), "document", "id") == expected


def test_event_rows_carry_their_fields(store):
    row = store.query("events", document="2024-04").to_dicts()[0]
    assert row["actors"] == ["idf"] and row["recipients"] == ["civilians"]
    assert row["date"] == "2024-04-10/2024-04-12" and row["place"] == "rafah" and row["status"] == "asserted"
    tolls = ("fatalities_min", "fatalities_max", "wounded_min", "wounded_max", "captured_min", "captured_max")
    assert [row[column] for column in tolls] == [4, 4, 10, 20, 2, None]
    untolled = store.query("events", document="undated-c").to_dicts()[0]
    assert [untolled[column] for column in tolls] == [None] * 6


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("2024-03-a", "c1"), ("2024-04-b", "c1"), ("2024-04-b", "c2")]),
        ({"actor": "idf"}, [("2024-03-a", "c1")]),
        ({"actor": "unrwa"}, [("2024-04-b", "c1")]),
        ({"actor": "hamas official"}, [("2024-04-b", "c2")]),  # the speaker's words
        ({"since": "2024-04-01"}, [("2024-04-b", "c1"), ("2024-04-b", "c2")]),
        ({"place": "rafah"}, [("2024-04-b", "c1"), ("2024-04-b", "c2")]),
        ({"document": "2024-03-a"}, [("2024-03-a", "c1")]),
    ],
)
def test_claim_filters(store, filters, expected):
    assert ids(store.query("claims", **filters), "document", "id") == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("rafah", 1, 2), ("gaza", 1, 1)]),
        ({"place": "gaza"}, [("gaza", 1, 1)]),
        ({"actor": "unrwa"}, [("rafah", 1, 2)]),
        ({"until": "2024-03-31"}, [("gaza", 1, 1)]),
    ],
)
def test_place_filters(store, filters, expected):
    assert ids(store.query("places", **filters), "id", "documents", "mentions") == expected


def test_failures_query(store):
    assert ids(store.query("failures"), "source") == ["a.pdf", "b.txt"]
    assert ids(store.query("failures", type="LanguageError"), "source") == ["b.txt"]
    assert ids(store.query("failures", document="b"), "source") == ["b.txt"]
    assert ids(store.query("failures", since="2000-01-01"), "source") == ["a.pdf", "b.txt"]
    assert ids(store.query("failures", until="2000-01-01"), "source") == []


def test_limit_and_offset_page_through_rows(store):
    everything = ids(store.query("events"), "document", "id")
    pages = [ids(store.query("events", limit=2, offset=start), "document", "id") for start in (0, 2, 4)]
    assert pages == [everything[:2], everything[2:4], []]
    assert ids(store.query("documents", limit=0), "id") == []
    assert ids(store.query("documents", offset=2), "id") == ["undated-c"]


def test_filters_are_values_not_sql(store):
    assert store.query("documents", actor="'; DROP TABLE documents; --").rows == ()
    assert store.count("documents") == 3


@pytest.mark.parametrize(
    ("what", "filters", "message"),
    [
        ("people", {}, "valid choices: documents, actors, events, claims, places, failures"),
        ("claims", {"status": "denied"}, "filter 'status' does not apply to claims; claims accept: actor"),
        ("events", {"status": "rumoured"}, "valid choices: asserted, reported"),
        ("actors", {"type": "army"}, "valid choices: state, government, military"),
        ("events", {"since": "March 2024"}, "since must be an ISO date"),
        ("events", {"until": ""}, "must be a non-empty string"),
        ("events", {"min_confidence": 1.5}, "min_confidence must be a number from 0 to 1, not 1.5"),
        ("events", {"min_confidence": "0.5"}, "min_confidence must be a number from 0 to 1, not '0.5'"),
        ("events", {"min_confidence": True}, "min_confidence must be a number from 0 to 1"),
        ("claims", {"min_confidence": 0.5}, "filter 'min_confidence' does not apply to claims"),
        ("events", {"limit": -1}, "limit must be a whole number"),
        ("events", {"offset": "2"}, "offset must be a whole number"),
    ],
)
def test_invalid_queries_say_what_is_valid(store, what, filters, message):
    with pytest.raises(StoreError, match=message.replace("(", r"\(")):
        store.query(what, **filters)


def test_query_kinds_are_exported():
    assert QUERY_KINDS == ("documents", "actors", "events", "claims", "places", "failures", "contradictions")
    assert tuple(LISTINGS) == QUERY_KINDS


def test_contradictions(store):
    assert ids(store.query("contradictions"), "document", "id", "kind", "items") == [
        ("2024-03-a", "x1", "perpetrator", ["e1", "e2"])
    ]
    assert store.query("contradictions", type="toll").rows == ()
    assert store.query("contradictions", since="2024-04").rows == ()


def test_claims_carry_how_they_are_told(store):
    page = store.find("claims", Filters(stance="doubts"))
    assert page.columns == (
        "document", "id", "speaker", "speaker_text", "co_speakers", "source_kind", "outlet", "cue", "text",
        "direct", "hedged", "stance", "events", "published",
    )  # fmt: skip
    assert ids(page, "document", "id") == [("2024-04-b", "c2")]
    assert ids(store.find("claims", Filters(source_kind="unnamed")), "id") == ["c2"]
    assert ids(store.find("claims", Filters(speaker="idf", actor="Israel")), "id") == ["c1"]  # both hold
    assert ids(store.find("claims", Filters(speaker="idf", actor="unrwa")), "id") == []


@pytest.mark.parametrize(
    ("what", "filters", "expected"),
    [
        ("documents", Filters(text="TITLE 2024-04"), ["2024-04-b"]),
        ("actors", Filters(text="muqawama"), ["hamas"]),
        ("actors", Filters(country="ISR"), ["idf"]),
        ("places", Filters(text="raf"), ["rafah"]),
        ("places", Filters(country="PSE"), ["rafah"]),
        ("places", Filters(country="PSE", until="2024-03-31"), []),
    ],
)
def test_text_and_country(store, what, filters, expected):
    assert ids(store.find(what, filters), "id") == expected


def test_sorts_pages_and_totals(store):
    newest = store.find("documents", sort="-published")
    assert ids(newest, "id") == ["2024-04-b", "2024-03-a", "undated-c"]  # unknown dates last either way
    page = store.find("events", sort="-date", limit=2, offset=1)
    assert (page.total, page.limit, page.offset) == (4, 2, 1)
    assert ids(page, "document", "id") == [("2024-03-a", "e1"), ("2024-03-a", "e2")]
    assert store.find("events", Filters(type="ASSAULT"), limit=0).total == 3
    assert store.find("actors", offset=5).total == 3  # past the last row, the total is still counted
    whole = ids(store.find("events", sort="type"), "document", "id")
    pages = [ids(store.find("events", sort="type", limit=1, offset=i), "document", "id") for i in range(4)]
    assert [row for rows in pages for row in rows] == whole  # pages neither overlap nor skip
    for what in QUERY_KINDS:  # every sort of every listing runs
        for sort in sort_choices(what):
            assert store.find(what, sort=sort).total == store.find(what).total


def test_page_as_json(store):
    assert store.find("places", limit=1).to_dict() == {
        "items": [{"id": "rafah", "name": "Rafah", "country": "PSE", "lat": 31.29, "lon": 34.25, "feature": None,
                   "precision": None, "documents": 1, "mentions": 2}],
        "total": 2, "limit": 1, "offset": 0,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.query("events", colour="red"), "no filter 'colour'; valid choices: actor, as_actor"),
        (lambda s: s.find("events", sort="nope"), "cannot sort events by 'nope'; valid choices: date, type"),
        (lambda s: s.find("actors", Filters(status="denied")), "actors accept: actor, text, type, country, place"),
        (lambda s: s.find("claims", Filters(stance="angry")), "unknown stance 'angry'; valid choices: endorses"),
        (lambda s: s.find("contradictions", Filters(type="colour")), "unknown contradiction kind 'colour'"),
    ],
)
def test_invalid_finds_say_what_is_valid(store, call, message):
    with pytest.raises(StoreError, match=message):
        call(store)


def test_actor_summary(store):
    summary = store.actor_summary("idf", sample=1)
    assert (summary.name, summary.country, summary.parents, summary.aliases) == (
        "Israel Defense Forces",
        "ISR",
        ("isr",),
        ("IDF",),
    )
    assert summary.documents == 2 and summary.events_as_recipient.total == summary.claims.total == 1
    assert ids(summary.events_as_actor, "document", "id") == [("2024-04-b", "e1")]
    assert summary.relations.to_dicts() == [
        {"document": "2024-03-a", "source": "hamas", "target": "idf", "polarity": "hostile", "weight": 1.0,
         "documents": 1, "events": ["e1"]}
    ]  # fmt: skip
    as_json = summary.to_dict()
    assert list(as_json) == ["actor", "documents", "events_as_actor", "events_as_recipient", "claims", "relations"]
    assert as_json["actor"]["parents"] == ["isr"] and as_json["claims"]["limit"] == 1
    assert store.actor_summary("Israel") is None  # an id, not a name
    assert store.has_actor("defense") and store.has_actor("idf") and not store.has_actor("nobody")


def test_event_pages_of_shards_read_in_place():
    """Shards read in place are views, which have no rowid: event pages sort the rows themselves."""
    with Store.open(None) as viewed:
        for report in CORPUS:
            viewed.save(report)
        viewed.connection.execute("ALTER TABLE events RENAME TO events_table")
        viewed.connection.execute("CREATE VIEW events AS SELECT * FROM events_table")
        page = viewed.find("events", limit=2, offset=1)
        assert ids(page, "document", "id") == [("2024-03-a", "e1"), ("2024-04-b", "e1")] and page.total == 4
