"""Syntactic tests on a mention: does it act, or is it a place?

A country name or a capital ("Moscow") denotes an actor when it acts — subject, agent, possessor of an
action, object of a verb, or the object of "by", "with", "against", "between" — and a place when it
locates something ("in Syria", "north of Aleppo", "Syria's western corridor").

The words are data: data/packs/lexicon/roles.yaml (warlog.packs.lexicon), read once when this module is
imported.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from warlog.packs.lexicon import RoleWords

ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "dobj", "iobj", "dative", "appos", "oprd"})
_WORDS = RoleWords.builtin()  # data/packs/lexicon/roles.yaml, where each list is explained
ACTOR_PREPOSITIONS = _WORDS.actor_prepositions  # "by", "with", "against"
LOCATIVE_PREPOSITIONS = _WORDS.locative_prepositions  # "in", "near", "north" (of)
GEOGRAPHIC_NOUNS = _WORDS.geographic_nouns  # "Syria's western corridor", "the outskirts of Homs"
MOTION_VERBS = _WORDS.motion_verbs  # "troops entered Syria": a place, not a party
PLACE_FEATURE_NOUNS = _WORDS.place_feature_nouns  # "the Kuweires airbase"


def _governing(token: Token) -> Token:
    """Climb coordination and flat structures so "Iran and Russia worked" reads Russia's role too."""
    while token.dep_ in ("conj", "flat", "compound") and token.head is not token and token.head.dep_ != "ROOT":
        if token.dep_ == "compound" and token.head.pos_ not in ("PROPN",):
            break
        token = token.head
    return token


def is_locative(span: Span) -> bool:
    """The span names where something is: "in Syria", "north of Aleppo", "northern Syria"."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "POS":
        # "a General in Iran's Revolutionary Guard": the possessor acts unless it owns a place
        return after.head.lower_ in GEOGRAPHIC_NOUNS or span.root.head.lower_ in GEOGRAPHIC_NOUNS
    token = _governing(span.root)
    if token.dep_ == "pobj":
        prep = token.head
        if prep.lower_ in ACTOR_PREPOSITIONS:
            return False
        if prep.lower_ == "of":
            return prep.head.lower_ in GEOGRAPHIC_NOUNS or prep.head.lower_ in PLACE_FEATURE_NOUNS
        return prep.lower_ in LOCATIVE_PREPOSITIONS or prep.dep_ in ("prep",) and prep.pos_ == "ADP"
    if token.dep_ == "poss":
        return token.head.lower_ in GEOGRAPHIC_NOUNS
    if token.dep_ == "dobj" and token.head.lemma_.lower() in MOTION_VERBS:
        return True  # "troops entered Syria"
    if token.dep_ in ("compound", "nmod", "amod"):
        return token.head.lower_ in PLACE_FEATURE_NOUNS or token.head.lower_ in GEOGRAPHIC_NOUNS
    return any(child.dep_ == "amod" and child.lower_.endswith("ern") for child in span.root.children)


def is_aside(span: Span) -> bool:
    """The span names the larger place that holds a place just named, as datelines and event notes
    write it: in parentheses ("Qasr (Tripoli)", "the village of Qalat (Kidal, Mopti)") or after a
    comma that follows a locative place ("in Tijuana, Baja California", "in Pipri, Kaushambi")."""
    doc = span.doc
    i = span.start - 1
    while i >= 1 and (doc[i].text == "," or doc[i].pos_ == "PROPN") and span.start - i < 8:
        if doc[i].text == "," and doc[i - 1].text != ")" and _after_place(doc[:i]):
            return True
        i -= 1
    if i < 1 or doc[i].text not in ("(", "["):
        return False
    before = doc[i - 1]
    return before.text[:1].isupper() or before.lower_ in PLACE_FEATURE_NOUNS or before.lower_ in GEOGRAPHIC_NOUNS


def _after_place(head: Span) -> bool:
    """The text before a comma ends with a place named locatively ("near Vorobyivka,"), or with another
    aside."""
    ent = _entity_ending(head)
    if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
        return is_locative(ent) or is_aside(ent)
    start = head.end
    while start > head.start and head.doc[start - 1].pos_ == "PROPN" and head.end - start < 4:
        if head.doc[start - 1].ent_type_ in ("DATE", "TIME", "NORP"):
            return False  # "On Friday, Russia announced": a time, not a place
        start -= 1
    return start < head.end and is_locative(head.doc[start : head.end])


def _entity_ending(head: Span) -> Span | None:
    """The entity inside `head` that ends where `head` ends: what `head.ents` finds, read off the tokens
    (`Span.ents` walks every entity of the document)."""
    doc, end = head.doc, head.end
    if end <= head.start or not doc[end - 1].ent_type or (end < len(doc) and doc[end].ent_iob_ == "I"):
        return None
    start = end - 1
    while start > head.start and doc[start].ent_iob_ == "I":
        start -= 1
    return Span(doc, start, end, label=doc[start].ent_type_) if doc[start].ent_iob_ == "B" else None


def is_acting(span: Span) -> bool:
    """The span denotes an agent or a party, not a location."""
    if is_locative(span):
        return False
    if is_possessive(span):
        return True
    token = _governing(span.root)
    if token.dep_ in ACTING_DEPS:
        return True
    if token.dep_ == "poss":
        return True
    if token.dep_ == "pobj":
        return token.head.lower_ in ACTOR_PREPOSITIONS
    if token.dep_ in ("compound", "nmod", "amod"):
        # "U.S. anti-I.S. strikes", "the Iran-Iraq war": a modifier of an action or an agent
        return token.head.pos_ in ("NOUN", "VERB")
    if token.dep_ == "npadvmod" and token.head.dep_ == "amod" and token.head.tag_ in ("VBN", "JJ"):
        # "Iran-backed militias", "the U.S.-supported opposition": who backs
        return token.i + 1 < len(token.doc) and token.nbor().text == "-"
    return False


def is_possessive(span: Span) -> bool:
    """The span ends in a possessive ('s / ’s) or is a possessor in the parse."""
    end = span.doc[span.end] if span.end < len(span.doc) else None
    return span.root.dep_ == "poss" or (end is not None and end.tag_ == "POS")
