"""The claim finder: a spaCy component that turns attributions into claims and ties events to them.

It runs after the event extractor and, for each document:
1. finds who says what (`warlog.claims.attribution`);
2. gives an event said inside an attribution's content the attribution's status and speaker when the
   event extractor found it asserted (the content after a colon, a quote, an aside the parse does not
   tie to the reporting verb): a claim cue makes it `claimed`, a denial `denied`, a report `reported`;
   an actor reporting its own deed claims it; a denied event dated only by its denial's words loses that
   date (`warlog.claims.frames`); the act an ACCUSE names is the accused's, claimed by the accuser, with
   the outcome clause hung from the accusing verb folded into it (`warlog.claims.accusations`);
3. adds an ACCUSE event when a speaker claims that another actor did harm — assaulted, coerced, or
   aided a non-state armed group ("Iranian State propaganda claimed Gen. Hamedani was killed by Daesh
   terrorists": Iran accuses the Islamic State). Only claim cues (claim, declare, allege, accuse, ...)
   accuse; "police said gunmen killed three" reports, it does not accuse;
4. makes the author the speaker of every sentence that asserts an event outside any attribution;
5. finds each claim's hedges and the author's stance (`warlog.claims.stance`);
6. finds denials and rebuttals and what they deny (`warlog.claims.denials`); a denial no attribution
   covers ("called the charges fabricated", "That comment is a lie") becomes a claim of its own.

The cue and stance packs are the pipeline's, given with `bind()`: the built-in packs with the user's.

Attributions that misread the text are dropped first (`_well_formed`): a content holding its own cue,
a paraphrase a clause away before its source, an evidence verb without a source ("his demise shows").

Assigns `doc._.warlog_claims` (ClaimCandidate list, text order) and `doc._.warlog_denials` (Denial list,
each with its claim), and updates `doc._.warlog_events`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from warlog.claims.accusations import fold_accused_outcomes
from warlog.claims.attribution import Attribution, find_attributions
from warlog.claims.denial_links import find_denials
from warlog.claims.denials import Denial, Said
from warlog.claims.frames import undate_denied
from warlog.claims.positions import EventIndex, SpanIndex, event_extent
from warlog.claims.stance import Stance, author_stance, hedges_in
from warlog.doctext import doc_text
from warlog.events.candidate import EventCandidate
from warlog.events.codes import cameo_code, quad_class
from warlog.events.status import Status
from warlog.packs.cues import CuePack
from warlog.packs.denials import DenialPack
from warlog.packs.stance import StancePack

RULES_VERSION = "1"
CUE_STATUS = {"claim": "claimed", "deny": "denied", "report": "reported"}
HARMFUL_QUADS = frozenset({"material_conflict"})
AIDING = frozenset({"AID", "SUPPORT", "COOPERATE"})
ARMED_KINDS = frozenset({"armed_group", "rebel_group", "militia"})
HAPPENED = frozenset({"asserted", "reported", "claimed"})
QUOTE_MARKS = frozenset('"“”«»')


@dataclass(frozen=True, slots=True)
class ClaimCandidate:
    """A claim found in a Doc, before it becomes a model.Claim (offsets are characters)."""

    id: str
    content: tuple[int, int]
    source_kind: str
    speakers: tuple[str, ...] = ()
    source: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    direct: bool = False
    outlet: str | None = None
    work: str | None = None
    hedges: tuple[tuple[int, int], ...] = ()
    stance: Stance = Stance()
    events: tuple[str, ...] = ()


def register_extensions() -> None:
    if not Doc.has_extension("warlog_claims"):
        Doc.set_extension("warlog_claims", default=None)
    if not Doc.has_extension("warlog_denials"):
        Doc.set_extension("warlog_denials", default=None)


UNBOUND = "ClaimFinder used before bind(cues, stances, denials); build pipelines with warlog.load()"


class ClaimFinder:
    """spaCy component; see the module docstring. Bind the cue and stance packs with `bind()` before use."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._cues: CuePack | None = None
        self._stances: StancePack | None = None
        self._denial_pack: DenialPack | None = None

    def bind(self, cues: CuePack, stances: StancePack, denials: DenialPack) -> ClaimFinder:
        """Take the pipeline's cue, stance and denial packs."""
        self._cues, self._stances, self._denial_pack = cues, stances, denials
        return self

    @property
    def cues(self) -> CuePack:
        if self._cues is None:
            raise RuntimeError(
                "ClaimFinder used before bind(cues, stances, denials); build pipelines with warlog.load()"
            )
        return self._cues

    @property
    def stances(self) -> StancePack:
        if self._stances is None:
            raise RuntimeError(
                "ClaimFinder used before bind(cues, stances, denials); build pipelines with warlog.load()"
            )
        return self._stances

    @property
    def denial_words(self) -> DenialPack:
        if self._denial_pack is None:
            raise RuntimeError(
                "ClaimFinder used before bind(cues, stances, denials); build pipelines with warlog.load()"
            )
        return self._denial_pack

    def __call__(self, doc: Doc) -> Doc:
        attributions = [p for a in find_attributions(doc, pack=self.cues) if _well_formed(doc, a) for p in _parts(a)]
        events = list(doc._.warlog_events or [])
        kinds = {m.actor.id: m.actor.kind for m in doc._.warlog_actors or []}
        contents = SpanIndex([a.content for a in attributions])
        events = [self._restatus(doc, e, attributions, contents) for e in events]
        events = undate_denied(doc, events, attributions, self._kind, doc._.warlog_dates or [])
        events = fold_accused_outcomes(doc, _accused_acts(doc, events))
        index = EventIndex(doc, events)
        claims: list[ClaimCandidate] = []
        accusations: list[EventCandidate] = []
        for attribution in attributions:
            candidates = (events[i] for i in index.inside(attribution.content))
            inside = [e for e in candidates if _inside(doc, e, attribution.content)]
            claims.append(self._attributed(doc, attribution, inside))
            accusation = self._accusation(doc, attribution, inside, kinds, events)
            if accusation is not None:
                accusations.append(accusation)
        claims.extend(self._author_claims(doc, attributions, events))
        denials = self._denials(doc, claims, events)
        claims.sort(key=lambda c: c.content)
        for accusation in accusations:  # in text order, the extractor's own order kept
            at = next((i for i, e in enumerate(events) if e.start > accusation.start), len(events))
            events.insert(at, accusation)
        doc._.warlog_events = events
        doc._.warlog_claims = claims
        doc._.warlog_denials = denials
        return doc

    # -- denials ---------------------------------------------------------------------------------

    def _denials(self, doc: Doc, claims: list[ClaimCandidate], events: list[EventCandidate]) -> list[Denial]:
        """The denials, each with the claim that denies: the attribution whose cue or content holds the
        denying words, else a new claim of the denier (the author when none is named); new claims are
        added to `claims`."""
        said = [Said(c.id, c.content, c.speakers, c.source_kind) for c in claims]
        found = []
        mentions = doc._.warlog_actors or []
        named = [(m.start, m.end, m.actor.id) for m in mentions]
        for denial in find_denials(doc, said, events, pack=self.denial_words, mentions=named):
            claim = next((c for c in claims if c.cue is not None and _overlap(c.cue, denial.cue)), None)
            claim = claim or next((c for c in claims if c.source_kind != "scare_quote"
                                   and c.content[0] <= denial.cue[0] < c.content[1]), None)  # fmt: skip
            if claim is not None and claim.source_kind == "author" and self._named(denial, mentions):
                claim = None  # "Russia rejected accusations that ...": Russia denies, not the author
            if claim is None:
                if not denial.targets and not denial.events and denial.proposition is None:
                    continue  # a claim of its own only for a denial that stands against something
                claim = self._denying_claim(doc, denial, mentions)
                claims.append(claim)
            found.append(replace(denial, claim=claim.id))
        return found

    @staticmethod
    def _named(denial: Denial, mentions: list) -> bool:
        """Whether the denial's own words name an actor as its denier (its subject)."""
        source = denial.denier
        return source is not None and any(source[0] <= m.start and m.end <= source[1] for m in mentions)

    def _denying_claim(self, doc: Doc, denial: Denial, mentions: list) -> ClaimCandidate:
        source = denial.denier
        speakers = tuple(dict.fromkeys(
            m.actor.id for m in mentions if source is not None and source[0] <= m.start and m.end <= source[1]
        ))  # fmt: skip
        sentence = doc.char_span(denial.cue[0], denial.cue[1], alignment_mode="expand")
        if source is None and sentence is not None:  # the author's: the whole sentence is what is said
            sent = sentence.sent
            content = (sent.start_char, sent.start_char + len(sent.text.rstrip()))
            return ClaimCandidate(id=_claim_id(doc, content), content=content, source_kind="author",
                                  events=denial.events)  # fmt: skip
        spans = [s for s in (source, denial.cue, denial.denied) if s is not None]
        outside = (min(s[0] for s in spans), max(s[1] for s in spans))
        sent_end = sentence.sent.end_char if sentence is not None else outside[1]
        return ClaimCandidate(
            id=_claim_id(doc, denial.denied),
            content=denial.denied,
            source_kind="named" if speakers else "unnamed",
            speakers=speakers,
            source=source,
            cue=denial.cue,
            cue_lemma=doc_text(doc)[denial.cue[0] : denial.cue[1]].lower(),
            direct=any(ch in QUOTE_MARKS for ch in doc_text(doc)[denial.cue[0] : sent_end]),
            hedges=tuple(hedges_in(self.stances, doc, *outside)),
            stance=Stance("disputes", denial.retracted)
            if denial.retracted
            else author_stance(self.stances, doc, denial.denied, outside),
            events=denial.events,
        )

    # -- statuses --------------------------------------------------------------------------------

    def _kind(self, attribution: Attribution) -> str:
        lemma = attribution.cue_lemma or ""
        verb = self.cues.verb(lemma)
        if verb is not None:
            return verb.kind
        if lemma in self.cues.nouns:  # "her support for the bill"
            return self.cues.nouns[lemma][0]
        words = tuple(lemma.split())
        return next((kind for phrase, kind in self.cues.phrases if phrase == words), "report")

    def _restatus(
        self, doc: Doc, event: EventCandidate, attributions: list[Attribution], contents: SpanIndex
    ) -> EventCandidate:
        """An asserted event inside what someone says is said by them; a said one keeps its own speaker
        and gains the attribution's when it had none (`contents` indexes the attributions' contents)."""
        for attribution in (attributions[i] for i in contents.around(*event_extent(doc, event))):
            if attribution.source_kind == "scare_quote" or not _inside(doc, event, attribution.content):
                continue
            speaker = attribution.speakers[0] if attribution.speakers else None
            source = _text(doc, attribution.source)
            if event.status.value == "asserted":
                value = CUE_STATUS[self._kind(attribution)]
                if value == "reported" and speaker is not None and speaker in event.actors:
                    value = "claimed"
                cue = attribution.cue_lemma
                return replace(event, status=Status(value, speaker, source, cue))
            if event.status.value in ("reported", "claimed", "denied") and event.status.speaker is None:
                return replace(event, status=replace(event.status, speaker=speaker, speaker_text=source))
            return event
        return event

    # -- claims ----------------------------------------------------------------------------------

    def _attributed(self, doc: Doc, attribution: Attribution, inside: list[EventCandidate]) -> ClaimCandidate:
        spans = [s for s in (attribution.source, attribution.cue, attribution.content) if s is not None]
        outside = (min(s[0] for s in spans), max(s[1] for s in spans))
        if attribution.source_kind == "scare_quote":
            hedges: list[tuple[int, int]] = []
            stance = Stance("doubts", attribution.content)
        else:
            hedges = hedges_in(self.stances, doc, *outside)
            stance = author_stance(self.stances, doc, attribution.content, outside)
            if stance.value == "neutral":
                stance = self._framing(doc, attribution)
        return ClaimCandidate(
            id=_claim_id(doc, attribution.content),
            content=attribution.content,
            source_kind=attribution.source_kind,
            speakers=attribution.speakers,
            source=attribution.source,
            cue=attribution.cue,
            cue_lemma=attribution.cue_lemma,
            direct=attribution.direct,
            outlet=attribution.outlet,
            work=attribution.work,
            hedges=tuple(hedges),
            stance=stance,
            events=tuple(e.id for e in inside),
        )

    def _framing(self, doc: Doc, attribution: Attribution) -> Stance:
        """The stance the attribution's own frame shows: an "as" clause ("As one rebel commander put it",
        "as Weiss wrote") or a factive verb ("the Embassy noted") presents what is said as true."""
        if attribution.cue is None:
            return Stance()
        first = min(s[0] for s in (attribution.source, attribution.cue) if s is not None)
        span = doc.char_span(first, first + 1, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start - 1].lower_ == "as":
            return Stance("endorses", (doc[span.start - 1].idx, attribution.cue[1]))
        verb = self.cues.verb(attribution.cue_lemma or "")
        if verb is not None and verb.factive:
            return Stance("endorses", attribution.cue)
        return Stance()

    def _author_claims(
        self, doc: Doc, attributions: list[Attribution], events: list[EventCandidate]
    ) -> list[ClaimCandidate]:
        """One claim per sentence that asserts an event outside every attribution: the author's. Its
        content is the sentence, less what the sentence attributes to others (before or after it)."""
        said = [_whole(a) for a in attributions if a.source_kind != "scare_quote"]
        text = doc_text(doc)
        claims = []
        index, spans = EventIndex(doc, events), SpanIndex(said)
        for sentence in doc.sents:
            start = sentence.start_char
            end = start + len(sentence.text.rstrip())
            own = [
                e
                for e in (events[i] for i in index.inside((start, end)))
                if _inside(doc, e, (start, end))
                and e.status.value == "asserted"
                and not any(_inside(doc, e, said[i]) for i in spans.around(*event_extent(doc, e)))
            ]
            if not own or end <= start:
                continue
            near = [said[i] for i in spans.around(start, end)]  # what can move the range's ends
            lo, hi = _free_range(doc, text, start, end, near, own)
            claims.append(
                ClaimCandidate(
                    id=_claim_id(doc, (lo, hi)),
                    content=(lo, hi),
                    source_kind="author",
                    hedges=tuple(hedges_in(self.stances, doc, lo, hi)),
                    events=tuple(e.id for e in own),
                )
            )
        return claims

    # -- accusations -----------------------------------------------------------------------------

    def _accusation(
        self,
        doc: Doc,
        attribution: Attribution,
        inside: list[EventCandidate],
        kinds: dict[str, str],
        events: list[EventCandidate],
    ) -> EventCandidate | None:
        """The speaker's ACCUSE of whoever the claimed harm is done by (see the module docstring)."""
        if not attribution.speakers or self._kind(attribution) != "claim" or attribution.cue is None:
            return None
        speaker = attribution.speakers[0]
        if any(e.type == "ACCUSE" and e.start <= attribution.cue[0] < e.end and speaker in e.actors for e in events):
            return None  # the extractor's own ACCUSE says it already
        accused: list[str] = []
        for event in inside:
            if event.status.value not in HAPPENED or _in_relative_clause(doc, event, attribution.content):
                continue
            harmful = quad_class(event.type) in HARMFUL_QUADS
            harmful = harmful or (event.type in AIDING and any(kinds.get(r) in ARMED_KINDS for r in event.recipients))
            harmful = harmful or (event.type in AIDING and any(r.endswith(".uaf") for r in event.recipients))
            if harmful:
                accused += [a for a in event.actors if a != speaker and a not in attribution.speakers]
        if not accused:
            return None
        start = attribution.source[0] if attribution.source is not None else attribution.cue[0]
        start = min(start, attribution.cue[0])
        end = max(attribution.cue[1], attribution.content[1])
        text = doc_text(doc)[start:end]
        key = f"{start}:{end}:ACCUSE"
        return EventCandidate(
            id="ev_" + hashlib.sha1(f"{_head(doc)}|{key}".encode()).hexdigest()[:12],
            type="ACCUSE",
            mode="allege",
            actors=(speaker,),
            recipients=tuple(dict.fromkeys(accused)),
            place=None,
            date=None,
            toll=None,
            status=Status("asserted"),
            codes=(("cameo", cameo_code("ACCUSE", "allege")),),
            start=start,
            end=end,
            text=text,
            trigger=doc_text(doc)[attribution.cue[0] : attribution.cue[1]],
            confidence=0.7,
        )


def _accused_acts(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """The act an ACCUSE names ("accused X of bombing ...", "blamed X for an attack"): claimed by the
    accuser, done by the accused, never the accuser's own act."""
    acts: dict[int, EventCandidate] = {}
    index = EventIndex(doc, events)
    for accusation in events:
        if accusation.type != "ACCUSE" or not 0 <= accusation.token < len(doc) or not accusation.recipients:
            continue
        trigger = doc[accusation.token]
        heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]  # "accused X of" may hang from X
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
            span = (prep.idx, max(t.idx + len(t.text) for t in prep.subtree))
            for i, event in ((i, events[i]) for i in index.inside(span)):
                if event is accusation or not _inside(doc, event, span) or event.type == "ACCUSE":
                    continue
                own = not event.actors or set(event.actors) <= set(accusation.actors)
                actors = accusation.recipients if own else event.actors
                status = event.status
                if status.value == "asserted" or (own and status.speaker is None):
                    speaker = accusation.actors[0] if accusation.actors else None
                    status = Status("claimed", speaker, status.speaker_text, status.cue)
                acts[i] = replace(event, actors=actors, status=status)
    return [acts.get(i, e) for i, e in enumerate(events)]


def _in_relative_clause(doc: Doc, event: EventCandidate, content: tuple[int, int]) -> bool:
    """Whether the event is told in a relative clause of the content ("..., where the army was fighting")."""
    if not 0 <= event.token < len(doc):
        return False
    for above in [doc[event.token], *doc[event.token].ancestors]:
        if not content[0] <= above.idx < content[1]:
            return False
        if above.dep_ == "relcl":
            return True
    return False


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _parts(attribution: Attribution) -> list[Attribution]:
    """An attribution, and each further part of its content (“A,” she said. “B.”) as a quote that goes on
    from it: the same speakers, no source or cue of its own."""
    if not attribution.more:
        return [attribution]
    first = replace(attribution, more=())
    return [first] + [replace(first, content=part, source=None, cue=None, cue_lemma=None) for part in attribution.more]


def _whole(attribution: Attribution) -> tuple[int, int]:
    """From the first to the last character of an attribution's source, cue and content."""
    spans = [s for s in (attribution.source, attribution.cue, attribution.content) if s is not None]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _free_range(
    doc: Doc, text: str, start: int, end: int, said: list[tuple[int, int]], own: list[EventCandidate]
) -> tuple[int, int]:
    """The part of a sentence around the author's own events that attributes nothing to others."""
    at = sorted(doc[e.token].idx if 0 <= e.token < len(doc) else e.start for e in own)
    lo, hi = start, end
    for s_start, s_end in said:
        if s_end <= at[0] and s_end > lo:
            lo = s_end
        if s_start > at[-1] and s_start < hi:
            hi = s_start
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:—–-"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:—–-"):
        hi -= 1
    return (lo, hi) if hi > lo else (start, end)


# verbs that attribute to evidence rather than to a speaker: "the report shows", "his demise shows" is none
EVIDENCE_VERBS = frozenset({"show", "indicate", "suggest", "reveal", "demonstrate", "prove"})
EVIDENCE_NOUNS = frozenset({
    "report", "reports", "poll", "polls", "survey", "surveys", "study", "studies", "data", "figures", "video",
    "videos", "footage", "image", "images", "photo", "photos", "document", "documents", "record", "records",
    "evidence", "analysis", "investigation", "statement", "letter", "memo", "cable", "email", "emails", "post",
    "tweet", "message", "satellite", "imagery", "recording", "audit", "census",
})  # fmt: skip


def _well_formed(doc: Doc, attribution: Attribution) -> bool:
    """What is said does not hold its own cue or source, what is said before its source is told right
    before it ("..., the IDF said"), not a clause away, and an evidence verb has a source: an actor or
    a record ("the report shows", not "his demise shows")."""
    if attribution.cue_lemma in EVIDENCE_VERBS and not attribution.speakers and attribution.source is not None:
        words = doc_text(doc)[attribution.source[0] : attribution.source[1]].lower().split()
        if not EVIDENCE_NOUNS & set(words):
            return False
    start, end = attribution.content
    if any(span is not None and start <= span[0] < end for span in (attribution.cue, attribution.source)):
        return False
    source = attribution.source
    if source is not None and end <= source[0] and not attribution.direct:
        return source[0] - end <= 3
    return True


def _inside(doc: Doc, event: EventCandidate, span: tuple[int, int] | None) -> bool:
    """Whether the event's trigger (else its evidence) lies in the span."""
    if span is None:
        return False
    if 0 <= event.token < len(doc):
        return span[0] <= doc[event.token].idx < span[1]
    return span[0] <= event.start and event.end <= span[1]


def _text(doc: Doc, span: tuple[int, int] | None) -> str | None:
    return None if span is None else doc_text(doc)[span[0] : span[1]]


def _claim_id(doc: Doc, content: tuple[int, int]) -> str:
    key = f"{content[0]}:{content[1]}:claim"
    return "cl_" + hashlib.sha1(f"{_head(doc)}|{key}".encode()).hexdigest()[:12]


def _head(doc: Doc) -> str:
    """The document's first 64 characters (ids hash them, as the event extractor's do), without
    building the whole text."""
    head = []
    size = 0
    for token in doc:
        head.append(token.text_with_ws)
        size += len(token.text_with_ws)
        if size >= 64:
            break
    return "".join(head)[:64]


def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    """Factory for the claim finder (registered in warlog.pipeline); `bind()` it before use."""
    return ClaimFinder(nlp, name)
