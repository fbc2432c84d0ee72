"""CAMEO verb dictionaries as trigger packs: the reader, the translation, the built-in cameo-verbs.yaml and
`warlog kb import` of a verb dictionary.

The dictionaries here are small ones written for these tests in PETRARCH's format; the built-in pack is
checked against its generator where ../shared holds PETRARCH2's dictionary.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import warlog
from warlog.cli import app
from warlog.errors import PackError
from warlog.packs.cameo_pack import PackHeader, convert_cameo_verbs, import_cameo_verbs
from warlog.packs.cameo_triggers import plover_of, translate
from warlog.packs.cameo_verbs import is_verb_dictionary, parse_code, read_cameo_plover, read_cameo_verbs
from warlog.packs.ontology import Ontology, builtin_ontology, builtin_packs_dir

ROOT = Path(__file__).resolve().parent.parent
SHARED_DICTIONARY = ROOT.parent / "shared" / "data" / "ontology" / "cameo-verbs" / "CAMEO.2.0.txt"

DICTIONARY = """\
# a verb dictionary written for warlog's tests
&GOODS
+GRAIN
+FUEL_
# a comment inside a set keeps it open
+MEDICINE

&HEAVY_GEAR
+TANK
+SELF-PROPELLED_GUN

####### VERB PATTERNS #######

---  SHUN   [120]  ---
SHUN
SNUB {SNUBS SNUBBED SNUBBING} [111]
+WALK_OUT {+WALKED_OUT +WALKS_OUT} [161]
- * TALKS                                   [125]   # SHUN
- * (WITH +)                                 [121]   # SHUN
- * MEDIATORS (FROM $)                       [126]   # SHUN
- PARLIAMENT * BILL                          [123]   # SHUN
- * (FOR {EARLY ELECTIONS})                  [123]   # SHUN
- * {PEACE PLAN}                             [127]   # SNUB
- * INVITATION                               [---]   # SNUB
- * &GOODS                                   [1211]  # SNUB

---  CONVEY   [070]  ---
CONVEY
FERRY
- * &GOODS (TO +)                            [073]   # CONVEY
- * &HEAVY_GEAR                              [072]
- * OVER                                     [0842]  # FERRY
- * PLEAS                                    [020]   # CONVEY

---  CONFER   [040]  ---
CONFER
WIRE_+TAP {WIRE_+TAPPED}  [090]
~ a (a b CONFER) SAY = a b 040
"""


@pytest.fixture(scope="module")
def dictionary_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cameo") / "Test.Verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return path


# -- reading -----------------------------------------------------------------------------------


def test_the_reader_keeps_sets_blocks_verbs_and_patterns(dictionary_file):
    read = read_cameo_verbs(dictionary_file)
    assert read.synsets["GOODS"] == ("grain", "fuel", "medicine")
    assert read.synsets["HEAVY_GEAR"] == ("tank", "self-propelled gun")
    assert [(b.name, b.code) for b in read.blocks] == [("SHUN", "120"), ("CONVEY", "070"), ("CONFER", "040")]
    shun = read.blocks[0]
    assert [(v.words, v.verb, v.code) for v in shun.verbs] == [
        (("shun",), 0, None),
        (("snub",), 0, "111"),
        (("walk", "out"), 0, "161"),
    ]
    first = shun.patterns[0]
    assert (first.before, first.after, first.code, first.comment) == ((), ("TALKS",), "125", ("SHUN",))
    assert shun.patterns[3].before == ("PARLIAMENT",)
    assert shun.patterns[4].after == ("(FOR {EARLY ELECTIONS})",)
    assert shun.patterns[6].code is None
    assert read.blocks[2].verbs[1].words == ("wire", "tap") and read.blocks[2].verbs[1].verb == 1
    assert read.transformations == 1


@pytest.mark.parametrize(
    ("text", "code"),
    [("112", "112"), ("042:043", "042"), (":054", "054"), ("---", None), ("", None), (" 0871 ", "0871")],
)
def test_codes(text, code):
    assert parse_code(text) == code


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("- * TALKS [12X]", "'12X' is not a CAMEO code"),
        ("- * (WITH + [120]", "unbalanced '('"),
        ("- * TALKS) [120]", "unbalanced ')'"),
        ("- TALKS [120]", "marks the verb's place with '*'"),
        ("- * TALKS", "ends with its code in brackets"),
        ("WALK_OUT_NOW [120]", "marks its verb with one '+'"),
        ("SHUN! [120]", "not a verb line"),
        ("---  SHUN  ---", "a block header is `--- NAME [CODE] ---`"),
    ],
)
def test_a_malformed_line_is_one_error_with_its_file_and_line(tmp_path, line, problem):
    path = tmp_path / "bad.txt"
    path.write_text(f"---  SHUN   [120]  ---\nSHUN\n{line}\n", encoding="utf-8")
    with pytest.raises(PackError) as error:
        read_cameo_verbs(path)
    message = str(error.value)
    assert message.startswith(f"{path}:3: ") and problem in message and "\n" not in message


def test_a_pattern_before_any_block_and_a_file_without_blocks_are_errors(tmp_path):
    path = tmp_path / "early.txt"
    path.write_text("# no block yet\n- * TALKS [120]\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"early\.txt:2: a pattern comes before any verb block"):
        read_cameo_verbs(path)
    path.write_text("&GOODS\n+GRAIN\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"early\.txt:1: no verb block"):
        read_cameo_verbs(path)
    with pytest.raises(PackError, match=r"absent\.txt:1: cannot read the verb dictionary"):
        read_cameo_verbs(tmp_path / "absent.txt")


def test_malformed_lines_can_be_skipped_and_listed(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("---  SHUN   [120]  ---\nSHUN\n- * TALKS) [125]\n- * TALKS [125]\n", encoding="utf-8")
    problems: list[PackError] = []
    read = read_cameo_verbs(path, on_error=problems.append)
    assert [str(p).split(": ")[0] for p in problems] == [f"{path}:3"]
    assert len(read.blocks[0].patterns) == 1


def test_is_verb_dictionary(dictionary_file, tmp_path):
    actors = tmp_path / "actors.txt"
    actors.write_text("FREE_DESERT_FRONT_ [SYRREB]\n", encoding="utf-8")
    assert is_verb_dictionary(dictionary_file)
    assert not is_verb_dictionary(actors)
    assert not is_verb_dictionary(tmp_path / "absent.txt")


# -- the CAMEO-to-PLOVER table -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "coded"),
    [
        ("125", ("REJECT", "meet", "diplomatic")),  # the table's mode, the ontology's too
        ("0874", ("RETREAT", "withdraw", "military")),  # the table says disarm; the ontology's 0874 is withdraw
        ("195", ("ASSAULT", "aerial", "military")),  # the table says heavy-weapons
        ("163", ("SANCTION", "discontinue", "diplomatic")),  # the table's row is COERCE; plover.yaml's 163 is SANCTION
        ("0211", None),  # CAMEO 02 (appeals): PLOVER dropped it
        ("0213", None),
        ("1043", ("REQUEST", "change", "rights_freedoms")),
    ],
)
def test_a_code_becomes_a_plover_type_mode_and_context(code, coded):
    assert plover_of(code, read_cameo_plover(), builtin_ontology()) == coded


def test_a_table_without_rows_is_an_error(tmp_path):
    path = tmp_path / "table.txt"
    path.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"table\.txt:1: no row"):
        read_cameo_plover(path)
    path.write_text("030: agree, , diplomatic\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"table\.txt:1: row 030 names no PLOVER type"):
        read_cameo_plover(path)


# -- translation -------------------------------------------------------------------------------


def _entries(translation) -> dict[tuple[str, str | None, str], dict]:
    return {(t.lemma, t.particle, t.cameo): t.model_dump(exclude_defaults=True) for t in translation.triggers}


def test_the_translation_says_what_a_dependency_trigger_can(dictionary_file):
    translation = translate(read_cameo_verbs(dictionary_file), read_cameo_plover(), builtin_ontology())
    entries = _entries(translation)
    assert entries[("shun", None, "120")] == {"lemma": "shun", "pos": "VERB", "type": "REJECT", "cameo": "120"}
    assert entries[("snub", None, "111")]["type"] == "ACCUSE"  # a verb's own code before its block's
    assert entries[("walk", "out", "161")]["type"] == "SANCTION"  # +WALK_OUT: the verb and its particle
    assert entries[("shun", None, "125")]["objects"] == ["talks", "talk"]  # a plural object: both forms
    assert entries[("shun", "with", "121")]["recipient_preps"] == ["with"]  # (WITH +): particle and recipient
    assert entries[("shun", None, "126")]["actor_preps"] == ["from"]
    assert entries[("snub", None, "1211")]["objects"] == ["grain", "fuel", "medicine"]  # &GOODS
    assert entries[("convey", None, "073")] == {
        "lemma": "convey",
        "pos": "VERB",
        "type": "AID",
        "cameo": "073",
        "recipient_preps": ["to"],
        "objects": ["grain", "fuel", "medicine"],
    }
    assert entries[("ferry", "over", "0842")]["type"] == "RETREAT"
    assert entries[("wire tap", None, "090")]["type"] == "ACCUSE"  # WIRE_+TAP: a multiword lemma
    assert ("convey", None, "020") not in entries and ("shun", None, "127") not in entries
    skipped = translation.skipped
    assert skipped["pattern: words before the verb"] == 1
    assert skipped["pattern: prepositional phrase with its own noun"] == 1
    assert skipped["pattern: noun phrase with modifiers"] == 1  # {PEACE PLAN}
    assert entries[("convey", None, "072")]["objects"] == ["tank"]  # a set's phrases are left out
    assert skipped["pattern: null code [---] (no event)"] == 1
    assert skipped["pattern: code without a PLOVER type (CAMEO 01 statements, 02 appeals)"] == 1
    assert skipped["transformation (~ line)"] == 1
    assert translation.patterns == 12 and translation.verbs == 7


def test_choices_leave_entries_out_and_count_them(dictionary_file):
    read = read_cameo_verbs(dictionary_file)
    table, ontology = read_cameo_plover(), builtin_ontology()
    chosen = translate(
        read, table, ontology, exclude={("snub", None)}, types={"REJECT", "AID"}, bare=False, stop_verbs={"convey"}
    )
    entries = _entries(chosen)
    assert {t.type for t in chosen.triggers} <= {"REJECT", "AID"}
    assert ("snub", None, "1211") not in entries  # excluded word
    assert ("shun", None, "120") not in entries  # no verb alone
    assert ("convey", None, "073") in entries  # a common verb keeps its objects
    assert chosen.left_out["word of another pack (it wins)"] == 4  # snub alone, with talks, mediators, &GOODS
    assert chosen.left_out["verb alone, not chosen"] >= 1
    nouns = translate(read, table, ontology, nouns={"talk": "REJECT"})
    assert ("shun", None, "125") not in _entries(nouns)
    assert nouns.left_out["objects another pack's nouns code (as the same type)"] == 3  # shun, snub, walk out


def test_with_origin_a_pattern_applies_to_the_verbs_its_comment_names(dictionary_file):
    read = read_cameo_verbs(dictionary_file)
    every = _entries(translate(read, read_cameo_plover(), builtin_ontology()))
    named = _entries(translate(read, read_cameo_plover(), builtin_ontology(), origin=True))
    assert ("snub", None, "125") in every and ("snub", None, "125") not in named  # "# SHUN"
    assert ("shun", None, "125") in named
    assert ("ferry", None, "072") in every and ("ferry", None, "072") not in named  # no comment: the block's verb
    assert ("convey", None, "072") in named


def test_the_converted_pack_loads_and_its_header_counts(dictionary_file, tmp_path):
    header = PackHeader("test-verbs", "1", license="MIT", comment="written for a test")
    text, translation = convert_cameo_verbs(dictionary_file, header)
    assert text.startswith("# written for a test\n# Converted from the CAMEO verb dictionary Test.Verbs.txt")
    assert "prepositional phrase with its own noun" in text
    data = yaml.safe_load(text)
    assert data["pack"] == "test-verbs" and len(data["triggers"]) == len(translation.triggers)
    assert all(isinstance(t.get("cameo", ""), str) for t in data["triggers"])  # "0842" stays a string
    path = tmp_path / "events" / "test-verbs.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    loaded = Ontology.load(packs_dir=tmp_path)
    assert any(t.pack == "test-verbs" and t.lemma == "shun" for t in loaded.lexicon)


def test_import_leaves_the_built_in_words_to_the_built_in_packs(dictionary_file, tmp_path):
    path = import_cameo_verbs(dictionary_file, tmp_path)
    assert path == tmp_path / "cameo-test-verbs.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["version"].startswith("sha256-")
    built_in = {(t.lemma, t.particle) for t in builtin_ontology().lexicon if t.pos == "VERB"}
    assert not {(t["lemma"], t.get("particle")) for t in data["triggers"]} & built_in
    assert import_cameo_verbs(dictionary_file, tmp_path).read_text() == path.read_text()  # same file, same pack


# -- the built-in pack -------------------------------------------------------------------------


def test_no_converted_word_is_a_hand_written_one():
    lexicon = builtin_ontology().lexicon
    converted = {(t.lemma, t.pos, t.particle) for t in lexicon if t.pack == "warlog-cameo-verbs"}
    hand_written = {(t.lemma, t.pos, t.particle) for t in lexicon if t.pack == "warlog-triggers"}
    assert converted and not converted & hand_written
    assert not {t.type for t in lexicon if t.pack == "warlog-cameo-verbs"} & {"ASSAULT"}


def test_the_built_in_pack_is_what_its_script_makes(tmp_path):
    if not SHARED_DICTIONARY.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED_DICTIONARY} is absent: CI must run with shared/ beside the clone")
        pytest.skip("PETRARCH2's CAMEO verb dictionary is not beside the clone (../shared)")
    import subprocess
    import sys

    out = tmp_path / "cameo-verbs.yaml"
    script = ROOT / "scripts" / "build_cameo_verbs.py"
    subprocess.run([sys.executable, script, "--out", out], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == (builtin_packs_dir() / "cameo-verbs.yaml").read_text(encoding="utf-8")


ROWS = [
    ("Russia maintained sanctions on Zemla despite the appeal.", "REJECT yield"),
    ("The president of Zemla received the ambassador of Tarvo on Monday.", "CONSULT visit"),
    ("Tarvo closed its embassy in Zemla on Friday.", "SANCTION withdraw"),
    ("Mirosa revoked its recognition of the Zemla government.", "SANCTION"),
    ("Norway transported relief to the displaced families of Kessa.", "AID"),
    ("The rebels of Kessa backed off from their demands on Friday.", "CONCEDE"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "coded"), ROWS)
def test_converted_triggers_code_sentences(pipeline, text, coded):
    doc = pipeline.nlp(text)
    mine = [e for e in doc._.warlog_events if e.rule is not None and e.rule.pack == "warlog-cameo-verbs"]
    assert coded in {" ".join(filter(None, (e.type, e.mode))) for e in mine}, [(e.type, e.rule) for e in mine]


# -- the command line --------------------------------------------------------------------------


@pytest.fixture
def run() -> Callable:
    runner = CliRunner()

    def invoke(*args, env=None):
        return runner.invoke(app, [str(a) for a in args], env={"WARLOG_PACKS_DIR": "", **(env or {})})

    return invoke


@pytest.mark.slow
def test_kb_import_of_a_verb_dictionary_writes_a_trigger_pack_the_pipeline_reads(run, dictionary_file, tmp_path):
    packs = tmp_path / "packs"
    result = run("kb", "import", dictionary_file, env={"WARLOG_PACKS_DIR": str(packs)})
    assert result.exit_code == 0, result.output
    (pack,) = (packs / "events").glob("*.yaml")
    assert f"wrote {pack}" in result.stdout
    pipeline = warlog.load(warlog.Settings(packs_dir=packs))
    doc = pipeline.nlp("Russia snubbed the envoy of Zemla.")  # "snub" is no built-in word
    assert [(e.type, e.mode, e.rule.pack) for e in doc._.warlog_events] == [("ACCUSE", "disapprove", pack.stem)]


def test_kb_import_errors_are_one_line(run, tmp_path):
    bad = tmp_path / "Bad.Verbs.txt"
    bad.write_text("---  SHUN   [120]  ---\nSHUN\n- * TALKS) [125]\n", encoding="utf-8")
    result = run("kb", "import", bad, "--dest", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"error: {bad}:3: unbalanced ')' in '- * TALKS) [125]'"]
    assert not (tmp_path / "out").exists()
    result = run("kb", "import", bad, "--dest", tmp_path / "out", "--skip-bad-lines")
    assert result.exit_code == 0, result.output
    (pack,) = (tmp_path / "out").glob("*.yaml")
    assert "# skipped line: Bad.Verbs.txt:3: unbalanced ')'" in pack.read_text(encoding="utf-8")
    result = run("kb", "import", bad, "--kind", "nouns", "--dest", tmp_path / "out")
    assert result.exit_code == 1 and "valid kinds: actors, agents, verbs" in result.output
