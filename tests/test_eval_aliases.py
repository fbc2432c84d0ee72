"""ACLED actor names map to knowledge-base ids that exist (data pack packs/eval/acled_actors.yaml)."""

import pytest

from warlog.actors.kb import KnowledgeBase
from warlog.errors import PackError
from warlog.evaluate.aliases import AliasTable, builtin_alias_pack, read_alias_pack


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def table(kb):
    return AliasTable.load(kb)


# (ACLED-style name, the row's country, the ids it must map to): names written for this test
NAMES = [
    ("Military Forces of Syria (2000-)", "Syria", ("syr.mil",)),
    ("Military Forces of Ukraine (2019-)", "Ukraine", ("ukr.mil",)),
    ("Military Forces of the Democratic Republic of Congo (2019-)", "Democratic Republic of Congo", ("cod.mil",)),
    ("Military Forces of the United States (2017-2021)", None, ("usa.mil",)),
    ("Military Forces of Brazil (2019-) Military Police", "Brazil", ("bra.cop",)),
    ("Military Forces of Libya (2016-) Presidential Guard", "Libya", ("lby.mil", "lby.gna")),
    ("Military Forces of Libya (2014-) Haftar Faction", "Libya", ("lby.lna",)),
    ("Police Forces of India (2014-)", "India", ("ind.cop",)),
    ("Police Forces of Mexico (2018-) State Police", "Mexico", ("mex.cop",)),
    ("Government of Afghanistan (2014-)", "Afghanistan", ("afg.gov",)),
    ("Protesters (Pakistan)", "Pakistan", ("pak.opp",)),
    ("Rioters (South Africa)", "South Africa", ("zaf.opp",)),
    ("Civilians (Nigeria)", "Nigeria", ("nga.cvl",)),
    ("Civilians (Ivory Coast)", "Ivory Coast", ("civ.cvl",)),
    ("Unidentified Armed Group (Mexico)", "Mexico", ("mex.uaf",)),
    ("Unidentified Gang (Brazil)", "Brazil", ("bra.uaf",)),
    ("Fulani Ethnic Militia (Nigeria)", "Nigeria", ("nga.uaf",)),
    ("Ambazonian Separatists (Cameroon)", "Cameroon", ("cmr.reb",)),
    ("Islamic State (Syria)", "Syria", ("isil",)),
    ("Islamic State (West Africa)", "Nigeria", ("isil.iswap",)),
    ("Islamic State (Greater Sahara)", "Niger", ("isil.sahel",)),
    ("State of Sinai", "Egypt", ("isil",)),
    ("QSD: Syrian Democratic Forces", "Syria", ("syr.sdf",)),
    ("Al Shabaab", "Somalia", ("al-shabaab",)),
    ("Taliban", "Afghanistan", ("afg.taliban",)),
    ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Nigeria", ("boko-haram",)),
    ("Boko Haram - Wilayat Gharb Ifriqiyyah", "Nigeria", ("isil.iswap", "boko-haram")),
    ("NAF: United Armed Forces of Novorossiya", "Ukraine", ("ukr.naf", "ukr.dpr", "ukr.lpr")),
    ("JNIM: Group for Support of Islam and Muslims", "Mali", ("al-qaeda.jnim",)),
    ("AMISOM: African Union Mission in Somalia (2007-) (Uganda)", "Somalia", ("african-union.atmis",)),
    ("ADF: Allied Democratic Forces", "Democratic Republic of Congo", ("cod.adf",)),
    ("Séléka Militia", "Central African Republic", ("caf.seleka",)),
    ("Unidentified Gang and/or Police Militia", "Brazil", ("bra.uaf",)),
    ("Islamic State (West Africa) and/or Boko Haram - Jamaatu Ahli is-Sunnah", "Nigeria", ("isil.iswap", "boko-haram")),
]


@pytest.mark.parametrize(("name", "country", "expected"), NAMES, ids=[n for n, _, _ in NAMES])
def test_name_maps_to_existing_ids(table, kb, name, country, expected):
    assert all(kb.get(actor_id) is not None for actor_id in expected), expected
    assert table.resolve(name, country=country) == expected


def test_unknown_names_map_to_nothing(table):
    assert table.resolve("Military Forces of Atlantis (2020-)") == ()
    assert table.resolve("Completely Unheard Of Front") == ()
    assert table.resolve("") == ()


def test_every_literal_id_of_the_pack_exists(kb):
    pack = read_alias_pack(builtin_alias_pack())
    literal = [i for ids in pack.names.values() for i in ids]
    literal += [i for rule in pack.rules for i in rule.ids if "{iso3}" not in i]
    assert [i for i in literal if kb.get(i) is None] == []


@pytest.mark.parametrize(
    ("country", "iso3"),
    [("Democratic Republic of Congo", "cod"), ("the Philippines", "phl"), ("Ivory Coast", "civ"), ("Narnia", None)],
)
def test_country_names(table, country, iso3):
    assert table.iso3(country) == iso3


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("pack: x\nversion: '1'\nrules:\n  - pattern: '(unclosed'\n    ids: [isil]\n", ":4: rules.0.pattern"),
        ("pack: x\nversion: '1'\nnames:\n  Foo: [Not An Id]\n", ":4: names"),
        ("pack: x\nversion: '1'\ncountries:\n  Narnia: narnia\n", ":4: countries"),
        ("pack: x\nversion: '1'\nrulez: []\n", ":3: rulez"),
    ],
)
def test_a_malformed_pack_says_where(tmp_path, text, problem):
    path = tmp_path / "aliases.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match=problem.replace(".", r"\.")):
        read_alias_pack(path)
