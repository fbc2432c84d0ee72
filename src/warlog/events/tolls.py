"""Casualty counts in a parsed text: how many were killed, wounded, captured or went missing.

`find_tolls` reads every count in the text (events.numbers) and climbs the dependency parse from the
people it counts to the word that states what happened to them:

- the object of a verb or the subject of a passive: "killed two-hundred I.S. jihadists", "two were abducted";
- the subject of an intransitive verb or of a bare participle: "3 soldiers died", "2 killed in clashes";
- a participle or relative clause on the noun: "the 60-70 Iranians killed in Syria", "the hundreds of
  people Russia killed";
- a noun that is the toll: "5 dead", "5 deaths", "no casualties", "the bodies of two men", "claimed 10 lives";
- a result: "shot dead", "beaten to death", "left 5 dead", "found dead", "took three teachers hostage",
  "resulted in eleven fighters dead";
- the toll of "the death toll of 45", "the toll has reached 300", "bringing the death toll to 45".

Decisions:

- Kinds: "killed", "wounded", "captured" (arrested, captured, abducted, kidnapped, detained, taken
  hostage) and "missing" (missing, disappeared). The wounded and the captured are never added to the dead.
- "casualties" counts the dead and the wounded together: "20 casualties" is killed (None, 20), at most 20
  dead; "no casualties" is killed (0, 0).
- One person: "a"/"an"/"another"/"one" before the noun counts 1 ("a civilian was shot dead"); "the
  commander was killed" counts nothing, as it names someone who may be counted elsewhere.
- Aggregate: a total over a period or a place, not one event, marked by "since ...", "so far", "to date",
  "this year", "in total", "140 total", "over the past three months", "during the war". For "the death
  toll" the whole sentence is searched; for a verb, its own clause.
- A count compared with a toll ("... killed this year, compared to 140 since 2011") is a toll of the same kind.
- ACLED's coding notes ("Fatalities coded as 10", "Fatalities split between 2 events") are bookkeeping,
  not reports: their sentences yield nothing.
- One definite victim: "the victim died", "the nurse was shot dead", "killed him" count nothing in
  `find_tolls`; `singular_victims` reads them (1 killed) for an attack that states no count of its own.
- A negated verb yields nothing ("the two guards were not hurt"); "no one was hurt" is (0, 0).

The words are data: data/packs/lexicon/tolls.yaml (warlog.packs.lexicon), read once when this module is
imported; the grammar that ties a count to its toll word is here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from warlog.doctext import doc_text
from warlog.events.numbers import find_counts, parse_count
from warlog.packs.lexicon import TollWords
from warlog.temporal.lexicon import MONTHS

KILLED, WOUNDED, CAPTURED, MISSING = "killed", "wounded", "captured", "missing"
_WORDS = TollWords.builtin()  # data/packs/lexicon/tolls.yaml, where each list is explained
VERB_KINDS = _WORDS.verbs  # "kill" -> killed, "wound" -> wounded, "abduct" -> captured, "vanish" -> missing
INTRANSITIVE = _WORDS.intransitive
STATE_WORDS = _WORDS.state_words  # "5 dead", "20 injured", "2 missing"
NOUN_KINDS = _WORDS.nouns  # "5 deaths", "no casualties"
OF_NOUNS = _WORDS.of_nouns  # "the bodies of two men", "the arrest of 20 activists"
LIFE_VERBS = _WORDS.life_verbs  # "claimed 10 lives", "10 lives were lost"
HOSTAGE_WORDS = _WORDS.hostage_words
HOSTAGE_VERBS = _WORDS.hostage_verbs
TOLL_NOUNS = _WORDS.toll_nouns
TOLL_COUNTED = _WORDS.toll_counted  # "the number of dead"
COUNTING_NOUNS = _WORDS.counting_nouns
COLLECTIVE = _WORDS.collective  # "a group of protesters" counts no one
NOT_PEOPLE = _WORDS.not_people  # "captured 3 villages", "seized 2 vehicles", "over 3 days"
NOT_PEOPLE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"})
MODIFIER_DEPS = frozenset({"nummod", "quantmod", "det", "amod", "compound", "nmod", "predet"})
CLAUSAL_DEPS = frozenset({"advcl", "ccomp", "conj", "relcl", "parataxis", "xcomp", "csubj", "acl"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
COMPARISON_CUES = _WORDS.comparison_cues  # "compared to 140 since 2011"
# what follows "since" in a period: "since 2011", "since March" (MONTHS), "since the start of the war"
PERIOD_STARTS = _WORDS.period_starts
PERIOD_NOUNS = _WORDS.period_nouns  # "over the past three months"
TEMPORAL_PREPOSITIONS = frozenset({"since", "in", "on", "until", "till", "before", "after", "by", "during", "from"})
ATTEMPTS = _WORDS.attempts  # "tried to lynch three men"
WARS = _WORDS.wars  # "during the war"
ONE_PERSON = _WORDS.one_person  # "the victim died": one killed
RESULT_VERBS = frozenset({"result", "end", "leave"})  # "resulted in eleven fighters dead"


Orphan = tuple[Span, Token, int | None, int | None]  # a count no toll word governs, kept for "compared to 140"


@dataclass(frozen=True, slots=True)
class TollMention:
    """A count of people killed, wounded, captured or missing: `text == doc.text[start:end]`."""

    start: int
    end: int
    text: str
    kind: str  # "killed", "wounded", "captured", "missing"
    min: int | None
    max: int | None
    victims: tuple[int, int] | None  # character offsets of the victims' head noun phrase ("I.S. jihadists")
    aggregate: bool  # a total over a period or a place, not one event
    trigger: int | None  # token index of the word that states the toll (killed, died, death toll, dead)


def find_tolls(doc: Doc) -> list[TollMention]:
    """The casualty counts of a parsed Doc.

    Args:
        doc: a Doc with a dependency parse (without one there is nothing to attach a count to).

    Returns:
        One TollMention per count that a toll word governs, in text order.
    """
    if not doc.has_annotation("DEP"):
        return []
    tolls: list[TollMention] = []
    heads: list[Token] = []  # the people each toll counts, in step with `tolls`
    orphans: list[Orphan] = []
    for count in find_counts(doc_text(doc)):
        span = doc.char_span(count.start, count.end)
        if span is None or _is_coding_note(span.sent) or _is_date(span):
            continue
        head = _people(span)
        if not _counts_people(span, head):
            continue
        if head != span.root and _modifier(span.root) is not None:
            head = span.root  # "Eight dead due to clan fighting"
        found = _attach(span, head)
        if found is None:
            orphans.append((span, head, count.min, count.max))
            continue
        trigger, kind = found
        if _unrealized(trigger) and count.max != 0:
            continue
        for verb, found_kind in [(trigger, kind), *_sharing(head, trigger)]:  # "were kidnapped and later killed"
            mentions = list(_mentions(span, head, verb, found_kind, count.min, count.max))
            tolls.extend(mentions)
            heads.extend(head for _ in mentions)
    tolls = _summed(doc, tolls, heads)
    tolls.extend(_compared(doc, orphans, tolls))
    share = split_between(doc)
    if share > 1:
        tolls = [_share(toll, share) if toll.kind == KILLED and not toll.aggregate else toll for toll in tolls]
    return sorted(tolls, key=lambda toll: (toll.start, toll.kind))


SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
DEFINITE = frozenset({"the", "this", "that"})


def singular_victims(doc: Doc) -> list[TollMention]:
    """One definite person killed ("the victim died", "the officer was shot dead", "Security forces shot
    him and killed him"; a name counts nothing, as in `find_tolls`): a toll of one for an attack that states no
    count, never added to a count (events.merge decides)."""
    if not doc.has_annotation("DEP"):
        return []
    found: list[TollMention] = []
    share = None  # split_between reads every sentence: once per document
    for token in doc:
        if not _one_person(token) or _is_coding_note(token.sent):
            continue
        attached = _modifier(token) or _predicate(token)
        if attached is None or attached[1] != KILLED or _unrealized(attached[0]):
            continue
        start = token.left_edge.idx if token.pos_ != "PRON" else token.idx
        end = token.idx + len(token)
        share = split_between(doc) if share is None else share
        one = 1 // share  # one victim split between events is 0 for each
        text = doc_text(doc)[start:end]
        found.append(TollMention(start, end, text, KILLED, one, one, (start, end), False, attached[0].i))
    return found


def _one_person(token: Token) -> bool:
    """A singular pronoun, or a definite singular noun of one person ("the victim", "the nurse")."""
    if token.pos_ == "PRON":
        return token.lower_ in SINGULAR_PRONOUNS
    if token.tag_ != "NN" or token.pos_ != "NOUN" or token.lemma_.lower() not in ONE_PERSON:
        return False
    children = list(token.children)
    if any(c.dep_ == "nummod" for c in children):
        return False
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in children)


# -- the people a count counts --------------------------------------------------------------------


def _people(span: Span) -> Token:
    """The noun the count modifies ("two-hundred I.S. jihadists" → jihadists), or the count itself."""
    root = span.root
    if root.dep_ in MODIFIER_DEPS and root.head.i >= span.end and root.head.pos_ != "NUM":  # not "23 dead, 12 ..."
        return root.head
    return root


def _counts_people(span: Span, head: Token) -> bool:
    if head.i >= span.end:
        if head.lemma_.lower() in NOT_PEOPLE or head.ent_type_ in NOT_PEOPLE_ENTITIES:
            return False
        if span.text.lower() in ("a", "an", "another", "one") and head.lemma_.lower() in COLLECTIVE:
            return False
    return span.root.ent_type_ not in ("MONEY", "PERCENT", "TIME", "QUANTITY", "ORDINAL")


def _is_date(span: Span) -> bool:
    """ "since 2011", "on 2 July": a year or a day, not people."""
    root, doc = span.root, span.doc
    if root.dep_ == "pobj" and root.head.lower_ in TEMPORAL_PREPOSITIONS and root.ent_type_ == "DATE":
        return True
    around = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.lower_ in MONTHS and (t.pos_ == "PROPN" or t.ent_type_ == "DATE") for t in around)  # "8 May 2020"


def _of_object(token: Token) -> Token | None:
    """The object of "of" after a token: "hundreds of people" → people."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


# -- the word that states the toll ----------------------------------------------------------------


def _attach(span: Span, head: Token) -> tuple[Token, str] | None:
    """The toll word that governs the people `head` stands for, and the kind of toll it states."""
    found = _own_toll(head) or _modifier(head)
    if found is None and head.i < span.end and (of := _of_object(head)) is not None:
        found = _modifier(of)  # "the hundreds of people Russia killed"
    if found is not None:
        return found
    node = head
    while node.dep_ == "conj" and node.head.pos_ in NOMINALS:  # "3 soldiers and a civilian were killed"
        node = node.head
    taker = node.head.head
    if node.dep_ == "compound" and node.head.lower_ in HOSTAGE_WORDS and taker.lemma_.lower() in HOSTAGE_VERBS:
        return taker, CAPTURED  # "took three teachers hostage"
    return _of_noun(node) or _toll(node) or _predicate(node) or _resulting(node) or _predicate_detached(node)


def _predicate_detached(node: Token) -> tuple[Token, str] | None:
    """A subject the parser hung on a dateline as an apposition ("In Manaus, Amazonas, a man was beaten to
    death"): the noun right before the auxiliary of a verb that has no subject of its own is its subject."""
    if node.dep_ not in ("appos", "conj") or node.right_edge.i + 1 >= len(node.doc):
        return None
    aux = node.doc[node.right_edge.i + 1]
    verb = aux.head
    if aux.dep_ not in ("aux", "auxpass") or verb.i <= aux.i or _subject(verb):
        return None
    kind = _kind(verb)
    if kind is not None and (aux.dep_ == "auxpass" or verb.lemma_.lower() in INTRANSITIVE):
        return verb, kind
    return _result(verb) if aux.dep_ == "auxpass" else None


def _resulting(node: Token) -> tuple[Token, str] | None:
    """ "resulted in eleven fighters dead": the state the count was left in, hung on the verb of its "in"."""
    if node.dep_ != "pobj" or node.head.lower_ != "in":
        return None
    verb = node.head.head
    if verb.lemma_.lower() not in RESULT_VERBS:
        return None
    for child in verb.children:
        if child.i > node.i and child.lower_ in STATE_WORDS and child.dep_ in ("advcl", "acomp", "oprd", "xcomp"):
            return child, STATE_WORDS[child.lower_]
    after = node.doc[node.i + 1] if node.i + 1 < len(node.doc) else None
    if after is not None and after.lower_ in STATE_WORDS and node.pos_ == "NUM":
        return after, STATE_WORDS[after.lower_]  # "resulting in 3 killed and 10 wounded", the state misparsed
    return None


def _kind(token: Token) -> str | None:
    """The kind of toll a verb or participle states: "killed", "died", "missing", "gunned down"."""
    if token.lower_ in STATE_WORDS and token.pos_ != "NOUN":
        return STATE_WORDS[token.lower_]
    if token.pos_ in ("VERB", "ADJ", "AUX") or token.tag_.startswith("VB"):
        lemma = token.lemma_.lower()
        if lemma == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
            return KILLED
        return VERB_KINDS.get(lemma)
    return None


def _own_toll(head: Token) -> tuple[Token, str] | None:
    """A head that is the toll: "5 dead", "5 deaths", "no casualties", "10 lives were lost", "5 hostages"."""
    lemma = head.lemma_.lower()
    if lemma == "life" and head.head.lemma_.lower() in LIFE_VERBS and head.dep_ in ("dobj", "nsubjpass"):
        return head.head, KILLED
    if head.lower_ in HOSTAGE_WORDS and head.head.lemma_.lower() in HOSTAGE_VERBS and head.dep_ == "dobj":
        return head.head, CAPTURED
    lemma = lemma if lemma in NOUN_KINDS else head.lower_  # the lemmatizer reads "corpses" as "corps"
    if head.pos_ in ("NOUN", "PROPN") and lemma in NOUN_KINDS:
        # "a death of a prisoner": the prisoner is counted, not the death ("five corpses of militants" counts)
        counted = _of_object(head)
        if counted is not None and any(c.dep_ in ("det", "nummod") and c.lower_ != "the" for c in counted.children):
            return None
        return head, NOUN_KINDS[lemma]
    kind = _kind(head)
    return (head, kind) if kind is not None and head.lower_ in STATE_WORDS else None


def _modifier(noun: Token) -> tuple[Token, str] | None:
    """A participle, adjective or relative clause on the noun: "Iranians killed", "people Russia killed"."""
    for child in noun.children:
        kind = _kind(child)
        if kind is None or child.dep_ not in ("acl", "relcl", "amod") or _has(child, "dobj"):
            continue
        if child.dep_ == "amod" or (child.dep_ == "acl" and child.tag_ in ("VBN", "JJ")):
            return child, kind
        if child.dep_ == "relcl":
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            lemma = child.lemma_.lower()
            if subject is None or subject.lower_ not in RELATIVE_PRONOUNS or lemma in INTRANSITIVE:
                return child, kind
    return None


def _has(token: Token, dep: str) -> bool:
    return any(child.dep_ == dep for child in token.children)


def _of_noun(node: Token) -> tuple[Token, str] | None:
    """ "the bodies of two men", "the killing of five protesters", "the arrest of 20 activists"."""
    if node.dep_ != "pobj" or node.head.lower_ != "of":
        return None
    noun = node.head.head
    lemma = noun.lemma_.lower()
    return (noun, OF_NOUNS[lemma]) if noun.pos_ == "NOUN" and lemma in OF_NOUNS else None


def _is_toll(token: Token) -> bool:
    """ "the death toll", "the tally", "the number of dead"."""
    lemma = token.lemma_.lower()
    if lemma in TOLL_NOUNS:
        return True
    if lemma not in COUNTING_NOUNS:
        return False
    if any(c.dep_ in ("acl", "amod") and c.lower_ in ("killed", "dead") for c in token.children):
        return True  # "the number killed"
    counted = _of_object(token)
    return counted is not None and counted.lemma_.lower() in TOLL_COUNTED


def _toll(node: Token) -> tuple[Token, str] | None:
    """The toll a number states: "the death toll of 45", "the toll reached 300", "brought the toll to 45"."""
    if node.dep_ == "pobj" and node.head.lower_ in ("of", "at", "to"):
        holder = node.head.head
    elif node.dep_ in ("dobj", "attr"):
        holder = node.head
    else:
        return None
    if _is_toll(holder):
        return holder, KILLED
    candidates = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if holder.dep_ in ("advcl", "relcl", "acl"):  # the parser hangs "reached" on "toll"
        candidates.append(holder.head)
    toll = next((c for c in candidates if _is_toll(c)), None)
    return (toll, KILLED) if toll is not None else None


def _predicate(node: Token) -> tuple[Token, str] | None:
    """The verb whose patient the node is, or the result it ends in: "were killed", "shot dead"."""
    verb, dep = node.head, node.dep_
    if dep not in ("nsubj", "nsubjpass", "dobj") or verb == node:
        return None
    kind = _kind(verb)
    if kind is not None and _is_patient(dep, verb):
        return verb, kind
    if dep == "dobj" or dep == "nsubjpass" or not _has(verb, "dobj"):
        found = _result(verb)
        if found is not None:
            return found
    if dep in ("nsubj", "nsubjpass"):  # "were ambushed and killed": the second verb shares the subject
        for child in verb.children:
            kind = _kind(child)
            if child.dep_ == "conj" and kind is not None and not _subject(child):
                if dep == "nsubjpass" or child.tag_ == "VBN" or child.lemma_.lower() in INTRANSITIVE:
                    return child, kind
    return None


def _unrealized(trigger: Token) -> bool:
    """ "were not hurt", "tried to lynch three men", "threatened to kill a soldier": no one was counted."""
    if any(child.dep_ == "neg" for child in trigger.children):
        return True
    return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in ATTEMPTS


def _sharing(head: Token, trigger: Token) -> list[tuple[Token, str]]:
    """Further toll verbs the subject shares: "2 soldiers were kidnapped and later killed" (not "killed or hurt")."""
    node = head
    while node.dep_ == "conj" and node.head.pos_ in NOMINALS:
        node = node.head
    if node.head != trigger or node.dep_ not in ("nsubj", "nsubjpass") or not _has(trigger, "cc"):
        return []
    if any(child.dep_ == "cc" and child.lower_ != "and" for child in trigger.children):
        return []
    return [
        (child, kind)
        for child in trigger.children
        if child.dep_ == "conj" and (kind := _kind(child)) is not None and child.tag_ == "VBN" and not _subject(child)
    ]


def _subject(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)


def _is_patient(dep: str, verb: Token) -> bool:
    """Does the subject or object of this toll verb stand for the victims?"""
    intransitive = verb.lemma_.lower() in INTRANSITIVE or verb.lower_ in ("dead", "missing")
    if dep == "nsubjpass":
        return True
    if dep == "dobj":
        return not intransitive
    # "2 killed in clashes", "One activist killed and a dozen injured": a headline's participle, often tagged VBD
    bare_participle = (
        verb.tag_ in ("VBN", "VBD")
        and not _has(verb, "dobj")
        and not any(child.dep_ == "aux" and child.lemma_ == "have" for child in verb.children)
    )
    return intransitive or bare_participle


def _result(verb: Token) -> tuple[Token, str] | None:
    """A result that states the toll: "shot dead", "found dead", "beaten to death", "taken hostage"."""
    for child in verb.children:
        lower = child.lower_
        if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "attr", "advmod", "npadvmod", "dobj"):
            if lower in HOSTAGE_WORDS and verb.lemma_.lower() in HOSTAGE_VERBS:
                return verb, CAPTURED
            kind = _kind(child)
            if kind is not None and (lower in STATE_WORDS or child.tag_ == "VBN") and not _subject(child):
                return (child if verb.lemma_ == "be" or lower not in ("dead",) else verb), kind
        if child.dep_ == "prep" and lower == "to" and any(g.lemma_ == "death" for g in child.children):
            return verb, KILLED
    return None


# -- the mention ----------------------------------------------------------------------------------


def _mentions(
    span: Span, head: Token, trigger: Token, kind: str, low: int | None, high: int | None
) -> Iterator[TollMention]:
    """The mention of one count, and for "no fatalities or injuries" one per toll noun."""
    if head.lemma_.lower() == "casualty" and head == trigger and (low, high) != (0, 0):
        low, high = None, high  # the dead and the wounded together: at most `high` dead
        if high is None:
            return
    aggregate = _is_aggregate(span, head, trigger)
    yield _mention(span, head, trigger, kind, low, high, aggregate)
    if (low, high) == (0, 0) and head == trigger:
        for conj in head.conjuncts:
            lemma = conj.lemma_.lower()
            if conj.i > head.i and lemma in NOUN_KINDS:
                end = conj.idx + len(conj)
                text = doc_text(span.doc)[span.start_char : end]
                yield TollMention(span.start_char, end, text, NOUN_KINDS[lemma], 0, 0, None, aggregate, conj.i)


def _mention(
    span: Span, head: Token, trigger: Token, kind: str, low: int | None, high: int | None, aggregate: bool
) -> TollMention:
    victims = _victims(span, head, trigger)
    end = span.end_char
    if victims is not None:
        end = max(end, victims[1])
    elif head.i >= span.end and (head == trigger or head.pos_ in ("NOUN", "PROPN")):
        end = head.idx + len(head)  # "5 dead", "no casualties", "10 lives", "140 total"
    elif trigger.pos_ == "ADJ" and trigger.head == head and trigger.i >= span.end:
        end = trigger.idx + len(trigger)  # "23 dead, 12 wounded"
    text = doc_text(span.doc)[span.start_char : end]
    return TollMention(span.start_char, end, text, kind, low, high, victims, aggregate, trigger.i)


def _victims(span: Span, head: Token, trigger: Token) -> tuple[int, int] | None:
    """The victims' head noun phrase, without the count or a determiner: "I.S. jihadists", "people"."""
    noun = head if head.i >= span.end else _of_object(head)
    if noun is None or noun == trigger or noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.i < span.end:
        return None
    if noun.lemma_.lower() in COUNTING_NOUNS or noun.lemma_.lower() == "life":  # "140 total", "10 lives"
        return None
    start = max(noun.left_edge.i, span.end)
    while start < noun.i and span.doc[start].dep_ in ("det", "nummod", "quantmod", "predet", "punct", "case"):
        start += 1
    first = span.doc[start]
    return first.idx, noun.idx + len(noun)


# -- aggregate totals -----------------------------------------------------------------------------


def _is_aggregate(span: Span, head: Token, trigger: Token) -> bool:
    """Is the count a total over a period or a place ("this year", "since 2011", "so far")?"""
    if _is_toll(trigger):
        tokens = list(trigger.sent)
    else:
        inside = set(range(span.start, span.end))
        tokens = _clause(trigger, inside) + _clause(head, inside)
    return any(_is_period_cue(token) for token in tokens)


def _clause(token: Token, inside: set[int]) -> list[Token]:
    """The token's subtree without the clauses hung on it (unless they hold the count)."""
    tokens, stack = [], [token]
    while stack:
        current = stack.pop()
        tokens.append(current)
        for child in current.children:
            if child.dep_ in CLAUSAL_DEPS and not inside & {t.i for t in child.subtree} and not _since(child):
                continue
            stack.append(child)
    return tokens


def _since(clause: Token) -> bool:
    """ "since the war began": a clause that opens a period."""
    return any(child.dep_ == "mark" and child.lower_ == "since" for child in clause.children)


def _is_period_cue(token: Token) -> bool:
    """ "since 2011", "so far", "to date", "this year", "140 total", "over the past three months"."""
    doc, lower = token.doc, token.lower_
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    if lower in ("overall", "altogether", "cumulative", "cumulatively", "throughout"):
        return True
    if after is not None and (lower, after.lower_) in (("so", "far"), ("thus", "far"), ("to", "date"), ("in", "total")):
        return True
    if lower == "since" and after is not None:
        following = doc[after.i + 1] if after.pos_ in ("DET", "PRON") and after.i + 1 < len(doc) else after
        starts = following.lower_ in PERIOD_STARTS or following.lower_ in MONTHS
        return after.ent_type_ == "DATE" or after.like_num or starts
    if lower == "total":
        return _has(token, "nummod") or token.dep_ in ("advmod", "npadvmod") or (before is not None and before.like_num)
    if lower == "this" and after is not None:
        return after.lemma_.lower() in ("year", "month", "decade")
    if lower in ("past", "last") and before is not None and before.lower_ == "the":
        return any(t.lemma_.lower() in PERIOD_NOUNS for t in doc[token.i + 1 : token.i + 4])
    return token.lemma_.lower() in WARS and token.dep_ == "pobj" and token.head.lower_ in ("during", "in", "since")


# -- counts told in parts ---------------------------------------------------------------------------


def _summed(doc: Doc, tolls: list[TollMention], heads: list[Token]) -> list[TollMention]:
    """Coordinated counts of one toll word are one toll, their sum: "five soldiers and one officer were
    killed" is 6, "a farmer and his brother were killed" 2 (a definite person among counted ones counts
    one). Counts set apart by "including" or an apposition are not coordinated, and are not added."""
    out: list[TollMention] = []
    used: set[int] = set()
    for i, toll in enumerate(tolls):
        if i in used:
            continue
        parts = [toll]
        conjuncts = set(heads[i].conjuncts) if heads[i].pos_ in NOMINALS else set()
        conjuncts |= _co_subjects(heads[i])
        for j in range(i + 1, len(tolls)):
            other = tolls[j]
            if j in used or heads[j] not in conjuncts or (other.trigger, other.kind) != (toll.trigger, toll.kind):
                continue
            parts.append(other)
            used.add(j)
        counted = {heads[i], *(heads[j] for j in used if tolls[j] in parts)}
        ones = sum(1 for c in conjuncts - counted if c.i > heads[i].i and _one_person(c))
        if len(parts) == 1 and not ones:
            out.append(toll)
            continue
        low, high = _total([p.min for p in parts], ones), _total([p.max for p in parts], ones)
        end = max(p.end for p in parts)
        if ones:
            end = max(end, *(c.idx + len(c) for c in conjuncts - counted if _one_person(c)))
        text = doc_text(doc)[toll.start : end]
        out.append(TollMention(toll.start, end, text, toll.kind, low, high, toll.victims, toll.aggregate, toll.trigger))
    return out


def _total(values: list[int | None], ones: int) -> int | None:
    """The sum of the ends of coordinated counts; an open end stays open."""
    known = [v for v in values if v is not None]
    return sum(known) + ones if len(known) == len(values) else None


def _co_subjects(head: Token) -> set[Token]:
    """Two subjects the parser hung side by side on one verb, joined by a "cc" ("4 people as well as 2
    policemen were killed"): coordinated as well."""
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head == head:
        return set()
    return {
        c
        for c in head.head.children
        if c.i > head.i and c.dep_ == head.dep_ and any(t.dep_ == "cc" for t in head.doc[head.i + 1 : c.i])
    }


# -- counts that lean on another toll, and notes that are not reports -----------------------------


def _compared(doc: Doc, orphans: list[Orphan], tolls: list[TollMention]) -> list[TollMention]:
    """ "60-70 Iranians killed this year, as compared to 140 total since 2011": 140 is a toll too."""
    found = []
    for span, head, low, high in orphans:
        earlier = [t for t in tolls if t.end <= span.start_char and t.trigger is not None]
        if not earlier or (low is None and high is None):
            continue
        toll = max(earlier, key=lambda t: t.end)
        between = doc.char_span(toll.end, span.start_char, alignment_mode="expand")
        if between is None or toll.trigger is None or doc[toll.trigger].sent != span.sent:
            continue
        words = [t.lower_ for t in between]
        pairs = list(zip(words, words[1:], strict=False))
        if COMPARISON_CUES & set(words) or ("up", "from") in pairs or ("down", "from") in pairs:
            trigger = doc[toll.trigger]
            aggregate = any(_is_period_cue(token) for token in _clause(head, set(range(span.start, span.end))))
            found.append(_mention(span, head, trigger, toll.kind, low, high, aggregate))
    return found


def split_between(doc: Doc) -> int:
    """How many events ACLED's coding note splits the toll between ("Fatalities split between 2 events",
    "Total fatalities divided equally across three events"), or 1: each event then counts its share, rounded
    down as ACLED does (1 killed split between 2 events is 0 for each)."""
    for sentence in doc.sents:
        if not _is_coding_note(sentence):
            continue
        for token in sentence:
            if token.lower_ in ("events", "days") and token.i > sentence.start:
                count = parse_count(doc[token.i - 1].text)
                if count is not None and count[0] is not None and count[0] == count[1] and count[0] > 1:
                    return count[0]
    return 1


def _share(toll: TollMention, parts: int) -> TollMention:
    low = toll.min // parts if toll.min is not None else None
    high = toll.max // parts if toll.max is not None else None
    return replace(toll, min=low, max=high)


def _is_coding_note(sentence: Span) -> bool:
    """ACLED's bookkeeping: "Fatalities coded as 10.", "Fatalities split between 2 events."."""
    words = {token.lower_ for token in sentence}
    if not words & {"fatality", "fatalities", "deaths", "casualties"}:
        return False
    return "coded" in words or bool(words & {"split", "distributed", "divided"} and words & {"events", "days"})
