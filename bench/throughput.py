"""Throughput of warlog's analysis against spaCy's own `nlp.pipe`, same model, same texts, one run.

    .venv/bin/python bench/throughput.py [--corpus FILE.csv|FILE.txt|DIR] [--limit N] [--rounds R]

The default corpus is the `notes` column of ../shared/data/dev/acled-2020-05-outside-middle-east.csv
(read in place: ACLED's terms forbid copying it), else the paragraphs of examples/reference.txt.
Baseline: `nlp.pipe` over the texts with the bare spaCy model. warlog: `Pipeline.extract_many` over the
same texts (validation, boilerplate removal, its spaCy pass, the actor linker, report assembly). Rounds alternate
the two so machine noise hits both; the ratio is computed per round and the median reported.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "dev" / "acled-2020-05-outside-middle-east.csv"


def read_corpus(path: Path | None, limit: int) -> tuple[str, list[str]]:
    """Texts to analyze and a name for the corpus."""
    if path is None:
        path = DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else ROOT / "examples" / "reference.txt"
    if path.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
    elif path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            texts = [row["notes"] for row in csv.DictReader(handle) if len(row.get("notes") or "") > 80]
    else:
        texts = [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    return path.name, texts[:limit]


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import spacy

    import warlog

    name, texts = read_corpus(args.corpus, args.limit)
    pipeline = warlog.load()
    baseline = spacy.load(pipeline.settings.model)
    batch = pipeline.settings.batch_size
    chars = sum(len(t) for t in texts)

    def run_spacy() -> None:
        for _ in baseline.pipe(texts, batch_size=batch):
            pass

    def run_warlog() -> None:
        # the whole analysis: validation, boilerplate removal, ids, spaCy, the linker, the typed report
        for _ in pipeline.extract_many(pipeline.document(text) for text in texts):
            pass

    run_spacy(), run_warlog()  # warm up caches and lazy loads before measuring
    ratios, spacy_rates, warlog_rates = [], [], []
    for _ in range(args.rounds):
        spacy_s, warlog_s = timed(run_spacy), timed(run_warlog)
        spacy_rates.append(len(texts) / spacy_s)
        warlog_rates.append(len(texts) / warlog_s)
        ratios.append(spacy_s / warlog_s)
    print(f"corpus: {name}, {len(texts)} documents, {chars:,} characters, model {pipeline.settings.model}")
    print(f"spaCy nlp.pipe : {statistics.median(spacy_rates):7.1f} docs/s (median of {args.rounds} rounds)")
    print(f"warlog extract : {statistics.median(warlog_rates):7.1f} docs/s")
    print(f"ratio warlog/spaCy: {statistics.median(ratios):.2f} (per-round: {', '.join(f'{r:.2f}' for r in ratios)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
