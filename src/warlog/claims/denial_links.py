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

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from warlog.claims.denials import POINTING, POINTING_DETERMINERS, Denial, Said, read_denials, subject_span, subtree_span
from warlog.doctext import doc_text
from warlog.events.candidate import EventCandidate
from warlog.model import HAPPENED, REFUTED
from warlog.packs.denials import DenialPack

STOP_LEMMAS = frozenset({"be", "have", "do", "say", "make", "get", "go", "take", "come", "-PRON-", "year"})
WINDOW_BEFORE, WINDOW_AFTER = 4, 2  # sentences searched for what a denial denies
POINTING_BEFORE = 3  # sentences back to an account a pointing word names


def find_denials(
    doc: Doc,
    claims: Sequence[Said],
    events: Sequence[EventCandidate],
    *,
    pack: DenialPack,
    mentions: Sequence[tuple[int, int, str]] = (),
) -> list[Denial]:
    """The document's denials and rebuttals, each linked to the claims and events it denies; `mentions`
    are the actors' spans (start, end, actor id), which name a denier that no claim holds."""
    denials = read_denials(doc, pack)
    if not denials:
        return []
    index = _Index.build(doc, claims, events, mentions)
    return [_link(pack, doc, denial, index) for denial in denials]


@dataclass(frozen=True, slots=True)
class _Index:
    """The claims and events of a document by where they start, and its sentences' starts: the window
    around a denial is two bisections, never a scan of the whole document."""

    sentences: list[int]
    claims: list[Said]  # by content start, then their order in the finder
    claim_starts: list[int]
    longest: int  # the longest claim content, which bounds the search for the claim holding a cue
    events: list[EventCandidate]  # by start
    event_starts: list[int]
    mentions: list[tuple[int, int, str]]  # by start
    mention_starts: list[int]

    @classmethod
    def build(
        cls,
        doc: Doc,
        claims: Sequence[Said],
        events: Sequence[EventCandidate],
        mentions: Sequence[tuple[int, int, str]],
    ) -> _Index:
        ordered = [c for _, c in sorted(enumerate(claims), key=lambda pair: (pair[1].content[0], pair[0]))]
        by_start = sorted(events, key=lambda e: e.start)
        named = sorted(mentions)
        return cls(
            [s.start_char for s in doc.sents],
            ordered,
            [c.content[0] for c in ordered],
            max((c.content[1] - c.content[0] for c in ordered), default=0),
            by_start,
            [e.start for e in by_start],
            named,
            [m[0] for m in named],
        )

    def actors_in(self, span: tuple[int, int]) -> set[str]:
        found = self.mentions[bisect_left(self.mention_starts, span[0]) : bisect_left(self.mention_starts, span[1])]
        return {actor for _, end, actor in found if end <= span[1]}

    def claims_in(self, lo: int, hi: int) -> list[Said]:
        return self.claims[bisect_left(self.claim_starts, lo) : bisect_left(self.claim_starts, hi)]

    def events_in(self, lo: int, hi: int) -> list[EventCandidate]:
        return self.events[bisect_left(self.event_starts, lo) : bisect_left(self.event_starts, hi)]

    def holding(self, at: int) -> Said | None:
        """The first claim (in the finder's order) whose content holds the character `at`."""
        near = self.claims_in(at - self.longest, at + 1)
        return next((c for c in near if c.content[0] <= at < c.content[1]), None)


def _link(pack: DenialPack, doc: Doc, denial: Denial, index: _Index) -> Denial:
    own = index.holding(denial.cue[0])
    starts = index.sentences
    here = bisect_right(starts, denial.cue[0]) - 1
    lo = starts[max(0, here - WINDOW_BEFORE)]
    hi = starts[here + WINDOW_AFTER + 1] if here + WINDOW_AFTER + 1 < len(starts) else len(doc_text(doc))
    nearby = index.events_in(lo, hi)
    inside = [e for e in nearby if denial.denied[0] <= _at(doc, e) < denial.denied[1]]
    if own is not None:
        denier = set(own.speakers)
    else:  # a denial no claim holds: its denier named in its own words
        denier = index.actors_in(denial.denier) if denial.denier is not None else set()
    others = [
        c for c in index.claims_in(lo, hi)
        if c is not own and c.source_kind != "scare_quote"
        and not (denier and denier & set(c.speakers)) and not _overlaps(c.content, denial.denied)
        and not _overlaps(c.content, denial.cue)
    ]  # fmt: skip
    if denial.form != "denial":
        others_tell = [e for e in nearby if e not in inside and _told_by(doc, e, others)]
        return _with(denial, _negated_deeds(pack, doc, denial, inside, others_tell), inside)
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
            echoed = _denied_by(doc, earlier[-1], nearby)
            if echoed:  # "The Kremlin dismissed the reports" after the ministry's denial: it denies the same
                return _with(denial, (), echoed)
            return _with(denial, (earlier[-1].id,), inside)
        return _with(replace(denial, proposition=_sentence_before(pack, doc, denial, starts, here)), (), inside)
    lemmas = _lemmas(pack, doc, denial.denied)
    actors = {a for e in inside for a in (*e.actors, *e.recipients)}
    targets = [c.id for c in others if _shares(pack, doc, c.content, lemmas, actors, nearby)]
    told = [
        e.id for e in nearby
        if e not in inside and e.status.value in HAPPENED
        and any(e.type == d.type and _share_actor(e.actors, d.actors) for d in inside)
    ]  # fmt: skip
    return _with(denial, tuple(dict.fromkeys(targets + told)), inside)


def _denied_by(doc: Doc, claim: Said, events: Sequence[EventCandidate]) -> list[EventCandidate]:
    """The events a claim denies, when it denies and tells nothing that happened: a denial that points
    back to another's denial stands with it, against what it denies, not against the denier."""
    held = [e for e in events if claim.content[0] <= _at(doc, e) < claim.content[1]]
    if held and all(e.status.value in REFUTED for e in held):
        return held
    return []


def _sentence_before(
    pack: DenialPack, doc: Doc, denial: Denial, starts: list[int], here: int
) -> tuple[int, int] | None:
    """What "This is bogus." calls false when no claim is found before it: the sentence before (the last
    of the paragraph before, when it opens one), when the pointing word opens its sentence and the words
    call it untrue (not merely judge it: the pack's `judging` words, "wrong", "absurd")."""
    word = doc.char_span(*denial.denied, alignment_mode="expand")
    cue = doc_text(doc)[denial.cue[0] : denial.cue[1]].lower()
    if word is None or len(word) != 1 or word[0].lower_ not in ("this", "that") or here == 0 or cue in pack.judging:
        return None
    if word.start != word.sent.start:
        return None
    start, end = starts[here - 1], starts[here]
    return (start, end) if doc_text(doc)[start:end].strip() else None


def _told_by(doc: Doc, event: EventCandidate, claims: Sequence[Said]) -> bool:
    at = _at(doc, event)
    return any(c.content[0] <= at < c.content[1] for c in claims)


def _negated_deeds(
    pack: DenialPack, doc: Doc, denial: Denial, inside: list[EventCandidate], told: list[EventCandidate]
) -> tuple[str, ...]:
    """What "there was no attack" or "not a combat mission" stands against: the events that other
    sources nearby tell, of the denied deed's type with a party or a content word in common (existence),
    or whose words name the kind denied ("combat") and are not themselves denied (predication)."""
    if denial.form == "existence":
        lemmas = _lemmas(pack, doc, denial.denied)
        return tuple(
            e.id for e in told
            if e.status.value in HAPPENED and any(e.type == d.type for d in inside)
            and (any(_share_actor(_parties(e), _parties(d)) for d in inside)
                 or lemmas & _lemmas(pack, doc, (e.start, e.end)))
        )  # fmt: skip
    words = doc.char_span(*denial.denied, alignment_mode="expand")
    if words is None:
        return ()
    kinds = {c.lemma_.lower() for c in words.root.children if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN"}
    kinds = kinds or {words.root.lemma_.lower()}
    return tuple(
        e.id for e in told
        if e.status.value not in REFUTED and _names(doc, e, kinds)
    )  # fmt: skip


def _parties(event: EventCandidate) -> tuple[str, ...]:
    return (*event.actors, *event.recipients)


def _names(doc: Doc, event: EventCandidate, lemmas: set[str]) -> bool:
    words = doc.char_span(event.start, event.end, alignment_mode="expand")
    return words is not None and any(t.lemma_.lower() in lemmas for t in words)


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
        clause = _that_clause_of(root)
        accuser = _accuser(pack, root)
        if clause is None:  # "attacks from X that ...": the clause hung from the accuser
            agent = next((t for t in root.subtree if t.dep_ == "pobj" and t.head.head == root), None)
            clause = _that_clause_of(agent) if agent is not None else None
        if clause is None and accuser is None:
            return denial  # "false claims", "a ridiculous idea": an account that says nothing of itself
        proposition = subtree_span(clause) if clause is not None else proposition
    if (not _lemmas(pack, doc, proposition) or _said_of_before(doc, proposition)) and accuser is None:
        return denial  # "lying about me", "denied it happened": no content of its own to stand as a claim
    return replace(denial, accuser=accuser, proposition=_without_mark(doc, proposition))


def _said_of_before(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether a clause is said of something told before: its subject a pointing word ("it happened")."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in POINTING and t.head == words.root for t in words)


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
                clause = _that_clause_of(agent)  # "attacks from X that he was ...": the clause is no part of X
                start, end = subtree_span(agent)
                return (start, _end_at(agent, clause.left_edge.i - 1)) if clause is not None else (start, end)
    return None


def _that_clause_of(noun: Token) -> Token | None:
    """The "that" clause a noun tells ("the claim that P"), however the parser hung it."""
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp") and _that_clause(c)), None)


def _end_at(token: Token, last: int) -> int:
    """The end character of the token at index `last` (the span's last token)."""
    end_token = token.doc[max(last, token.i)]
    return end_token.idx + len(end_token.text)


def _pointing(pack: DenialPack, doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the denied words point back to an account told before: "it", "that argument", "those
    reports", "his comments", "the president's claims about ...", "it happened", not "the claim that ..."
    (which says what it is)."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    if len(words) == 1:
        return words[0].lower_ in POINTING
    if _said_of_before(doc, span):  # "denied it happened"
        return True
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
    return any(span[0] <= e.start < span[1] and actors & set(_parties(e)) for e in events)


def _at(doc: Doc, event: EventCandidate) -> int:
    return doc[event.token].idx if 0 <= event.token < len(doc) else event.start


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


__all__ = ["find_denials"]
