"""`warlog eval claims`: the gold file's validation (one `file:line:` line per mistake), the metric
arithmetic on a report built by hand, and a run of the pipeline and of the CLI on an invented document.
Texts and gold files are invented and written to tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warlog.cli import evaluate as eval_cli
from warlog.errors import PackError
from warlog.evaluate.claims import evaluate_claims, match_spans, prf, read_gold, score_claims
from warlog.model import Claim, Contradiction, Document, Evidence, Relation, Report

TEXT = (
    "Ali said the army “shelled the market.” Omar said the rebels fired first. Some reports say twelve died in "
    "Homs. In truth nobody died, and it was in Hama. The “truce” was a “sham”, the “peace” a lie. Officials "
    "insisted the roads were open.\n"
)

GOLD = """\
# invented for the tests
document: doc.txt
published: 2020-03-02
claims:
  - id: ali-market
    content: shelled the market
    speaker: new.ali
    source_kind: named
    cue: said
    direct: true
    hedged: false
    author_stance: neutral
  - id: omar-fired
    content: the rebels fired first
    speaker: new.omar
    source_kind: named
    cue: said
    direct: false
    hedged: false
    author_stance: disputes
  - id: reports-twelve
    content: twelve died
    speaker: ~
    source_kind: unnamed
    cue: say
    direct: false
    hedged: true
    author_stance: neutral
scare_quotes: [“truce”, “peace”]
contradictions:
  - kind: toll
    items: [twelve died, nobody died]
  - kind: place
    items: [in Homs, in Hama]
relations:
  - {source: a, target: b, polarity: hostile}
  - {source: c, target: d, polarity: affiliation}
  - {source: e, target: f, polarity: cooperative}
"""


def write(tmp_path: Path, gold: str = GOLD, text: str = TEXT) -> Path:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "gold.yaml"
    path.write_text(gold, encoding="utf-8")
    return path


def evidence(text: str, part: str) -> Evidence:
    start = text.index(part)
    return Evidence(start, start + len(part), part)


def claim(id_: str, part: str, text: str = TEXT, **fields) -> Claim:
    return Claim(id=id_, text=part, evidence=evidence(text, part), **fields)


def report(claims, contradictions=(), relations=(), text: str = TEXT) -> Report:
    return Report("test", Document("doc", text), claims=tuple(claims), contradictions=tuple(contradictions),
                  relations=tuple(relations))  # fmt: skip


def test_the_gold_is_read_and_pinned(tmp_path):
    gold = read_gold(write(tmp_path))
    assert gold.name == "gold.yaml" and len(gold.sha256) == 64 and gold.published == "2020-03-02"
    assert [c.id for c in gold.claims] == ["ali-market", "omar-fired", "reports-twelve"]
    assert gold.claims[2].speaker is None and gold.claims[2].hedged is True and gold.claims[0].direct is True
    assert gold.claims[0].content.line == 6
    assert gold.document == (tmp_path / "doc.txt").resolve()
    changed = read_gold(write(tmp_path, text=TEXT + "More text.\n"))
    assert changed.sha256 != gold.sha256  # the document is pinned with the gold


def test_the_metric_arithmetic(tmp_path):
    gold = read_gold(write(tmp_path))
    predicted = report(
        [
            claim("p1", "the army “shelled the market.”", speaker="new.ali", cue="Said", direct=True),
            claim("p2", "the rebels fired first", speaker=None, cue="said"),
            claim("p3", "the roads were open", source_kind="unnamed", cue="insisted"),
            claim("a1", "In truth nobody died, and it was in Hama.", source_kind="author"),
            claim("a2", "twelve died in Homs", source_kind="author"),  # the author's: never matched
            claim("s1", "“truce”", source_kind="scare_quote"),
            claim("s2", "“sham”", source_kind="scare_quote"),
        ],
        [
            Contradiction("c1", "toll", ("a1", "ev_not_a_claim"), "twelve vs none"),
            Contradiction("c2", "place", ("p1",), "shares no gold item"),
            Contradiction("c3", "date", ("a1",), "no such gold kind"),
        ],
        [Relation("b", "a", "hostile"), Relation("d", "c", "affiliation")],
    )
    evaluation = score_claims(gold, predicted)
    m, n = evaluation.metrics, evaluation.counts
    assert (m["claim_precision"], m["claim_recall"], m["claim_f1"]) == (0.6667, 0.6667, 0.6667)
    assert (n["claim_precision"], n["claim_recall"], n["speaker_accuracy"]) == (3, 3, 2)
    assert m["speaker_accuracy"] == 0.5 and m["author_stance_accuracy"] == 0.5
    assert m["cue_accuracy"] == 1.0 and m["direct_accuracy"] == 1.0 and m["co_speakers_accuracy"] == 1.0
    assert (m["scare_quote_recall"], m["scare_quote_precision"]) == (0.5, 0.5)
    assert (m["contradiction_recall"], m["contradiction_precision"]) == (0.5, 0.3333)
    assert m["relation_recall"] == 0.3333  # hostile matches reversed; affiliation only as given
    assert (evaluation.task, evaluation.rows, evaluation.limit) == ("claims", 3, None)
    misses = evaluation.details["misses"]
    assert "claim omar-fired: speaker new.omar, warlog ~" in misses
    assert "claim omar-fired: author_stance disputes, warlog neutral" in misses
    assert "claim reports-twelve: not found ('twelve died')" in misses
    assert any(line.startswith("warlog claim not in the gold: 'the roads were open'") for line in misses)
    assert "scare quote not found: “peace”" in misses and "relation not found: e cooperative f" in misses


def test_empty_gold_lists_are_not_scored(tmp_path):
    gold = GOLD.split("scare_quotes:")[0]
    evaluation = score_claims(read_gold(write(tmp_path, gold)), report([]))
    assert evaluation.metrics["claim_recall"] == 0.0 and evaluation.metrics["claim_precision"] == 0.0
    assert not {"scare_quote_recall", "contradiction_recall", "relation_recall"} & set(evaluation.metrics)


def test_matching_is_one_to_one_largest_overlap_first():
    assert match_spans([(0, 10)], [(0, 5), (3, 10)]) == [(0, 1)]
    assert match_spans([(0, 10), (20, 30)], [(5, 25)]) == [(0, 0)]  # a tie: the earlier gold
    assert match_spans([(0, 10)], [(10, 20)]) == []  # touching is not overlapping
    assert prf(0, 0, 4) == (0.0, 0.0, 0.0) and prf(2, 4, 2) == (0.5, 1.0, 0.6667)


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("    hedged: true\n", "    hedged: true\n    hedges: [say]\n", 28, "claims.2.hedges: unknown key"),
        ("    speaker: new.omar\n", "    speeker: new.omar\n", 13, "claims.1.speaker: required key is missing"),
        ("author_stance: disputes", "author_stance: denies", 20, "claims.1.author_stance: Input should be"),
        ("    direct: true\n", "    direct: maybe\n", 10, "claims.0.direct: Input should be a valid boolean"),
        ("content: twelve died", "content: thirteen died", 22, "claims.2.content: 'thirteen died' is not in"),
        ("content: shelled the market", "content: said", 6, "claims.0.content: 'said' occurs 2 times"),
        ("id: omar-fired", "id: ali-market", 13, "claims.1.id: 'ali-market' is used twice"),
        ("[in Homs, in Hama]", "[in Homs, in Aleppo]", 34, "contradictions.1.items.1: 'in Aleppo' is not in"),
        ("document: doc.txt", "document: missing.txt", 2, "document: cannot read"),
        ("published: 2020-03-02", "published: 2020-13-02", 3, "published: '2020-13-02' is not"),
        ("polarity: hostile", "polarity: friendly", 36, "relations.0.polarity: Input should be"),
    ],
)
def test_a_bad_gold_file_is_one_line_with_its_place(tmp_path, old, new, line, message):
    assert old in GOLD
    path = write(tmp_path, GOLD.replace(old, new, 1))
    with pytest.raises(PackError) as raised:
        read_gold(path)
    assert str(raised.value).startswith(f"{path}:{line}: {message}"), str(raised.value)
    assert "\n" not in str(raised.value)


def test_not_yaml_or_not_a_mapping(tmp_path):
    with pytest.raises(PackError, match=r"gold\.yaml:2: invalid YAML"):
        read_gold(write(tmp_path, "document: doc.txt\n  claims: [\n"))
    with pytest.raises(PackError, match=r"gold\.yaml:1: a claims gold file is a mapping with keys document, claims"):
        read_gold(write(tmp_path, "- just a list\n"))


def test_a_passage_the_ingest_drops_is_named_with_its_line(tmp_path):
    gold = read_gold(write(tmp_path))
    with pytest.raises(PackError, match=r"gold\.yaml:6: 'shelled the market' is not found exactly once"):
        score_claims(gold, report([], text="Another text altogether."))


@pytest.mark.slow
def test_the_pipeline_on_an_invented_document(pipeline, tmp_path):
    evaluation = evaluate_claims(pipeline, read_gold(write(tmp_path)))
    assert evaluation.dataset == "gold.yaml" and evaluation.rows == 3
    assert all(0.0 <= v <= 1.0 for v in evaluation.metrics.values())
    assert {"claim_f1", "speaker_accuracy", "scare_quote_recall", "contradiction_recall", "relation_recall"} <= set(
        evaluation.metrics
    )
    assert evaluation.details["published"] == "2020-03-02"
    assert evaluation.details["matched_claims"] >= 2  # "Ali said ..." and "Some reports say ..." at least
    assert evaluation.metrics["scare_quote_recall"] >= 0.5  # “truce”


@pytest.mark.slow
def test_the_cli_scores_checks_and_sets_floors(pipeline, tmp_path, monkeypatch):
    monkeypatch.setattr(eval_cli, "load_pipeline", lambda model: pipeline)
    runner = CliRunner()
    path, baseline = write(tmp_path), tmp_path / "baseline.json"
    result = runner.invoke(eval_cli.eval_app, ["claims", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["task"] == "claims" and scores["dataset"] == "gold.yaml" and scores["rows"] == 3
    update = ["claims", str(path), "--check", str(baseline), "--update-floors"]
    assert runner.invoke(eval_cli.eval_app, update).exit_code == 0
    assert json.loads(baseline.read_text())["datasets"]["gold.yaml"]["task"] == "claims"
    result = runner.invoke(eval_cli.eval_app, ["claims", str(path), "--check", str(baseline)])
    assert result.exit_code == 0 and "where warlog and the gold differ" in result.stdout
    assert "floors check of gold.yaml" in result.stderr and "ok" in result.stderr


def test_the_cli_says_what_is_wrong_with_a_gold_file_in_one_line(tmp_path):
    path = write(tmp_path, GOLD.replace("cue: say\n", "cue: say\n    cues: [say]\n"))
    result = CliRunner().invoke(eval_cli.eval_app, ["claims", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}:26: claims.2.cues: unknown key"), lines
