"""What each denial denies, linked to the document's claims and events (`find_denials`).

What is denied is linked to the claim or event it denies, looking only at the sentences around the
denial (an index by sentence, never all pairs): a word that points back ("that argument", "those
reports", "it") to the nearest earlier claim of another source; otherwise the claims and events nearby of
another source that share the denied words' content lemmas (two, or one and an actor) or an event of the
same type with an actor in common. A denied event with no such telling still stands against its denier.
A denial whose words say what they deny (not a word that points back) keeps that proposition ("the claim
that P": P) and the accuser its words name ("the governor's claim", "allegations by the UN", "citing a
conspiracy theory, X ..."), so that one with no counterpart in the text can stand against it as an
implied claim (warlog.claims.rebuttals). The denier is the speaker of the enclosing claim, else the author.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from warlog.claims.denials import POINTING, POINTING_DETERMINERS, Denial, Said, read_denials, subject_span, subtree_span
from warlog.events.candidate import EventCandidate
from warlog.packs.denials import DenialPack

STOP_LEMMAS = frozenset({"be", "have", "do", "say", "make", "get", "go", "take", "come", "-PRON-", "year"})
WINDOW_BEFORE, WINDOW_AFTER = 4, 2  # sentences searched for what a denial denies
POINTING_BEFORE = 3  # sentences back to an account a pointing word names


def find_denials(
    doc: Doc, claims: Sequence[Said], events: Sequence[EventCandidate], *, pack: DenialPack
) -> list[Denial]:
    """The document's denials and rebuttals, each linked to the claims and events it denies."""
    starts = [s.start_char for s in doc.sents]
    return [_link(pack, doc, denial, claims, events, starts) for denial in read_denials(doc, pack)]


def _link(
    pack: DenialPack,
    doc: Doc,
    denial: Denial,
    claims: Sequence[Said],
    events: Sequence[EventCandidate],
    starts: list[int],
) -> Denial:
    own = next((c for c in claims if c.content[0] <= denial.cue[0] < c.content[1]), None)
    here = bisect_right(starts, denial.cue[0]) - 1
    lo = starts[max(0, here - WINDOW_BEFORE)]
    hi = starts[here + WINDOW_AFTER + 1] if here + WINDOW_AFTER + 1 < len(starts) else len(doc.text)
    inside = [e for e in events if denial.denied[0] <= _at(doc, e) < denial.denied[1]]
    denier = set(own.speakers) if own is not None else set()
    others = [
        c for c in claims
        if lo <= c.content[0] < hi and c is not own and c.source_kind != "scare_quote"
        and not (denier and denier & set(c.speakers)) and not _overlaps(c.content, denial.denied)
        and not _overlaps(c.content, denial.cue)
    ]  # fmt: skip
    pointed = _pointing(pack, doc, denial.denied)
    denial = denial if pointed else _told_inside(pack, doc, denial)
    if pointed:
        back = starts[max(0, here - POINTING_BEFORE)]
        named = denial.denier is not None or (own is not None and own.source_kind != "author")
        earlier = [
            c for c in others
            if back <= c.content[0] and c.content[1] <= denial.cue[0] and (named or c.source_kind != "author")
        ]  # fmt: skip
        if earlier:
            return _with(denial, (earlier[-1].id,), inside)
    lemmas = _lemmas(pack, doc, denial.denied)
    actors = {a for e in inside for a in (*e.actors, *e.recipients)}
    targets = [c.id for c in others if _shares(pack, doc, c.content, lemmas, actors, events)]
    told = [
        e.id for e in events
        if lo <= e.start < hi and e not in inside and e.status.value in ("asserted", "reported", "claimed")
        and any(e.type == d.type and _share_actor(e.actors, d.actors) for d in inside)
    ]  # fmt: skip
    return _with(denial, tuple(dict.fromkeys(targets + told)), inside)


def _share_actor(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two actor lists name one actor, or one and a part of it ("rus" and "rus.mil")."""
    return any(x == y or x.startswith(y + ".") or y.startswith(x + ".") for x in a for y in b)


def _with(denial: Denial, targets: tuple[str, ...], inside: list[EventCandidate]) -> Denial:
    return replace(denial, targets=targets, events=tuple(e.id for e in inside))


def _told_inside(pack: DenialPack, doc: Doc, denial: Denial) -> Denial:
    """The denial with what its words tell of the denied account: who made it ("allegations by the
    UN", "the ministry's claim") and the proposition ("the claim that P": P; else the denied words)."""
    words = doc.char_span(*denial.denied, alignment_mode="expand")
    if words is None:
        return denial
    root = words.root
    proposition = denial.denied
    accuser = None
    if root.lemma_.lower() in pack.account_nouns:
        clause = next((c for c in root.children if c.dep_ in ("acl", "relcl", "ccomp") and _that_clause(c)), None)
        accuser = _accuser(pack, root)
        if clause is None and accuser is None:
            return denial  # "false claims", "a ridiculous idea": an account that says nothing of itself
        proposition = subtree_span(clause) if clause is not None else proposition
    return replace(denial, accuser=accuser, proposition=_without_mark(doc, proposition))


def _without_mark(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """A clause's span without its leading "that"."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is not None and len(words) > 1 and words[0].dep_ == "mark" and words[0].lower_ == "that":
        return words[1].idx, span[1]
    return span


def _that_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _accuser(pack: DenialPack, noun: Token) -> tuple[int, int] | None:
    """Who made an account, when the account's words name them: a possessor ("the ministry's claim",
    not a pronoun) or the object of "by"/"from" ("allegations by the UN")."""
    if noun.dep_ == "dobj" and noun.head.lemma_ in pack.spreading_verbs:  # "citing a conspiracy theory, X accused ..."
        return subject_span(noun.head)
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return subtree_span(child, skip_case=True)
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None and agent.pos_ in ("PROPN", "NOUN"):
                return subtree_span(agent)
    return None


def _pointing(pack: DenialPack, doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the denied words point back to an account told before: "it", "that argument", "those
    reports", "his comments", "the president's claims about ...", not "the claim that ..." (which says
    what it is)."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    if len(words) == 1:
        return words[0].lower_ in POINTING
    root = words.root
    if root.lemma_.lower() not in pack.account_nouns or any(c.dep_ in ("acl", "relcl", "ccomp") for c in root.children):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS) for c in root.children)


def _lemmas(pack: DenialPack, doc: Doc, span: tuple[int, int]) -> set[str]:
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return set()
    return {t.lemma_.lower() for t in words if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop
            and t.lemma_ not in STOP_LEMMAS and t.lemma_.lower() not in pack.account_nouns}  # fmt: skip


def _shares(
    pack: DenialPack,
    doc: Doc,
    span: tuple[int, int],
    lemmas: set[str],
    actors: set[str],
    events: Sequence[EventCandidate],
) -> bool:
    common = lemmas & _lemmas(pack, doc, span)
    if len(common) >= 2:
        return True
    if not common or not actors:
        return False
    return any(span[0] <= e.start < span[1] and actors & {*e.actors, *e.recipients} for e in events)


def _at(doc: Doc, event: EventCandidate) -> int:
    return doc[event.token].idx if 0 <= event.token < len(doc) else event.start


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


__all__ = ["find_denials"]
