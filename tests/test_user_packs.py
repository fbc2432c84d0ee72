"""The user's packs reach the components: the pipeline loads every pack once, built-in then `packs_dir`, and
passes them in; no component reads a pack of its own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import warlog
from warlog.errors import PackError
from warlog.packs.cues import CuePack
from warlog.packs.ontology import Ontology
from warlog.packs.stance import StancePack
from warlog.pipeline import Pipeline

WHISPER = "Rebels whispered that the army shelled the town."
CONCEIVABLY = "The army conceivably shelled the town."


def write(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture
def packs_dir(tmp_path: Path) -> Path:
    write(tmp_path / "cues" / "mine.yaml", "pack: mine\nversion: '1'\nverbs:\n  - {lemma: whisper, kind: claim}\n")
    write(tmp_path / "stance" / "mine.yaml", "pack: my-hedges\nversion: '2'\nhedges: [conceivably]\n")
    return tmp_path


def test_user_cue_and_stance_packs_extend_the_builtin_ones(packs_dir: Path) -> None:
    cues = CuePack.load(packs_dir=packs_dir)
    assert cues.verb("whisper").kind == "claim" and cues.verb("say") is not None
    assert cues.version == f"{CuePack.load().version}+mine@1" and CuePack.load().verb("whisper") is None
    stances = StancePack.load(packs_dir=packs_dir)
    assert ("conceivably",) in stances.hedges and ("might",) in stances.hedges
    assert stances.version == f"{StancePack.load().version}+my-hedges@2"


def test_a_user_verb_overrides_the_builtin_one(tmp_path: Path) -> None:
    write(tmp_path / "cues" / "mine.yaml", "pack: mine\nversion: '1'\nverbs:\n  - {lemma: say, kind: claim}\n")
    assert CuePack.load().verb("say").kind == "report"
    assert CuePack.load(packs_dir=tmp_path).verb("say").kind == "claim"


def test_a_verb_in_two_user_packs_names_the_file_and_line(tmp_path: Path) -> None:
    body = "pack: {name}\nversion: '1'\nverbs:\n  - {{lemma: mutter, kind: report}}\n"
    write(tmp_path / "cues" / "a.yaml", body.format(name="a"))
    write(tmp_path / "cues" / "b.yaml", body.format(name="b"))
    with pytest.raises(PackError, match=r"b\.yaml:4: verbs: 'mutter' is already defined in .*a\.yaml"):
        CuePack.load(packs_dir=tmp_path)


@pytest.mark.slow
def test_the_pipeline_passes_the_user_packs_to_its_components(pipeline: Pipeline, packs_dir: Path) -> None:
    builtin = pipeline.extract(WHISPER)
    assert not [c for c in builtin.claims if c.cue == "whispered"]
    assert not [c for c in pipeline.extract(CONCEIVABLY).claims if c.hedged]

    mine = warlog.load(warlog.Settings(packs_dir=packs_dir))
    report = mine.extract(WHISPER)
    assert [c.cue for c in report.claims if c.source_kind != "author"] == ["whispered"]
    assert [e.status for e in report.events if e.type == "ASSAULT"] == ["claimed"]
    hedged = [c for c in mine.extract(CONCEIVABLY).claims if c.hedged]
    assert hedged and "conceivably" in [h.text for c in hedged for h in c.hedges]
    assert dict(report.provenance)["claims"] == f"{mine.cues.version}+{mine.stances.version}+{mine.denials.version}"
    assert dict(report.provenance)["claims"].endswith("+mine@1+stance@1+my-hedges@2+denials@1")


@pytest.mark.slow
def test_the_report_takes_its_relations_from_the_pipelines_ontology(pipeline: Pipeline) -> None:
    text = "Russian jets bombed the Free Syrian Army near Aleppo."
    assert {r.polarity for r in pipeline.extract(text).relations} - {"affiliation"} == {"hostile"}
    builtin = pipeline.ontology
    friendly = Ontology(
        version=builtin.version,
        types=[replace(t, quad="material_cooperation") if t.name == "ASSAULT" else t for t in builtin.types],
        quads=builtin.quads,
        contexts=builtin.contexts,
        acled=builtin.acled,
        acled_legacy=builtin.acled_legacy,
        case_unseen=builtin.case_unseen,
        triggers=builtin.lexicon,
    )
    other = Pipeline(
        pipeline.settings,
        pipeline.nlp,
        pipeline.kb,
        pipeline.gazetteer,
        friendly,
        pipeline.cues,
        pipeline.stances,
        pipeline.denials,
    )
    assert {r.polarity for r in other.extract(text).relations} - {"affiliation"} == {"cooperative"}
