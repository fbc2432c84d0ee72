"""`warlog eval polnear-alarms`: violent events per 1,000 words and precision/recall on a conflict gold,
on invented campaign news laid out like a PolNeAR split in a temp dir (PolNeAR itself is never copied)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warlog.cli import evaluate as eval_cli
from warlog.errors import InputError
from warlog.evaluate.alarms import (
    evaluate_false_alarms,
    per_1000_words,
    published_of,
    read_conflict_gold,
    score_conflict_gold,
    word_count,
)
from warlog.evaluate.floors import Baseline, DatasetFloors, check, is_ceiling, update
from warlog.evaluate.goldspans import span_sha
from warlog.evaluate.metrics import Evaluation
from warlog.evaluate.polnear import read_polnear
from warlog.model import Event, Evidence

CALM = (
    "The senator told supporters in Iowa on Tuesday that the race was close. "
    "Her campaign raised more money than expected in August, according to a filing."
)
OTHER = "The governor spoke about jobs and taxes at a town hall in Ohio. Voters asked about schools and roads."
ATTACK = "Gunmen attacked a police checkpoint in Kandahar on Monday, killing three officers. The senator spoke in Ohio."
ARTICLES = {"invented_2016-01-01_calm": CALM, "invented_2016-01-02_other": OTHER, "invented_2016-01-03_attack": ATTACK}


def _split(root: Path, articles: dict[str, str] = ARTICLES) -> Path:
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    for name, text in articles.items():
        (split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (split / "attributions" / f"{name}_ab12.ann").write_text("", encoding="utf-8")
    return split


def _line(name: str, fragment: str, event_type: str = "Battles") -> str:
    text = ARTICLES[name]
    start = text.index(fragment)
    return f"dev\t{name}\t{start}\t{start + len(fragment)}\t{event_type}\t{span_sha(fragment)}"


GOLD = "\n".join(
    [
        "# invented gold",
        "dev\tinvented_2016-01-01_calm\tnone",
        "",
        _line("invented_2016-01-03_attack", "Gunmen attacked a police checkpoint"),
        _line("invented_2016-01-03_attack", "killing three officers"),
    ]
)


def _gold(root: Path, body: str = GOLD) -> Path:
    path = root / "gold.tsv"
    path.write_text(body + "\n", encoding="utf-8")
    return path


def test_per_1000_words_arithmetic():
    assert word_count("one two\tthree\n four ") == 4 and word_count("") == 0
    assert per_1000_words(2, 1000) == 2.0 and per_1000_words(1, 3000) == 0.3333
    assert per_1000_words(3, 150) == 20.0 and per_1000_words(0, 0) == 0.0 and per_1000_words(0, 500) == 0.0


def test_the_publication_date_comes_from_the_file_name():
    assert published_of("wash-post_2016-09-26_charlotte-struggles-to-ret") == "2016-09-26"
    assert published_of("notes-without-a-date") is None


def test_no_alarm_on_calm_news(pipeline, tmp_path):
    calm = {k: v for k, v in ARTICLES.items() if "attack" not in k}
    evaluation = evaluate_false_alarms(pipeline, read_polnear(_split(tmp_path, calm)))
    assert evaluation.dataset == "polnear-dev-alarms" and evaluation.task == "polnear-alarms" and evaluation.rows == 2
    assert evaluation.metrics == {"violent_asserted_per_1000_words": 0.0, "violent_happened_per_1000_words": 0.0}
    assert evaluation.details["words"] == word_count(CALM) + word_count(OTHER)


def test_an_attack_counts_per_1000_words(pipeline, tmp_path):
    evaluation = evaluate_false_alarms(pipeline, read_polnear(_split(tmp_path)))
    words = sum(word_count(t) for t in ARTICLES.values())
    happened = evaluation.details["violent_happened"]
    assert happened >= 1 and evaluation.details["words"] == words
    assert evaluation.metrics["violent_happened_per_1000_words"] == per_1000_words(happened, words)
    assert evaluation.metrics["violent_asserted_per_1000_words"] == per_1000_words(
        evaluation.details["violent_asserted"], words
    )


def test_read_the_gold(tmp_path):
    _split(tmp_path)
    gold = read_conflict_gold(_gold(tmp_path), tmp_path)
    assert gold.name == "gold.tsv" and len(gold.sha256) == 64
    calm, attack = gold.articles
    assert (calm.name, calm.events) == ("invented_2016-01-01_calm", ())
    assert [ATTACK[e.start : e.end] for e in attack.events] == ["Gunmen attacked a police checkpoint",
                                                                 "killing three officers"]  # fmt: skip
    assert [e.line for e in attack.events] == [4, 5] and attack.events[0].event_type == "Battles"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("dev\tinvented_2016-01-02_other\t1\t5", "expected 6 tab-separated fields"),
        ("dev\tinvented_2016-01-02_other\tnothing", "expected 6 tab-separated fields"),
        ("dev\tinvented_2016-01-02_other\tx\t5\tBattles\tabc", "character offsets"),
        ("dev\tinvented_2016-01-02_other\t5\t9999\tBattles\tabc", "lies outside the text"),
        ("dev\tinvented_2016-01-02_other\t0\t3\tProtests\tabc", "not a violent ACLED event type"),
        ("dev\tinvented_2016-01-02_other\t0\t3\tBattles\t000000000000", "no longer hashes"),
        ("dev\tinvented_2016-09-09_absent\tnone", "cannot read the article"),
        ("dev\tinvented_2016-01-01_calm\tnone", "listed again"),
    ],
)
def test_a_malformed_gold_line_is_one_line_with_file_and_line(tmp_path, line, problem):
    _split(tmp_path)
    path = _gold(tmp_path, GOLD + "\n" + line)
    with pytest.raises(InputError) as caught:
        read_conflict_gold(path, tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}:6: ") and problem in message and "\n" not in message


def _event(start: int, end: int, acled: str = "Battles", status: str = "asserted", also=()) -> Event:
    evidence = Evidence(start, end, ATTACK[start:end])
    return Event(f"e{start}", "ASSAULT", evidence, status=status, codes=(("acled_event_type", acled),), also=also)


def _score(gold, events: dict[str, list[Event]]) -> Evaluation:
    """The scores for the events given per text, so the matching is tested exactly."""
    return score_conflict_gold(gold, [events.get(article.text, []) for article in gold.articles])


def test_precision_and_recall_match_by_overlap(tmp_path):
    _split(tmp_path)
    gold = read_conflict_gold(_gold(tmp_path), tmp_path)
    killing = ATTACK.index("killing")
    evaluation = _score(
        gold,
        {
            ATTACK: [
                _event(0, 6),  # "Gunmen": overlaps the first gold span
                _event(killing + 3, killing + 6, "Violence against civilians"),  # inside the second
                _event(killing, killing + 7, status="hypothetical"),  # not HAPPENED: ignored
                _event(killing, killing + 7, acled="Protests"),  # not violent: ignored
            ],
            CALM: [_event(4, 11, "Riots", status="reported")],  # a false alarm
        },
    )
    assert evaluation.metrics["violent_precision"] == 0.6667 and evaluation.metrics["violent_recall"] == 1.0
    assert evaluation.metrics["violent_f1"] == 0.8
    words = word_count(CALM) + word_count(ATTACK)
    assert evaluation.metrics["violent_happened_per_1000_words"] == per_1000_words(3, words)
    assert evaluation.counts["violent_precision"] == 3 and evaluation.counts["violent_recall"] == 2
    assert any("false alarm" in m and "calm" in m for m in evaluation.details["misses"])


def test_further_evidence_matches_and_a_miss_is_listed(tmp_path):
    _split(tmp_path)
    gold = read_conflict_gold(_gold(tmp_path), tmp_path)
    end = len(ATTACK)
    also = (Evidence(0, 6, "Gunmen"),)
    evaluation = _score(gold, {ATTACK: [_event(end - 5, end, also=also)]})
    assert evaluation.metrics["violent_precision"] == 1.0 and evaluation.metrics["violent_recall"] == 0.5
    assert [m for m in evaluation.details["misses"] if "missed" in m and "gold line 5" in m]


def _evaluation(value: float) -> Evaluation:
    metrics = {"violent_asserted_per_1000_words": value, "violent_precision": 0.5}
    return Evaluation("polnear-alarms", "polnear-dev-alarms", "a" * 64, 2, 2, metrics, dict.fromkeys(metrics, 2))


def test_a_rate_of_false_alarms_has_a_ceiling():
    assert is_ceiling("violent_happened_per_1000_words") and not is_ceiling("violent_precision")
    entry = DatasetFloors("polnear-alarms", "a" * 64, 2, 2, {"violent_asserted_per_1000_words": 2.0,
                                                            "violent_precision": 0.5})  # fmt: skip
    baseline = Baseline({"polnear-dev-alarms": entry})
    assert check(_evaluation(2.0), baseline).ok
    lower = check(_evaluation(1.5), baseline)
    assert lower.ok and any("below its ceiling" in n for n in lower.notes)
    higher = check(_evaluation(2.5), baseline)
    assert not higher.ok and "above its ceiling 2.0" in higher.problems[0]
    _, raised = update(_evaluation(2.5), baseline)
    assert raised == ("violent_asserted_per_1000_words: ceiling RAISED 2.0 -> 2.5",)
    _, lowered = update(_evaluation(1.5), baseline)
    assert lowered == ("violent_asserted_per_1000_words: ceiling lowered 2.0 -> 1.5",)
    _, new = update(_evaluation(1.5), Baseline())
    assert "violent_asserted_per_1000_words: new ceiling 1.5" in new


@pytest.fixture
def run(pipeline, monkeypatch):
    monkeypatch.setattr(eval_cli, "load_pipeline", lambda model: pipeline)
    runner = CliRunner()
    return lambda *args: runner.invoke(eval_cli.eval_app, list(args))


def test_cli_counts_alarms_and_scores_the_gold(run, tmp_path):
    split = _split(tmp_path)
    result = run("polnear-alarms", str(split), "--limit", "2", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["dataset"] == "polnear-dev-alarms" and data["rows"] == 2 and data["limit"] == 2
    assert data["metrics"]["violent_asserted_per_1000_words"] == 0.0
    result = run("polnear-alarms", str(split), "--gold", str(_gold(tmp_path)))
    assert result.exit_code == 0, result.output
    assert "violent_precision" in result.stdout and "violent_recall" in result.stdout


def test_cli_check_and_update_a_ceiling(run, tmp_path):
    split, baseline = _split(tmp_path), tmp_path / "baseline.json"
    result = run("polnear-alarms", str(split), "--check", str(baseline), "--update-floors")
    assert result.exit_code == 0 and "new ceiling" in result.output
    entry = json.loads(baseline.read_text())["datasets"]["polnear-dev-alarms"]
    assert entry["task"] == "polnear-alarms" and entry["rows"] == 3
    assert run("polnear-alarms", str(split), "--check", str(baseline)).exit_code == 0


def test_cli_malformed_gold_is_one_line(run, tmp_path):
    split = _split(tmp_path)
    path = _gold(tmp_path, GOLD + "\ndev\tinvented_2016-01-02_other\t1\t2")
    result = run("polnear-alarms", str(split), "--gold", str(path))
    assert result.exit_code == 1
    assert f"{path}:6: expected 6 tab-separated fields" in result.output
