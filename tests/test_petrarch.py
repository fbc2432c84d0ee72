"""PETRARCH/TABARI dictionaries: parsing, CAMEO codes, conversion to packs and import as a user pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog.actors.cameo import interpret
from warlog.actors.entries import PetrarchCode, clean_aliases, display_name
from warlog.actors.kb import KnowledgeBase
from warlog.actors.petrarch import (
    convert_petrarch,
    import_petrarch,
    parse_code,
    parse_petrarch_actors,
    parse_petrarch_agents,
    pluralize,
)
from warlog.errors import PackError
from warlog.packs.actors import read_pack

FIXTURES = Path(__file__).parent / "fixtures" / "petrarch"


def test_parse_actors() -> None:
    entries = parse_petrarch_actors(FIXTURES / "actors.txt")
    assert [e.names[0] for e in entries] == [
        "REPUBLIC OF TESTLAND",
        "NORTHERN LIBERATION FRONT",
        "JOHN Q EXAMPLE",
        "DESERT HAWKS BRIGADE",
        "AMALGAMATED WIDGETS",
        "PEACE OBSERVER MISSION",
        "UNCODED ENTRY",
    ]
    front, person, hawks = entries[1], entries[2], entries[3]
    assert front.names == ("NORTHERN LIBERATION FRONT", "NLF", "NORTHERN FRONT")
    assert (front.codes, front.comment, front.line) == ((PetrarchCode("SYRREB"),), "a made-up rebel group", 6)
    assert person.comment == "CountryInfo.txt"
    assert person.codes == (
        PetrarchCode("SYRELI", "1985-01-01", "2000-07-16"),
        PetrarchCode("SYRGOV", "2000-07-17", None),
    )
    assert hawks.names == ("DESERT HAWKS BRIGADE", "DESERT HAWKS")  # a name line without codes continues
    assert hawks.codes == (PetrarchCode("IRQMIL", "2014-06-01", "2017-12-31"),)
    assert entries[5].codes == (PetrarchCode("IGOUNO"),)  # [---] is no code
    assert entries[6].codes == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SYRGOV", PetrarchCode("SYRGOV")),
        ("SYRGOV >000717", PetrarchCode("SYRGOV", "2000-07-17")),
        ("SYRGOV > 20000717", PetrarchCode("SYRGOV", "2000-07-17")),
        ("HTIOPPMED <061231", PetrarchCode("HTIOPPMED", None, "2006-12-31")),
        ("IRQGOV 790716-030409", PetrarchCode("IRQGOV", "1979-07-16", "2003-04-09")),
        ("MNEGOV 20121204", PetrarchCode("MNEGOV", "2012-12-04")),
        ("---", None),
    ],
)
def test_parse_code(text: str, expected: PetrarchCode | None) -> None:
    assert parse_code(text) == expected


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("+ORPHAN_ALIAS_", "comes before any entry"),
        ("SOME_GROUP_ [SYRREB 991399]", "not a calendar date"),
        ("SOME_GROUP_ [SYRREB 2004017-20061201]", "is not D, >D, <D or D-D"),
        ("SOME_GROUP_ [SYRREB 120101-110101]", "ends before it starts"),
        ("SOME_GROUP_ [syrreb]", "not a CAMEO code"),
        ("+SOME]_GROUP_", "unbalanced brackets"),
    ],
)
def test_malformed_actor_lines(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(f"# header\n\n{line}\n", encoding="utf-8")
    with pytest.raises(PackError, match=rf"^{path}:3: .*{problem}"):
        parse_petrarch_actors(path)
    skipped: list[PackError] = []
    parse_petrarch_actors(path, on_error=skipped.append)
    assert len(skipped) == 1 and str(skipped[0]).startswith(f"{path}:3: ")


def test_parse_agents() -> None:
    agents = parse_petrarch_agents(FIXTURES / "agents.txt")
    assert [(a.nouns, a.code, a.line) for a in agents] == [
        (("rifleman",), "~MIL", 4),
        (("riflemen",), "~MIL", 4),
        (("insurgent", "insurgents"), "~REB", 5),
        (("constabulary",), "~COP", 6),
        (("orchard keeper", "orchard keepers"), "~AGR", 7),
        (("high country", "high countries"), "~CVL", 8),
    ]


def test_malformed_agent_lines(tmp_path: Path) -> None:
    path = tmp_path / "agents.txt"
    path.write_text("!PERSON! = MAN\nGUN!MEN! [~UAF]\nSOLDIER\n", encoding="utf-8")
    with pytest.raises(PackError, match=rf"^{path}:2: undefined substitution set !MEN!"):
        parse_petrarch_agents(path)
    skipped: list[PackError] = []
    assert parse_petrarch_agents(path, on_error=skipped.append) == []
    assert [str(e).split(": ")[0] for e in skipped] == [f"{path}:2", f"{path}:3"]


@pytest.mark.parametrize(
    ("noun", "plural"),
    [("rebel", "rebels"), ("militia", "militias"), ("family", "families"), ("press", "presses"),
     ("gunman", "gunmen"), ("armed men", "armed men"), ("security force", "security forces")],
)  # fmt: skip
def test_pluralize(noun: str, plural: str) -> None:
    assert pluralize(noun) == plural


@pytest.mark.parametrize(
    ("code", "country", "kind", "parent"),
    [
        ("SYR", "SYR", "state", None),
        ("SYRGOV", "SYR", "government", "syr.gov"),
        ("SYRREBMUS", "SYR", "rebel_group", "syr.reb"),
        ("RUSCOP", "RUS", "police", "rus.cop"),
        ("SYRELI", "SYR", "person", None),
        ("IGOUNOKID", None, "igo", "un"),
        ("IGOWSTNAT", None, "igo", "nato"),
        ("IMGMUSISI", None, "armed_group", "isil"),
        ("NGOHRI", None, "ngo", None),
        ("KSVGOV", "XKX", "government", "xkx.gov"),
        ("GBRVGBGOV", "VGB", "government", "vgb.gov"),
    ],
)
def test_interpret_cameo_codes(code: str, country: str | None, kind: str, parent: str | None) -> None:
    meaning = interpret(code)
    assert meaning is not None
    assert (meaning.country, meaning.kind, meaning.parent) == (country, kind, parent)
    assert interpret("---") is None
    assert interpret("MNCUSA").skipped


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("JABHAT_AL-NUSRA_", "Jabhat al-Nusra"),
        ("ISLAMIC ARMY OF ADEN (IAA)", "Islamic Army of Aden (IAA)"),
        ("DA'ESH", "Da'esh"),
        ("PKK", "PKK"),
        ("U.N.", "U.N."),
        ("THE_UNITED_NATIONS", "The United Nations"),
        ("ANARCHISTS'_ATTACK_GROUP", "Anarchists' Attack Group"),
        ("O'BRIEN", "O'Brien"),
    ],
)
def test_display_name(phrase: str, name: str) -> None:
    assert display_name(phrase) == name


def test_convert_actors_gives_a_valid_pack(tmp_path: Path) -> None:
    text = convert_petrarch(FIXTURES / "actors.txt", pack_name="test-actors", version="1")
    path = tmp_path / "test-actors.yaml"
    path.write_text(text, encoding="utf-8")
    pack = read_pack(path).model
    actors = {a.id: a for a in pack.actors}
    assert sorted(actors) == [
        "irq.desert-hawks-brigade",
        "peace-observer-mission",
        "person.john-q-example",
        "syr.northern-liberation-front",
    ]  # the country name, the business and the uncoded entry are left out
    front = actors["syr.northern-liberation-front"]
    assert (front.name, front.kind, front.country, front.aliases) == (
        "Northern Liberation Front", "rebel_group", "SYR", ["NLF", "Northern Front"],
    )  # fmt: skip
    assert [p.id for p in front.parents] == ["syr.reb"]
    person = actors["person.john-q-example"]
    assert person.kind == "person"
    assert [(p.id, p.valid_from, p.valid_to) for p in person.parents] == [("syr.gov", "2000-07-17", None)]
    assert actors["peace-observer-mission"].kind == "igo"


def test_convert_agents_groups_nouns_by_sector() -> None:
    text = convert_petrarch(FIXTURES / "agents.txt", kind="agents", pack_name="test-agents", version="1")
    assert "orchard" not in text  # agriculture is not an agent sector warlog scopes
    assert "rifleman, riflemen" in text and "suffix: mil" in text and "parent: gov" in text


def test_convert_lenient_lists_skipped_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text("GOOD_GROUP_ [SYRREB]\n+ALSO]_BAD\n", encoding="utf-8")
    with pytest.raises(PackError, match=":2: unbalanced brackets"):
        convert_petrarch(path, pack_name="mixed", version="1")
    text = convert_petrarch(path, pack_name="mixed", version="1", strict=False)
    assert f"# skipped: {path}:2: unbalanced brackets" in text
    assert "id: syr.good-group" in text


def test_import_round_trip(tmp_path: Path) -> None:
    dest = tmp_path / "packs" / "actors"
    path = import_petrarch(FIXTURES / "actors.txt", dest)
    assert path.parent == dest and path.name == "petrarch-actors.yaml"
    assert import_petrarch(FIXTURES / "actors.txt", dest) == path  # stable name and version
    kb = KnowledgeBase.load(packs_dir=tmp_path / "packs")
    assert [h.actor_id for h in kb.lookup("NLF")] == ["syr.northern-liberation-front"]
    assert kb.ancestors("syr.northern-liberation-front") == ("syr.reb", "syr")
    assert kb.ancestors("irq.desert-hawks-brigade", on="2016-01-01") == ("irq.mil", "irq.gov", "irq")
    assert kb.ancestors("irq.desert-hawks-brigade", on="2018-01-01") == ()
    assert kb.ancestors("peace-observer-mission") == ("un",)
    assert any(p.name == "petrarch-actors" and p.version.startswith("sha256-") for p in kb.packs)


def test_import_detects_agent_dictionaries(tmp_path: Path) -> None:
    path = import_petrarch(FIXTURES / "agents.txt", tmp_path)
    kb = KnowledgeBase.load(packs_dir=tmp_path)
    spec = kb.agent("riflemen")
    assert spec is not None and spec.pack == "petrarch-agents" and spec.suffix == "mil"
    assert path.name == "petrarch-agents.yaml"


def test_a_parenthesis_that_is_a_common_noun_is_no_alias() -> None:
    # PETRARCH writes "JORDAN_(COUNTRY)_": the parenthesis is a gloss, and "country" names no one
    assert clean_aliases("Jordan", ["Jordan (country)", "Kingdom of Jordan (HKJ)"]) == ["Kingdom of Jordan", "HKJ"]


def test_the_built_in_knowledge_base_links_no_common_noun_to_a_state() -> None:
    kb = KnowledgeBase.load()
    assert not [hit for word in ("country", "nation", "kingdom") for hit in kb.lookup(word)]
