"""The denial pack (data/packs/claims/denials.yaml): read, validated with `file:line` errors, extended by
the user's packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog.errors import PackError
from warlog.packs.denials import DenialPack


def write(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def test_the_builtin_pack_holds_each_list_as_lemmas():
    pack = DenialPack.load()
    assert pack.version == "denials@1"
    assert {"deny", "reject", "dismiss"} <= pack.denying_verbs
    assert pack.clausal <= pack.denying_verbs and pack.strong <= pack.false_words
    assert pack.judging <= pack.false_words and "absurd" in pack.judging
    assert {"claim", "allegation"} <= pack.account_nouns and "involvement" in pack.part_nouns
    assert {"cite", "spread"} <= pack.spreading_verbs and "previously" in pack.retracted
    assert all(word == word.lower() and " " not in word for word in pack.false_words)


def test_a_user_pack_adds_its_words_to_the_builtin_ones(tmp_path: Path):
    body = "pack: mine\nversion: '2'\ndenying_verbs: [disown]\nfalse_words: [spurious]\n"
    write(tmp_path / "denials" / "mine.yaml", body)
    pack = DenialPack.load(packs_dir=tmp_path)
    assert pack.version == "denials@1+mine@2"
    assert {"disown", "deny"} <= pack.denying_verbs and {"spurious", "baseless"} <= pack.false_words
    assert DenialPack.load().denying_verbs == DenialPack.load(packs_dir=tmp_path / "none").denying_verbs


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("pack: p\nversion: '1'\nfalse_words:\n  - baseless\n  - made up\n", r"mine.yaml:5: false_words: 'made up'"),
        ("pack: p\nversion: '1'\ndenying_verbs: [Deny]\n", r"mine.yaml:3: denying_verbs: 'Deny'"),
        ("pack: p\nversion: '1'\ndenying_verbs: [deny]\nclausal: [deny, doubt]\n", r"mine.yaml:4: clausal: doubt"),
        ("pack: p\nversion: '1'\nstrong: [hoax]\n", r"mine.yaml:3: strong: hoax not among the false_words"),
        ("pack: p\nversion: '1'\nverbs: [deny]\n", r"mine.yaml:3: verbs"),
        ("pack: p\ndenying_verbs: [deny]\n", r"mine.yaml:1: version"),
    ],
)
def test_a_malformed_pack_fails_with_its_file_and_line(tmp_path: Path, body: str, problem: str):
    path = write(tmp_path / "mine.yaml", body)
    with pytest.raises(PackError, match=problem):
        DenialPack.read(path)
