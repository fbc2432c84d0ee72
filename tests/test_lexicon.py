"""The English word lists of the rules are data packs (data/packs/lexicon): validated when read, with
`file:line` errors, and read by nothing when `warlog` is imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from warlog.errors import PackError
from warlog.packs.lexicon import CountWords, RoleWords, TollWords

COUNTS = """pack: counts
version: '1'
vague_plurals: {dozens: 12}
vague: {several: 3}
vague_phrases:
  - {words: a few, min: 2}
zero: [none]
one: [a]
lower: [at least]
upper: [up to]
approximate: [about]
"""


def write(tmp_path: Path, body: str, name: str = "counts.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_the_builtin_lexicons_load() -> None:
    tolls, counts, roles = TollWords.builtin(), CountWords.builtin(), RoleWords.builtin()
    assert (tolls.version, counts.version, roles.version) == ("tolls@1", "counts@1", "roles@1")
    assert tolls.verbs["kill"] == "killed" and tolls.state_words["dead"] == "killed"
    assert "village" in tolls.not_people
    assert counts.vague_plurals["dozens"] == 12 and counts.lower[0] == "at least"
    assert counts.vague_phrases[:3] == (("both", 2, 2), ("a couple", 2, 2), ("a few", 2, None))
    assert "vs." in roles.actor_prepositions and "enter" in roles.motion_verbs


def test_one_list_of_month_names() -> None:
    from warlog.events import tolls
    from warlog.temporal import lexicon

    assert tolls.MONTHS is lexicon.MONTHS


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (COUNTS.replace("{dozens: 12}", "{dozens: twelve}"), r"counts.yaml:3: vague_plurals.dozens: .*integer"),
        (COUNTS.replace("[at least]", "[at least, At most]"), r"counts.yaml:9: lower.1: String should match"),
        (COUNTS.replace("[about]", "[about, around, about]"), r"counts.yaml:11: approximate: 'about' is listed twice"),
        (COUNTS.replace("min: 2}", "min: 3, max: 2}"), r"counts.yaml:6: vague_phrases.0.max"),
        (COUNTS.replace("one: [a]\n", ""), r"counts.yaml:1: one: required key is missing"),
        (COUNTS + "twenty: [score]\n", r"counts.yaml:12: twenty: unknown key"),
        ("- a list\n", r"counts.yaml:1: a counts lexicon is a mapping"),
    ],
)  # fmt: skip
def test_a_broken_lexicon_names_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(PackError, match=message):
        CountWords.read(write(tmp_path, body))


def test_a_word_under_two_kinds_is_an_error(tmp_path: Path) -> None:
    text = (Path(__file__).parent.parent / "src/warlog/data/packs/lexicon/tolls.yaml").read_text(encoding="utf-8")
    broken = text.replace("  wounded: [wound, injure,", "  wounded: [kill, wound, injure,", 1)
    assert broken != text
    with pytest.raises(PackError, match=r"tolls.yaml:\d+: verbs: 'kill' is listed twice \(also under killed\)"):
        TollWords.read(write(tmp_path, broken, "tolls.yaml"))


def test_importing_warlog_reads_no_lexicon() -> None:
    code = "import sys, warlog; print(sorted(m for m in ('yaml', 'warlog.packs.lexicon') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"
