"""Denials, rebuttals and disagreements across documents: invented reports through the real pipeline, a
real DuckDB store, `warlog ingest` + `warlog incidents`, `Store.incidents()` and `GET /api/incidents`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import warlog
from warlog.api import close_app, create_app
from warlog.cli import app
from warlog.incidents.cluster import Account, Incident, cluster_incidents
from warlog.incidents.differences import differences
from warlog.model import Actor, Document, Event, Evidence, Place, When
from warlog.store import Store

# (url, source, published, text): all invented
STRIKE = ("https://example.org/a", "Wire A", "2021-03-02",
          "Russian jets struck a hospital in Idlib on Monday, killing 12, rescuers said.")  # fmt: skip
DENIAL = ("https://example.org/b", "Daily B", "2021-03-03",
          "Russia's defence ministry denied on Tuesday that its aircraft had struck a hospital in Idlib. "
          "The Kremlin dismissed the reports as fabricated. "
          "Moscow said its jets had not flown over Idlib that day.")  # fmt: skip
OTHER_DENIAL = ("https://example.org/f", "Paper F", "2021-03-03",
                "Israel's military denied on Tuesday that its jets had struck a hospital in Idlib.")  # fmt: skip
OLD_DENIAL = ("https://example.org/j", "Paper J", "2020-11-20",
              "Russia's defence ministry denied that its aircraft had struck a hospital in Idlib.")  # fmt: skip
FAR_DENIAL = ("https://example.org/m", "Paper M", "2021-03-03",
              "Russia's defence ministry denied that its aircraft had struck a bakery in Deir ez-Zor.")  # fmt: skip
SHELLING = ("https://example.org/h", "Monitor H", "2021-03-02",
            "Syrian government forces shelled a market in Saraqib on Monday, killing 30 civilians, a monitoring "
            "group said.")  # fmt: skip
BLAME = ("https://example.org/k", "Paper K", "2021-03-02",
         "Syria's foreign ministry accused rebels of shelling a market in Saraqib on Monday, "
         "killing 8 civilians.")  # fmt: skip
DENIED_INSIDE = ("https://example.org/p", "Paper P", "2021-03-10",
                 "Russian jets struck a school in Ariha on Tuesday, killing five, rescuers said. "
                 "Russia denied the report.")  # fmt: skip
SCHOOL = ("https://example.org/q", "Paper Q", "2021-03-10",
          "A Russian air strike hit a school in Ariha on Tuesday, killing five children, "
          "the White Helmets said.")  # fmt: skip
REPORTS = (STRIKE, DENIAL, OTHER_DENIAL, OLD_DENIAL, FAR_DENIAL, SHELLING, BLAME, DENIED_INSIDE, SCHOOL)


def _save(store: Store, pipeline: Any, report: tuple[str, str, str, str]) -> str:
    url, source, published, text = report
    extracted = pipeline.extract(text, published=published, source=source, url=url, title=source)
    store.save(extracted)
    return extracted.document.id


@pytest.fixture(scope="module")
def across_db(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("across") / "corpus.duckdb"
    with Store.open(path) as store:
        ids = {report[1]: _save(store, pipeline, report) for report in REPORTS}
    return path, ids


@pytest.fixture(scope="module")
def incidents(across_db: tuple[Path, dict[str, str]]) -> tuple[Incident, ...]:
    with Store.open(across_db[0], read_only=True) as store:
        return store.incidents()


def _told_by(incidents: tuple[Incident, ...], *documents: str) -> Incident:
    return next(i for i in incidents if set(documents) <= set(i.documents))


def test_a_denial_stands_against_the_report_it_answers_with_both_sides_speakers(across_db, incidents):
    ids = across_db[1]
    incident = _told_by(incidents, ids["Wire A"], ids["Daily B"])
    assert set(incident.documents) == {ids["Wire A"], ids["Daily B"]}
    (contradiction,) = incident.contradictions  # the denial's Tuesday, its ministry: no date or perpetrator
    assert contradiction.kind == "occurrence"
    assert contradiction.explanation == (
        "occurrence: reported by rescuers (Wire A) vs denied by Russian Ministry of Defence, Government of Russia "
        "(Daily B)"
    )
    assert {item.split("#")[0] for item in contradiction.items} == {ids["Wire A"], ids["Daily B"]}
    denial = next(a for a in incident.accounts if a.document.id == ids["Daily B"])
    assert denial.event.status == "denied" and denial.event.date is None  # "on Tuesday" dates the denial
    said = {(c.speaker, c.speaker_text, c.text) for c in denial.claims}
    assert said == {
        ("rus.mod", "Russia's defence ministry", "its aircraft had struck a hospital in Idlib"),
        ("rus.gov", "The Kremlin", "the reports"),
    }
    told = next(a for a in incident.accounts if a.document.id == ids["Wire A"])
    assert [c.speaker_text for c in told.claims] == ["rescuers"]
    claim_items = {f"{a.document.id}#{c.id}" for a in (told, denial) for c in a.claims}
    assert claim_items <= set(contradiction.items)


def test_unrelated_denials_make_no_contradiction(across_db, incidents):
    ids = across_db[1]
    strike = _told_by(incidents, ids["Wire A"])
    # another perpetrator's denial, a denial months before, a denial of a strike on another town
    for other in ("Paper F", "Paper J", "Paper M"):
        assert ids[other] not in strike.documents
        (alone,) = [i for i in incidents if ids[other] in i.documents]
        assert alone.documents == (ids[other],) and alone.contradictions == ()


def test_two_sources_disagree_on_perpetrator_and_toll_and_the_accuser_speaks(across_db, incidents):
    ids = across_db[1]
    incident = _told_by(incidents, ids["Monitor H"], ids["Paper K"])
    by_kind = {c.kind: c for c in incident.contradictions}
    assert set(by_kind) == {"perpetrator", "toll"}
    assert by_kind["perpetrator"].explanation == (
        "perpetrator: Syrian Armed Forces vs Syrian rebels; a monitoring group (Monitor H) vs Syria (Paper K)"
    )
    assert by_kind["toll"].explanation == "toll: 30 vs 8 killed; a monitoring group (Monitor H) vs Syria (Paper K)"
    for contradiction in by_kind.values():
        assert {item.split("#")[0] for item in contradiction.items} == {ids["Monitor H"], ids["Paper K"]}
    accused = next(a for a in incident.accounts if a.document.id == ids["Paper K"])
    # the accused act is claimed by the accuser, done by the accused, and takes the toll its clause tells
    assert (accused.event.actors, accused.event.status, accused.event.speaker) == (("syr.reb",), "claimed", "syr")
    assert accused.event.fatalities is not None and accused.event.fatalities.min == 8


def test_a_denial_in_the_tellings_own_document_stands_against_every_telling(across_db, incidents):
    ids = across_db[1]
    incident = _told_by(incidents, ids["Paper P"], ids["Paper Q"])
    assert [a.document.source for a in incident.accounts] == ["Paper Q", "Paper P"]  # "Russia" and "Russian jets"
    (contradiction,) = incident.contradictions
    assert contradiction.explanation == (
        "occurrence: reported by White Helmets (Paper Q); rescuers (Paper P) vs denied by Russia (Paper P)"
    )
    told = next(a for a in incident.accounts if a.document.id == ids["Paper P"])
    assert [(c.speaker, c.cue) for c in told.denied_by] == [("rus", "denied")]
    assert f"{ids['Paper P']}#{told.denied_by[0].id}" in contradiction.items


def test_a_denial_that_echoes_another_stands_with_it_in_its_document(pipeline):
    report = pipeline.extract(DENIAL[3], published=DENIAL[2])
    claims = {c.id: c for c in report.claims}
    kremlin = next(c for c in report.claims if c.speaker == "rus.gov")
    against = [c for c in report.contradictions if c.items[0] == kremlin.id]
    assert against and all(claims.get(item) is None for item in against[0].items[1:])  # not against the ministry


def test_api_incidents_show_the_denial(across_db, pipeline):
    api = create_app(across_db[0], settings=pipeline.settings, pipeline_loader=lambda: pipeline, read_only=True)
    try:
        client = TestClient(api, base_url="http://127.0.0.1")
        items = client.get("/api/incidents?min_documents=2&limit=50").json()["items"]
    finally:
        close_app(api)
    found = [c for i in items for c in i["contradictions"] if c["kind"] == "occurrence"]
    assert [c["explanation"] for c in found] == [
        "occurrence: reported by rescuers (Wire A) vs denied by Russian Ministry of Defence, Government of Russia "
        "(Daily B)",
        "occurrence: reported by White Helmets (Paper Q); rescuers (Paper P) vs denied by Russia (Paper P)",
    ]
    (incident,) = [i for i in items if i["sources"] == ["Wire A", "Daily B"]]
    speakers = {c["speaker_text"] for a in incident["accounts"] for c in a["claims"]}
    assert speakers == {"rescuers", "Russia's defence ministry", "The Kremlin"}


@pytest.fixture
def loaded(pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    """A CLI runner whose `warlog.load()` hands back the session's pipeline."""
    for name in [n for n in os.environ if n.startswith("WARLOG_")]:
        monkeypatch.delenv(name)
    monkeypatch.setattr(warlog, "load", lambda settings=None, **overrides: pipeline)
    yield CliRunner()


def test_cli_ingest_and_incidents(loaded: CliRunner, tmp_path: Path):
    corpus = tmp_path / "reports.jsonl"
    reports = (STRIKE, DENIAL, FAR_DENIAL)
    lines = [{"url": u, "source": s, "title": s, "published": p, "text": t} for u, s, p, t in reports]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    ingested = loaded.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    result = loaded.invoke(app, ["incidents", "--db", str(db), "--format", "json", "--min-documents", "2"])
    assert result.exit_code == 0, result.output
    (incident,) = json.loads(result.stdout)
    assert incident["sources"] == ["Wire A", "Daily B"]
    (contradiction,) = incident["contradictions"]
    assert contradiction["kind"] == "occurrence"
    assert "denied by Russian Ministry of Defence" in contradiction["explanation"]


# --- the rules on hand-built events and short texts --------------------------------------------------------

STATES = {
    a.id: a
    for a in (
        Actor("rus.mil", "Russian Armed Forces", "military", "RUS"),
        Actor("rus.mod", "Russian Ministry of Defence", "government", "RUS"),
        Actor("isr.mil", "Israel Defense Forces", "military", "ISR"),
        Actor("syr.mil", "Syrian Armed Forces", "military", "SYR"),
        Actor("syr.reb", "Syrian rebels", "rebel_group", "SYR"),
    )
}


def _event(event_id: str, actors: tuple[str, ...], status: str = "reported", date: str | None = "2021-03-01") -> Event:
    return Event(
        id=event_id, type="ASSAULT", evidence=Evidence(0, 4, "text"), actors=actors, recipients=("syr.cvl",),
        place="idlib", date=When(date, "day", date) if date else None, status=status,
    )  # fmt: skip


def _account(document: str, event: Event) -> Account:
    idlib = Place("idlib", "Idlib", "SYR", 35.93, 36.63, "city", 1)
    return Account(Document(id=document, text="", source=document, published="2021-03-02"), event, idlib)


@pytest.mark.parametrize(
    ("denier", "joined"),
    [
        (("rus.mod",), True),  # the state whose jets are said to have struck
        (("rus.mil",), True),
        (("isr.mil",), False),  # another state denies its own deed: nothing about Russia's
        ((), True),  # a denial that names no perpetrator
    ],
)
def test_a_denial_joins_the_report_of_its_own_state_only(denier, joined):
    told = _account("a", _event("e1", ("rus.mil",)))
    denial = _account("b", _event("e2", denier, status="denied", date=None))
    incidents = cluster_incidents([told, denial], actors=STATES)
    assert (len(incidents) == 1) is joined
    if joined:
        assert [c.kind for c in incidents[0].contradictions] == ["occurrence"]  # nothing else against a denial


def test_a_state_and_its_organs_are_one_perpetrator():
    assert differences(_event("e1", ("rus.mil",)), _event("e2", ("rus.mod",)), {}, actors=STATES) == []
    (found,) = differences(_event("e1", ("syr.mil",)), _event("e2", ("syr.reb",)), {}, actors=STATES)
    assert found.explanation == "perpetrator: Syrian Armed Forces vs Syrian rebels"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Russia's defence ministry denied on Tuesday that its aircraft had struck a hospital in Idlib.", None),
        ("On Tuesday the ministry denied its jets bombed the market in Ariha.", None),
        ("Russia's defence ministry denied that its aircraft had struck a hospital in Idlib on Monday.", "2021-03-01"),
        ("On Tuesday the ministry said its jets bombed the market in Ariha.", "2021-03-02"),  # no denial
    ],
)
def test_a_denial_dates_itself_not_the_deed(pipeline, text, date):
    (event,) = [e for e in pipeline.extract(text, published="2021-03-03").events if e.type == "ASSAULT"]
    assert (event.date.value if event.date else None) == date


def test_a_named_denier_is_the_speaker_of_its_denial(pipeline):
    report = pipeline.extract("Russia rejected accusations that its jets bombed a hospital in Idlib.")
    (strike,) = [e for e in report.events if e.type == "ASSAULT"]
    assert strike.status == "denied"
    deniers = [c for c in report.claims if strike.id in c.events]
    assert [(c.speaker, c.cue) for c in deniers] == [("rus", "rejected")]
