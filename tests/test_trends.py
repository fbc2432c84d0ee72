"""Trends (warlog.store.trends) over a store of hand-made reports, and GET /api/trends as JSON and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warlog.api import close_app, create_app
from warlog.errors import StoreError
from warlog.model import Actor, Document, Event, Evidence, Place, Report, Toll, When
from warlog.settings import Settings
from warlog.store import Filters, Store

# (date, type, actor, recipient, place, dead): invented events, one document each
ROWS = (
    ("2016-03-01", "ASSAULT", "red", "blue", "town", 4),  # a Tuesday: week of 2016-02-29
    ("2016-03-03", "ASSAULT", "red", "blue", "town", 2),
    ("2016-03-09", "PROTEST", "blue", None, "region", None),  # week of 2016-03-07
    ("2016-03", "ASSAULT", "red", None, "town", 7),  # a month: counts per month, not per week
    ("2016-03-21/2016-03-22", "COERCE", "blue", "red", "abroad", None),
    (None, "ASSAULT", "red", "blue", "town", 1),  # undated
    ("2016-03-02", "ASSAULT", "red", "blue", "town", 50),  # denied: does not count by default
)
PLACES = (
    Place(id="town", name="Greyford", country="AAA", lat=1.0, lon=1.0, feature="city", precision=1),
    Place(id="adm1.aa.north", name="North Province", country="AAA", lat=1.5, lon=1.5, feature="province", precision=3),
    Place(id="abroad", name="Faraway", country="BBB", lat=9.0, lon=9.0, feature="city", precision=1),
)
ACTORS = (
    Actor(id="red", name="Red Brigade", kind="armed_group"),
    Actor(id="blue", name="Blue Guard", kind="military"),
    Actor(id="aaa", name="Republic of A", kind="state", country="AAA"),
)


def reports() -> list[Report]:
    found = []
    for n, (date, kind, actor, recipient, place, dead) in enumerate(ROWS):
        text = f"Invented event number {n}."
        event = Event(
            id="event@0", type=kind, evidence=Evidence(0, len(text), text), actors=(actor,),
            recipients=(recipient,) if recipient else (), place="adm1.aa.north" if place == "region" else place,
            date=When(date, None, date) if date else None, fatalities=Toll(dead, dead, None) if dead else None,
            status="denied" if dead == 50 else "asserted",
        )  # fmt: skip
        document = Document(id=f"doc-{n}", text=text, published="2016-04-01")
        found.append(Report(version="test", document=document, actors=ACTORS, places=PLACES, events=(event,)))
    return found


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("trends") / "trends.duckdb"
    with Store.open(path) as store:
        store.save_many(reports())
    return path


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store.open(db, read_only=True) as opened:
        yield opened


def values(trend, key):
    return dict(zip(trend.periods, next(s.values for s in trend.series if s.key == key), strict=True))


def test_weeks_count_day_dates_and_leave_coarser_ones_out(store: Store) -> None:
    trend = store.trends(period="week", by="type")
    assert trend.periods == ("2016-02-29", "2016-03-07", "2016-03-14", "2016-03-21")  # gaps filled
    assert values(trend, "ASSAULT") == {"2016-02-29": 2, "2016-03-07": 0, "2016-03-14": 0, "2016-03-21": 0}
    assert values(trend, "COERCE")["2016-03-21"] == 1  # a period of two days inside one week
    assert (trend.counted, trend.coarse, trend.undated) == (4, 1, 1)  # the denied event is not counted at all


def test_months_take_month_dates_and_fatalities_add_the_dead(store: Store) -> None:
    trend = store.trends(period="month", by="type", metric="fatalities")
    assert values(trend, "ASSAULT") == {"2016-03-01": 4 + 2 + 7}
    assert store.trends(Filters(status="denied"), period="month", metric="fatalities").series[0].total == 50


def test_groups_by_actor_country_and_region_with_names(store: Store) -> None:
    actors = {s.key: (s.label, s.total) for s in store.trends(period="month", by="actor").series}
    assert actors == {"red": ("Red Brigade", 4), "blue": ("Blue Guard", 4)}  # an event counts for both parties
    countries = {s.key: (s.label, s.total) for s in store.trends(period="month", by="country").series}
    assert countries == {"AAA": ("Republic of A", 4), "BBB": ("BBB", 1)}
    regions = {s.key: s.label for s in store.trends(period="month", by="admin1").series}
    assert regions == {"unknown": "no region known", "adm1.aa.north": "North Province (AAA)"}


def test_filters_and_the_rest_summed_as_other(store: Store) -> None:
    assert store.trends(Filters(country="BBB"), period="month").series[0].key == "COERCE"
    assert [s.key for s in store.trends(Filters(actor="Red Brig"), period="month").series] == ["ASSAULT", "COERCE"]
    top = store.trends(period="month", top=1).series
    assert [(s.key, s.total) for s in top] == [("ASSAULT", 3), ("other", 2)]


def test_invalid_choices_say_the_valid_ones(store: Store) -> None:
    with pytest.raises(StoreError, match="valid choices: day, week, month, year"):
        store.trends(period="fortnight")
    with pytest.raises(StoreError, match="trends take no filter stance"):
        store.trends(Filters(stance="doubts"))


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(db, settings=Settings(), read_only=True)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client
    close_app(app)


def test_api_trends_json_and_csv(client: TestClient) -> None:
    body = client.get("/api/trends?period=month&by=actor&metric=fatalities").json()
    assert body["periods"] == ["2016-03-01"] and body["coarse"] == 0
    assert {s["label"]: s["values"] for s in body["series"]} == {"Red Brigade": [13.0], "Blue Guard": [6.0]}
    response = client.get("/api/trends?period=week&by=type&type=ASSAULT&format=csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert "warlog-trends-events-by-type-per-week.csv" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows == [["period", "key", "label", "events"], ["2016-02-29", "ASSAULT", "ASSAULT", "2"]]


def test_api_trends_errors(client: TestClient) -> None:
    response = client.get("/api/trends?period=fortnight")
    assert response.status_code == 422 and response.json()["error"]["code"]
    response = client.get("/api/trends?period=day&since=1000")
    assert response.status_code == 200  # since keeps the same events here: no 1000-year series


def test_events_and_event_exports_take_a_country(client: TestClient) -> None:
    body = client.get("/api/events?country=bbb").json()
    assert [(e["document"], e["type"]) for e in body["items"]] == [("doc-4", "COERCE")]
    lines = client.get("/api/export?format=plover-json&country=BBB").text.splitlines()
    assert len(lines) == 1 and "Faraway" in lines[0]
    assert len(client.get("/api/export?format=plover-json").text.splitlines()) == 6  # the events that happened
    response = client.get("/api/export?format=jsonl&country=BBB")
    assert response.status_code == 422 and "country" in response.json()["error"]["message"]


def test_cli_trends_table_csv_and_errors(db: Path) -> None:
    from typer.testing import CliRunner

    from warlog.cli import app

    runner = CliRunner()
    table = runner.invoke(app, ["trends", "--db", str(db), "--period", "month", "--by", "actor"])
    assert table.exit_code == 0, table.output
    assert "Red Brigade (4)" in table.output and "2016-03-01" in table.output
    found = runner.invoke(app, ["trends", "--db", str(db), "--period", "week", "--type", "ASSAULT", "-f", "csv"])
    assert found.exit_code == 0
    assert found.stdout.splitlines() == ["period,key,label,events", "2016-02-29,ASSAULT,ASSAULT,2"]
    wrong = runner.invoke(app, ["trends", "--db", str(db), "--by", "planet"])
    assert wrong.exit_code == 1 and "--by 'planet' is not one of: type, actor, country, admin1" in wrong.output


def test_cli_export_takes_a_country(db: Path) -> None:
    from typer.testing import CliRunner

    from warlog.cli import app

    runner = CliRunner()
    found = runner.invoke(app, ["export", "--db", str(db), "-f", "plover-json", "--country", "BBB"])
    assert found.exit_code == 0, found.output
    assert len(found.stdout.splitlines()) == 1 and "Faraway" in found.stdout
    wrong = runner.invoke(app, ["export", "--db", str(db), "-f", "jsonl", "--country", "BBB"])
    assert wrong.exit_code == 1 and "country" in wrong.output
