"""How precision varies with an event's confidence, on development data: the calibration table of
docs/evaluation.md.

    .venv/bin/python scripts/calibration.py            # ../shared beside the clone

Three readings, each by confidence band:
- ACLED 2020 dev notes: the event that stands for the row (evaluate.coding.choose_event) and whether its
  ACLED event type is the row's;
- the team's gold of conflict events on PolNeAR dev articles (eval/gold/polnear-conflict-events.tsv):
  each violent event warlog asserts or reports, and whether the gold lists it (evaluate.alarms);
- the violent events of both pooled: what a user who exports political violence from a mixed corpus sees.
The data is read where it lies and nothing of it is written; only counts are printed.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

import warlog
from warlog.evaluate.acled import read_acled
from warlog.evaluate.alarms import is_violent, published_of, read_conflict_gold
from warlog.evaluate.coding import acled_coding, choose_event, label_key
from warlog.evaluate.reports import analyze
from warlog.model import HAPPENED

ROOT = Path(__file__).resolve().parent.parent
BANDS = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    args = parser.parse_args()
    dev = args.shared / "data" / "dev"
    pipeline = warlog.load()
    acled = read_acled(dev / "acled-2020-05-outside-middle-east.csv", limit=1000)
    rows: list[tuple[float, bool]] = []
    pooled: list[tuple[float, bool]] = []
    for row, report in zip(acled.rows, analyze(pipeline, ((r.notes, r.event_date) for r in acled.rows)), strict=True):
        event = choose_event(report) if report is not None else None
        if event is not None and report is not None:
            right = label_key(acled_coding(event, report)[0]) == label_key(row.event_type)
            rows.append((event.confidence, right))
            if is_violent(event):
                pooled.append((event.confidence, right))
    print(table("ACLED 2020 dev (1,000 rows): the row's event, its ACLED event type right", rows))
    gold = read_conflict_gold(ROOT / "eval" / "gold" / "polnear-conflict-events.tsv", dev / "polnear")
    found: list[tuple[float, bool]] = []
    for article in gold.articles:
        spans = [(g.start, g.end) for g in article.events]
        for event in pipeline.extract(article.text, published=published_of(article.name)).events:
            if is_violent(event) and event.status in HAPPENED:
                tellings = [(event.evidence.start, event.evidence.end), *((a.start, a.end) for a in event.also)]
                hit = any(s < end and start < e for s, e in tellings for start, end in spans)
                found.append((event.confidence, hit))
    title = f"PolNeAR dev, {len(gold.articles)} articles of the team's gold: violent events that happened, in the gold"
    print(table(title, found))
    title = "Violent events pooled: ACLED 2020 dev rows (type right) and the PolNeAR gold (in the gold)"
    print(table(title, [*pooled, *found]))


def table(title: str, scored: Iterable[tuple[float, bool]]) -> str:
    """A markdown table: events and precision per confidence band."""
    scored = list(scored)
    lines = [f"{title}", "", "| confidence | events | precision |", "|---|---:|---:|"]
    for low, high in BANDS:
        band = [hit for confidence, hit in scored if low <= confidence < high]
        label = f"{low:.1f}–{min(high, 1.0):.1f}"
        precision = f"{sum(band) / len(band):.3f}" if band else "–"
        lines.append(f"| {label} | {len(band)} | {precision} |")
    total = sum(hit for _, hit in scored) / len(scored) if scored else 0.0
    lines.append(f"| all | {len(scored)} | {total:.3f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
