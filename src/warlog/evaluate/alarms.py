"""`warlog eval polnear-alarms`: violent events on news that holds almost none (false alarms), and
precision and recall of violent events on the team's own gold (issue 13).

PolNeAR's articles are US campaign news of 2016: nearly every "attack", "battle" or "shot" in them is
rhetoric, sport or a poll, so a violent event warlog finds there is almost always a false alarm. Over
a PolNeAR split (`read_polnear`) this module counts the violent ACLED-scope events, those whose ACLED
event type (the event's `codes`) is one of VIOLENT, per 1,000 words (whitespace-separated tokens):

    violent_asserted_per_1000_words   events with status "asserted" (the text states them as fact)
    violent_happened_per_1000_words   events with a status of warlog.model.HAPPENED (asserted, reported
                                      or claimed: a source says they took place), what an export keeps

An event told as history (warlog.events.history: "the 2012 attack in Benghazi", "after the Orlando
massacre") is not counted: the ACLED export leaves it out as well; `violent_historical_left_out` in the
details says how many were. Both are lower-is-better: eval/baseline.json holds a ceiling for them (see
floors.CEILING_SUFFIXES).
Each article is read with the publication date its file name carries (`published_of`), as a user reads
news with its date: "last week" and "on Friday" resolve, and one incident told twice is told on one day.

The gold, eval/gold/polnear-conflict-events.tsv, lists the real violent conflict events of 30 PolNeAR
articles by offsets and ACLED event type (never their text; a short sha256 of each span detects drift),
and an article with none as "none". With `--gold` warlog is scored on those articles:

    violent_precision   share of warlog's violent events (status in HAPPENED) whose evidence (or any
                        further evidence) overlaps a gold span of the same article
    violent_recall      share of gold spans overlapped by the evidence of one of those events
    violent_f1          their harmonic mean
    violent_happened_per_1000_words   over the gold's articles

An event told several times has a gold span per mention; matching is by overlap, not one to one.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from warlog.errors import InputError, WarlogError
from warlog.evaluate.goldspans import article_text, checked_span, gold_rows, read_gold_file
from warlog.evaluate.metrics import DIGITS, Evaluation
from warlog.evaluate.polnear import PolnearDataset
from warlog.events.history import historical
from warlog.model import HAPPENED, Event
from warlog.pipeline import Pipeline

_NAME_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots")
PER_WORDS = 1000
ATTRIBUTION = "PolNeAR (Newell, Margolin & Ruths, LREC 2018), read where it lies, never copied"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One real violent event in a gold article: its span, ACLED event type and the gold file's line."""

    start: int
    end: int
    event_type: str
    sha: str
    line: int


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold article: its PolNeAR split, name, text and real violent events (none: an empty tuple)."""

    split: str
    name: str
    text: str
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class ConflictGold:
    """The gold file's articles, read with their texts."""

    name: str
    sha256: str
    articles: tuple[GoldArticle, ...]


def word_count(text: str) -> int:
    """The words of a text: its whitespace-separated tokens."""
    return len(text.split())


def per_1000_words(count: int, words: int) -> float:
    """`count` events per 1,000 words, rounded; 0.0 over no words."""
    return round(count * PER_WORDS / words, DIGITS) if words else 0.0


def published_of(name: str) -> str | None:
    """The publication date a PolNeAR article's file name carries ("wash-post_2016-09-26_charlotte-..."), or
    None: the dates the text tells ("last week", "on Friday") resolve against it."""
    found = _NAME_DATE.search(name)
    return found.group(1) if found else None


def is_violent(event: Event) -> bool:
    """Whether an event's ACLED event type is violent (one of VIOLENT)."""
    return dict(event.codes).get("acled_event_type") in VIOLENT


def evaluate_false_alarms(pipeline: Pipeline, dataset: PolnearDataset) -> Evaluation:
    """Violent ACLED-scope events per 1,000 words over a PolNeAR split (lower is better)."""
    words, failures = 0, 0
    asserted, happened, told_as_history = 0, 0, 0
    by_type: Counter[str] = Counter()
    for article in dataset.articles:
        try:
            events = pipeline.extract(article.text, published=published_of(article.name)).events
        except WarlogError:
            failures += 1
            continue
        words += word_count(article.text)
        violent = [e for e in events if is_violent(e) and not historical(e)]
        told_as_history += sum(is_violent(e) and historical(e) and e.status in HAPPENED for e in events)
        asserted += sum(e.status == "asserted" for e in violent)
        happened += sum(e.status in HAPPENED for e in violent)
        by_type.update(dict(e.codes)["acled_event_type"] for e in violent if e.status in HAPPENED)
    rows = len(dataset.articles)
    metrics = {
        "violent_asserted_per_1000_words": per_1000_words(asserted, words),
        "violent_happened_per_1000_words": per_1000_words(happened, words),
    }
    details = {
        "words": words,
        "violent_asserted": asserted,
        "violent_happened": happened,
        "by_type": ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())) or "none",
        "violent_historical_left_out": told_as_history,
        "failures": failures,
        "files_left_out": len(dataset.problems),
        "attribution": ATTRIBUTION,
    }
    return Evaluation("polnear-alarms", f"{dataset.name}-alarms", dataset.sha256, dataset.limit, rows, metrics,
                      dict.fromkeys(metrics, rows), details)  # fmt: skip


def read_conflict_gold(path: Path, polnear: Path) -> ConflictGold:
    """Read the gold file and its articles' texts from `polnear` (the directory of the PolNeAR splits).

    Each line, tab-separated: `split article start end acled_event_type sha` for a real violent event,
    or `split article none` for an article with none; `#` starts a comment.

    Raises:
        InputError: the file cannot be read, a line is malformed, an article's text is missing, or a
            span lies outside its text or no longer hashes to its sha (`path:line: problem`).
    """
    path, polnear = Path(path), Path(polnear)
    raw = read_gold_file(path)
    texts: dict[tuple[str, str], str] = {}
    events: dict[tuple[str, str], list[GoldEvent]] = {}
    digest = hashlib.sha256(raw.encode("utf-8"))
    for number, where, fields in gold_rows(path, raw):
        if len(fields) not in (3, 6) or (len(fields) == 3 and fields[2] != "none"):
            raise InputError(
                f"{where}: expected 6 tab-separated fields (split, article, start, end, ACLED event type, sha) "
                f"or 3 (split, article, none); found {len(fields)}"
            )
        key = (fields[0], fields[1])
        if key not in texts:
            texts[key] = article_text(polnear, *key, where=where)
            digest.update(texts[key].encode("utf-8") + b"\0")
            events[key] = []
        elif len(fields) == 3 or not events[key]:
            raise InputError(f"{where}: {key[0]}/{key[1]} is listed again; an article marked none has no events")
        if len(fields) == 6:
            events[key].append(_event(fields[2:], texts[key], number, where))
    articles = tuple(GoldArticle(s, n, texts[(s, n)], tuple(events[(s, n)])) for s, n in texts)
    if not articles:
        raise InputError(f"{path} lists no article")
    return ConflictGold(path.name, digest.hexdigest(), articles)


def _event(fields: Sequence[str], text: str, number: int, where: str) -> GoldEvent:
    start, end, event_type, sha = fields
    if event_type not in VIOLENT:
        raise InputError(f"{where}: {event_type!r} is not a violent ACLED event type ({', '.join(VIOLENT)})")
    a, b = checked_span(start, end, sha, text, where)
    return GoldEvent(a, b, event_type, sha, number)


def evaluate_conflict_gold(pipeline: Pipeline, gold: ConflictGold) -> Evaluation:
    """Precision and recall of warlog's violent events (status in HAPPENED) on the gold's articles."""
    found = [pipeline.extract(a.text, published=published_of(a.name)).events for a in gold.articles]
    return score_conflict_gold(gold, found)


def score_conflict_gold(gold: ConflictGold, found_events: Sequence[Sequence[Event]]) -> Evaluation:
    """The scores of `evaluate_conflict_gold`, given the events found in each of the gold's articles (in order)."""
    guessed = right = found = total = words = 0
    misses: list[str] = []
    for article, article_events in zip(gold.articles, found_events, strict=True):
        events = [e for e in article_events if is_violent(e) and e.status in HAPPENED]
        words += word_count(article.text)
        spans = [(g.start, g.end) for g in article.events]
        for event in events:
            guessed += 1
            hit = any(_overlaps(evidence, spans) for evidence in _evidence(event))
            right += hit
            if not hit:
                misses.append(f"{article.name} {event.evidence.start}-{event.evidence.end}: false alarm "
                              f"({dict(event.codes)['acled_event_type']}, {event.status})")  # fmt: skip
        for g in article.events:
            total += 1
            hit = any(_overlaps(evidence, [(g.start, g.end)]) for e in events for evidence in _evidence(e))
            found += hit
            if not hit:
                misses.append(f"{article.name} {g.start}-{g.end}: missed ({g.event_type}, gold line {g.line})")
    precision, recall = right / guessed if guessed else 0.0, found / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = {
        "violent_precision": round(precision, DIGITS),
        "violent_recall": round(recall, DIGITS),
        "violent_f1": round(f1, DIGITS),
        "violent_happened_per_1000_words": per_1000_words(guessed, words),
    }
    counts = {"violent_precision": guessed, "violent_recall": total, "violent_f1": guessed + total,
              "violent_happened_per_1000_words": len(gold.articles)}  # fmt: skip
    details = {
        "words": words,
        "articles_with_events": sum(bool(a.events) for a in gold.articles),
        "misses": misses,
        "attribution": ATTRIBUTION,
    }
    return Evaluation("polnear-alarms", gold.name, gold.sha256, None, len(gold.articles), metrics, counts, details)


def _evidence(event: Event) -> Iterable[tuple[int, int]]:
    yield event.evidence.start, event.evidence.end
    for more in event.also:
        yield more.start, more.end


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)
