"""`warlog eval`: score warlog on gold sets and hold the scores to the floors of eval/baseline.json.

A thin shell: it parses options, calls warlog.evaluate and renders the scores. Problems of a floors
check go to stderr, one per line, and make the exit code 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warlog.errors import SettingsError, WarlogError
from warlog.evaluate.floors import Baseline, check, read_baseline, update, write_baseline
from warlog.evaluate.metrics import Evaluation
from warlog.pipeline import Pipeline

T = TypeVar("T")

eval_app = typer.Typer(
    help="Score warlog against gold sets (ACLED, CASE-2021, PLOVER, PolNeAR, claims gold files) and check the scores "
    "against floors.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

FormatOption = Annotated[str, typer.Option("--format", "-f", help="table or json")]
LimitOption = Annotated[
    int | None, typer.Option("--limit", min=1, help="only the first N rows (default: the baseline's, else all)")
]
CheckOption = Annotated[
    Path | None, typer.Option("--check", help="baseline file of floors (eval/baseline.json); exit 1 below a floor")
]
UpdateOption = Annotated[
    bool, typer.Option("--update-floors", help="with --check: set the floors to these scores (changes are listed)")
]
ModelOption = Annotated[str | None, typer.Option("--model", help="installed spaCy pipeline to use")]


def load_pipeline(model: str | None) -> Pipeline:
    """The pipeline to evaluate (tests replace this to reuse a loaded one)."""
    import warlog

    return warlog.load(warlog.load_settings(None, model=model))


@eval_app.command("acled")
def acled(
    file: Annotated[Path, typer.Argument(help="an ACLED CSV export (current or 2016 schema)")],
    limit: LimitOption = None,
    output: FormatOption = "table",
    baseline: CheckOption = None,
    update_floors: UpdateOption = False,
    model: ModelOption = None,
) -> None:
    """Run warlog on each row's notes; score event types, actors, places and fatalities."""

    from warlog.evaluate.acled import evaluate_acled, read_acled

    _score(read_acled, evaluate_acled, file, limit, output, baseline, update_floors, model)


@eval_app.command("case")
def case(
    file: Annotated[Path, typer.Argument(help="a CASE-2021 task-2 TSV (id, EventSnippet, SubType)")],
    limit: LimitOption = None,
    output: FormatOption = "table",
    baseline: CheckOption = None,
    update_floors: UpdateOption = False,
    model: ModelOption = None,
) -> None:
    """Label each snippet with one event type; score accuracy and weighted F1."""

    from warlog.evaluate.case import evaluate_case, read_case

    _score(read_case, evaluate_case, file, limit, output, baseline, update_floors, model)


@eval_app.command("plover")
def plover(
    file: Annotated[Path, typer.Argument(help="a PLOVER gold-standard JSON file (PLOVER_GSR_CAMEO records)")],
    limit: LimitOption = None,
    output: FormatOption = "table",
    baseline: CheckOption = None,
    update_floors: UpdateOption = False,
    model: ModelOption = None,
) -> None:
    """Code each sentence; score the main event's PLOVER type, its source and its target."""

    from warlog.evaluate.plover import evaluate_plover, read_plover

    _score(read_plover, evaluate_plover, file, limit, output, baseline, update_floors, model)


@eval_app.command("polnear")
def polnear(
    directory: Annotated[Path, typer.Argument(help="a PolNeAR split directory (with text/ and attributions/)")],
    limit: LimitOption = None,
    output: FormatOption = "table",
    baseline: CheckOption = None,
    update_floors: UpdateOption = False,
    model: ModelOption = None,
) -> None:
    """Find attributions in each article; score source, cue and content spans (exact and overlap F1)."""

    from warlog.evaluate.polnear import evaluate_polnear, polnear_name, read_polnear

    def action() -> int:
        floors = _prepare(output, baseline, update_floors)
        dataset = read_polnear(directory, limit=_limit(limit, floors, Path(polnear_name(directory))))
        evaluation = _evaluated(evaluate_polnear, model, dataset)
        return _finish(evaluation, output, baseline, floors, update_floors)

    raise typer.Exit(_run(action))


@eval_app.command("polnear-alarms")
def polnear_alarms(
    directory: Annotated[Path, typer.Argument(help="a PolNeAR split directory (with text/ and attributions/)")],
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="score on this gold of real violent events (its splits lie beside DIRECTORY)"),
    ] = None,
    limit: LimitOption = None,
    output: FormatOption = "table",
    baseline: CheckOption = None,
    update_floors: UpdateOption = False,
    model: ModelOption = None,
) -> None:
    """Count violent ACLED-scope events per 1,000 words of campaign news (false alarms); with --gold, score
    precision and recall of violent events on the gold's articles."""

    from warlog.evaluate.alarms import evaluate_conflict_gold, evaluate_false_alarms, read_conflict_gold
    from warlog.evaluate.polnear import polnear_name, read_polnear

    def action() -> int:
        floors = _prepare(output, baseline, update_floors)
        if gold is not None:
            conflict_gold = read_conflict_gold(gold, directory.parent)  # before the pipeline loads
            evaluation = _evaluated(evaluate_conflict_gold, model, conflict_gold)
        else:
            name = Path(f"{polnear_name(directory)}-alarms")
            dataset = read_polnear(directory, limit=_limit(limit, floors, name))
            evaluation = _evaluated(evaluate_false_alarms, model, dataset)
        return _finish(evaluation, output, baseline, floors, update_floors)

    raise typer.Exit(_run(action))


@eval_app.command("denials")
def denials(
    gold: Annotated[
        Path, typer.Argument(help="a gold file of denials in PolNeAR articles (eval/gold/polnear-denials.tsv)")
    ],
    polnear: Annotated[
        Path, typer.Option("--polnear", help="the directory of the PolNeAR splits of the gold's articles")
    ] = Path("../shared/data/dev/polnear"),
    output: FormatOption = "table",
    baseline: CheckOption = None,
    update_floors: UpdateOption = False,
    model: ModelOption = None,
) -> None:
    """Score denials and rebuttals found as contradictions (recall and precision) on the gold's articles."""

    from warlog.evaluate.denials import evaluate_denial_gold, read_denial_gold

    def action() -> int:
        floors = _prepare(output, baseline, update_floors)
        denial_gold = read_denial_gold(gold, polnear)  # before the pipeline loads
        evaluation = _evaluated(evaluate_denial_gold, model, denial_gold)
        return _finish(evaluation, output, baseline, floors, update_floors)

    raise typer.Exit(_run(action))


@eval_app.command("actor-links")
def actor_links(
    gold: Annotated[
        Path,
        typer.Argument(
            help="a gold file of judged actor links in PolNeAR articles (eval/gold/polnear-actor-links.tsv)"
        ),
    ],
    polnear: Annotated[
        Path, typer.Option("--polnear", help="the directory of the PolNeAR splits of the gold's articles")
    ] = Path("../shared/data/dev/polnear"),
    output: FormatOption = "table",
    baseline: CheckOption = None,
    update_floors: UpdateOption = False,
    model: ModelOption = None,
) -> None:
    """Score the precision of actor links (and generic links to countries an article does not involve) on the
    gold's articles; links the gold does not judge are counted apart."""

    from warlog.evaluate.links import evaluate_link_gold, read_link_gold

    def action() -> int:
        floors = _prepare(output, baseline, update_floors)
        link_gold = read_link_gold(gold, polnear)  # before the pipeline loads
        evaluation = _evaluated(evaluate_link_gold, model, link_gold)
        return _finish(evaluation, output, baseline, floors, update_floors)

    raise typer.Exit(_run(action))


@eval_app.command("claims")
def claims(
    file: Annotated[Path, typer.Argument(help="a gold file of one document's claims (eval/gold/*.yaml)")],
    output: FormatOption = "table",
    baseline: CheckOption = None,
    update_floors: UpdateOption = False,
    model: ModelOption = None,
) -> None:
    """Run warlog on the gold file's document; score its claims, scare quotes, contradictions and relations."""

    from warlog.evaluate.claims import evaluate_claims, read_gold

    def action() -> int:
        floors = _prepare(output, baseline, update_floors)
        gold = read_gold(file)  # before the pipeline loads: a mistake in the gold shows at once
        evaluation = _evaluated(evaluate_claims, model, gold)
        return _finish(evaluation, output, baseline, floors, update_floors)

    raise typer.Exit(_run(action))


def _score(read, evaluate, file, limit, output, baseline, update_floors, model) -> None:
    """Read a dataset, score warlog on it, print the scores and check or update the floors."""

    def action() -> int:
        floors = _prepare(output, baseline, update_floors)
        dataset = read(file, limit=_limit(limit, floors, file))
        evaluation = _evaluated(evaluate, model, dataset)
        return _finish(evaluation, output, baseline, floors, update_floors)

    raise typer.Exit(_run(action))


def _evaluated(evaluate: Callable[[Pipeline, T], Evaluation], model: str | None, data: T) -> Evaluation:
    """`evaluate(pipeline, data)` with the pipeline of `model`, showing on stderr how far it has got."""
    from warlog.cli.progress import eval_progress

    pipeline = load_pipeline(model)
    with eval_progress(pipeline, Console(stderr=True)):
        return evaluate(pipeline, data)


def _run(action: Callable[[], int]) -> int:
    """Run `action`; a warlog error becomes one line on stderr and exit code 1."""
    try:
        return action()
    except WarlogError as e:
        message = escape(" ".join(str(e).split()))
        Console(stderr=True).print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
        return 1


def _prepare(output: str, baseline: Path | None, update_floors: bool) -> Baseline | None:
    if output not in ("table", "json"):
        raise SettingsError(f"--format {output!r} is not one of: table, json")
    if update_floors and baseline is None:
        raise SettingsError("--update-floors needs --check FILE: the baseline whose floors to set")
    if baseline is None:
        return None
    if not baseline.exists():
        if update_floors:
            return Baseline()
        raise SettingsError(f"no baseline at {baseline}; create it with --check {baseline} --update-floors")
    return read_baseline(baseline)


def _limit(limit: int | None, floors: Baseline | None, file: Path) -> int | None:
    entry = floors.datasets.get(file.name) if floors is not None else None
    return limit if limit is not None or entry is None else entry.limit


def _finish(
    evaluation: Evaluation, output: str, path: Path | None, floors: Baseline | None, update_floors: bool
) -> int:
    err = Console(stderr=True, soft_wrap=True, highlight=False, markup=False)
    if output == "json":
        sys.stdout.write(json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        render(evaluation, Console(width=None if sys.stdout.isatty() else 120, highlight=False))
    if path is None or floors is None:
        return 0
    if update_floors:
        new, changes = update(evaluation, floors)
        write_baseline(new, path)
        for line in changes or ("no floor changed",):
            err.print(f"floors: {line}")
        err.print(f"floors of {evaluation.dataset} written to {path}")
        return 0
    result = check(evaluation, floors, source=str(path))
    for line in result.notes:
        err.print(f"note: {line}")
    for line in result.problems:
        err.print(f"FAIL: {line}")
    err.print(f"floors check of {evaluation.dataset} against {path}: {'ok' if result.ok else 'FAILED'}")
    return 0 if result.ok else 1


def render(evaluation: Evaluation, console: Console) -> None:
    """The scores as tables: metrics, then per-class scores (CASE) and the run's details."""
    limit = f" (first {evaluation.limit} rows)" if evaluation.limit else ""
    console.print(f"warlog eval {evaluation.task}: {evaluation.dataset}{limit}", markup=False)
    table = Table("metric", "score", "rows")
    for name, value in evaluation.metrics.items():
        table.add_row(name, f"{value:.4f}", str(evaluation.counts.get(name, "")))
    console.print(table)
    details = dict(evaluation.details)
    per_class = details.pop("per_class", None)
    if per_class:
        classes = Table("label", "precision", "recall", "F1", "support", "predicted", title="per class")
        for row in per_class:
            classes.add_row(row["label"], f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}",
                            str(row["support"]), str(row["predicted"]))  # fmt: skip
        console.print(classes)
    anchor = details.pop("anchor", None)
    attribution = details.pop("attribution", None)
    unmapped = details.pop("unmapped_actors", None)
    misses = details.pop("misses", None)
    console.print(f"rows used: {evaluation.rows}; " + "; ".join(f"{k}: {v}" for k, v in details.items()), markup=False)
    if unmapped:
        names = ", ".join(f"{name} ({count})" for name, count in unmapped)
        console.print(f"actor names the alias table does not map: {names}", markup=False)
    if misses:
        console.print(f"where warlog and the gold differ ({len(misses)}):", markup=False)
        for line in misses:
            console.print(f"  - {line}", markup=False)
    if anchor:
        console.print(f"for reference, {anchor}", markup=False)
    if attribution:
        console.print(attribution, markup=False)
