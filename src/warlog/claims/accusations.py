"""What an accusation's outcome clause tells belongs to the accused act, never to the accuser.

"Syria's foreign ministry accused rebels of shelling a market in Saraqib on Monday, killing 8 civilians":
the parser hangs "killing 8 civilians" from "accused", so the event extractor reads the ministry as the
killer, a second attack by the accuser. The participle tells what the shelling did: its toll and its
victims are the accused act's. So an ASSAULT whose trigger is a subjectless participle (or a verb
coordinated with one: "killing three and wounding ten") of an ACCUSE's trigger, and whose actors are
none or the accuser's, is folded into the first act the accusation names ("of"/"for", found by the
claim finder's `_accused_acts`) and is no event of its own. An outcome with no accused act to join
is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from warlog.claims.positions import EventIndex
from warlog.doctext import doc_text
from warlog.events.candidate import EventCandidate


def fold_accused_outcomes(doc: Doc, events: Sequence[EventCandidate]) -> list[EventCandidate]:
    """The events, each accusation's outcome clauses folded into its accused act (see the module)."""
    by_token = {e.token: i for i, e in enumerate(events) if 0 <= e.token < len(doc)}
    index = EventIndex(doc, events)
    folded: dict[int, EventCandidate] = {}
    dropped: set[int] = set()
    for accusation in events:
        if accusation.type != "ACCUSE" or not 0 <= accusation.token < len(doc):
            continue
        trigger = doc[accusation.token]
        act = _accused_act(doc, trigger, events, index)
        if act is None:
            continue
        for verb in _outcome_verbs(trigger):
            i = by_token.get(verb.i)
            if i is None or i in dropped or events[i].type != "ASSAULT":
                continue
            outcome = events[i]
            if outcome.actors and not set(outcome.actors) <= set(accusation.actors):
                continue
            folded[act] = _fold(doc, folded.get(act, events[act]), outcome)
            dropped.add(i)
    return [folded.get(i, e) for i, e in enumerate(events) if i not in dropped]


def _accused_act(doc: Doc, trigger: Token, events: Sequence[EventCandidate], index: EventIndex) -> int | None:
    """The first ASSAULT told in the accusation's "of"/"for" phrase ("accused X of shelling ...")."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
        lo, hi = prep.idx, max(t.idx + len(t.text) for t in prep.subtree)
        for i in index.inside((lo, hi)):
            event = events[i]
            if event.type == "ASSAULT" and 0 <= event.token < len(doc) and lo <= doc[event.token].idx < hi:
                return i
    return None


def _outcome_verbs(trigger: Token) -> list[Token]:
    """The trigger's participles without a subject of their own, and the verbs coordinated with them."""
    found = []
    for child in trigger.children:
        subject = any(c.dep_.startswith("nsubj") for c in child.children)
        if child.dep_ == "advcl" and child.tag_ == "VBG" and not subject:
            found += [child, *(c for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return found


def _fold(doc: Doc, act: EventCandidate, outcome: EventCandidate) -> EventCandidate:
    """The act with the outcome's toll, wounded and victims where it has none, its evidence reaching them."""
    start, end = min(act.start, outcome.start), max(act.end, outcome.end)
    return replace(
        act,
        toll=act.toll or outcome.toll,
        wounded=act.wounded or outcome.wounded,
        recipients=act.recipients or outcome.recipients,
        start=start,
        end=end,
        text=doc_text(doc)[start:end],
    )


__all__ = ["fold_accused_outcomes"]
