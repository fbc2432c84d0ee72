"""`warlog eval polnear`: score attribution (source, cue and content spans) against PolNeAR.

PolNeAR (Newell, Margolin & Ruths 2018) annotates attributions in US political news of 2016 as brat
standoff: one directory per split with `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`. An article
with several annotators is scored against the first annotation by name. The news is copyrighted: it is
read where it lies and nothing of it is written anywhere.

Each article's text is analyzed as it is (no boilerplate removal, so offsets agree) and
`warlog.claims.attribution.find_attributions` is scored against the gold `Attribution` events:

    {source,cue,content}_exact_f1    a predicted span equals a gold span, ignoring whitespace and , . ; :
                                     at either end (a span in fragments must be matched as a whole;
                                     fragments apart only by those count as one span)
    {source,cue,content}_overlap_f1  the spans share a character; pairs are matched one to one
    all_exact_f1 / all_overlap_f1    over the spans of the three roles together
    attribution_f1                   a predicted attribution matches a gold one when their contents
                                     overlap (one to one)

Conventions mapped before scoring: scare quotes are not attributions (no source speaks) and are left
out; PolNeAR's cue holds the verb's auxiliaries, negation and adverbs and, after what is said, its
phrase ("has not said", "said in a statement"): warlog's `cue_words` are scored; a quote split by its
cue is one content in parts (warlog's `more`); PolNeAR's content starts with the
complementizer ("that Hillary Clinton's team avoided ..."), so a predicted content right after "that" is
extended over it.
The anchor: BBC Citron on PARC 3.0 reached 56.7 F1 exact and 83.2 F1 with overlap over all quote spans.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from warlog.errors import InputError, WarlogError
from warlog.evaluate.metrics import DIGITS, Evaluation
from warlog.pipeline import Pipeline

ROLES = ("source", "cue", "content")
ANCHOR = "BBC Citron on PARC 3.0: 56.7 F1 exact and 83.2 F1 with overlap over all quote spans"
ATTRIBUTION = "PolNeAR (Newell, Margolin & Ruths, LREC 2018), scored where it lies, never copied"
_EDGE = " \t\n\u00a0,.;:"
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
Spans = tuple[tuple[int, int], ...]  # a span in fragments


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: its source (None when unstated), cue and content, each in fragments."""

    source: Spans | None
    cue: Spans | None
    content: Spans | None


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    """One article: its name, text and gold attributions."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class PolnearDataset:
    """The articles of one PolNeAR split (the first `limit` by name at most) and the files left out."""

    name: str
    sha256: str
    articles: tuple[PolnearArticle, ...]
    problems: tuple[str, ...]
    limit: int | None


def polnear_name(path: Path) -> str:
    """The dataset name of a split directory, as the floors know it: "polnear-dev"."""
    return f"polnear-{Path(path).resolve().name}"


def read_polnear(path: Path, *, limit: int | None = None) -> PolnearDataset:
    """Read a PolNeAR split directory (with text/ and attributions/); a malformed .ann is left out
    with its `file:line: problem` in `problems`.

    Raises:
        InputError: the directory does not exist or is not a PolNeAR split.
    """
    path = Path(path)
    texts, annotations = path / "text", path / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        splits = sorted(p.name for p in path.iterdir() if (p / "text").is_dir()) if path.is_dir() else []
        hint = f"; point at one split: {', '.join(str(path / s) for s in splits)}" if splits else ""
        raise InputError(f"{path} is not a PolNeAR split: it needs text/ and attributions/ directories{hint}")
    digest = hashlib.sha256()
    articles, problems = [], []
    for text_path in sorted(texts.glob("*.txt"))[:limit]:
        ann = sorted(annotations.glob(f"{glob_escape(text_path.stem)}_*.ann"))
        if not ann:
            problems.append(f"{text_path}: no annotation in {annotations}")
            continue
        try:
            text = text_path.read_text(encoding="utf-8")
            ann_text = ann[0].read_text(encoding="utf-8")
            gold = parse_ann(ann_text, len(text), source=str(ann[0]))
        except (OSError, UnicodeDecodeError, InputError) as e:
            problems.append(" ".join(str(e).split()))
            continue
        for data in (text_path.name, text, ann[0].name, ann_text):
            digest.update(data.encode("utf-8") + b"\0")
        articles.append(PolnearArticle(text_path.stem, text, gold))
    return PolnearDataset(polnear_name(path), digest.hexdigest(), tuple(articles), tuple(problems), limit)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def parse_ann(text: str, length: int, *, source: str = "<ann>") -> tuple[GoldAttribution, ...]:
    """The attributions of a brat standoff file (T lines for spans, E lines tie them together).

    Raises:
        InputError: a T or E line is malformed or a span lies outside the text (`source:line: problem`).
    """
    spans: dict[str, Spans] = {}
    events: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("T"):
            match = _T_LINE.match(line)
            if match is None:
                raise InputError(f"{source}:{number}: not a brat text-bound line (T<n>\\tType start end\\ttext)")
            pairs = (part.split() for part in match.group(3).split(";"))  # "start end", as _T_LINE holds
            fragments = tuple((int(start), int(end)) for start, end in pairs)
            if any(not 0 <= s <= e <= length for s, e in fragments):
                raise InputError(f"{source}:{number}: span {match.group(3)} lies outside the text ({length} chars)")
            spans[match.group(1)] = fragments
        elif line.startswith("E"):
            fields = line.split("\t")
            if len(fields) < 2:
                raise InputError(f"{source}:{number}: not a brat event line (E<n>\\tType:T<n> Role:T<n> ...)")
            events.append((number, fields[1].split()))
    return tuple(a for a in (_event(args, spans, source, n) for n, args in events) if a is not None)


def _event(args: list[str], spans: dict[str, Spans], source: str, number: int) -> GoldAttribution | None:
    roles: dict[str, list[tuple[int, int]]] = {}
    for arg in args:
        role, _, ref = arg.partition(":")
        if not ref or ref not in spans:
            raise InputError(f"{source}:{number}: argument {arg!r} does not name a text-bound annotation")
        key = re.sub(r"\d+$", "", role).lower()
        roles.setdefault(key, []).extend(spans[ref])
    if not roles.get("content") and not roles.get("cue"):
        return None

    def get(role: str) -> Spans | None:
        return tuple(sorted(roles[role])) if roles.get(role) else None

    return GoldAttribution(get("source"), get("cue"), get("content"))


def evaluate_polnear(pipeline: Pipeline, dataset: PolnearDataset) -> Evaluation:
    """Run warlog's attribution on every article and score the spans (see the module docstring)."""
    counts = {f"{role}_{how}": [0, 0, 0] for role in (*ROLES, "all") for how in ("exact", "overlap")}
    counts["attribution"] = [0, 0, 0]  # matched, predicted, gold
    failures = 0
    for article, predicted in zip(dataset.articles, _predict(pipeline, dataset.articles), strict=True):
        failures += predicted is None
        _score(article, predicted or [], counts)
    metrics, per_role = {}, []
    for name, (hits, guessed, gold) in counts.items():
        precision, recall, f1 = _prf(hits, guessed, gold)
        metrics[f"{name}_f1"] = f1
        per_role.append({"label": name, "precision": precision, "recall": recall, "f1": f1,
                         "support": gold, "predicted": guessed})  # fmt: skip
    details = {
        "per_class": per_role,
        "failures": failures,
        "left_out": len(dataset.problems),
        "problems": list(dataset.problems[:5]),
        "anchor": ANCHOR,
        "attribution": ATTRIBUTION,
    }
    gold_counts = {f"{name}_f1": gold for name, (_, _, gold) in counts.items()}
    return Evaluation("polnear", dataset.name, dataset.sha256, dataset.limit, len(dataset.articles), metrics,
                      gold_counts, details)  # fmt: skip


def _predict(pipeline: Pipeline, articles: Sequence[PolnearArticle]) -> Iterator[list[tuple] | None]:
    from warlog.claims.attribution import find_attributions

    for article in articles:
        try:
            doc = pipeline.nlp.make_doc(article.text)
            doc._.warlog_published = None
            found = find_attributions(pipeline.nlp(doc))
        except (WarlogError, ValueError, RuntimeError):
            yield None
            continue
        yield [((a.source,) if a.source else None, (a.cue_words or a.cue,) if a.cue else None,
                (_with_complementizer(article.text, a.content), *a.more))
               for a in found if a.source_kind != "scare_quote"]  # fmt: skip


def _with_complementizer(text: str, span: tuple[int, int]) -> tuple[int, int]:
    before = text[max(0, span[0] - 5) : span[0]]
    return (span[0] - 5, span[1]) if before.lower() == "that " else span


def _score(article: PolnearArticle, predicted: list[tuple], counts: dict[str, list[int]]) -> None:
    text = article.text
    for i, role in enumerate(ROLES):
        gold = [getattr(g, role) for g in article.attributions if getattr(g, role)]
        guess = [p[i] for p in predicted if p[i] is not None]
        for how, match in (("exact", _same), ("overlap", _overlap_size)):
            hits = _matched(gold, guess, lambda g, p, m=match: m(text, g, p))
            for key in (f"{role}_{how}", f"all_{how}"):
                counts[key][0] += hits
                counts[key][1] += len(guess)
                counts[key][2] += len(gold)
    gold_contents = [g.content for g in article.attributions if g.content]
    guessed_contents = [p[2] for p in predicted]
    counts["attribution"][0] += _matched(gold_contents, guessed_contents, lambda g, p: _overlap_size(text, g, p))
    counts["attribution"][1] += len(guessed_contents)
    counts["attribution"][2] += len(gold_contents)


def _matched(gold: Sequence[Spans], guess: Sequence[Spans], score) -> int:
    """Pairs matched one to one, best-scoring pairs first."""
    pairs = sorted(((score(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(guess)), reverse=True)
    used_gold, used_guess = set(), set()
    for value, i, j in pairs:
        if value > 0 and i not in used_gold and j not in used_guess:
            used_gold.add(i)
            used_guess.add(j)
    return len(used_gold)


def _trimmed(text: str, spans: Spans) -> Spans:
    out = []
    for start, end in spans:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if start < end:
            out.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(out):  # fragments apart only by whitespace and , . ; : are one span
        if merged and not text[merged[-1][1] : start].strip(_EDGE):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _same(text: str, gold: Spans, guess: Spans) -> int:
    trimmed = _trimmed(text, gold)
    return int(bool(trimmed) and trimmed == _trimmed(text, guess))


def _overlap_size(text: str, gold: Spans, guess: Spans) -> int:
    return sum(max(0, min(e, f) - max(s, t)) for s, e in gold for t, f in guess)


def _prf(hits: int, guessed: int, gold: int) -> tuple[float, float, float]:
    precision = hits / guessed if guessed else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, DIGITS), round(recall, DIGITS), round(f1, DIGITS)
