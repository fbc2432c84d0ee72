"""`warlog eval denials`: denials and rebuttals found as contradictions, scored on the team's own gold
(issue 15).

The gold, eval/gold/polnear-denials.tsv, lists the denials and rebuttals a reader counts as
contradictions in 30 PolNeAR dev articles, by offsets only (never their text; a short sha256 of each
span detects drift): the denier's span (who denies, or the denying words) and the span of what is denied.
An article with none has one row "none".

A contradiction of a report matches a gold denial when one of its claims has a speaker, cue or (for the
author's) content that overlaps the denier's span, and one of its items (a claim's content, an event's
evidence) overlaps what is denied:

    denial_recall      share of gold denials matched by a contradiction
    denial_precision   share of the report's contradictions that match a gold denial
    denial_f1          their harmonic mean
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from warlog.errors import InputError
from warlog.evaluate.goldspans import article_text, checked_span, gold_rows, read_gold_file
from warlog.evaluate.metrics import DIGITS, Evaluation
from warlog.model import Contradiction, Report
from warlog.pipeline import Pipeline

ATTRIBUTION = "PolNeAR (Newell, Margolin & Ruths, LREC 2018), read where it lies, never copied"


@dataclass(frozen=True, slots=True)
class GoldDenial:
    """One denial of a gold article: the denier's span, the denied span and the gold file's line."""

    denier: tuple[int, int]
    denied: tuple[int, int]
    line: int


@dataclass(frozen=True, slots=True)
class DenialArticle:
    """One gold article: its PolNeAR split, name, text and denials (none: an empty tuple)."""

    split: str
    name: str
    text: str
    denials: tuple[GoldDenial, ...]


@dataclass(frozen=True, slots=True)
class DenialGold:
    """The gold file's articles, read with their texts."""

    name: str
    sha256: str
    articles: tuple[DenialArticle, ...]


def read_denial_gold(path: Path, polnear: Path) -> DenialGold:
    """Read the gold file and its articles' texts from `polnear` (the directory of the PolNeAR splits).

    Each line, tab-separated: `split article denier_start denier_end denied_start denied_end denier_sha
    denied_sha` for a denial, or `split article none` for an article with none; `#` starts a comment.

    Raises:
        InputError: the file cannot be read, a line is malformed, an article's text is missing, or a
            span lies outside its text or no longer hashes to its sha (`path:line: problem`).
    """
    path, polnear = Path(path), Path(polnear)
    raw = read_gold_file(path)
    digest = hashlib.sha256(raw.encode("utf-8"))
    texts: dict[tuple[str, str], str] = {}
    denials: dict[tuple[str, str], list[GoldDenial]] = {}
    for number, where, fields in gold_rows(path, raw):
        if len(fields) not in (3, 8) or (len(fields) == 3 and fields[2] != "none"):
            raise InputError(
                f"{where}: expected 8 tab-separated fields (split, article, denier start and end, denied start "
                f"and end, denier sha, denied sha) or 3 (split, article, none); found {len(fields)}"
            )
        key = (fields[0], fields[1])
        if key not in texts:
            texts[key] = article_text(polnear, *key, where=where)
            digest.update(texts[key].encode("utf-8") + b"\0")
            denials[key] = []
        elif len(fields) == 3 or not denials[key]:
            raise InputError(f"{where}: {key[0]}/{key[1]} is listed again; an article marked none has no denials")
        if len(fields) == 8:
            text = texts[key]
            denier = checked_span(fields[2], fields[3], fields[6], text, where)
            denied = checked_span(fields[4], fields[5], fields[7], text, where)
            denials[key].append(GoldDenial(denier, denied, number))
    articles = tuple(DenialArticle(s, n, texts[(s, n)], tuple(denials[(s, n)])) for s, n in texts)
    if not articles:
        raise InputError(f"{path} lists no article")
    return DenialGold(path.name, digest.hexdigest(), articles)


def evaluate_denial_gold(pipeline: Pipeline, gold: DenialGold) -> Evaluation:
    """Recall and precision of denials found as contradictions on the gold's articles."""
    return score_denial_gold(gold, [pipeline.extract(article.text) for article in gold.articles])


def score_denial_gold(gold: DenialGold, reports: Sequence[Report]) -> Evaluation:
    """The scores of `evaluate_denial_gold`, given the report of each of the gold's articles (in order)."""
    predicted = right = found = total = 0
    misses: list[str] = []
    for article, report in zip(gold.articles, reports, strict=True):
        sides = [_sides(report, c) for c in report.contradictions]
        for contradiction, (deniers, denied) in zip(report.contradictions, sides, strict=True):
            predicted += 1
            hit = any(_overlaps(g.denier, deniers) and _overlaps(g.denied, denied) for g in article.denials)
            right += hit
            if not hit:
                misses.append(
                    f"{article.name}: a contradiction no gold denial holds ({contradiction.explanation[:80]})"
                )
        for g in article.denials:
            total += 1
            hit = any(_overlaps(g.denier, d) and _overlaps(g.denied, s) for d, s in sides)
            found += hit
            if not hit:
                misses.append(f"{article.name} {g.denier[0]}-{g.denier[1]}: denial missed (gold line {g.line})")
    precision, recall = right / predicted if predicted else 0.0, found / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = {
        "denial_precision": round(precision, DIGITS),
        "denial_recall": round(recall, DIGITS),
        "denial_f1": round(f1, DIGITS),
    }
    counts = {"denial_precision": predicted, "denial_recall": total, "denial_f1": predicted + total}
    details = {
        "articles_with_denials": sum(bool(a.denials) for a in gold.articles),
        "misses": misses,
        "attribution": ATTRIBUTION,
    }
    return Evaluation("denials", gold.name, gold.sha256, None, len(gold.articles), metrics, counts, details)


def _sides(report: Report, contradiction: Contradiction) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of a contradiction's deniers (speakers, cues; an author's content) and of its items and
    implied claim."""
    claims = {c.id: c for c in report.claims}
    events = {e.id: e for e in report.events}
    deniers: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    if contradiction.implied is not None:
        spans.append((contradiction.implied.evidence.start, contradiction.implied.evidence.end))
    for item in contradiction.items:
        if item in claims:
            claim = claims[item]
            deniers += [(e.start, e.end) for e in (claim.speaker_evidence, claim.cue_evidence) if e is not None]
            if claim.source_kind == "author":
                deniers.append((claim.evidence.start, claim.evidence.end))
            spans.append((claim.evidence.start, claim.evidence.end))
        elif item in events:
            spans.append((events[item].evidence.start, events[item].evidence.end))
    return deniers, spans


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


__all__ = ["DenialGold", "evaluate_denial_gold", "read_denial_gold", "score_denial_gold"]
