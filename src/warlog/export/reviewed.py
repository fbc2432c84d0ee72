"""A report cut down to what an analyst accepted, for `export(..., reviewed=True)` of whole reports."""

from __future__ import annotations

from collections.abc import Sequence

from warlog.model import Report
from warlog.store.amend import apply_corrections
from warlog.store.correction import Correction


def accepted_only(trail: Sequence[Correction], report: Report) -> Report | None:
    """The report with only the events and claims the trail accepts; the others are dropped as a rejection
    drops them (what referred to them forgets them). None when the document has none accepted."""
    document = report.document.id
    accepted = {(c.fact, c.target) for c in trail if c.kind == "accept" and c.document == document}
    if not accepted:
        return None
    drops = [Correction.reject("event", document, e.id) for e in report.events if ("event", e.id) not in accepted]
    drops += [Correction.reject("claim", document, c.id) for c in report.claims if ("claim", c.id) not in accepted]
    kept, _ = apply_corrections(report, drops, corpus_actor=lambda actor_id: None)
    return kept
