"""The API against its own OpenAPI document: schemathesis, in-process, few examples, a fixed seed.

Every operation of /openapi.json is called with requests generated from its schema (its documented
examples, boundary values, then a few random ones) on a read-only store of three small reports, and
each answer is checked: no server error, a documented status, the documented content type and body
shape, and a request the schema allows is not refused (a 422 on one means the schema is loose).

The app is reached through ASGI, never a socket. The store is read-only, so the two POSTs answer 403
once their body is valid: nothing is analyzed (no spaCy pipeline) and no URL is fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from warlog.api import close_app, create_app
from warlog.settings import Settings
from warlog.store import Store

LOCAL = "http://127.0.0.1"  # without a token the API answers only to a loopback Host
SEED = 20151010
EXAMPLES = 8  # random requests per operation, after its documented examples and boundary values
TEXTS = (
    (
        "Russian aircraft struck rebel positions near Aleppo on 10 October 2015, killing 12 fighters, the Syrian "
        "Observatory for Human Rights said. The Free Syrian Army denied the claim.",
        "2015-10-11",
    ),
    (
        "Islamic State fighters attacked a Kurdish checkpoint in Kobani on 3 June 2016, wounding five, a YPG "
        "spokesman said. Turkish officials met Russian diplomats in Ankara to discuss a ceasefire.",
        "2016-06-04",
    ),
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    positive_data_acceptance,
]


@pytest.fixture(scope="module")
def contract_db(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contract") / "corpus.duckdb"
    with Store.open(path) as store:
        for text, published in TEXTS:
            store.save(pipeline.extract(text, published=published))
    return path


@pytest.fixture
def contract_app(contract_db: Path, pipeline: Any) -> Iterator[FastAPI]:
    """A read-only app, one per operation: schemathesis ends the app's lifespan after each test, which
    closes its store."""

    def no_pipeline() -> Any:
        raise AssertionError("a read-only store never analyzes")

    app = create_app(contract_db, settings=pipeline.settings, pipeline_loader=no_pipeline, read_only=True)
    yield app
    close_app(app)


def load_schema() -> Any:
    """The app's OpenAPI document as schemathesis reads it, with the run's settings. The document does not
    depend on the data, so an app over an empty in-memory store gives it, and the tests are generated from
    it when pytest collects them (schemathesis' lazy `from_fixture` needs a pytest attribute that pytest 9
    dropped); the requests go to `contract_app`."""
    app = create_app(":memory:", settings=Settings())
    try:
        document = app.openapi()
    finally:
        close_app(app)
    config = SchemathesisConfig(seed=SEED)
    project = config.projects.default
    project.update(base_url=LOCAL)
    project.generation.update(max_examples=EXAMPLES, deterministic=True, database="none")
    project.phases.update(phases=["examples", "coverage", "fuzzing"])
    return schemathesis.openapi.from_dict(document, config=config)


schema = load_schema()


@schema.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # one app per operation, on purpose
def test_api_matches_its_schema(case: Any, contract_app: FastAPI) -> None:
    checks = CHECKS
    if case.operation.label == "GET /api/export":
        # which filters apply depends on the format (jsonl and parquet take no type or status), which
        # OpenAPI cannot say: such a request is refused with a 422 naming the filters that format takes
        checks = [check for check in CHECKS if check is not positive_data_acceptance]
    case.call_and_validate(app=contract_app, base_url=LOCAL, checks=checks)


def test_the_schema_states_bounds_choices_and_errors(contract_app: FastAPI) -> None:
    document = contract_app.openapi()
    operations = [(path, op) for path, item in document["paths"].items() for op in item.values()]
    schemas = {(path, p["name"]): p["schema"] for path, op in operations for p in op.get("parameters", [])}
    assert schemas["/api/events", "offset"]["maximum"] == 1_000_000_000
    assert schemas["/api/incidents", "max_days"]["maximum"] and schemas["/api/incidents", "max_km"]["maximum"]
    integers = [(where, s) for where, s in schemas.items() if s.get("type") == "integer"]
    assert integers and all("minimum" in s and "maximum" in s for _, s in integers), integers
    assert "-fatalities" in str(schemas["/api/events", "sort"]) and "-at" in str(schemas["/api/corrections", "sort"])
    assert schemas["/api/export", "format"]["enum"][0] == "acled-csv"
    assert "ASSAULT" in schemas["/api/graph", "type"]["enum"]
    assert "" in schemas["/api/events", "status"]["anyOf"][0]["enum"]  # an empty value is no filter
    envelope = {"$ref": "#/components/schemas/ErrorEnvelope"}
    for path, op in operations:
        for status in ("401", "403", "422", "500"):
            assert op["responses"][status]["content"]["application/json"]["schema"] == envelope, (path, status)
