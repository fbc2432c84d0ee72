"""Read a PETRARCH/TABARI CAMEO verb dictionary (CAMEO.2.0.txt) and the CAMEO-to-PLOVER table.

The verb dictionary (PETRARCH2's `dictionaries.rst` documents it) has synonym sets, then verb blocks:

    &CURRENCY                       a synonym set: `+WORD` lines follow (`_` joins words)
    +DOLLAR
    ---  ACCUSE   [112]  ---        a block: its description and default code ([---]: none)
    ACCUSE                          a verb of the block, with irregular forms in {...} and its own code
    BLAME {BLAMES BLAMED} [112]
    +CALL_OFF [160]                 a multiword verb: `+` marks the verb, the other words follow it
    - * SANCTIONS (AGAINST +) [163] # IMPOSE     a pattern of every verb of the block
    ~ a (a b ATTACK) SAY = a b 015  a transformation
    # and ;                         start comments (`;` is TABARI's)

A pattern is `- [words before the verb] * [words after it] [CODE]`: bare words are the heads of noun
phrases (the direct object first), `{A B}` a noun phrase with its modifiers (B the head), `(PREP ...)` a
prepositional phrase, `&NAME` any member of a synonym set, `+` the target, `$` the source, `^` and `%`
skip markers. `[A:B]` codes the event A (and B the reciprocal one); `[---]` codes nothing.

This module reads the file into plain records with their line numbers (`read_cameo_verbs`) and the table
into codes (`read_cameo_plover`); `warlog.packs.cameo_triggers` translates them into trigger entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from warlog.errors import PackError

ErrorHandler = Callable[[PackError], None]

_BLOCK = re.compile(r"^---\s+(?P<name>[^\[\]]*?)\s*\[(?P<code>[^\[\]]*)\]\s*-*\s*-*$")
_CODE = re.compile(r"\[(?P<code>[^\[\]]*)\]\s*$")
_VERB = re.compile(r"^(?P<words>[A-Z0-9+_'-]+)\s*(?:\{(?P<forms>[^{}]*)\})?$")
_MAP_ROW = re.compile(r"^(?P<code>[0-9]{2,4})\s*:\s*(?P<fields>[^#]*)")
_CAMEO = re.compile(r"^[0-9]{2,4}$")


@dataclass(frozen=True, slots=True)
class CameoVerb:
    """A verb of a block: its words (lower case), the index of the verb among them, its own code."""

    words: tuple[str, ...]
    verb: int
    code: str | None
    line: int


@dataclass(frozen=True, slots=True)
class CameoPattern:
    """A pattern line: the words before and after `*` (as written, upper case), its code, and the words
    of its comment (upper case), which name the verb the pattern was first written for."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    line: int
    comment: tuple[str, ...] = ()


@dataclass(slots=True)
class CameoBlock:
    """A verb block: its name, default code, verbs and patterns."""

    name: str
    code: str | None
    line: int
    verbs: list[CameoVerb] = field(default_factory=list)
    patterns: list[CameoPattern] = field(default_factory=list)


@dataclass(slots=True)
class CameoVerbDictionary:
    """A whole verb dictionary: synonym sets (name without `&` -> member phrases, lower case), blocks,
    and the number of transformation lines (`~ ...`), which have no dependency equivalent."""

    synsets: dict[str, tuple[str, ...]]
    blocks: list[CameoBlock]
    transformations: int = 0


@dataclass(frozen=True, slots=True)
class PloverCode:
    """A row of the CAMEO-to-PLOVER table: the PLOVER type, the table's mode and contexts."""

    type: str
    mode: str | None
    contexts: tuple[str, ...]


def _fail(path: Path, line: int, problem: str, on_error: ErrorHandler | None) -> None:
    error = PackError(f"{path}:{line}: {problem}")
    if on_error is None:
        raise error
    on_error(error)


def _lines(path: Path, what: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(f"{path}:1: cannot read the {what}: {e}") from e


def is_verb_dictionary(path: Path) -> bool:
    """Whether a file looks like a CAMEO verb dictionary (it has a `--- NAME [CODE] ---` block line); False
    when it cannot be read (the importer then reports why)."""
    try:
        with Path(path).open(encoding="utf-8") as lines:
            return any(_BLOCK.match(line.split("#", 1)[0].strip()) for line in lines)
    except (OSError, UnicodeDecodeError):
        return False


def parse_code(text: str) -> str | None:
    """The event code of a bracket's content: "112" -> "112", "042:043" -> "042", ":054" -> "054",
    "---" or "" -> None.

    Raises:
        ValueError: the content is not a CAMEO code (two to four digits) or a pair of them.
    """
    text = text.strip()
    if not text or set(text) <= {"-"}:
        return None
    first, _, second = text.partition(":")
    code = first.strip() or second.strip()
    if set(code) <= {"-"}:
        return None
    if not _CAMEO.match(code):
        raise ValueError(f"{text!r} is not a CAMEO code (two to four digits, or CODE:CODE)")
    return code


def _split_code(body: str) -> tuple[str, str | None]:
    """The text before a trailing `[CODE]` and the bracket's content (None without one)."""
    match = _CODE.search(body)
    if match is None:
        return body.strip(), None
    return body[: match.start()].strip(), match.group("code")


def read_cameo_verbs(path: Path, *, on_error: ErrorHandler | None = None) -> CameoVerbDictionary:
    """The synonym sets, blocks and patterns of a CAMEO verb dictionary, in file order.

    Args:
        path: the dictionary file (UTF-8).
        on_error: called with the PackError of each malformed line, which is then skipped; when None
            the first malformed line raises.

    Raises:
        PackError: the file cannot be read, has no verb block, or (with `on_error` None) a malformed
            line (`file:line: problem`).
    """
    synsets: dict[str, list[str]] = {}
    blocks: list[CameoBlock] = []
    current_set: str | None = None
    transformations = 0
    for number, raw in enumerate(_lines(path, "verb dictionary"), 1):
        body = raw.split("#", 1)[0].split(";", 1)[0].strip()  # `;` starts a comment in TABARI's files
        if not body:  # blank and comment lines end nothing: a set's members may have comments between them
            continue
        if body.startswith("&"):
            current_set = body[1:].rstrip("_").upper()
            if not re.fullmatch(r"[A-Z0-9_]+", current_set):
                _fail(path, number, f"synonym set name {body!r} is not &NAME (capitals, digits, _)", on_error)
                current_set = None
                continue
            synsets.setdefault(current_set, [])
        elif body.startswith("+") and current_set is not None:
            synsets[current_set].append(" ".join(body[1:].replace("_", " ").lower().split()))
        elif body.startswith("---"):
            current_set = None
            block = _block(path, number, body, on_error)
            if block is not None:
                blocks.append(block)
        elif body.startswith("~"):
            transformations += 1
        elif body.startswith("-"):
            if not blocks:
                _fail(path, number, "a pattern comes before any verb block (--- NAME [CODE] ---)", on_error)
                continue
            pattern = _pattern(path, number, body, raw.partition("#")[2], on_error)
            if pattern is not None:
                blocks[-1].patterns.append(pattern)
        else:
            current_set = None
            if not blocks:
                _fail(path, number, f"{body!r} comes before any verb block (--- NAME [CODE] ---)", on_error)
                continue
            verb = _verb(path, number, body, on_error)
            if verb is not None:
                blocks[-1].verbs.append(verb)
    if not blocks:
        raise PackError(f"{path}:1: no verb block (a line `--- NAME [CODE] ---`): is this a CAMEO verb dictionary?")
    return CameoVerbDictionary({k: tuple(v) for k, v in synsets.items()}, blocks, transformations)


def _block(path: Path, number: int, body: str, on_error: ErrorHandler | None) -> CameoBlock | None:
    match = _BLOCK.match(body)
    if match is None:
        _fail(path, number, f"a block header is `--- NAME [CODE] ---`, not {body!r}", on_error)
        return None
    try:
        code = parse_code(match.group("code"))
    except ValueError as e:
        _fail(path, number, str(e), on_error)
        return None
    return CameoBlock(match.group("name"), code, number)


def _verb(path: Path, number: int, body: str, on_error: ErrorHandler | None) -> CameoVerb | None:
    text, bracket = _split_code(body)
    match = _VERB.match(text)
    if match is None:
        _fail(path, number, f"not a verb line `VERB {{FORMS}} [CODE]`: {body!r}", on_error)
        return None
    try:
        code = parse_code(bracket) if bracket is not None else None
    except ValueError as e:
        _fail(path, number, str(e), on_error)
        return None
    parts = [p for p in match.group("words").split("_") if p]
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    if len(parts) > 1 and len(marked) != 1:
        _fail(path, number, f"a multiword verb marks its verb with one '+' (+CALL_OFF, WIRE_+TAP): {body!r}", on_error)
        return None
    words = tuple(p.lstrip("+").lower() for p in parts)
    if not words or not all(words):
        _fail(path, number, f"empty word in verb {body!r}", on_error)
        return None
    return CameoVerb(words, marked[0] if marked else 0, code, number)


def _pattern(path: Path, number: int, body: str, comment: str, on_error: ErrorHandler | None) -> CameoPattern | None:
    text, bracket = _split_code(body[1:])
    if bracket is None:
        _fail(path, number, f"a pattern ends with its code in brackets ([CODE] or [---]): {body!r}", on_error)
        return None
    try:
        code = parse_code(bracket)
    except ValueError as e:
        _fail(path, number, str(e), on_error)
        return None
    before, star, after = text.partition("*")
    if not star:
        _fail(path, number, f"a pattern marks the verb's place with '*': {body!r}", on_error)
        return None
    try:
        words = tuple(re.findall(r"[A-Z][A-Z_'-]*", comment))
        return CameoPattern(_tokens(before), _tokens(after), code, number, words)
    except ValueError as e:
        _fail(path, number, f"{e} in {body!r}", on_error)
        return None


def _tokens(text: str) -> tuple[str, ...]:
    """The items of one side of a pattern: words, markers, and whole `{...}` and `(...)` groups."""
    items: list[str] = []
    position = 0
    text = text.strip()
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
            continue
        closing = {"{": "}", "(": ")"}.get(char)
        if closing is not None:
            end = _group_end(text, position, char, closing)
            items.append(text[position : end + 1])
            position = end + 1
            continue
        if char in ")}":
            raise ValueError(f"unbalanced {char!r}")
        end = position
        while end < len(text) and not text[end].isspace() and text[end] not in "{}()":
            end += 1
        items.append(text[position:end])
        position = end
    return tuple(items)


def _group_end(text: str, start: int, opening: str, closing: str) -> int:
    depth = 0
    for index in range(start, len(text)):
        if text[index] == opening:
            depth += 1
        elif text[index] == closing:
            depth -= 1
            if depth == 0:
                return index
    raise ValueError(f"unbalanced {opening!r}")


def builtin_cameo_plover_table() -> Path:
    """The CAMEO-to-PLOVER conversion table shipped with warlog (CAMEO2PLOVER 2021, CC BY-SA 4.0)."""
    return Path(str(resources.files("warlog") / "data" / "packs" / "cameo" / "CAMEO2PLOVER-2021.txt"))


def read_cameo_plover(path: Path | None = None) -> dict[str, PloverCode]:
    """The rows of a CAMEO-to-PLOVER table (`CODE: TYPE, MODE, CONTEXT[; CONTEXT] # comment`), by code;
    the built-in table when `path` is None. A row with only a type (`03: AGREE`) names a root's type.

    Raises:
        PackError: the file cannot be read, or a row has no PLOVER type (`file:line: problem`).
    """
    path = path or builtin_cameo_plover_table()
    table: dict[str, PloverCode] = {}
    for number, raw in enumerate(_lines(path, "CAMEO-to-PLOVER table"), 1):
        match = _MAP_ROW.match(raw.strip())
        if match is None:
            continue
        fields = [f.strip() for f in match.group("fields").split(",")]
        kind = fields[0] if fields else ""
        if not re.fullmatch(r"[A-Z][A-Z_]*", kind):
            raise PackError(f"{path}:{number}: row {match.group('code')} names no PLOVER type: {raw.strip()!r}")
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        contexts = tuple(c.strip() for c in fields[2].split(";") if c.strip()) if len(fields) > 2 else ()
        table.setdefault(match.group("code"), PloverCode(kind, mode, contexts))
    if not table:
        raise PackError(f"{path}:1: no row `CODE: TYPE, MODE, CONTEXT`: is this a CAMEO-to-PLOVER table?")
    return table
