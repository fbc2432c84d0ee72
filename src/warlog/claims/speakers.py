"""Who a source phrase is: its actors, whether it is named, and the outlet or work it speaks through.

Rules, in order:
- A channel noun ("the Twitter account of the U.S. Embassy in Syria", "a spokesman for the army") speaks
  for the object of its "of"/"for": the speaker is that object's actor.
- Otherwise the phrase's head and its conjuncts ("Weiss and Hassan Hassan") are resolved through the
  actor mentions (`MentionIndex.in_phrase`): "Iranian State propaganda" is Iran, "one rebel commander" the
  rebels; a mention anywhere inside the phrase is the fallback.
- A pronoun ("he said") the linker leaves unresolved is a compatible actor mentioned before it: a person
  for he/she, another actor for it/they; of the last persons, one who is the subject of a clause in the
  pronoun's sentence or the two before it wins over a nearer one who is not.
- The source is `unnamed` when its head is a common noun listed in the cue pack (officials, sources,
  reports, commander, spokesman, ...): "one rebel commander" is an unnamed member of the rebels;
  otherwise `named`.
- The outlet is the object of "to"/"for" ("said to The New York Times", "wrote for The Daily Beast") or
  the person told ("told Reuters") when it is a media actor or an organization's name; the work is a
  title after "in" ("wrote in ISIS: Inside the Army of Terror").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from warlog.doctext import doc_text
from warlog.events.roles import MentionIndex, actors_of
from warlog.packs.cues import CuePack

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
OUTLET_PREPS = frozenset({"to", "for", "with"})
ANTECEDENTS = 4  # persons looked at for a pronoun, nearest first
# a title: capitalized words, with small words and a colon between them ("ISIS: Inside the Army of Terror")
_SMALL = r"(?:of|the|a|an|and|in|on|for|to|at|from|with|by|or)"
_TITLE = re.compile(rf"[A-Z0-9][\w'’.-]*(?:(?::\s+|\s+)(?:[A-Z0-9][\w'’.-]*|{_SMALL}(?=\s+[A-Z0-9])))*")


@dataclass(frozen=True, slots=True)
class Source:
    """A resolved source phrase: its character span, actor ids (main speaker first) and kind."""

    span: tuple[int, int]
    speakers: tuple[str, ...]
    kind: str  # "named" | "unnamed"


def describe_source(
    doc: Doc, head: Token, span: tuple[int, int], index: MentionIndex, pack: CuePack, *, head_word: str | None = None
) -> Source:
    """The Source of the phrase at `span` whose head token is `head` (`head_word` overrides the head's
    word when a cue is glued to it: "commanderput")."""
    word = (head_word or head.lemma_).lower()
    target = _channel_object(head, pack) if word in pack.channels else None
    speakers = actors_of([target or head], index)
    if speakers and _owner_only(target or head, index):
        speakers = ()  # "his demise shows ...": a pronoun's owner is no speaker of what a thing shows
    if not speakers:
        speakers = _mentions_inside(doc, span, index)
    if not speakers and head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        speakers = _antecedent(doc, head, index)
    named_head = head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    unnamed = not named_head and word in pack.unnamed
    return Source(span, speakers, "unnamed" if unnamed else "named")


def _owner_only(head: Token, index: MentionIndex) -> bool:
    """The phrase names an actor only through a possessive pronoun resolved by coreference ("his demise")."""
    if index.at(head) is not None or head.pos_ != "NOUN":
        return False
    found = index.in_phrase(head)
    return found is not None and found.rule.startswith("coref@")


def _channel_object(head: Token, pack: CuePack) -> Token | None:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "from"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _mentions_inside(doc: Doc, span: tuple[int, int], index: MentionIndex) -> tuple[str, ...]:
    ids: list[str] = []
    starts, mentions, kinds = _by_start(doc)
    for mention in mentions[bisect_left(starts, span[0]) :]:
        if mention.start >= span[1]:
            break
        if mention.end <= span[1] and mention.actor.id not in ids:
            ids.append(mention.actor.id)
    media = [i for i in ids if kinds.get(i) == "media"]
    return tuple([i for i in ids if i not in media] + media)


def _by_start(doc: Doc) -> tuple[list[int], list, dict[str, str]]:
    """The document's actor mentions but pronouns resolved by coreference ("his demise shows ...": whose the
    pronoun is does not make them the one who speaks), by start, with their starts and each actor's kind:
    built once per list of mentions, so that a speaker's span is a bisection, not a scan."""
    found = doc._.warlog_actors or []
    cached = doc.user_data.get("warlog_speaker_mentions")
    if cached is None or cached[0] is not found or cached[4] != len(found):
        mentions = sorted((m for m in found if not m.rule.startswith("coref@")), key=lambda m: m.start)
        kinds: dict[str, str] = {}
        for m in found:
            kinds.setdefault(m.actor.id, m.actor.kind)
        cached = (found, [m.start for m in mentions], mentions, kinds, len(found))
        doc.user_data["warlog_speaker_mentions"] = cached
    return cached[1], cached[2], cached[3]


def _antecedent(doc: Doc, pronoun: Token, index: MentionIndex) -> tuple[str, ...]:
    """The actor a pronoun stands for: a person for he/she, not a person for it, any actor for they.
    A person who is the subject of a clause in the pronoun's sentence or the two before it wins over
    one who merely sits nearer ("Putin criticized Obama. He said ..." is Putin); else the last one."""
    word = pronoun.lower_
    fitting = []
    for mention in reversed(doc._.warlog_actors or ()):
        if mention.end > pronoun.idx or mention.actor.kind == "media":
            continue
        person = mention.actor.kind == "person"
        if (word in PERSON_PRONOUNS and person) or (word == "it" and not person) or word in ("they", "them"):
            fitting.append(mention)
            if word not in PERSON_PRONOUNS or len(fitting) >= ANTECEDENTS:
                break
    if not fitting:
        return ()
    window = _sentences_back(pronoun, 2)
    for mention in fitting:
        if mention.start < window:
            break
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _is_subject(span.root):
            return (mention.actor.id,)
    return (fitting[0].actor.id,)


def _sentences_back(token: Token, count: int) -> int:
    """The first character of the sentence `count` sentences before the token's."""
    sentence = token.sent
    for _ in range(count):
        if sentence.start == 0:
            break
        sentence = token.doc[sentence.start - 1].sent
    return sentence.start_char


def _is_subject(token: Token) -> bool:
    while token.dep_ in ("compound", "appos", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def find_outlet(verb: Token, index: MentionIndex) -> tuple[str | None, tuple[int, int] | None]:
    """The outlet a reporting verb names (actor id, or the name as written) and its span."""
    candidates = [c for c in verb.children if c.dep_ in ("dative", "dobj") and verb.lemma_ == "tell"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in OUTLET_PREPS:
            candidates += [g for g in prep.children if g.dep_ == "pobj"]
    for noun in candidates:
        mention = index.at(noun)
        span = (noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge))
        if mention is not None and mention.actor.kind == "media":
            return mention.actor.id, span
        if mention is None and noun.pos_ == "PROPN" and noun.ent_type_ in ("ORG", "WORK_OF_ART"):
            return doc_text(verb.doc)[span[0] : span[1]], span
    return None, None


def find_work(verb: Token) -> tuple[str | None, tuple[int, int] | None]:
    """The title after "in" of a writing verb ("wrote in ISIS: Inside the Army of Terror") and its span."""
    if verb.lemma_ not in ("write", "publish", "argue", "say", "note"):
        return None, None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            start = prep.idx + len(prep.text)
            text = doc_text(verb.doc)
            while start < len(text) and text[start] == " ":
                start += 1
            match = _TITLE.match(text, start)
            if match is not None and len(match.group().split()) >= 2:
                return match.group(), (match.start(), match.end())
    return None, None
