"""The actor knowledge base: built-in packs, lookups, affiliations, user packs and pack errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warlog.actors.kb import Affiliation, KnowledgeBase, builtin_packs_dir, normalize_alias
from warlog.errors import PackError
from warlog.model import ACTOR_KINDS


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "actor_id", "form"),
    [
        ("Daesh", "isil", "alias"),
        ("Da\u2019esh", "isil", "alias"),
        ("I.S.", "isil", "alias"),
        ("I.S", "isil", "alias"),
        ("ISIS", "isil", "alias"),
        ("Islamic State", "isil", "name"),
        ("the Islamic State", "isil", "name"),
        ("takfiris", "isil", "alias"),
        ("IRGC", "irn.irgc", "alias"),
        ("Islamic Revolutionary Guard Corp", "irn.irgc", "alias"),
        ("National Defence Forces", "syr.ndf", "name"),
        ("NDF", "syr.ndf", "alias"),
        ("Moscow", "rus", "metonym"),
        ("the Kremlin", "rus.gov", "metonym"),
        ("Russian", "rus", "demonym"),
        ("Iranian", "irn", "demonym"),
        ("U.S.", "usa", "alias"),
        ("US", "usa", "alias"),
        ("Russia", "rus", "name"),
        ("Syrian Arab Army", "syr.mil", "alias"),
        ("Assad regime", "syr.gov", "alias"),
        ("Syrian opposition", "syr.reb", "alias"),
        ("Kurds", "kurds", "name"),
        ("The Daily Beast", "daily-beast", "name"),
        ("The New York Times", "new-york-times", "name"),
        ("U.S. Embassy in Syria", "usa.embassy-syr", "name"),
        ("Bashar al-Assad", "person.bashar-al-assad", "name"),
        ("Bashar  al Assad", "person.bashar-al-assad", "name"),  # hyphens read as spaces
        ("Assad", "person.bashar-al-assad", "alias"),
    ],
)
def test_lookup_finds_the_actor(kb: KnowledgeBase, text: str, actor_id: str, form: str) -> None:
    hits = {hit.actor_id: hit for hit in kb.lookup(text)}
    assert actor_id in hits
    assert hits[actor_id].form == form


@pytest.mark.parametrize("text", ["is", "Is", "us", "i.s.", "Hussein Hamedani", "Michael Weiss", "Hassan Hassan"])
def test_lookup_misses(kb: KnowledgeBase, text: str) -> None:
    assert kb.lookup(text) == ()


def test_acronyms_are_case_sensitive_in_the_alias_list(kb: KnowledgeBase) -> None:
    hits = {(h.actor_id, h.alias): h for h in kb.aliases()}
    assert hits[("isil", "IS")].case_sensitive
    assert hits[("usa", "U.S.")].case_sensitive
    assert not hits[("isil", "Daesh")].case_sensitive
    assert hits[("isil", "Daesh")].pack == "warlog-conflicts"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("  The  Islamic\u2013State. ", "islamic state"),
        ("Da\u2019esh", "da'esh"),
        ("al-Qaeda", "al qaeda"),
        ("THE KREMLIN", "kremlin"),
    ],
)
def test_normalize_alias(text: str, key: str) -> None:
    assert normalize_alias(text) == key


def test_ancestors_follow_affiliations(kb: KnowledgeBase) -> None:
    assert kb.ancestors("person.bashar-al-assad") == ("syr.gov", "syr")
    assert kb.ancestors("syr.ndf") == ("syr.gov", "irn.irgc", "syr", "irn")
    assert kb.ancestors("irn.quds-force") == ("irn.irgc", "irn")


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("1999-12-31", ()),
        ("2000-07-17", ("syr.gov", "syr")),
        ("2015-10-16", ("syr.gov", "syr")),
        ("2025-06-01", ()),
    ],
)
def test_dated_ancestry(kb: KnowledgeBase, on: str, expected: tuple[str, ...]) -> None:
    assert kb.ancestors("person.bashar-al-assad", on=on) == expected


def test_ancestors_are_cycle_safe(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cycle.yaml",
        """pack: cycle
version: "1"
actors:
  - {id: a, name: A, kind: organization, parents: [{id: b}]}
  - {id: b, name: B, kind: organization, parents: [{id: a}]}
""",
    )
    kb = KnowledgeBase.from_packs([path])
    assert kb.ancestors("a") == ("b",)


def test_agents_scope_to_a_country(kb: KnowledgeBase) -> None:
    spec = kb.agent("Rebels")
    assert spec is not None and spec is kb.agent("rebel") and spec.suffix == "reb"
    assert kb.scoped_agent(spec, "SYR").id == "syr.reb"  # the pack's own actor
    french = kb.scoped_agent(spec, "fra")
    assert (french.id, french.name, french.kind, french.country) == ("fra.reb", "French rebels", "rebel_group", "FRA")
    assert french.parents == (Affiliation("fra"),)
    assert kb.get("fra.reb") == french
    police = kb.agent("policemen")
    assert police is not None and kb.ancestors(kb.scoped_agent(police, "SYR").id) == ("syr.gov", "syr")
    assert kb.agent("journalist").suffix == "med"
    assert kb.agent("unicorns") is None
    with pytest.raises(ValueError, match="no state actor"):
        kb.scoped_agent(spec, "XXX")


def test_explain_says_where_a_name_comes_from(kb: KnowledgeBase) -> None:
    (explanation,) = kb.explain("NDF")
    assert explanation.actor.id == "syr.ndf"
    assert (explanation.alias, explanation.form, explanation.pack) == ("NDF", "alias", "warlog-conflicts")
    assert explanation.path == builtin_packs_dir() / "conflicts.yaml"
    assert explanation.ancestors == ("syr.gov", "irn.irgc", "syr", "irn")
    assert [e.form for e in kb.explain("syr.gov")][0] == "id"


def test_all_builtin_packs_load_and_validate(kb: KnowledgeBase) -> None:
    names = {p.name for p in kb.packs}
    assert {"warlog-countries", "warlog-international", "warlog-conflicts", "warlog-phoenix", "warlog-agents"} <= names
    assert re.fullmatch(r"([a-z0-9-]+@[^+@]+)(\+[a-z0-9-]+@[^+@]+)*", kb.version)
    assert len(kb) > 5000
    assert len({a.id for a in kb if a.kind == "state"}) >= 249
    for actor in kb:
        assert actor.kind in ACTOR_KINDS
        for link in actor.parents:
            assert kb.get(link.parent) is not None, (actor.id, link.parent)
    for iso in ("syr", "rus", "usa", "irn", "xkx", "pse"):
        assert kb.get(f"{iso}.gov") is not None and kb.get(f"{iso}.mil") is not None


def test_user_pack_overrides_a_builtin(tmp_path: Path) -> None:
    write(
        tmp_path / "actors",
        "mine.yaml",
        """pack: my-actors
version: 2026.1
actors:
  - id: isil
    name: Daesh (my name)
    kind: armed_group
    aliases: [Daesh]
  - id: person.jane-analyst
    name: Jane Analyst
    kind: person
    country: GBR
    parents: [{id: gbr.gov, valid_from: 2020-01-01}]
""",
    )
    kb = KnowledgeBase.load(packs_dir=tmp_path)
    assert kb.get("isil").name == "Daesh (my name)"
    assert kb.get("isil").pack == "my-actors"
    assert kb.lookup("ISIS") == ()  # the built-in aliases went with the overridden actor
    assert [h.actor_id for h in kb.lookup("Daesh")] == ["isil"]
    assert kb.ancestors("person.jane-analyst", on="2019-01-01") == ()
    assert kb.version.endswith("+my-actors@2026.1")


def test_user_packs_need_no_builtins(tmp_path: Path) -> None:
    write(tmp_path, "one.yaml", "pack: one\nversion: '1'\nactors:\n  - {id: x, name: X Group, kind: armed_group}\n")
    kb = KnowledgeBase.load(packs_dir=tmp_path, builtin=False)
    assert [a.id for a in kb] == ["x"]
    assert kb.version == "one@1"


PACK_HEAD = "pack: broken\nversion: '1'\nactors:\n"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("  - {id: a, name: A, kind: warlord}\n", 4, "unknown kind 'warlord'; valid kinds: state"),
        ("  - id: a\n    name: A\n    kind: state\n    country: SYRIA\n", 7, "not an ISO 3166-1 alpha-3"),
        ("  - id: a\n    name: A\n    kind: state\n    colour: red\n", 7, "unknown key"),
        ("  - id: Bad Id\n    name: A\n    kind: state\n", 4, "actors.0.id"),
        ("  - {id: a, kind: state}\n", 4, "required key is missing"),
        (
            "  - id: a\n    name: A\n    kind: person\n    parents:\n      - {id: b, valid_from: 2001-02-30}\n",
            8,
            "not an ISO date",
        ),
        ("  - id: a\n    name: A\n    kind: person\n    aliases: [ok, '  ']\n", 7, "not a usable name"),
        ("  - {id: a, name: [unclosed\n", 5, "invalid YAML"),
    ],
)
def test_malformed_pack_errors_carry_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = write(tmp_path, "bad.yaml", PACK_HEAD + body)
    with pytest.raises(PackError) as error:
        KnowledgeBase.from_packs([path])
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert message in str(error.value)


def test_unknown_parent_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path, "orphan.yaml", PACK_HEAD + "  - id: a\n    name: A\n    kind: militia\n    parents: [{id: nowhere}]\n"
    )
    with pytest.raises(PackError, match=rf"^{re.escape(str(path))}:7: unknown parent 'nowhere'"):
        KnowledgeBase.from_packs([path])


def test_duplicate_ids_at_one_level_are_an_error(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", PACK_HEAD + "  - {id: a, name: A, kind: state}\n")
    second = write(tmp_path, "b.yaml", "pack: other\nversion: '1'\nactors:\n\n  - {id: a, name: B, kind: state}\n")
    with pytest.raises(PackError, match=rf"^{re.escape(str(second))}:5: actor id 'a' is already defined at {first}:4"):
        KnowledgeBase.from_packs([first, second])


def test_the_joint_forces_of_donbas_belong_to_both_republics(kb):
    """ "NAF" (the United Armed Forces of Novorossiya) is one actor whose parents are the two republics."""
    hits = kb.lookup("NAF")
    assert [h.actor_id for h in hits] == ["ukr.naf"]
    assert {"ukr.dpr", "ukr.lpr"} <= set(kb.ancestors("ukr.naf"))
