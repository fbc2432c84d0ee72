"""Scores and the shape of an evaluation: ratios, per-class precision/recall/F1, great-circle distance.

Stdlib only, so the arithmetic is tested without a pipeline.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
DIGITS = 4  # scores are rounded to this many decimals, in the output and in the floors


@dataclass(slots=True)
class Tally:
    """Hits over a total: one metric while it is being counted."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        """Count one item, a hit or a miss."""
        self.total += 1
        self.hits += bool(hit)

    @property
    def value(self) -> float:
        """hits / total, rounded; 0.0 over no items (a metric with nothing to score does not pass)."""
        return round(self.hits / self.total, DIGITS) if self.total else 0.0


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of positions where the prediction equals the gold label (0.0 for empty input)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    return round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold), DIGITS) if gold else 0.0


@dataclass(frozen=True, slots=True)
class ClassScore:
    """Precision, recall and F1 of one label, and its support (gold count)."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


def class_scores(gold: Sequence[str], predicted: Sequence[str]) -> tuple[ClassScore, ...]:
    """Per-label scores over every label seen in gold or predictions, sorted by label.

    A label never predicted has precision 0; one never in gold has recall 0 (and support 0).
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    support = Counter(gold)
    guessed = Counter(predicted)
    right = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    scores = []
    for label in sorted(set(support) | set(guessed)):
        precision = right[label] / guessed[label] if guessed[label] else 0.0
        recall = right[label] / support[label] if support[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append(
            ClassScore(label, round(precision, DIGITS), round(recall, DIGITS), round(f1, DIGITS),
                       support[label], guessed[label])
        )  # fmt: skip
    return tuple(scores)


def weighted_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """F1 averaged over labels, each weighted by its gold support (scikit-learn's average="weighted")."""
    total = len(gold)
    if not total:
        return 0.0
    unrounded = _f1_by_label(gold, predicted)
    support = Counter(gold)
    return round(sum(unrounded[label] * n for label, n in support.items()) / total, DIGITS)


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """F1 averaged over the gold labels, each counting the same."""
    labels = set(gold)
    if not labels:
        return 0.0
    unrounded = _f1_by_label(gold, predicted)
    return round(sum(unrounded[label] for label in labels) / len(labels), DIGITS)


def _f1_by_label(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    support, guessed = Counter(gold), Counter(predicted)
    right = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    return {label: 2 * right[label] / (support[label] + guessed[label]) for label in support}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The scores of one run over one dataset: what `warlog eval` prints and the floors check reads.

    `metrics` maps a metric name to a score in [0, 1], higher is better, except a rate named
    `*_per_1000_words` (false alarms), lower is better, whose baseline value is a ceiling
    (floors.is_ceiling); `counts` maps it to the number of rows it was computed over. `details` holds
    what the table shows beside them (per-class scores, failure and skip counts), never compared against
    floors.
    """

    task: str  # "acled" or "case"
    dataset: str  # file name
    sha256: str
    limit: int | None
    rows: int
    metrics: Mapping[str, float]
    counts: Mapping[str, int]
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "dataset": self.dataset,
            "sha256": self.sha256,
            "limit": self.limit,
            "rows": self.rows,
            "metrics": dict(self.metrics),
            "counts": dict(self.counts),
            "details": dict(self.details),
        }


def tallies_to_scores(tallies: Iterable[tuple[str, Tally]]) -> tuple[dict[str, float], dict[str, int]]:
    """The metrics and counts dicts of named tallies, in the given order."""
    metrics: dict[str, float] = {}
    counts: dict[str, int] = {}
    for name, tally in tallies:
        metrics[name] = tally.value
        counts[name] = tally.total
    return metrics, counts
