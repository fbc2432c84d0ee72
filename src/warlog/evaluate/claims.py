"""`warlog eval claims`: score one document's claims, contradictions and relations against a gold file.

A gold file (eval/gold/*.yaml, written by hand; see eval/gold/reference-claims.yaml for the conventions)
names a document (a path relative to the gold file) and its publication date, then lists:

    claims          each attributed claim: a content substring, speaker and co-speaker ids, source kind
                    (named or unnamed), cue, direct, hedged, the author's stance, outlet and work
    scare_quotes    the terms the author keeps at a distance, as they are written (quote marks included)
    contradictions  kind and the items involved, each a substring of the document
    relations       source, target, polarity: ties the text states (recall only)

Every substring must occur exactly once in the document, so that it names one place. `read_gold`
validates the file like a data pack: a mistake is one `file:line: field: problem` line (PackError).

`evaluate_claims` runs the pipeline on the document with the gold's date and `score_claims` compares
the report with the gold:

    claim_precision/recall/f1   a predicted claim that is neither the author's nor a scare quote matches
                                a gold claim when its content overlaps the gold substring; pairs are
                                matched one to one, the largest overlap first
    <field>_accuracy            over the matched pairs: speaker, co_speakers (as a set), cue (without
                                case), direct, hedged, source_kind, author_stance, outlet, work
    scare_quote_recall/precision  warlog's scare_quote claims against the gold terms, by overlap
    contradiction_recall/precision  a predicted contradiction matches a gold one of the same kind when
                                one of its claims overlaps one of the gold items (one to one)
    relation_recall             a gold tie is in the report's relations; cooperative and hostile ties
                                in either direction, affiliation only as given

A metric whose gold list is empty is left out rather than scored 0. The dataset is pinned by the
sha256 of the gold file and of the document together, so editing either resets nothing silently.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from warlog.errors import PackError
from warlog.evaluate.metrics import DIGITS, Evaluation, Tally
from warlog.model import Claim, Report
from warlog.packs.files import line_of, read_pack
from warlog.pipeline import Pipeline

FIELDS = ("speaker", "co_speakers", "cue", "direct", "hedged", "source_kind", "author_stance", "outlet", "work")
Span = tuple[int, int]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _ClaimModel(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    content: str = Field(min_length=1)
    speaker: str | None
    co_speakers: list[str] = []
    source_kind: Literal["named", "unnamed"]
    cue: str = Field(min_length=1)
    direct: bool
    hedged: bool
    author_stance: Literal["endorses", "doubts", "disputes", "neutral"]
    outlet: str | None = None
    work: str | None = None
    note: str | None = None


class _ContradictionModel(_Strict):
    kind: Literal["perpetrator", "recipient", "place", "date", "toll", "occurrence"]
    items: list[str] = Field(min_length=2)
    note: str | None = None


class _RelationModel(_Strict):
    source: str
    target: str
    polarity: Literal["cooperative", "hostile", "affiliation"]
    note: str | None = None


class _GoldModel(_Strict):
    document: str
    published: str | None = None
    claims: list[_ClaimModel] = Field(min_length=1)
    scare_quotes: list[str] = []
    contradictions: list[_ContradictionModel] = []
    relations: list[_RelationModel] = []

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError as e:
                raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from e
        return value


@dataclass(frozen=True, slots=True)
class Located:
    """A substring of the document the gold names, and the gold file's line that names it."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One attributed claim as the annotators hold it."""

    id: str
    content: Located
    speaker: str | None
    co_speakers: tuple[str, ...]
    source_kind: str
    cue: str
    direct: bool
    hedged: bool
    author_stance: str
    outlet: str | None
    work: str | None


@dataclass(frozen=True, slots=True)
class GoldContradiction:
    """A contradiction as the annotators hold it: its kind and the passages involved."""

    kind: str
    items: tuple[Located, ...]


@dataclass(frozen=True, slots=True)
class ClaimsGold:
    """A validated gold file: where it is, what it pins, and what it holds."""

    path: Path
    name: str
    sha256: str
    document: Path
    published: str | None
    claims: tuple[GoldClaim, ...]
    scare_quotes: tuple[Located, ...]
    contradictions: tuple[GoldContradiction, ...]
    relations: tuple[tuple[str, str, str], ...]


def read_gold(path: Path) -> ClaimsGold:
    """Read and validate a claims gold file; every substring must occur once in the document's file.

    Raises:
        PackError: the file is not a valid gold file, its document is missing, or a substring is not
            found exactly once (`file:line: field: problem`).
    """
    path = Path(path)
    model, text = read_pack(path, _GoldModel, "a claims gold file")
    document = (path.parent / model.document).resolve()
    try:
        raw = document.read_bytes()
        body = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(f"{path}:{line_of(text, ('document',))}: document: cannot read {document}: {e}") from e

    def locate(value: str, loc: tuple[str | int, ...]) -> Located:
        line = line_of(text, loc)
        count = body.count(value)
        if count != 1:
            where = "is not in the document" if not count else f"occurs {count} times in the document"
            raise PackError(f"{path}:{line}: {'.'.join(map(str, loc))}: {value!r} {where}; "
                            "quote a substring found exactly once")  # fmt: skip
        return Located(value, line)

    claims, seen = [], set()
    for i, c in enumerate(model.claims):
        if c.id in seen:
            raise PackError(f"{path}:{line_of(text, ('claims', i, 'id'))}: claims.{i}.id: {c.id!r} is used twice")
        seen.add(c.id)
        claims.append(GoldClaim(c.id, locate(c.content, ("claims", i, "content")), c.speaker,
                                tuple(sorted(c.co_speakers)), c.source_kind, c.cue, c.direct, c.hedged,
                                c.author_stance, c.outlet, c.work))  # fmt: skip
    scare = tuple(locate(term, ("scare_quotes", i)) for i, term in enumerate(model.scare_quotes))
    contradictions = tuple(
        GoldContradiction(
            c.kind, tuple(locate(item, ("contradictions", i, "items", j)) for j, item in enumerate(c.items))
        )
        for i, c in enumerate(model.contradictions)
    )
    relations = tuple((r.source, r.target, r.polarity) for r in model.relations)
    digest = hashlib.sha256(path.read_bytes() + b"\0" + raw).hexdigest()
    return ClaimsGold(path, path.name, digest, document, model.published, tuple(claims), scare, contradictions,
                      relations)  # fmt: skip


def evaluate_claims(pipeline: Pipeline, gold: ClaimsGold) -> Evaluation:
    """Run warlog on the gold's document (with its publication date) and score the report."""
    from warlog.ingest import read_document

    document = read_document(gold.document, published=gold.published, settings=pipeline.settings)
    return score_claims(gold, pipeline.extract(document))


def score_claims(gold: ClaimsGold, report: Report) -> Evaluation:
    """Compare a report with the gold (see the module docstring for the metrics).

    Raises:
        PackError: a gold substring is not found once in the text as warlog read it (the ingest dropped
            or changed it).
    """
    text = report.document.text
    find = _finder(gold, text)
    misses: list[str] = []

    attributed = [c for c in report.claims if c.source_kind not in ("author", "scare_quote")]
    gold_spans = [find(g.content) for g in gold.claims]
    pairs = match_spans(gold_spans, [_span(c) for c in attributed])
    matched = dict(pairs)
    precision, recall, f1 = prf(len(pairs), len(attributed), len(gold.claims))
    accuracy = {name: Tally() for name in FIELDS}
    for gi, g in enumerate(gold.claims):
        if gi not in matched:
            misses.append(f"claim {g.id}: not found ({g.content.text!r})")
            continue
        claim = attributed[matched[gi]]
        for name in FIELDS:
            want, got = _field(g, name), _field(claim, name)
            accuracy[name].add(want == got)
            if want != got:
                misses.append(f"claim {g.id}: {name} {_show(want)}, warlog {_show(got)}")
    found = set(matched.values())
    misses += [f"warlog claim not in the gold: {c.text[:70]!r} ({c.speaker_text}, {c.cue})"
               for i, c in enumerate(attributed) if i not in found]  # fmt: skip

    metrics = {"claim_precision": precision, "claim_recall": recall, "claim_f1": f1}
    count = {"claim_precision": len(attributed), "claim_recall": len(gold.claims), "claim_f1": len(gold.claims)}
    for name, tally in accuracy.items():
        metrics[f"{name}_accuracy"], count[f"{name}_accuracy"] = tally.value, tally.total

    if gold.scare_quotes:
        scare = [c for c in report.claims if c.source_kind == "scare_quote"]
        hits = match_spans([find(s) for s in gold.scare_quotes], [_span(c) for c in scare])
        got = {g for g, _ in hits}
        misses += [f"scare quote not found: {s.text}" for i, s in enumerate(gold.scare_quotes) if i not in got]
        _put(metrics, count, "scare_quote_recall", len(hits), len(gold.scare_quotes))
        _put(metrics, count, "scare_quote_precision", len(hits), len(scare))

    if gold.contradictions:
        spans = {c.id: _span(c) for c in report.claims}
        predicted = [(c.kind, [spans[i] for i in c.items if i in spans]) for c in report.contradictions]
        hits = _match_contradictions(gold.contradictions, predicted, find)
        got = {g for g, _ in hits}
        misses += [f"contradiction not found: {c.kind} ({c.items[0].text!r} ...)"
                   for i, c in enumerate(gold.contradictions) if i not in got]  # fmt: skip
        _put(metrics, count, "contradiction_recall", len(hits), len(gold.contradictions))
        _put(metrics, count, "contradiction_precision", len(hits), len(predicted))

    if gold.relations:
        ties = {(r.source, r.target, r.polarity) for r in report.relations}
        found_ties = [r for r in gold.relations if _has_tie(ties, r)]
        misses += [f"relation not found: {s} {p} {t}" for s, t, p in gold.relations if (s, t, p) not in found_ties]
        _put(metrics, count, "relation_recall", len(found_ties), len(gold.relations))

    details = {"document": str(gold.document.name), "published": gold.published,
               "predicted_claims": len(attributed), "matched_claims": len(pairs), "misses": misses}  # fmt: skip
    return Evaluation("claims", gold.name, gold.sha256, None, len(gold.claims), metrics, count, details)


def match_spans(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, the largest overlap first
    (ties: earlier gold, then earlier prediction), sorted by gold index."""
    candidates = sorted(
        (-overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if overlap(g, p) > 0
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def overlap(a: Span, b: Span) -> int:
    """The number of characters two [start, end) spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of `hits` matches among `predicted` predictions and `gold` gold items
    (0.0 where a denominator is 0), rounded."""
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, DIGITS), round(recall, DIGITS), round(f1, DIGITS)


def _match_contradictions(
    gold: Sequence[GoldContradiction], predicted: Sequence[tuple[str, list[Span]]], find: Callable[[Located], Span]
) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        items = [find(item) for item in g.items]
        for pi, (kind, spans) in enumerate(predicted):
            if pi not in used and kind == g.kind and any(overlap(a, b) for a in items for b in spans):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _has_tie(ties: set[tuple[str, str, str]], tie: tuple[str, str, str]) -> bool:
    source, target, polarity = tie
    return tie in ties or (polarity != "affiliation" and (target, source, polarity) in ties)


def _finder(gold: ClaimsGold, text: str) -> Callable[[Located], Span]:
    def find(located: Located) -> Span:
        if text.count(located.text) != 1:
            raise PackError(
                f"{gold.path}:{located.line}: {located.text!r} is not found exactly once in {gold.document.name} "
                "as warlog reads it (the ingest dropped or changed it); quote the text as analyzed"
            )
        start = text.index(located.text)
        return start, start + len(located.text)

    return find


def _span(claim: Claim) -> Span:
    return claim.evidence.start, claim.evidence.end


def _field(claim: GoldClaim | Claim, name: str) -> object:
    value = getattr(claim, name)
    if name == "co_speakers":
        return tuple(sorted(value))
    if name == "cue" and value is not None:
        return " ".join(value.casefold().split())
    return value


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return "~" if value is None else str(value)


def _put(metrics: dict[str, float], counts: dict[str, int], name: str, hits: int, total: int) -> None:
    metrics[name] = round(hits / total, DIGITS) if total else 0.0
    counts[name] = total
