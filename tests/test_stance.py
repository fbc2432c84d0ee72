"""Hedges and the author's stance on invented sentences, the stance pack's validation, and accusations."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog.errors import PackError
from warlog.model import Report
from warlog.packs.stance import StancePack

pytestmark = pytest.mark.slow


def report(pipeline, text: str) -> Report:
    return pipeline.extract(text, published="2024-03-10")


def said(rep: Report):
    return [c for c in rep.claims if c.source_kind in ("named", "unnamed")]


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("The ministry said the militants may have fled to the hills.", ["may"]),
        ("Officials said the convoy was reportedly hit by a drone.", ["reportedly"]),
        ("The army said the attack appears to have been planned for weeks.", ["appears to"]),
        ("Police said the bomber was allegedly a member of the group.", ["allegedly"]),
        ("The ministry said the militants fled to the hills in May.", []),
        ("The army said the attack was planned for weeks.", []),
    ],
)
def test_hedges(pipeline, text, hedges):
    [claim] = said(report(pipeline, text))
    assert [h.text for h in claim.hedges] == hedges and claim.hedged == bool(hedges)


@pytest.mark.parametrize(
    ("text", "stance", "evidence"),
    [
        ('The general said: "We destroyed every rebel position." How true. The town is quiet.', "endorses", "How true"),
        ('The general said: "We destroyed every rebel position." It might be true. Nobody checked.', "doubts",
         "It might be true"),
        ('The general said: "We destroyed every rebel position." In reality, the rebels still hold it.',
         "disputes", "In reality"),
        ("The general falsely claimed that his troops had destroyed every rebel position.", "disputes",
         "falsely"),
        ('The general said: "We destroyed every rebel position." The town is quiet.', "neutral", None),
        ('As the general put it: "We destroyed every rebel position." The town is quiet.', "endorses",
         "As the general put it"),
        ("The general acknowledged that his troops had destroyed every rebel position.", "endorses",
         "acknowledged"),
        ("The general has said that his troops had destroyed every rebel position.", "neutral", None),
        ('The general said: "We destroyed every rebel position."\n\nHow true, say his men.', "neutral", None),
    ],
)  # fmt: skip
def test_the_authors_stance(pipeline, text, stance, evidence):
    [claim] = [c for c in said(report(pipeline, text)) if "rebel position" in c.text]
    assert claim.author_stance == stance
    assert (claim.stance_evidence.text if claim.stance_evidence else None) == evidence


def test_a_claim_of_anothers_harm_accuses_and_of_ones_own_does_not(pipeline):
    rep = report(pipeline, "Russia claimed that the Islamic State killed ten soldiers near Palmyra.")
    assert [(e.actors, e.recipients) for e in rep.events if e.type == "ACCUSE"] == [(("rus",), ("isil",))]
    own = report(pipeline, "Russia claimed that its jets killed ten Islamic State fighters near Palmyra.")
    assert not [e for e in own.events if e.type == "ACCUSE"]
    reported = report(pipeline, "Police said gunmen killed ten villagers near the market.")
    assert not [e for e in reported.events if e.type == "ACCUSE"]


def test_an_event_after_a_colon_is_said_by_the_speaker(pipeline):
    rep = report(pipeline, "Turkey declared what many had long known: the army shelled the town.")
    shelled = [e for e in rep.events if e.type == "ASSAULT"]
    assert shelled and all(e.status == "claimed" and e.speaker == "tur" for e in shelled)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "stance.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_builtin_pack_loads():
    pack = StancePack.load()
    assert pack.version.startswith("stance@") and ("might",) in pack.hedges
    assert {m.stance for m in pack.markers} == {"endorses", "doubts", "disputes"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("pack: stance\nversion: '1'\nhedges: [might]\nmarkers:\n  - {stance: agrees, where: cue, phrase: x}\n",
         r"stance.yaml:5: markers.0.stance"),
        ("pack: stance\nversion: '1'\nhedges: [might]\nhedge: [may]\n", r"stance.yaml:4: hedge: unknown key"),
        ("pack: stance\nversion: '1'\n", r"stance.yaml:1: hedges: required key is missing"),
        ("pack: stance\nversion: '1'\nhedges: [might\n", r"stance.yaml:\d+: invalid YAML"),
        ("- a list\n", r"stance.yaml:1: a stance pack is a mapping with keys pack, version, hedges"),
    ],
)  # fmt: skip
def test_a_broken_pack_names_file_and_line(tmp_path, body, message):
    with pytest.raises(PackError, match=message):
        StancePack.read(write(tmp_path, body))


def test_an_evidence_verb_attributes_only_to_a_source(pipeline):
    recorded = said(report(pipeline, "The report shows that soldiers shot two protesters in Mandalay."))
    assert [c.cue for c in recorded] == ["shows"]
    assert not said(report(pipeline, "His death shows how far the army will go in Mandalay."))
