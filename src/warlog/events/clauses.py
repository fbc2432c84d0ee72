"""Where in its sentence an event is told: in the main clause, or as the background of another event.

A sentence reports one event and may tell others as its setting or its content: what came before or
caused it ("lifted the state of emergency imposed after tribal clashes", "suspended aid deliveries after
their vehicles were hit"), what a relative clause or a participle says of a noun ("the helicopter that
was captured", "two men suspected of blowing up a plane"), what a declaration, a demand, a refusal or
an accusation is about ("blamed Israel for the bombing", "demanded an admission that forces murdered
officers", "refused to deploy peacekeepers"), or what a concession lifts ("lifted the blockade"). An
order is the other way round: what it orders is the news and the order its background ("ordered an
inquiry into the killings"). Such an event is marked `background`: it is still an event, but not the
one the sentence stands for (evaluate.coding.choose_event): where its sentence tells another event in
the main clause, it carries the code ("background", "START-END"), the character offsets of that
sentence.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from warlog.events.candidate import EventCandidate
from warlog.events.roles import STATEMENT_NOUNS
from warlog.packs.ontology import Trigger

# prepositions and subordinators of a clause or phrase that sets the scene of the main event
SETTING_PREPOSITIONS = frozenset({"after", "following", "since", "before", "amid", "despite"})
SETTING_MARKS = frozenset({"after", "since", "before", "although", "though"})
# the PLOVER types whose trigger speaks of another event: the event under it is its content
SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE", "CONSULT"})
# the prepositions that introduce what a declaration or an accusation is about ("blamed X for the bombing");
# any other ("during the attack", "in a protest") sets a scene, it tells no content
CONTENT_PREPOSITIONS = frozenset({"for", "of", "to", "on", "over", "about", "against", "into", "with"})
# verbs of command: what is ordered is done by the order's authority ("ordered the arrest of", "ordered troops
# to withdraw"), so it is the event the sentence reports, and the order its background
COMMANDS = frozenset({"order", "command", "instruct"})
# a coercion that a yielding act lifts or eases is what the act is about ("lifted a blockade on the crossing",
# "eased the curfew"), not a coercion of its own
YIELDING_TYPES = frozenset({"CONCEDE", "RETREAT"})
LIFTED_TYPES = frozenset({"COERCE", "SANCTION"})
MAX_DEPTH = 12


def told_in_background(token: Token, rules: dict[int, Trigger]) -> bool:
    """The trigger lies in a phrase or clause that sets the scene of its sentence's main clause (after,
    following, since, a relative clause, a participle on a noun), or under a trigger of speech whose content
    it is (a demand, a refusal, an accusation, an offer)."""
    own = rules.get(token.i)
    if own is not None and own.lemma in COMMANDS and _orders_an_event(token, rules):
        return True  # "ordered an inquiry into the killings": the inquiry is the news
    current = token
    content = True  # the way up from the trigger names what a trigger of speech above it is about
    for _ in range(MAX_DEPTH):
        head = current.head
        if head.i == current.i:
            return False
        said = current.dep_ == "acl" and head.lemma_.lower() in STATEMENT_NOUNS and current.tag_ == "VBG"
        if current.dep_ == "relcl" or (current.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and not said):
            return True  # but "issued a statement condemning X" says its content
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SETTING_MARKS for c in current.children):
            return True
        if current.dep_ in ("pobj", "pcomp") and head.lower_ in SETTING_PREPOSITIONS:
            return True
        if current.dep_ == "prep" and current.lower_ not in CONTENT_PREPOSITIONS:
            content = False
        rule = rules.get(head.i)
        lifted = own is not None and own.type in LIFTED_TYPES and current.i == token.i and current.dep_ == "dobj"
        if lifted and rule is not None and rule.type in YIELDING_TYPES:
            return True
        if (
            content
            and rule is not None
            and rule.type in SPEECH_TYPES
            and head.i != token.i
            and rule.lemma not in COMMANDS
        ):
            return True
        current = head
    return False


def _orders_an_event(token: Token, rules: dict[int, Trigger]) -> bool:
    """The order's object or complement is an event of its own ("ordered the arrest of", "ordered an
    inquiry", "ordered the troops to withdraw")."""
    return any(c.i in rules for c in token.children if c.dep_ in ("dobj", "xcomp", "ccomp"))


def mark_background(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """The events, those told in the background of another event of their sentence coded so. An event
    that killed or wounded is news in any clause ("condemned the attack that left one dead"), and an
    investigation is no event that a deed it looks into stands behind ("police are investigating a case
    of arson after students set fire to the building")."""
    main_sentences = {doc[e.token].sent.start for e in events if not e.background and 0 <= e.token < len(doc)
                      and (e.type, e.mode) != ("ACCUSE", "investigate")}  # fmt: skip
    marked: list[EventCandidate] = []
    for event in events:
        sentence = doc[event.token].sent if 0 <= event.token < len(doc) else None
        harmed = event.toll is not None or event.wounded is not None
        if event.background and not harmed and sentence is not None and sentence.start in main_sentences:
            code = ("background", f"{sentence.start_char}-{sentence.end_char}")
            event = replace(event, codes=(*event.codes, code))
        marked.append(event)
    return marked
