"""`warlog eval polnear` on a tiny invented brat split written to a temp dir (PolNeAR itself is never copied)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warlog.cli import evaluate as eval_cli
from warlog.errors import InputError
from warlog.evaluate.polnear import evaluate_polnear, parse_ann, polnear_name, read_polnear

TEXT = (
    "The mayor said that the bridge would reopen on Monday.\n\n"
    "“We are not leaving,” one protester told Reuters.\n\n"
    "Rain fell all day."
)


def _span(fragment: str) -> str:
    start = TEXT.index(fragment)
    return f"{start} {start + len(fragment)}\t{fragment}"


ANN = "\n".join(
    [
        f"T1\tSource {_span('The mayor')}",
        f"T2\tCue {_span('said')}",
        f"T3\tContent {_span('that the bridge would reopen on Monday')}",
        f"T4\tAttribution {_span('said')}",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        f"T5\tSource {_span('one protester')}",
        f"T6\tCue {_span('told')}",
        f"T7\tContent {_span('“We are not leaving,”')}",
        f"T8\tAttribution {_span('told')}",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        f"T9\tDiscard {_span('Rain fell all day.')}",
    ]
)


def _split(root: Path, ann: str = ANN) -> Path:
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "invented_2016-01-01_mayor.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "invented_2016-01-01_mayor_ab12.ann").write_text(ann + "\n", encoding="utf-8")
    return split


def test_read_a_split(tmp_path):
    dataset = read_polnear(_split(tmp_path))
    assert dataset.name == "polnear-dev" == polnear_name(tmp_path / "dev") and len(dataset.sha256) == 64
    (article,) = dataset.articles
    assert len(article.attributions) == 2 and dataset.problems == ()
    first = article.attributions[0]
    assert TEXT[slice(*first.source[0])] == "The mayor" and TEXT[slice(*first.cue[0])] == "said"


def test_scores_on_invented_text(pipeline, tmp_path):
    evaluation = evaluate_polnear(pipeline, read_polnear(_split(tmp_path)))
    metrics = evaluation.metrics
    assert metrics["content_exact_f1"] == 1.0  # "that" joins the predicted content, as PolNeAR writes it
    assert metrics["source_exact_f1"] == metrics["cue_exact_f1"] == metrics["attribution_f1"] == 1.0
    assert metrics["all_overlap_f1"] == 1.0 and evaluation.counts["all_exact_f1"] == 6


def test_parse_ann_fragments_and_no_source():
    text = "Abc def ghi jkl."
    ann = "T1\tCue 4 7\tdef\nT2\tContent 0 3;8 11\tAbc ghi\nT3\tAttribution 4 7\tdef\n"
    ann += "E1\tAttribution-no-source:T3 Cue:T1 Content:T2"
    (gold,) = parse_ann(ann, len(text))
    assert gold.source is None and gold.content == ((0, 3), (8, 11))


@pytest.mark.parametrize(
    ("ann", "problem"),
    [
        ("T1\tSource 5\tx", "f.ann:1: not a brat text-bound line"),
        ("T1\tSource 0 999\tx", "f.ann:1: span 0 999 lies outside the text"),
        ("T1\tSource 0 3\tAbc\nE1\tAttribution:T9 Source:T1", "f.ann:2: argument 'Attribution:T9'"),
    ],
)
def test_malformed_ann(ann, problem):
    with pytest.raises(InputError, match=problem):
        parse_ann(ann, 16, source="f.ann")


def test_a_malformed_file_is_left_out_and_the_batch_goes_on(tmp_path):
    split = _split(tmp_path)
    (split / "text" / "invented_2016-01-02_broken.txt").write_text("Short text.", encoding="utf-8")
    (split / "attributions" / "invented_2016-01-02_broken_ab12.ann").write_text("T1\tCue x\n", encoding="utf-8")
    dataset = read_polnear(split)
    assert len(dataset.articles) == 1 and len(dataset.problems) == 1
    assert "invented_2016-01-02_broken_ab12.ann:1:" in dataset.problems[0]


def test_not_a_split(tmp_path):
    _split(tmp_path)
    with pytest.raises(InputError, match=r"point at one split: .*dev"):
        read_polnear(tmp_path)
    with pytest.raises(InputError, match="is not a PolNeAR split"):
        read_polnear(tmp_path / "missing")


def test_cli_json_and_floors(pipeline, tmp_path, monkeypatch):
    monkeypatch.setattr(eval_cli, "load_pipeline", lambda model: pipeline)  # reuse the loaded pipeline
    split, baseline = _split(tmp_path), tmp_path / "baseline.json"
    runner = CliRunner()
    result = runner.invoke(eval_cli.eval_app, ["polnear", str(split), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["metrics"]["attribution_f1"] == 1.0
    result = runner.invoke(eval_cli.eval_app, ["polnear", str(split), "--check", str(baseline), "--update-floors"])
    assert result.exit_code == 0 and "polnear-dev" in json.loads(baseline.read_text())["datasets"]
    result = runner.invoke(eval_cli.eval_app, ["polnear", str(split), "--check", str(baseline)])
    assert result.exit_code == 0 and "floors check of polnear-dev" in result.output


def test_cli_missing_directory_is_one_line(tmp_path):
    result = CliRunner().invoke(eval_cli.eval_app, ["polnear", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "is not a PolNeAR split" in result.output and "Traceback" not in result.output
