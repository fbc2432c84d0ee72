"""`warlog eval actor-links`: the precision of actor links, scored on the team's own gold (issue 14).

The gold, eval/gold/polnear-actor-links.tsv, judges every actor mention warlog linked in 30 PolNeAR dev
articles, by offsets only (never their text; a short sha256 of each span detects drift): the actor linked
then, the actor a reader would link (or none) and labels; a row per article lists the countries it involves.
A mention of today's report is scored when the gold judges its span (same start and end):

    link_precision          share of judged mentions linked to the actor the reader would link
    generic_wrong_country   the number of generic links (rules agent, people, coref), judged or not, to a
                            country the article does not involve (a count: the issue asks for none, and a rate
                            would rise when right generic links go)

Mentions the gold does not judge (found after it was written) are counted apart (`unjudged` in the details)
and listed, so that precision never counts them as right. There is no recall: the gold lists links, not actors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from warlog.errors import InputError
from warlog.evaluate.goldspans import article_text, checked_span, gold_rows, read_gold_file
from warlog.evaluate.metrics import DIGITS, Evaluation
from warlog.model import Report
from warlog.pipeline import Pipeline

GENERIC_RULES = ("agent", "people", "coref")
ATTRIBUTION = "PolNeAR (Newell, Margolin & Ruths, LREC 2018), read where it lies, never copied"


@dataclass(frozen=True, slots=True)
class JudgedLink:
    """One judged mention: its span, the actor a reader would link (None: no actor) and the gold file's line."""

    start: int
    end: int
    right: str | None
    line: int


@dataclass(frozen=True, slots=True)
class LinkArticle:
    """One gold article: its PolNeAR split, name, publication date, text, countries and judged mentions."""

    split: str
    name: str
    published: str | None
    text: str
    countries: frozenset[str]
    links: tuple[JudgedLink, ...]


@dataclass(frozen=True, slots=True)
class LinkGold:
    """The gold file's articles, read with their texts."""

    name: str
    sha256: str
    articles: tuple[LinkArticle, ...]


def read_link_gold(path: Path, polnear: Path) -> LinkGold:
    """Read the gold file and its articles' texts from `polnear` (the directory of the PolNeAR splits).

    Each line, tab-separated: `split article start end sha linked right labels` for a judged mention, or
    `split article countries ISO3,...` for an article's countries (first); `#` starts a comment.

    Raises:
        InputError: the file cannot be read, a line is malformed, an article's text is missing, or a span
            lies outside its text or no longer hashes to its sha (`path:line: problem`).
    """
    path, polnear = Path(path), Path(polnear)
    raw = read_gold_file(path)
    digest = hashlib.sha256(raw.encode("utf-8"))
    texts: dict[tuple[str, str], str] = {}
    countries: dict[tuple[str, str], frozenset[str]] = {}
    links: dict[tuple[str, str], list[JudgedLink]] = {}
    for number, where, fields in gold_rows(path, raw):
        key = (fields[0], fields[1]) if len(fields) > 1 else ("", "")
        if len(fields) == 4 and fields[2] == "countries":
            if key in texts:
                raise InputError(f"{where}: {key[0]}/{key[1]} is listed again; its countries row comes first")
            texts[key] = article_text(polnear, *key, where=where)
            digest.update(texts[key].encode("utf-8") + b"\0")
            countries[key] = frozenset(c for c in fields[3].split(",") if c and c != "none")
            links[key] = []
        elif len(fields) == 8:
            if key not in texts:
                raise InputError(f"{where}: {key[0]}/{key[1]} has no countries row before its mentions")
            start, end = checked_span(fields[2], fields[3], fields[4], texts[key], where)
            links[key].append(JudgedLink(start, end, None if fields[6] == "none" else fields[6], number))
        else:
            raise InputError(
                f"{where}: expected 8 tab-separated fields (split, article, start, end, sha, linked, right, labels) "
                f"or 4 (split, article, countries, ISO3 codes); found {len(fields)}"
            )
    if not texts:
        raise InputError(f"{path} lists no article")
    articles = tuple(
        LinkArticle(s, n, _published(n), texts[(s, n)], countries[(s, n)], tuple(links[(s, n)])) for s, n in texts
    )
    return LinkGold(path.name, digest.hexdigest(), articles)


def _published(name: str) -> str | None:
    """The date in a PolNeAR article's name ("nyt_2016-09-19_..."), or None."""
    parts = name.split("_")
    date = parts[1] if len(parts) > 2 else ""
    return date if len(date) == 10 and date[4] == date[7] == "-" and date.replace("-", "").isdigit() else None


def evaluate_link_gold(pipeline: Pipeline, gold: LinkGold) -> Evaluation:
    """Precision of actor links on the gold's articles (each dated by its name)."""
    reports = [pipeline.extract(article.text, published=article.published) for article in gold.articles]
    return score_link_gold(gold, reports)


def raw_offsets(raw: str, clean: str) -> list[int]:
    """For each character of `clean` (the document text: `raw` less some whitespace), its offset in `raw`,
    and one past the last; an offset past `raw` marks a text that is no subsequence of it."""
    offsets, i = [], 0
    for char in clean:
        while i < len(raw) and raw[i] != char:
            i += 1
        offsets.append(i)
        i += 1
    offsets.append(offsets[-1] + 1 if offsets else 0)
    return offsets


def score_link_gold(gold: LinkGold, reports: Sequence[Report]) -> Evaluation:
    """The scores of `evaluate_link_gold`, given the report of each of the gold's articles (in order)."""
    judged = right = unjudged = generic = foreign = 0
    misses: list[str] = []
    for article, report in zip(gold.articles, reports, strict=True):
        offsets = raw_offsets(article.text, report.document.text)
        gold_links = {(g.start, g.end): g for g in article.links}
        for actor in report.actors:
            for mention in actor.mentions:
                span = (offsets[mention.start], offsets[mention.end - 1] + 1)
                rule = (mention.rule or "").split("@")[0]
                if rule in GENERIC_RULES:
                    generic += 1
                    if actor.country is not None and actor.country not in article.countries:
                        foreign += 1
                        misses.append(f"{article.name} {span[0]}-{span[1]}: generic link to {actor.country}")
                link = gold_links.get(span)
                if link is None:
                    if actor.origin == "ner" and rule == "ner":
                        continue  # a new actor's own name: no link
                    unjudged += 1
                    misses.append(f"{article.name} {span[0]}-{span[1]}: unjudged link to {actor.id} ({rule})")
                    continue
                judged += 1
                if actor.id == link.right:
                    right += 1
                else:
                    misses.append(
                        f"{article.name} {span[0]}-{span[1]}: linked to {actor.id} ({rule}), "
                        f"right: {link.right or 'none'} (gold line {link.line})"
                    )
    metrics = {
        "link_precision": round(right / judged, DIGITS) if judged else 0.0,
        "generic_wrong_country": float(foreign),
    }
    counts = {"link_precision": judged, "generic_wrong_country": generic}
    details = {
        "judged": judged,
        "unjudged": unjudged,
        "generic_links_to_uninvolved_countries": foreign,
        "misses": misses,
        "attribution": ATTRIBUTION,
    }
    return Evaluation("actor-links", gold.name, gold.sha256, None, len(gold.articles), metrics, counts, details)


__all__ = ["LinkGold", "evaluate_link_gold", "raw_offsets", "read_link_gold", "score_link_gold"]
