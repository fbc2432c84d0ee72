"""Read PETRARCH/TABARI actor and agent dictionaries and convert them to warlog packs.

Actor dictionaries: an entry line `NAME_ [CODE]`, or `NAME_` followed by `+ALIAS_` lines and
`[CODE date]` lines; words are joined by `_`, `#` starts a comment. Dates restrict a code:
`[SYRGOV >000717]` (from), `[SYRGOV <061231]` (until), `[IRQGOV 790716-030409]` (between); six-digit
dates are YYMMDD with 00-30 read as 2000-2030. A name line without codes that is directly followed by
another name line names the same actor (Phoenix lists variants that way: LEONID_BREZHNEV_ then
LEONID_ILYICH_BREZHNEV). Codes such as `[---]` mean "no code".

Agent dictionaries: `NOUN_PHRASE {PLURALS} [~CODE]`, with substitution sets `!PERSON! = MAN, MEN`
expanded where `!PERSON!` appears; without `{...}` the regular plural is implied, `{}` means none.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from warlog.actors.entries import PetrarchActor, PetrarchAgent, PetrarchCode, agents_to_specs, entry_to_actor
from warlog.errors import PackError
from warlog.packs.actors import ActorModel, AgentModel, PackModel, dump_pack

ErrorHandler = Callable[[PackError], None]

_CODE = re.compile(r"\[([^\[\]]*)\]")
_DATE = re.compile(r"^(?:(\d{6}|\d{8})-(\d{6}|\d{8})|([<>]?)(\d{6}|\d{8}))$")
_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^{}]*)\})?\s*\[(?P<code>[^\[\]]*)\]$")


def _fail(path: Path, line: int, problem: str, on_error: ErrorHandler | None) -> None:
    error = PackError(f"{path}:{line}: {problem}")
    if on_error is None:
        raise error
    on_error(error)


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(f"{path}:1: cannot read the dictionary: {e}") from e


def _split_comment(line: str) -> tuple[str, str | None]:
    body, hash_, comment = line.partition("#")
    return body.strip(), (comment.strip() or None) if hash_ else None


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def _iso(value: str) -> str:
    if len(value) == 6:
        century = "20" if int(value[:2]) <= 30 else "19"
        value = century + value
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def parse_code(text: str) -> PetrarchCode | None:
    """A bracketed code's content ("SYRGOV >000717") as a PetrarchCode; None for "---" or "".

    Raises:
        ValueError: the date part is not one of D, >D, <D, D-D with six- or eight-digit dates.
    """
    parts = text.split()
    if not parts or set(parts[0]) <= {"-"}:
        return None
    code, when = parts[0], "".join(parts[1:])
    if not re.fullmatch(r"[A-Z0-9~]+", code):
        raise ValueError(f"{code!r} is not a CAMEO code (capitals and digits)")
    if not when:
        return PetrarchCode(code)
    match = _DATE.match(when)
    if match is None:
        raise ValueError(f"date {when!r} is not D, >D, <D or D-D (D: YYMMDD or YYYYMMDD)")
    start, end, sign, single = match.groups()
    try:
        if start:
            first, last = _checked(_iso(start)), _checked(_iso(end))
            if first > last:
                raise ValueError(f"date range {when!r} ends before it starts")
            return PetrarchCode(code, first, last)
        if sign == "<":
            return PetrarchCode(code, None, _checked(_iso(single)))
        return PetrarchCode(code, _checked(_iso(single)), None)
    except ValueError as e:
        if "ends before" in str(e):
            raise
        raise ValueError(f"date {when!r} is not a calendar date") from e


def _checked(iso: str) -> str:
    date.fromisoformat(iso)
    return iso


def parse_petrarch_actors(path: Path, *, on_error: ErrorHandler | None = None) -> list[PetrarchActor]:
    """Every actor entry of a PETRARCH actor dictionary, in file order.

    Args:
        path: the dictionary file (UTF-8).
        on_error: called with the PackError of each malformed line, which is then skipped;
            when None the first malformed line raises.

    Raises:
        PackError: a malformed line (`file:line: problem`), when `on_error` is None.
    """
    entries: list[PetrarchActor] = []
    names: list[str] = []
    codes: list[PetrarchCode] = []
    comment: str | None = None
    start = 0
    adjacent = False  # no blank line since the current entry began

    def close() -> None:
        if names:
            entries.append(PetrarchActor(tuple(names), tuple(codes), comment, start))

    for number, raw in enumerate(_read_lines(path), 1):
        body, remark = _split_comment(raw)
        if not body:
            adjacent = adjacent and bool(remark)  # a comment line keeps an entry open, a blank ends it
            continue
        bracketed = _CODE.findall(body)
        text = _CODE.sub(" ", body).strip()
        if "[" in text or "]" in text:
            _fail(path, number, f"unbalanced brackets in {raw.strip()!r}", on_error)
            continue
        if text.startswith("+"):
            if not names:
                _fail(path, number, f"alias {text!r} comes before any entry", on_error)
                continue
            found = [_phrase(a) for a in re.split(r"\s\+", text[1:]) if _phrase(a)]
            if not found:
                _fail(path, number, "empty alias after '+'", on_error)
            names.extend(found)
        elif text:
            if not (adjacent and names and not codes):
                close()
                names, codes, comment, start = [], [], remark, number
            names.append(_phrase(text))
        elif not names:
            _fail(path, number, f"code line {body!r} comes before any entry", on_error)
            continue
        adjacent = True
        for content in bracketed:
            try:
                parsed = parse_code(content)
            except ValueError as e:
                _fail(path, number, str(e), on_error)
                continue
            if parsed is not None:
                codes.append(parsed)
    close()
    return entries


def parse_petrarch_agents(path: Path, *, on_error: ErrorHandler | None = None) -> list[PetrarchAgent]:
    """Every agent entry of a PETRARCH agents dictionary, substitution sets expanded.

    Raises:
        PackError: a malformed line (`file:line: problem`), when `on_error` is None.
    """
    substitutions: dict[str, list[str]] = {}
    agents: list[PetrarchAgent] = []
    for number, raw in enumerate(_read_lines(path), 1):
        body, _ = _split_comment(raw)
        if not body:
            continue
        definition = _SUBSTITUTION.match(body)
        if definition:
            values = [v.strip() for v in definition.group(2).split(",") if v.strip()]
            substitutions[definition.group(1)] = values
            continue
        match = _AGENT.match(body)
        if match is None:
            _fail(path, number, f"not an agent entry 'NOUN_PHRASE [~CODE]': {body!r}", on_error)
            continue
        code = match.group("code").strip()
        if not re.fullmatch(r"[A-Z]*~[A-Z]*", code):
            _fail(path, number, f"agent code {code!r} is not of the form ~SECTOR", on_error)
            continue
        unknown = set(re.findall(r"![A-Z]+!", match.group("phrase"))) - set(substitutions)
        if unknown:
            _fail(path, number, f"undefined substitution set {sorted(unknown)[0]}", on_error)
            continue
        for phrase in _expand(match.group("phrase"), substitutions):
            plurals = match.group("plurals")
            nouns = [_phrase(phrase).lower()]
            if plurals is None:
                nouns.append(pluralize(nouns[0]))
            else:
                nouns += [_phrase(p).lower() for p in plurals.split() if _phrase(p)]
            agents.append(PetrarchAgent(tuple(dict.fromkeys(nouns)), code, number))
    return agents


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    parts = re.split(r"(![A-Z]+!)", phrase)
    options = [substitutions.get(p, [p]) if p.startswith("!") else [p] for p in parts]
    return ["".join(choice) for choice in itertools.product(*options)]


def pluralize(noun: str) -> str:
    """The regular English plural of a noun phrase's last word, as PETRARCH builds it."""
    head, _, last = noun.rpartition(" ")
    if last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        last = last[:-1] + "ies"
    elif last.endswith(("men", "people")):
        pass
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def convert_petrarch(path: Path, *, kind: str = "actors", pack_name: str, version: str, strict: bool = True) -> str:
    """YAML text of a valid warlog pack made from a PETRARCH actor or agent dictionary.

    Args:
        path: the dictionary file.
        kind: "actors" or "agents".
        pack_name: the pack's name (lower case, hyphens).
        version: the pack's version.
        strict: raise on the first malformed line; when False, skip such lines and list them in
            the pack's header comment.

    Raises:
        PackError: a malformed line (`file:line: problem`), or an invalid pack name or kind.
    """
    problems: list[PackError] = []
    on_error = None if strict else problems.append
    actors: list[ActorModel] = []
    agents: list[AgentModel] = []  # the one not converted stays empty, and out of the pack (a default)
    if kind == "actors":
        taken: set[str] = set()
        entries = parse_petrarch_actors(path, on_error=on_error)
        converted = [entry_to_actor(entry, taken) for entry in entries]
        actors = [a for a in converted if a is not None]
        summary = f"{len(actors)} actors from {len(entries)} entries"
    elif kind == "agents":
        agents = agents_to_specs(parse_petrarch_agents(path, on_error=on_error))
        summary = f"{len(agents)} agent specs"
    else:
        raise PackError(f"{path}:1: unknown dictionary kind {kind!r}; valid kinds: actors, agents")
    try:
        source = f"PETRARCH dictionary {path.name}"
        pack = PackModel(pack=pack_name, version=version, source=source, actors=actors, agents=agents)
    except ValidationError as e:
        raise PackError(f"{path}:1: cannot make a pack: {e.errors()[0]['msg']}") from e
    header = [f"Converted from the PETRARCH {kind} dictionary {path.name} by warlog: {summary}."]
    header += [f"skipped: {p}" for p in problems]
    return dump_pack(pack, header="\n".join(header))


def import_petrarch(path: Path, dest_dir: Path, *, kind: str | None = None, strict: bool = True) -> Path:
    """Convert a PETRARCH dictionary into a user pack in `dest_dir` and return the pack's path.

    The pack is named `petrarch-<file stem>`; its version is a digest of the file, so importing the
    same file twice gives the same pack. `kind` ("actors" or "agents") is guessed from the file's
    codes when None: agent codes carry a `~`.

    Raises:
        PackError: as for `convert_petrarch`, or the pack cannot be written.
    """
    text = "\n".join(_read_lines(path))
    kind = kind or ("agents" if re.search(r"\[[A-Z]*~", text) else "actors")
    name = "petrarch-" + (re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "dictionary")
    version = "sha256-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    yaml_text = convert_petrarch(path, kind=kind, pack_name=name, version=version, strict=strict)
    target = Path(dest_dir) / f"{name}.yaml"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml_text, encoding="utf-8")
    except OSError as e:
        raise PackError(f"{target}:1: cannot write the pack: {e}") from e
    return target
