"""Hints to spaCy's parser, set before it runs.

A sentence that opens with a count ("... (Afgooye, Lower Shabelle). 14 Al shabaab militants were killed")
is split by the small English parser into "14" and the rest, and the count is lost to the toll it states.
`sentence_hints` tells the parser that the word after a sentence-initial number continues its sentence;
nothing else is constrained.
"""

from __future__ import annotations

from spacy.tokens import Doc

ENDS = frozenset({".", "!", "?"})


def sentence_hints(doc: Doc) -> Doc:
    """Mark the word after a sentence-initial count as no sentence start ("14 militants were killed")."""
    for token in doc[:-1]:
        if not token.like_num or (token.i > 0 and doc[token.i - 1].text not in ENDS):
            continue
        following = doc[token.i + 1]
        if following.is_alpha:
            following.is_sent_start = False
    return doc
