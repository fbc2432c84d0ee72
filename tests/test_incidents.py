"""Cross-document event coreference: matching, differences and clustering on hand-built events, and the
store's incidents of invented reports."""

import json
from datetime import date, timedelta

import pytest
from typer.testing import CliRunner

from warlog.cli import app
from warlog.errors import StoreError
from warlog.incidents.cluster import Account, cluster_incidents, same_incident
from warlog.incidents.differences import date_interval, differences, haversine_km
from warlog.model import Actor, Document, Event, Evidence, Place, Report, Toll, When
from warlog.store import Store

PLACES = {
    p.id: p
    for p in (
        Place("kuweires", "Kuweires airbase", "SYR", 36.1871, 37.5832, "airbase", 2),
        Place("aleppo", "Aleppo", "SYR", 36.20124, 37.16117, "city", 1),
        Place("aleppo-city", "Aleppo City", "SYR", 36.20124, 37.16117, "city", 1),
        Place("marea", "Marea", "SYR", 36.48259, 37.19709, "town", 1),
        Place("deir-ez-zor", "Deir ez-Zor", "SYR", 35.33588, 40.14084, "city", 1),
        Place("ramadi", "Ramadi", "IRQ", 33.42056, 43.30778, "city", 1),
        Place("syria", "Syria", "SYR", 35.0978, 37.165, "country", 3),
        Place("iraq", "Iraq", "IRQ", 33.0, 44.0, "country", 3),
        Place("place.somewhere", "Somewhere"),
    )
}
ACTORS = {a.id: a for a in (Actor("rus", "Russia", "state"), Actor("isil", "Islamic State", "armed_group"))}


def event(
    event_id="e1",
    type="ASSAULT",
    actors=("rus",),
    recipients=("syr.reb",),
    place="aleppo",
    date="2015-10-08",
    status="asserted",
    mode=None,
    killed=None,
    speaker=None,
):
    return Event(
        id=event_id,
        type=type,
        mode=mode,
        evidence=Evidence(0, 4, "text"),
        actors=tuple(actors),
        recipients=tuple(recipients),
        place=place,
        date=When(date, "day", date) if date else None,
        fatalities=Toll(*killed, None) if killed else None,
        status=status,
        speaker=speaker,
    )


def same(a, b, **options):
    return same_incident(a, b, places=PLACES, **options)


# --- same_incident -------------------------------------------------------------------------------------------


def test_identical_tellings_match():
    assert same(event(), event("e2"))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"type": "COERCE"}, False),
        ({"mode": "aerial"}, True),  # ASSAULT and ASSAULT aerial are compatible
        ({"place": "marea"}, True),  # 31 km from Aleppo
        ({"place": "kuweires"}, True),  # 38 km
        ({"place": "deir-ez-zor"}, False),  # 280 km
        ({"place": "aleppo-city"}, True),  # same coordinates
        ({"place": "syria"}, True),  # an area holds the town; no anchor, but participants and date remain
        ({"place": "iraq"}, False),  # an area of another country
        ({"place": "place.somewhere"}, True),  # unknown coordinates: compatible
        ({"place": None}, True),
        ({"date": "2015-10-11"}, True),  # 3 days: inside the window
        ({"date": "2015-10-12"}, False),  # 4 days
        ({"date": "2015-10"}, True),  # the month holds the day
        ({"date": "2015-09"}, False),
        ({"date": None}, True),
        ({"actors": ("isil",)}, True),  # a different perpetrator of the same strike on the same victims
        ({"actors": ("isil",), "recipients": ("kurds",)}, False),  # nobody in common
        ({"actors": ("isil",), "recipients": ()}, False),  # known roles disjoint, nothing shared
        ({"actors": (), "recipients": ()}, True),  # nobody named: compatible, place and date anchor it
        ({"status": "denied"}, True),  # a denial is a telling of the same incident
    ],
)
def test_rules(changes, expected):
    assert same(event(), event("e2", **changes)) is expected


def test_modes_that_differ_do_not_match():
    assert not same(event(mode="aerial"), event("e2", mode="explosives"))


def test_anchors_are_needed():
    # only the type agrees: nothing else is known
    thin = event(actors=(), recipients=(), place=None, date=None)
    assert not same(thin, event("e2"))
    # one anchor (the date) is not enough by default, and is enough when asked
    lone = event(actors=(), recipients=(), place=None)
    assert not same(lone, event("e2"))
    assert same(lone, event("e2"), min_anchors=1)


def test_options_widen_the_window():
    assert not same(event(), event("e2", place="deir-ez-zor"))
    assert same(event(), event("e2", place="deir-ez-zor"), max_km=300)
    assert same(event(), event("e2", date="2015-10-15"), max_days=7)


def test_coarse_dates_are_compatible_but_do_not_anchor():
    coarse = event(actors=(), recipients=(), date="2015")
    assert not same(coarse, event("e2", actors=(), recipients=()))  # only the place anchors
    assert same(event(date="2015"), event("e2"))  # place and participants


# --- dates and distances ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2015-10-08", "2015-10-08", "2015-10-08"),
        ("2015-10", "2015-10-01", "2015-10-31"),
        ("2015-12", "2015-12-01", "2015-12-31"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2015", "2015-01-01", "2015-12-31"),
        ("2015-W41", "2015-10-05", "2015-10-11"),
        ("2014-06/2014-08", "2014-06-01", "2014-08-31"),
        ("2015-10-01/2015-10-05", "2015-10-01", "2015-10-05"),
        ("2011/..", "2011-01-01", "9999-12-31"),
    ],
)
def test_date_interval(value, first, last):
    interval = date_interval(value)
    assert interval is not None and (interval[0].isoformat(), interval[1].isoformat()) == (first, last)


@pytest.mark.parametrize("value", [None, "", "Thursday", "2015-13", "2015-02-30", "../.."])
def test_date_interval_unknown(value):
    assert date_interval(value) is None


def test_haversine():
    assert haversine_km(36.1871, 37.5832, 36.20124, 37.16117) == pytest.approx(37.9, abs=0.2)
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)


# --- differences --------------------------------------------------------------------------------------------


def kinds(a, b):
    return [d.kind for d in differences(a, b, PLACES, actors=ACTORS)]


def test_no_differences_between_equal_or_less_precise_tellings():
    full = event(killed=(12, 12))
    assert differences(full, event("e2", killed=(12, 12)), PLACES) == []
    assert kinds(full, event("e2", actors=(), recipients=(), place=None, date=None)) == []
    assert kinds(full, event("e2", place="syria", date="2015-10", actors=("rus", "syr.gov"))) == []
    assert kinds(full, event("e2", place="aleppo-city", killed=(10, 15))) == []
    assert kinds(full, event("e2", place="place.somewhere")) == []


def test_each_kind():
    base = event(killed=(12, 12))
    assert differences(base, event("e2", actors=("isil",)), PLACES, actors=ACTORS)[0].explanation == (
        "perpetrator: Russia vs Islamic State"
    )
    assert kinds(base, event("e2", recipients=("kurds",))) == ["recipient"]
    (place,) = differences(event(place="kuweires"), event("e2"), PLACES)
    assert place.explanation == "place: Kuweires airbase vs Aleppo (38 km apart)"
    (country,) = differences(event(place="syria"), event("e2", place="ramadi"), PLACES)
    assert country.explanation == "place: Syria (SYR) vs Ramadi (IRQ)"
    (day,) = differences(event(), event("e2", date="2015-10-09"), PLACES)
    assert day.explanation == "date: 2015-10-08 vs 2015-10-09 (1 day apart)"
    (toll,) = differences(base, event("e2", killed=(30, None)), PLACES)
    assert (toll.kind, toll.explanation) == ("toll", "toll: 12 vs 30+ killed")
    (occurrence,) = differences(base, event("e2", status="denied", speaker="rus"), PLACES, actors=ACTORS)
    assert occurrence.explanation == "occurrence: asserted vs denied by Russia"


def test_several_differences_in_kind_order():
    other = event("e2", actors=("isil",), place="kuweires", date="2015-10-10", killed=(30, 30), status="negated")
    assert kinds(event(killed=(12, 12)), other) == ["perpetrator", "place", "date", "toll", "occurrence"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("asserted", "denied", True),
        ("claimed", "negated", True),
        ("reported", "denied", True),
        ("asserted", "reported", False),
        ("denied", "negated", False),
        ("asserted", "hypothetical", False),
        ("planned", "denied", False),
    ],
)
def test_occurrence(a, b, expected):
    assert ("occurrence" in kinds(event(status=a), event("e2", status=b))) is expected
    assert ("occurrence" in kinds(event(status=b), event("e2", status=a))) is expected


def test_tolls_overlap_unless_disjoint():
    assert kinds(event(killed=(100, None)), event("e2", killed=(200, 200))) == []  # "hundreds" holds 200
    assert kinds(event(killed=(100, None)), event("e2", killed=(60, 70))) == ["toll"]
    assert kinds(event(killed=(None, 10)), event("e2", killed=(12, 12))) == ["toll"]


# --- clustering ---------------------------------------------------------------------------------------------


def account(document_id, ev, published="2015-10-10", source=None):
    document = Document(id=document_id, text="text", source=source or f"outlet {document_id}", published=published)
    return Account(document=document, event=ev, place=PLACES.get(ev.place) if ev.place else None)


def test_cluster_joins_documents_not_events_of_one_document():
    accounts = [
        account("d1", event("a")),
        account("d1", event("b")),  # the extractor told these apart: they stay apart unless a third joins them
        account("d2", event("c", killed=(30, 30))),
        account("d3", event("d", place="ramadi")),
    ]
    incidents = cluster_incidents(accounts)
    groups = sorted(sorted(a.key for a in i.accounts) for i in incidents)
    assert groups == [["d1#a", "d1#b", "d2#c"], ["d3#d"]]


def test_cluster_contradictions_name_accounts_of_different_documents():
    accounts = [
        account("d1", event("a", killed=(12, 12))),
        account("d2", event("b", killed=(30, 30))),
        account("d3", event("c", killed=(12, 12))),
    ]
    (incident,) = cluster_incidents(accounts, actors=ACTORS)
    assert incident.documents == ("d1", "d2", "d3")
    (contradiction,) = incident.contradictions
    assert contradiction.kind == "toll"
    # one wording, whichever account comes first, and the documents on each side
    assert contradiction.explanation == "toll: 12 vs 30 killed; outlet d1, outlet d3 vs outlet d2"
    assert set(contradiction.items) == {"d1#a", "d2#b", "d3#c"}


def test_undated_events_take_the_week_before_publication():
    undated = event(date=None)
    near = [account("d1", undated, published="2015-10-10"), account("d2", undated, published="2015-10-12")]
    assert len(cluster_incidents(near)) == 1
    far = [account("d1", undated, published="2015-10-10"), account("d2", undated, published="2015-11-30")]
    assert len(cluster_incidents(far)) == 2
    unknown = [account("d1", undated, published=None), account("d2", undated, published=None)]
    assert len(cluster_incidents(unknown)) == 1  # participants and place anchor them


def test_cluster_is_near_linear_and_ordered():
    # a strike every five days for five years, each told by two outlets: 365 incidents of two accounts
    accounts = []
    for day in range(365):
        value = (date(2015, 1, 1) + timedelta(days=day * 5)).isoformat()
        for outlet in ("d1", "d2"):
            accounts.append(account(f"{outlet}-{day}", event(f"e{day}", date=value)))
    incidents = cluster_incidents(accounts)
    assert len(incidents) == 365 and all(len(i.accounts) == 2 for i in incidents)
    assert [i.period for i in incidents] == sorted(i.period for i in incidents)


def test_incident_summary():
    accounts = [
        account("d1", event("a", date="2015-10-08"), source="Reuters"),
        account("d2", event("b", date=None, actors=("isil",), place="aleppo-city"), source="AFP"),
    ]
    (incident,) = cluster_incidents(accounts, actors=ACTORS)
    assert incident.sources == ("Reuters", "AFP")
    assert incident.actors == ("rus", "isil") and incident.places == ("aleppo", "aleppo-city")
    assert incident.period == ("2015-10-08", "2015-10-08")
    assert [c.kind for c in incident.contradictions] == ["perpetrator"]
    data = incident.to_dict()
    assert data["accounts"][0]["event"]["id"] == "a" and data["contradictions"][0]["kind"] == "perpetrator"


# --- the store ----------------------------------------------------------------------------------------------

MAREA = Place("marea", "Marea", "SYR", 36.48259, 37.19709, "town", 1)
STORE_ACTORS = (
    Actor("rus", "Russia", "state", "RUS"),
    Actor("syr.reb", "Syrian rebels", "rebel_group", "SYR"),
    Actor("isil", "Islamic State", "armed_group"),
)


def stored_report(document_id, source, published, text, events):
    return Report(
        version="test",
        document=Document(id=document_id, text=text, source=source, url=f"https://{source}.example/{document_id}",
                          published=published),
        actors=STORE_ACTORS,
        places=(MAREA, PLACES["aleppo"]),
        events=tuple(events),
    )  # fmt: skip


def strike(event_id, text, killed, place="marea", date="2015-06-03", actors=("rus",), status="asserted"):
    return Event(
        id=event_id,
        type="ASSAULT",
        mode="aerial",
        evidence=Evidence(0, len(text), text),
        actors=actors,
        recipients=("syr.reb",),
        place=place,
        date=When(date, "day", "Wednesday"),
        fatalities=Toll(killed, killed, f"{killed} fighters") if killed else None,
        status=status,
    )


# Two invented reports of the same air strike, with different tolls, and an unrelated one.
STORED = (
    stored_report("d-wire", "wire", "2015-06-04", "Russian jets struck rebels in Marea, killing 12.", [
        strike("e1", "Russian jets struck rebels in Marea, killing 12.", 12),
    ]),
    stored_report("d-daily", "daily", "2015-06-05", "An air raid on Marea killed 30 rebel fighters, monitors said.", [
        strike("e1", "An air raid on Marea killed 30 rebel fighters", 30, actors=()),
    ]),
    stored_report("d-later", "weekly", "2015-08-20", "Islamic State fighters attacked rebels near Aleppo.", [
        strike("e1", "Islamic State fighters attacked rebels near Aleppo.", None, place="aleppo", date="2015-08-19",
               actors=("isil",)),
    ]),
)  # fmt: skip


@pytest.fixture(scope="module")
def incident_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("incidents") / "corpus.duckdb"
    with Store.open(path) as store:
        for r in STORED:
            store.save(r)
    return path


def test_store_groups_the_same_strike_and_names_the_toll_contradiction(incident_db):
    with Store.open(incident_db, read_only=True) as store:
        incidents = store.incidents()
    assert [len(i.accounts) for i in incidents] == [2, 1]
    strike_incident = incidents[0]
    assert strike_incident.documents == ("d-wire", "d-daily")
    assert strike_incident.sources == ("wire", "daily")
    assert strike_incident.actors == ("rus",) and strike_incident.places == ("marea",)
    assert strike_incident.accounts[0].place == MAREA
    assert strike_incident.accounts[1].event.evidence.text == "An air raid on Marea killed 30 rebel fighters"
    (contradiction,) = strike_incident.contradictions
    assert contradiction.kind == "toll"
    assert contradiction.explanation == "toll: 12 vs 30 killed; wire vs daily"
    assert contradiction.items == ("d-wire#e1", "d-daily#e1")


def test_store_filters(incident_db):
    with Store.open(incident_db, read_only=True) as store:
        assert [len(i.accounts) for i in store.incidents(since="2015-08-01")] == [1]
        assert [len(i.accounts) for i in store.incidents(until="2015-06-30")] == [2]
        assert [i.actors for i in store.incidents(actor="Islamic State")] == [("isil",)]
        assert [len(i.documents) for i in store.incidents(min_documents=2)] == [2]
        assert store.incidents(type="AID") == ()
        with pytest.raises(StoreError, match="unknown event type"):
            store.incidents(type="BOMB")
        with pytest.raises(StoreError, match="no actor"):
            store.incidents(actor="zzyzx")


def test_cli_incidents(incident_db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["incidents", "--db", str(incident_db), "--format", "json", "--min-documents", "2"])
    assert result.exit_code == 0, result.output
    (incident,) = json.loads(result.stdout)
    assert incident["documents"] == ["d-wire", "d-daily"]
    assert incident["contradictions"][0]["explanation"] == "toll: 12 vs 30 killed; wire vs daily"
    table = runner.invoke(app, ["incidents", "--db", str(incident_db)])
    assert table.exit_code == 0 and "toll: 12 vs 30" in table.stdout  # the table cuts the explanation to fit
    for args, message in (
        (["--format", "xml"], "table, json"),
        (["--until", "soon"], "--until"),
    ):
        bad = runner.invoke(app, ["incidents", "--db", str(incident_db), *args])
        assert bad.exit_code == 1 and message in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    missing = runner.invoke(app, ["incidents", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no store" in missing.stderr
