"""Property tests: any valid Report comes back from the store exactly as it was saved."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.model import (
    Actor,
    Claim,
    Contradiction,
    Document,
    Event,
    Evidence,
    Happening,
    Place,
    Relation,
    Report,
    Toll,
    When,
)
from warlog.store import Store

names = st.text(max_size=12)
maybe_names = st.none() | names
numbers = st.floats(allow_nan=False)  # NaN is never equal to itself, so no report holding it is
maybe_numbers = st.none() | numbers
big_ints = st.integers(min_value=-(2**63), max_value=2**63 - 1)
tolls = st.none() | st.builds(Toll, st.none() | big_ints, st.none() | big_ints, maybe_names)
# A few short ids, so that reports of one corpus share actors and places.
ids = st.sampled_from(["a", "b", "c", "d", "ä", "x y", "'; --"]) | st.text(min_size=1, max_size=6)
id_lists = st.lists(ids, max_size=3).map(tuple)
pairs = st.lists(st.tuples(names, names), max_size=3).map(tuple)


@st.composite
def evidence(draw, text: str) -> Evidence:
    start = draw(st.integers(min_value=0, max_value=len(text)))
    end = draw(st.integers(min_value=start, max_value=len(text)))
    return Evidence(start, end, text[start:end], draw(maybe_names), draw(numbers))


def evidences(text: str, max_size: int = 3):
    return st.lists(evidence(text), max_size=max_size).map(tuple)


def actors(text: str):
    return st.builds(
        Actor,
        id=ids,
        name=names,
        kind=st.sampled_from(["armed_group", "military", "other"]) | names,
        country=maybe_names,
        parents=id_lists,
        aliases=st.lists(names, max_size=3).map(tuple),
        mentions=evidences(text),
        origin=st.sampled_from(["kb", "ner"]),
    )


def places(text: str):
    return st.builds(
        Place,
        id=ids,
        name=names,
        country=maybe_names,
        lat=maybe_numbers,
        lon=maybe_numbers,
        feature=maybe_names,
        precision=st.none() | st.integers(min_value=-(2**31), max_value=2**31 - 1),
        mentions=evidences(text),
    )


def events(text: str):
    return st.builds(
        Event,
        id=ids,
        type=names,
        evidence=evidence(text),
        mode=maybe_names,
        actors=id_lists,
        recipients=id_lists,
        place=st.none() | ids,
        date=st.none() | st.builds(When, maybe_names, maybe_names, maybe_names),
        fatalities=tolls,
        wounded=tolls,
        captured=tolls,
        status=st.sampled_from(["asserted", "claimed"]) | names,
        speaker=st.none() | ids,
        codes=pairs,
        confidence=numbers,
        also=evidences(text),
    )


def happenings(text: str):
    return st.builds(
        Happening,
        id=ids,
        kind=names,
        evidence=evidence(text),
        place=st.none() | ids,
        date=st.none() | st.builds(When, maybe_names, maybe_names, maybe_names),
        fatalities=tolls,
        wounded=tolls,
    )


def claims(text: str):
    return st.builds(
        Claim,
        id=ids,
        text=names,
        evidence=evidence(text),
        speaker=st.none() | ids,
        speaker_text=maybe_names,
        cue=maybe_names,
        direct=st.booleans(),
        hedged=st.booleans(),
        author_stance=names,
        events=id_lists,
        source_kind=names,
        co_speakers=id_lists,
        speaker_evidence=st.none() | evidence(text),
        cue_evidence=st.none() | evidence(text),
        outlet=maybe_names,
        work=maybe_names,
        hedges=evidences(text),
        stance_evidence=st.none() | evidence(text),
    )


def unique(strategy):
    return st.lists(strategy, max_size=4, unique_by=lambda item: item.id).map(tuple)


@st.composite
def reports(draw, doc_id=None) -> Report:
    text = draw(st.text(max_size=120))
    document = Document(
        id=draw(ids) if doc_id is None else doc_id,
        text=text,
        title=draw(maybe_names),
        author=draw(maybe_names),
        source=draw(maybe_names),
        url=draw(maybe_names),
        published=draw(st.none() | st.dates().map(str) | names),
        language=draw(st.none() | st.just("en") | names),
    )
    return Report(
        version=draw(names),
        document=document,
        actors=draw(unique(actors(text))),
        places=draw(unique(places(text))),
        events=draw(unique(events(text))),
        claims=draw(unique(claims(text))),
        contradictions=draw(unique(st.builds(Contradiction, ids, names, id_lists, names))),
        relations=draw(st.lists(st.builds(Relation, ids, ids, names, numbers, id_lists), max_size=3).map(tuple)),
        provenance=draw(pairs),
        happenings=draw(unique(happenings(text))),
    )


@settings(max_examples=50, deadline=None)
@given(reports())
def test_a_saved_report_comes_back_equal(report):
    with Store.open(None) as store:
        assert store.save(report) is True
        assert store.report(report.document.id) == report
        assert store.save(report) is False


@settings(max_examples=25, deadline=None)
@given(st.lists(reports(), min_size=2, max_size=4, unique_by=lambda r: r.document.id), st.data())
def test_reports_sharing_actors_keep_their_own_view(corpus, data):
    with Store.open(None) as store:
        for report in corpus:
            store.save(report)
        replacement = data.draw(reports(doc_id=corpus[0].document.id))
        store.replace(replacement)
        assert store.report(replacement.document.id) == replacement
        for report in corpus[1:]:
            assert store.report(report.document.id) == report
        assert store.document_ids() == {report.document.id for report in corpus}
        stored_actor_ids = {a.id for r in (replacement, *corpus[1:]) for a in r.actors}
        assert store.count("actors") == len(stored_actor_ids)


@settings(max_examples=25, deadline=None)
@given(st.lists(reports(), min_size=2, max_size=5, unique_by=lambda r: r.document.id), st.integers(1, 3))
def test_reports_read_in_batches_come_back_equal(corpus, batch):
    with Store.open(None) as store:
        for report in corpus:
            store.save(report)
        wanted = [r.document.id for r in reversed(corpus)] + ["not stored", corpus[0].document.id]
        assert list(store.reports(wanted, batch=batch)) == [*reversed(corpus), corpus[0]]
        assert list(store.reports(batch=batch)) == sorted(corpus, key=lambda r: r.document.id)
