"""Main text and metadata of an HTML page, by trafilatura. Nothing in the page is ever executed."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from trafilatura.settings import Document

from warlog.ingest.dates import parse_date

# htmldate's extensive search guesses dates from any text in the page; warlog never invents a date
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# what a page shows only without scripts ("please enable JavaScript") is never its main text
_PRUNE = ["//noscript"]
_DOCUMENT = re.compile(r"<(?:html|body)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura found in a page: main text (paragraphs separated by a blank line) and metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None


def extract_html(html: str, *, url: str | None = None) -> Page:
    """The main text of a page or an HTML fragment, without scripts, styles, navigation and comments."""
    if not _DOCUMENT.search(html[:4096]):
        html = f"<html><body>{html}</body></html>"  # trafilatura cannot parse some bare fragments
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
        prune_xpath=_PRUNE,
    )
    if not isinstance(result, Document):  # None: nothing found (a dict only with as_dict=True, never asked)
        return Page("")
    paragraphs = (line.strip() for line in (result.text or "").split("\n"))
    return Page(
        text="\n\n".join(p for p in paragraphs if p),
        title=_clean(result.title),
        author=_clean(result.author),
        published=parse_date(result.date) if result.date else None,
        sitename=_clean(result.sitename),
    )


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None
