"""Phrases with a word of violence that say no violence ("made a killing on bonds", "has beaten the drum for
the candidate", "the fund fell short of its goal", "a long shot"): data/packs/lexicon/violence.yaml `idioms`.

An idiom is matched word by word against each token's lemma or lower-case text, determiners and possessives
skipped ("beat the drum", "beating his drum"); none of its tokens is a trigger, nor a sign of armed violence
in its sentence (a weapon in "bite the bullet").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from warlog.packs.lexicon import ViolenceWords

VIOLENCE = ViolenceWords.builtin()
SKIPPED = frozenset({"DT", "PRP$", "POS"})  # "a", "the", "his", "'s"
_KEY = "warlog_idiom_tokens"


def _by_first_word(idioms: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for idiom in idioms:
        words = tuple(idiom.split())
        found.setdefault(words[0], []).append(words)
    return found


IDIOMS = _by_first_word(VIOLENCE.idioms)


def _fits(token: Token, word: str) -> bool:
    lower, lemma = token.lower_, token.lemma_.lower()
    return word in (lower, lemma) or lower in (word + "s", word + "es")


def _match(doc: Doc, start: int, words: tuple[str, ...]) -> list[int] | None:
    """The tokens of `words` matched from `start`, skipping determiners between them, or None."""
    matched: list[int] = []
    i = start
    for word in words:
        while matched and i < len(doc) and doc[i].tag_ in SKIPPED:
            i += 1
        if i >= len(doc) or not _fits(doc[i], word):
            return None
        matched.append(i)
        i += 1
    return matched


def idiom_tokens(doc: Doc) -> frozenset[int]:
    """The indices of the tokens of every idiom in `doc` (computed once per doc)."""
    cached = doc.user_data.get(_KEY)
    if cached is not None:
        return cached
    found: set[int] = set()
    for token in doc:
        for first in {token.lower_, token.lemma_.lower()}:
            for words in IDIOMS.get(first, ()):
                matched = _match(doc, token.i, words)
                if matched is not None:
                    found.update(matched)
    doc.user_data[_KEY] = frozenset(found)
    return doc.user_data[_KEY]
