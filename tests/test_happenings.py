"""Disasters, accidents and crimes are happenings, not conflict events; bombings and airstrikes stay attacks."""

import pytest

from warlog.model import HAPPENING_KINDS


def _violent(report):
    return [e for e in report.events if e.type in ("ASSAULT", "SANCTION")]


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("A strong earthquake killed nine villagers in the hills on Sunday.", "natural_disaster", "earthquake killed"),
        ("Heavy floods displaced thousands of families along the river.", "natural_disaster", "floods displaced"),
        ("The old volcano erupted overnight, covering farms in ash.", "natural_disaster", "volcano erupted"),
        ("A boiler exploded at a paper mill, injuring six workers.", "man_made_disaster", "boiler exploded"),
        ("A gas cylinder exploded in a kitchen, killing two cooks.", "man_made_disaster", "exploded"),
        ("An old bridge collapsed over the canal, killing 12 people.", "man_made_disaster", "collapsed"),
        ("A crowded bus plunged into a gorge, killing 17 passengers.", "man_made_disaster", "bus plunged"),
        ("Five workers were killed when a fertiliser plant exploded at dawn.", "man_made_disaster", "plant exploded"),
        ("Customs officers seized two tonnes of cocaine at the harbour.", "crime", "seized"),
        ("Police arrested four drug smugglers near the frontier.", "crime", "smugglers"),
        ("The coast guard intercepted 14 smugglers off the island on Sunday.", "crime", "intercepted"),
        ("Police caught a gang that stole cars across the city.", "crime", "gang"),
        ("Six officials were involved in a bribery scam at the port.", "crime", "scam"),
        ("Dozens fell ill after inhaling toxic gas leaked from a fertiliser factory.", "man_made_disaster", "leaked"),
        ("A number of gas containers exploded in a garage on Monday.", "man_made_disaster", "exploded"),
        ("An engineer was killed when an explosion ripped through a fuel warehouse.", "man_made_disaster", "explosion"),
        ("A storage bunker at a waste treatment plant exploded on Friday.", "man_made_disaster", "exploded"),
    ],
)
def test_a_happening_is_found_with_its_kind_and_words_and_is_no_attack(pipeline, text, kind, words):
    report = pipeline.extract(text, published="2021-03-02")
    assert kind in HAPPENING_KINDS
    assert [h.kind for h in report.happenings] == [kind], report.happenings
    happening = report.happenings[0]
    assert text[happening.evidence.start : happening.evidence.end] == happening.evidence.text
    assert words in happening.evidence.text
    if kind != "crime":
        assert not _violent(report), [e.evidence.text for e in _violent(report)]


def test_a_happening_keeps_its_toll(pipeline):
    report = pipeline.extract("A crowded bus plunged into a gorge, killing 17 passengers.", published="2021-03-02")
    assert report.happenings[0].fatalities is not None and report.happenings[0].fatalities.min == 17


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded in a busy market, killing five shoppers.",
        "Warplanes struck rebel positions near the town, killing 20 fighters.",
        "A car bomb exploded outside a police station, wounding three officers.",
        "Militants attacked an army checkpoint and killed four soldiers.",
        "Gunmen robbed a bank and shot two guards.",
        "Protests erupted in the capital after the vote.",
        "Security forces seized rifles and ammunition from the militants.",
        "An explosion ripped through a crowded market in the town, killing six people.",
    ],
)
def test_conflict_stays_conflict(pipeline, text):
    report = pipeline.extract(text, published="2021-03-02")
    assert not report.happenings, report.happenings
    assert report.events


@pytest.mark.parametrize(
    "text",
    [
        "A flood of refugees crossed the border last week.",
        "The minister faced a storm of criticism over the budget.",
        "The opposition protested against election fraud in the capital.",
    ],
)
def test_figures_of_speech_and_politics_are_no_happenings(pipeline, text):
    assert not pipeline.extract(text, published="2021-03-02").happenings
