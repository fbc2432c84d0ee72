"""A small dependency-free check that a text is English.

Two signals: the share of letters in Latin script (else the text is named by its main script), and the
share of tokens that are common function words of English against those of other Latin-script
languages. Texts of fewer than `MIN_WORDS` words are too short to judge and are accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from warlog.errors import LanguageError

MIN_WORDS = 15
MIN_LATIN_SHARE = 0.6  # of letters; below it the text is in another script
MIN_ENGLISH_SHARE = 0.05  # of words; running English prose has ~0.4, a terse 15-word headline may have one
SAMPLE_CHARS = 20_000  # the start of a long document is enough to judge it

FUNCTION_WORDS = {
    "English": (
        "the of and to a in is that for it as was with on by he be at from his an are have this not but "
        "had they were has which their been its who or after will would said more than also against "
        "there all we one when about into can could over up out so them what her she other our "
        "while under if these those because between during some no any most only such where"
    ),
    "French": (
        "le la les de des du un une et est en dans que qui pour pas sur au aux par avec ce cette ses "
        "son sa il elle ils sont ont été plus mais ou leur nous vous se ne était être comme"
    ),
    "German": (
        "der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im auch es sie "
        "wird werden wurde sind hat haben dass bei aus nach wie noch nur oder aber vor zum zur über"
    ),
    "Spanish": (
        "el la los las de del y que en un una es por con para se su sus al lo como más pero fue ha "
        "han sido este esta entre sin sobre también muy ya hay donde cuando porque desde"
    ),
    "Italian": (
        "il lo la gli le di del della dei delle e che è un una per con non si da nel nella sono ha "
        "anche come più ma dopo questo questa alla al dal degli"
    ),
    "Portuguese": (
        "o os a as de do da dos das e que em um uma é para com não se na no por mais foi ao pelo pela "
        "como mas seu sua são também já entre"
    ),
    "Dutch": (
        "de het een en van is dat die niet op te zijn met voor er aan wordt ook als bij door om naar "
        "nog maar werd hun deze zich heeft hebben geen"
    ),
}
_WORDS = {language: frozenset(words.split()) for language, words in FUNCTION_WORDS.items()}
_SCRIPT_NAMES = {"CJK": "CJK (Chinese characters)"}
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def script_of(char: str) -> str:
    """The Unicode script of a letter, from its name: "LATIN", "ARABIC", "CYRILLIC", "CJK", ..."""
    if char.isascii():
        return "LATIN"
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def check_english(text: str, *, name: str = "document") -> None:
    """Raise LanguageError when `text` is long enough to judge and is not English."""
    sample = text[:SAMPLE_CHARS]
    scripts = Counter(script_of(char) for char in sample if char.isalpha())
    letters = sum(scripts.values())
    if letters >= 2 * MIN_WORDS and scripts["LATIN"] / letters < MIN_LATIN_SHARE:
        script = next(s for s, _ in scripts.most_common() if s != "LATIN")
        script = _SCRIPT_NAMES.get(script, script.title())
        raise LanguageError(
            f"{name} is not English: {1 - scripts['LATIN'] / letters:.0%} of its letters are in "
            f"{script} script; warlog analyzes English text only: translate it first"
        )
    words = [token.lower() for token in _TOKEN.findall(sample)]
    if len(words) < MIN_WORDS:
        return
    shares = {language: sum(w in known for w in words) / len(words) for language, known in _WORDS.items()}
    likely = max(shares, key=shares.__getitem__)
    if likely != "English" or shares["English"] < MIN_ENGLISH_SHARE:
        guess = f"it reads like {likely}" if likely != "English" else "it has too few English words"
        raise LanguageError(
            f"{name} is not English: {guess} ({shares['English']:.0%} English function words, "
            f"{shares[likely]:.0%} {likely}); warlog analyzes English text only: translate it first"
        )
