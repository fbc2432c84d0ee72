"""The REST API in-process (FastAPI's TestClient) over a real store of three invented reports."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from warlog.api import close_app, create_app
from warlog.store import Store

LOCAL = "http://127.0.0.1"  # without a token the API answers only to a loopback Host
TEXTS = (
    (
        "Russian aircraft struck rebel positions near Aleppo on 10 October 2015, killing 12 fighters, the Syrian "
        "Observatory for Human Rights said. The Free Syrian Army denied the claim.",
        "2015-10-11",
        "Strikes near Aleppo",
    ),
    (
        "Islamic State fighters attacked a Kurdish checkpoint in Kobani on 3 June 2016, wounding five, a YPG "
        "spokesman said. Turkish officials met Russian diplomats in Ankara to discuss a ceasefire.",
        "2016-06-04",
        "Kobani checkpoint attacked",
    ),
    (
        "Government forces shelled Idlib on 2 March 2017, killing three civilians, residents said. A banner "
        "reading <script>alert('x')</script> and <img src=x onerror=alert(1)> hung outside the town hall.",
        "2017-03-03",
        "Shelling of Idlib",
    ),
)
ARTICLE = """<!doctype html><html><head><title>Clashes in Mosul</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Clashes in Mosul</h1>
<p>Iraqi forces attacked Islamic State positions in western Mosul on 5 May 2017, killing at least twenty
militants, an Iraqi army spokesman said on Saturday. Residents said the fighting went on through the night
and that several houses near the old city were destroyed by the shelling.</p>
<p>The Islamic State group did not comment on the reported losses. Aid agencies said thousands of families
had fled the district since the offensive began earlier in the week.</p>
</article><footer>Copyright 2017</footer></body></html>"""


@pytest.fixture(scope="module")
def corpus_db(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "corpus.duckdb"
    with Store.open(path) as store:
        for text, published, title in TEXTS:
            store.save(pipeline.extract(text, published=published, title=title))
    return path


@pytest.fixture(scope="module")
def client(corpus_db: Path, pipeline: Any) -> Iterator[TestClient]:
    app = create_app(corpus_db, settings=pipeline.settings, pipeline_loader=lambda: pipeline, read_only=True)
    yield TestClient(app, base_url=LOCAL)
    close_app(app)


@pytest.fixture
def writable(corpus_db: Path, pipeline: Any, tmp_path: Path) -> Iterator[TestClient]:
    """A client over a copy of the corpus that POSTs may change."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(corpus_db, path)
    app = create_app(path, settings=pipeline.settings, pipeline_loader=lambda: pipeline)
    yield TestClient(app, base_url=LOCAL)
    close_app(app)


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def assert_error(response: Any, status: int, code: str, *words: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert set(response.json()) == {"error"} and set(error) == {"status", "code", "message"}
    assert (error["status"], error["code"]) == (status, code)
    assert "\n" not in error["message"]
    for word in words:
        assert word in error["message"]


# --- listings: filters, sorting, paging -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 4),
        ("actor=rus", 2),  # as actor (ASSAULT) and as recipient (CONSULT)
        ("actor=Russia", 2),  # by name
        ("type=CONSULT", 1),
        ("status=asserted", 1),
        ("since=2016-01-01", 2),  # the undated CONSULT never matches a date filter
        ("since=2016-01-01&until=2016-12-31", 1),
        ("place=Aleppo", 1),
        ("type=ASSAULT&status=reported&since=2016", 2),
        ("actor=", 4),  # an empty value is no filter
    ],
)
def test_events_filters(client: TestClient, query: str, expected: int) -> None:
    body = client.get(f"/api/events?{query}").json()
    assert body["total"] == expected == len(body["items"])
    assert (body["limit"], body["offset"]) == (50, 0)


def test_events_sorting_and_paging(client: TestClient) -> None:
    dates = [e["date"] for e in client.get("/api/events?sort=date").json()["items"]]
    assert dates == ["2015-10-10", "2016-06-03", "2017-03-02", None]  # unknown last
    dates = [e["date"] for e in client.get("/api/events?sort=-date").json()["items"]]
    assert dates == ["2017-03-02", "2016-06-03", "2015-10-10", None]  # unknown last either way
    pages = [client.get(f"/api/events?limit=1&offset={i}").json() for i in range(5)]
    assert [p["total"] for p in pages] == [4] * 5
    seen = [(e["document"], e["id"]) for p in pages for e in p["items"]]
    assert len(seen) == len(set(seen)) == 4  # pages neither overlap nor skip
    assert client.get("/api/events?limit=0").json() == {"items": [], "total": 4, "limit": 0, "offset": 0}


def test_event_detail(client: TestClient) -> None:
    row = client.get("/api/events?type=CONSULT").json()["items"][0]
    body = client.get(f"/api/events/{row['document']}/{row['id']}").json()
    assert body["event"]["id"] == row["id"] and body["event"]["evidence"]["text"]
    assert {a["id"] for a in body["actors"]} >= {"tur", "rus"}
    assert body["place"]["name"] == "Ankara" and "text" not in body["document"]
    assert_error(client.get(f"/api/events/{row['document']}/ev_nope"), 404, "not_found", "ev_nope")


def test_documents(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == 3
    assert [d["published"] for d in body["items"]] == ["2017-03-03", "2016-06-04", "2015-10-11"]  # newest first
    first = body["items"][-1]
    assert (first["title"], first["events"], first["places"], first["claims"]) == ("Strikes near Aleppo", 1, 1, 2)
    assert len(ids(client.get("/api/documents?actor=rus"))) == 2
    assert len(ids(client.get("/api/documents?q=KOBANI"))) == 1
    assert len(ids(client.get("/api/documents?since=2016-01-01&until=2016-12"))) == 1
    titles = [d["title"] for d in client.get("/api/documents?sort=title").json()["items"]]
    assert titles == sorted(titles)
    report = client.get(f"/api/documents/{first['id']}").json()
    assert report["document"]["text"].startswith("Russian aircraft") and report["events"][0]["type"] == "ASSAULT"


def test_markup_in_a_document_is_json_text(client: TestClient) -> None:
    found = ids(client.get("/api/documents?q=banner"))
    response = client.get(f"/api/documents/{found[0]}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>alert('x')</script>" in response.json()["document"]["text"]
    assert "<img src=x onerror=alert(1)>" in response.json()["document"]["text"]


def test_actors(client: TestClient) -> None:
    body = client.get("/api/actors").json()
    assert body["items"][0]["id"] == "rus" and body["items"][0]["documents"] == 2  # most documents first
    assert set(ids(client.get("/api/actors?type=state"))) == {"rus", "syr", "tur"}
    assert ids(client.get("/api/actors?q=russ")) == ["rus"]
    names = [a["name"] for a in client.get("/api/actors?sort=-name&limit=500").json()["items"]]
    assert names == sorted(names, reverse=True)
    detail = client.get("/api/actors/rus").json()
    assert (detail["actor"]["name"], detail["documents"]) == ("Russia", 2)
    assert detail["events_as_actor"]["total"] == detail["events_as_recipient"]["total"] == 1
    assert detail["relations"]["total"] >= 1 and detail["claims"]["total"] == 0
    assert_error(client.get("/api/actors/nobody"), 404, "not_found", "nobody")


def test_claims_contradictions_places(client: TestClient) -> None:
    assert client.get("/api/claims").json()["total"] == 5
    assert ids(client.get("/api/claims?source_kind=named")) == ["cl_6495c0d92c50"]
    assert ids(client.get("/api/claims?speaker=syr.fsa")) == ids(client.get("/api/claims?actor=syr.fsa"))
    fsa = ids(client.get("/api/claims?speaker=syr.fsa&actor=Free Syrian"))  # the same filter twice: both hold
    assert fsa == ids(client.get("/api/claims?speaker=syr.fsa")) != []
    assert ids(client.get("/api/claims?speaker=syr.fsa&actor=rus")) == []
    assert len(ids(client.get("/api/claims?stance=neutral&since=2016"))) == 3
    assert client.get("/api/contradictions?kind=toll").json()["total"] == 0
    places = client.get("/api/places?q=aleppo").json()["items"]
    assert [(p["name"], p["documents"]) for p in places] == [("Aleppo", 1)] and places[0]["lat"]


def test_graph_and_incidents(client: TestClient) -> None:
    graph = client.get("/api/graph").json()
    assert {"rus", "syr.reb"} <= {n["id"] for n in graph["nodes"]}
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("rus", "syr.reb"))
    assert edge["polarity"] == "hostile" and edge["events"][0]["event"] == "ev_9b8e65e4a62e"
    assert client.get("/api/graph?type=CONSULT&affiliations=false").json()["edges"][0]["polarity"] == "cooperative"
    assert_error(client.get("/api/graph?type=BOGUS"), 422, "invalid", "BOGUS")
    incidents = client.get("/api/incidents?limit=1").json()
    assert incidents["total"] == 4 and len(incidents["items"]) == 1 and incidents["items"][0]["accounts"]


def test_incidents_are_grouped_without_holding_the_store(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Other requests wait for the store while `/api/incidents` reads the events, not while it groups them."""
    from warlog.api import routes_read

    state = client.app.state.warlog  # type: ignore[attr-defined]
    held = []

    def grouping(*args: Any, **kwargs: Any) -> Any:
        held.append(state._lock.locked())
        return group_incidents(*args, **kwargs)

    group_incidents = routes_read.group_incidents
    monkeypatch.setattr(routes_read, "group_incidents", grouping)
    assert client.get("/api/incidents?limit=1").json()["total"] == 4
    assert held == [False]


# --- one error shape everywhere -------------------------------------------------------------------------------

LISTS = ("documents", "actors", "events", "claims", "contradictions", "places", "incidents")


@pytest.mark.parametrize("name", LISTS)
def test_list_errors(client: TestClient, name: str) -> None:
    assert_error(client.get(f"/api/{name}?limit=501"), 422, "invalid", "limit")
    assert_error(client.get(f"/api/{name}?offset=-1"), 422, "invalid", "offset")
    # a number DuckDB cannot hold is refused before it reaches the database (it was a 500 with DuckDB's text)
    assert_error(client.get(f"/api/{name}?offset=857530075147112022016"), 422, "invalid", "offset", "1000000000")
    assert_error(client.get(f"/api/{name}?offset=1000000001"), 422, "invalid", "offset")
    assert client.get(f"/api/{name}?offset=1000000000").json()["items"] == []
    if name != "incidents":
        assert_error(client.get(f"/api/{name}?sort=nope"), 422, "invalid", "valid choices")
    if name in ("documents", "events", "claims", "contradictions", "incidents"):
        assert_error(client.get(f"/api/{name}?since=yesterday"), 422, "invalid", "ISO date")


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/api/events?status=won", ("won", "asserted")),
        ("/api/actors?type=alien", ("alien", "state")),
        ("/api/claims?stance=angry", ("angry", "endorses")),
        ("/api/claims?source_kind=rumour", ("rumour", "named")),
        ("/api/contradictions?kind=colour", ("colour", "perpetrator")),
        ("/api/incidents?max_km=0", ("max_km",)),
        ("/api/graph?status=won", ("won",)),
    ],
)
def test_invalid_values(client: TestClient, path: str, words: tuple[str, ...]) -> None:
    assert_error(client.get(path), 422, "invalid", *words)


def test_unknown_routes_methods_and_ids(client: TestClient) -> None:
    assert_error(client.get("/api/nothing"), 404, "not_found", "/api/nothing")
    assert_error(client.get("/nothing"), 404, "not_found")
    assert_error(client.get("/api/documents/d_nope"), 404, "not_found", "d_nope")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed", "DELETE")
    assert_error(client.put("/api/documents/x", json={}), 405, "method_not_allowed")
    assert_error(client.post("/api/documents", json={"text": "x"}), 403, "forbidden", "read-only")


def test_server_failure_is_the_envelope(corpus_db: Path, pipeline: Any, tmp_path: Path) -> None:
    def broken() -> Any:
        raise RuntimeError("secret internals")

    path = tmp_path / "c.duckdb"
    shutil.copy(corpus_db, path)
    app = create_app(path, settings=pipeline.settings, pipeline_loader=broken)
    try:
        response = TestClient(app, base_url=LOCAL, raise_server_exceptions=False).post(
            "/api/documents", json={"text": "Rebels attacked an army post in Homs on 4 May 2016, officials said."}
        )
        assert_error(response, 500, "internal_error", "failed")
        assert "secret" not in response.text
    finally:
        close_app(app)


def test_a_database_failure_tells_the_client_nothing_of_it(
    corpus_db: Path, pipeline: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "c.duckdb"
    shutil.copy(corpus_db, path)
    app = create_app(path, settings=pipeline.settings, pipeline_loader=lambda: pipeline)
    try:
        app.state.warlog.store.connection.execute("DROP TABLE contradictions")  # every read of it is now a DuckDB error
        with caplog.at_level("ERROR", logger="warlog.api"):
            response = TestClient(app, base_url=LOCAL).get("/api/contradictions")
        assert_error(response, 500, "store_error", "the store failed", "log")
        for leak in ("contradictions", "Catalog", "does not exist", str(path)):
            assert leak not in response.json()["error"]["message"]
        assert "Catalog Error" in caplog.text and "contradictions" in caplog.text  # the log has it all
    finally:
        close_app(app)


# --- POST /api/documents ---------------------------------------------------------------------------------------


def test_post_text_then_again(writable: TestClient) -> None:
    text = "Rebels attacked an army post in Homs on 4 May 2016, killing two soldiers, officials said."
    response = writable.post("/api/documents", json={"text": text, "published": "2016-05-05", "source": "Wire"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] is True and body["report"]["document"]["source"] == "Wire"
    assert body["report"]["events"] and writable.get(f"/api/documents/{body['id']}").status_code == 200
    again = writable.post("/api/documents", json={"text": text})
    assert (again.status_code, again.json()["stored"], again.json()["id"]) == (200, False, body["id"])
    assert writable.get("/api/documents").json()["total"] == 4


def test_post_html_and_url(writable: TestClient, pipeline: Any, tmp_path: Path) -> None:
    response = writable.post("/api/documents", json={"html": ARTICLE, "published": "2017-05-06"})
    assert response.status_code == 201, response.text
    document = response.json()["report"]["document"]
    assert document["title"] == "Clashes in Mosul" and "Home" not in document["text"]
    hits: list[str] = []

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            data = ARTICLE.replace("Mosul", "Tal Afar").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/story"
        refused = writable.post("/api/documents", json={"url": url})  # loopback: refused by default
        settings = pipeline.settings.with_overrides(allow_private_urls=True)
        app = create_app(tmp_path / "allowing.duckdb", settings=settings, pipeline_loader=lambda: pipeline)
        try:
            response = TestClient(app, base_url=LOCAL).post("/api/documents", json={"url": url, "title": "Our title"})
        finally:
            close_app(app)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
    assert_error(refused, 422, "invalid", f"{url}: refused: private address; set allow_private_urls")
    assert hits == ["/story"]  # the refused request was never sent
    assert response.status_code == 201, response.text
    document = response.json()["report"]["document"]
    assert (document["url"], document["title"]) == (url, "Our title") and "Tal Afar" in document["text"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({}, ("exactly one", "none")),
        ({"text": "a", "html": "<p>b</p>"}, ("exactly one", "text, html")),
        ({"text": "   "}, ("nothing",)),
        ({"text": "Rebels attacked Homs.", "published": "someday"}, ("someday",)),
        ({"url": "ftp://example.invalid/x"}, ("http",)),
        ({"url": "http://127.0.0.1:9/nothing"}, ("refused: private address",)),
        ({"url": "http://[::1]:9/nothing"}, ("refused: private address",)),
        ({"text": "Rebels attacked Homs.", "colour": "red"}, ("colour",)),
        ({"text": 3}, ("text",)),
    ],
)
def test_post_bad_input(writable: TestClient, body: dict, words: tuple[str, ...]) -> None:
    assert_error(writable.post("/api/documents", json=body), 422, "invalid", *words)


def test_post_needs_json(writable: TestClient) -> None:
    # a form or text/plain body (what another site's page can send without asking) is not read as JSON
    response = writable.post(
        "/api/documents", content=b'{"text": "Rebels attacked Homs."}', headers={"content-type": "text/plain"}
    )
    assert_error(response, 422, "invalid")


# --- corrections and exports ----------------------------------------------------------------------------------


def test_corrections(writable: TestClient) -> None:
    body = {"kind": "add_alias", "target": "rus", "after": "the Kremlin", "author": "ana", "note": "usage"}
    response = writable.post("/api/corrections", json=body)
    assert response.status_code == 201, response.text
    saved = response.json()
    assert (saved["kind"], saved["after"], saved["author"], saved["applied"]) == (
        "add_alias",
        "the Kremlin",
        "ana",
        True,
    )
    assert ids(writable.get("/api/actors?q=kremlin")) == ["rus"]
    event = writable.get("/api/events?type=CONSULT").json()["items"][0]
    status = {"kind": "set_event_status", "target": event["id"], "document": event["document"], "after": "denied"}
    assert writable.post("/api/corrections", json=status).status_code == 201
    assert writable.get("/api/events?status=denied").json()["total"] == 1
    trail = writable.get("/api/corrections?sort=-at").json()
    assert trail["total"] == 2 and trail["items"][0]["before"] == "asserted"
    assert writable.get("/api/corrections?target=rus").json()["total"] == 1
    assert_error(
        writable.post("/api/corrections", json={"kind": "rename", "target": "rus"}), 422, "invalid", "merge_actors"
    )
    assert_error(writable.post("/api/corrections", json={"kind": "add_alias"}), 422, "invalid", "target")
    assert_error(writable.get("/api/corrections?sort=who"), 422, "invalid", "'at', 'id'")


def test_corrections_on_a_read_only_store(client: TestClient) -> None:
    body = {"kind": "add_alias", "target": "rus", "after": "Moscow"}
    assert_error(client.post("/api/corrections", json=body), 403, "forbidden", "read-only")
    assert client.get("/api/corrections").json() == {"items": [], "total": 0, "limit": 50, "offset": 0}


def test_exports(client: TestClient) -> None:
    import io
    import zipfile

    import networkx as nx

    from warlog.export import ACLED_COLUMNS

    acled = client.get("/api/export?format=acled-csv")
    assert acled.headers["content-type"].startswith("text/csv")
    assert acled.text.splitlines()[0].split(",") == list(ACLED_COLUMNS)
    assert "attachment" in acled.headers["content-disposition"]
    graph = nx.parse_graphml(client.get("/api/export?format=graphml").text)
    assert graph.has_edge("rus", "syr.reb")
    reports = client.get("/api/export?format=jsonl&since=2016").text.splitlines()
    assert len(reports) == 2
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/export?format=parquet").content))
    assert "events.parquet" in archive.namelist()
    assert_error(client.get("/api/export?format=xls"), 422, "invalid", "acled-csv")
    assert_error(client.get("/api/export?format=jsonl&type=ASSAULT"), 422, "invalid", "type")
    assert_error(client.get("/api/export"), 422, "invalid", "format")
    per_event = client.get("/api/export?format=acled-csv&per_event=true").text.splitlines()
    assert len(per_event) >= len(acled.text.splitlines())  # an incident told twice is two rows here
    assert_error(client.get("/api/export?format=plover-json&per_event=true"), 422, "invalid", "acled-csv only")


def test_export_min_confidence(client: TestClient) -> None:
    import json

    every = [json.loads(line) for line in client.get("/api/export?format=plover-json").text.splitlines()]
    confidences = sorted({record["confidence"] for record in every})
    assert len(confidences) >= 2
    threshold = confidences[1]
    answer = client.get(f"/api/export?format=plover-json&min_confidence={threshold}")
    assert answer.status_code == 200
    kept = [json.loads(line) for line in answer.text.splitlines()]
    assert {r["id"] for r in kept} == {r["id"] for r in every if r["confidence"] >= threshold}
    assert 0 < len(kept) < len(every)
    assert len(client.get("/api/export?format=plover-json&min_confidence=0").text.splitlines()) == len(every)
    for value in ("1.01", "-0.5", "high", "nan"):
        assert_error(
            client.get(f"/api/export?format=acled-csv&min_confidence={value}"), 422, "invalid", "min_confidence"
        )
    assert_error(client.get("/api/export?format=graphml&min_confidence=0.5"), 422, "invalid", "min_confidence")
    events = client.get(f"/api/events?min_confidence={threshold}&limit=500").json()
    assert events["items"] and all(e["confidence"] >= threshold for e in events["items"])
    assert events["total"] < client.get("/api/events?min_confidence=0").json()["total"]
    assert_error(client.get("/api/events?min_confidence=2"), 422, "invalid", "min_confidence")
    schema = client.get("/openapi.json").json()
    (param,) = [p for p in schema["paths"]["/api/export"]["get"]["parameters"] if p["name"] == "min_confidence"]
    number = next(option for option in param["schema"]["anyOf"] if option.get("type") == "number")
    assert (number["minimum"], number["maximum"]) == (0, 1)


# --- token, Host, body limit, headers -----------------------------------------------------------------------


def test_token(corpus_db: Path, pipeline: Any) -> None:
    app = create_app(corpus_db, settings=pipeline.settings, token="s3cret", read_only=True)
    try:
        client = TestClient(app, base_url="http://warlog.example.org")  # with a token any Host is served
        assert_error(client.get("/api/events"), 401, "unauthorized", "Bearer")
        assert client.get("/api/events").headers["www-authenticate"] == "Bearer"
        assert_error(client.get("/api/nothing"), 401, "unauthorized")  # unknown routes tell nothing either
        assert_error(client.get("/api/events", headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
        assert_error(client.get("/api/events", headers={"Authorization": "Basic s3cret"}), 401, "unauthorized")
        assert client.get("/api/events", headers={"Authorization": "Bearer s3cret"}).json()["total"] == 4
        assert client.get("/docs").status_code == client.get("/openapi.json").status_code == 200
        assert "HTTPBearer" in client.get("/openapi.json").json()["components"]["securitySchemes"]
    finally:
        close_app(app)


def test_without_a_token_only_loopback_hosts(client: TestClient) -> None:
    for host in ("localhost:8765", "127.0.0.1", "[::1]:8765"):
        assert client.get("/api/places", headers={"host": host}).status_code == 200
    assert_error(client.get("/api/places", headers={"host": "evil.example:8765"}), 403, "forbidden", "evil.example")


def test_body_limit(corpus_db: Path, pipeline: Any, tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    shutil.copy(corpus_db, path)
    settings = pipeline.settings.with_overrides(max_request_bytes=200)
    app = create_app(path, settings=settings, pipeline_loader=lambda: pipeline)
    try:
        client = TestClient(app, base_url=LOCAL)
        big = {"text": "Rebels attacked Homs. " * 20}
        assert_error(client.post("/api/documents", json=big), 413, "payload_too_large", "200 bytes")

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
            yield b'{"text": "'
            yield b"x" * 300
            yield b'"}'

        response = client.post("/api/documents", content=chunks(), headers={"content-type": "application/json"})
        assert_error(response, 413, "payload_too_large")
    finally:
        close_app(app)


def test_pages_and_headers(client: TestClient, corpus_db: Path, tmp_path: Path) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "default-src 'self'" in docs.headers["content-security-policy"]
    assert "<script>" not in docs.text and "http" not in docs.text  # no inline script, nothing from elsewhere
    for asset in ("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/docs/init.js"):
        assert client.get(asset).status_code == 200, asset
    assert "/api/events" in client.get("/openapi.json").json()["paths"]
    app = create_app(corpus_db, read_only=True, web_dir=tmp_path / "not-built")
    try:
        home = TestClient(app, base_url=LOCAL).get("/")
        assert home.status_code == 200 and "not built" in home.text
        assert "default-src 'self'" in home.headers["content-security-policy"]
    finally:
        close_app(app)
