"""Hints to spaCy's parser, set before it runs.

A sentence that opens with a count ("... (Afgooye, Lower Shabelle). 14 Al shabaab militants were killed")
is split by the small English parser into "14" and the rest, and the count is lost to the toll it states.
`sentence_hints` tells the parser that the word after a sentence-initial number continues its sentence.

A blank line ends a paragraph, and so its sentence: the parser, left alone, joins a paragraph that ends
in "Jr." or a title line with no full stop to the next one, and a verb of the first then takes its subject
or its clause from the second. So the word after a blank line starts a sentence, and so does the word
after a single line break that follows a full stop (a line break inside a sentence, as hard-wrapped text
has, is left to the parser). Nothing else is constrained.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

ENDS = frozenset({".", "!", "?"})
CLOSING = frozenset({'"', "”", "’", "'", "''", ")"})


def sentence_hints(doc: Doc) -> Doc:
    """Mark the word after a paragraph break as a sentence start, and the word after a sentence-initial
    count as none ("14 militants were killed")."""
    for token in doc[1:-1]:
        if token.is_space and "\n" in token.text and not doc[token.i + 1].is_space:
            if "\n\n" in token.text.replace("\r", "").replace(" ", "") or _ends_sentence(doc, token.i):
                first = doc[token.i + 1]
                first.is_sent_start = True
                if first.i + 1 < len(doc) and _abbreviation(first) and doc[first.i + 1].is_alpha:
                    doc[first.i + 1].is_sent_start = False  # "U.S. Says ...": the stop is the word's own
    for token in doc[:-1]:
        if not token.like_num or (token.i > 0 and doc[token.i - 1].text not in ENDS):
            continue
        following = doc[token.i + 1]
        if following.is_alpha:
            following.is_sent_start = False
    return doc


def _ends_sentence(doc: Doc, space: int) -> bool:
    """Whether the words before a line break end a sentence: a full stop, perhaps inside closing quotes."""
    i = space - 1
    while i > 0 and doc[i].text in CLOSING:
        i -= 1
    return doc[i].text in ENDS or doc[i].text.endswith(tuple(ENDS))


def _abbreviation(token: Token) -> bool:
    """A short word with a full stop of its own: "U.S.", "Mr.", "Gen."."""
    return token.text.endswith(".") and 2 <= len(token.text) <= 5 and token.text[0].isupper()
