"""Cost of one long document: the reference document repeated k times, each stage timed, one run.

    .venv/bin/python bench/doc_length.py [--sizes 1,4,16,64] [--rounds R]

The text is examples/reference.txt (7.6 KB) repeated k times, paragraphs apart, analyzed as one document
published on 2016-01-01. Each pipeline stage is timed on its own (spaCy's stages, then warlog's actor
linker, event extractor and claim finder, then the typed report). For each k the script prints the
seconds of each stage, warlog's own seconds per character relative to k = 1 (1.00 is linear) and, at the
end, the growth exponent of each stage between the smallest and the largest k (1.0 is linear). Each size
takes the fastest of R rounds (the largest only one), so the k = 1 figure is not a cold start.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARLOG_STAGES = ("warlog_actor_linker", "warlog_event_extractor", "warlog_claim_finder", "report")


def time_stages(pipeline, text: str) -> dict[str, float]:
    """Seconds per stage for one document: spaCy's stages summed as `spacy`, warlog's one by one."""
    document = pipeline.document(text, published="2016-01-01")
    doc = pipeline._make_doc(document)
    times = {"spacy": 0.0}
    for name, component in pipeline.nlp.pipeline:
        start = time.perf_counter()
        doc = component(doc)
        key = name if name in WARLOG_STAGES else "spacy"
        times[key] = times.get(key, 0.0) + time.perf_counter() - start
    start = time.perf_counter()
    pipeline._report(document, doc)
    times["report"] = time.perf_counter() - start
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16,64", help="the repetitions k, comma-separated")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per size (the largest size runs once)")
    args = parser.parse_args()
    sizes = sorted(int(k) for k in args.sizes.split(","))

    import warlog

    pipeline = warlog.load()
    reference = (ROOT / "examples" / "reference.txt").read_text(encoding="utf-8").strip()
    time_stages(pipeline, reference)  # warm up lazy loads
    stages = ("spacy", *WARLOG_STAGES)
    rows: dict[int, dict[str, float]] = {}
    header = " ".join(f"{s.removeprefix('warlog_'):>15}" for s in stages)
    print(f"{'k':>4} {'chars':>9} " + header + "  warlog/char", flush=True)
    for k in sizes:
        text = "\n\n".join([reference] * k)
        rounds = [time_stages(pipeline, text) for _ in range(1 if k == sizes[-1] else args.rounds)]
        best = min(rounds, key=lambda r: sum(r[s] for s in WARLOG_STAGES))
        best["warlog"] = sum(best[s] for s in WARLOG_STAGES)
        best["chars"] = len(text)
        rows[k] = best
        per_char = (best["warlog"] / len(text)) / (rows[sizes[0]]["warlog"] / rows[sizes[0]]["chars"])
        cells = " ".join(f"{best[s]:>15.2f}" for s in stages)
        print(f"{k:>4} {len(text):>9,} " + cells + f"  {per_char:>10.2f}x", flush=True)
    low, high = rows[sizes[0]], rows[sizes[-1]]
    scale = math.log(high["chars"] / low["chars"])
    exponents = {s: math.log(high[s] / low[s]) / scale for s in (*stages, "warlog")}
    print(f"growth exponent, k = {sizes[0]} to {sizes[-1]}: " + ", ".join(f"{s} {e:.2f}" for s, e in exponents.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
