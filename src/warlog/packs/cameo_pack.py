"""Write a CAMEO verb dictionary as a warlog trigger pack (`warlog kb import`, scripts/build_cameo_verbs.py).

`convert_cameo_verbs` reads the dictionary (`cameo_verbs`), translates it (`cameo_triggers`) and writes
the pack with a header that counts what was converted and what was not, and why. `import_cameo_verbs` is
the user's path: the pack goes to `packs_dir/events/`, where the pipeline reads user trigger packs, and
leaves out every word the built-in lexicon defines (the built-in triggers win), and the objects its nouns
already code as the same type.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from pydantic import ValidationError

from warlog.errors import PackError
from warlog.packs.cameo_triggers import Translation, translate
from warlog.packs.cameo_verbs import PloverCode, read_cameo_plover, read_cameo_verbs
from warlog.packs.ontology import Ontology, Trigger, builtin_ontology
from warlog.packs.triggers import TriggerModel, TriggerPackModel


@dataclass(frozen=True, slots=True)
class PackHeader:
    """The header fields of a written pack, and comment lines to put above them."""

    pack: str
    version: str
    license: str | None = None
    source: str | None = None
    description: str | None = None
    comment: str = ""


def dump_trigger_pack(triggers: Iterable[TriggerModel], header: PackHeader) -> str:
    """YAML text of a trigger pack, one entry a line as in triggers.yaml, below `header.comment`.

    Raises:
        PackError: the header fields do not make a valid pack.
    """
    try:
        model = TriggerPackModel(
            pack=header.pack,
            version=header.version,
            license=header.license,
            source=header.source,
            description=header.description,
            triggers=list(triggers),
        )
    except ValidationError as e:
        raise PackError(f"{header.pack}:1: cannot make a pack: {e.errors()[0]['msg']}") from e
    lines = [f"# {line}".rstrip() for line in header.comment.splitlines()]
    fields = model.model_dump(include={"pack", "version", "license", "source", "description"}, exclude_none=True)
    for key in ("pack", "version", "license", "source", "description"):
        if key in fields:
            lines.append(yaml.safe_dump({key: fields[key]}, allow_unicode=True, width=10**6).rstrip())
    lines.append("triggers:" if model.triggers else "triggers: []")
    for trigger in model.triggers:
        entry = trigger.model_dump(exclude_defaults=True)
        if "cameo" in entry:
            entry["cameo"] = _Quoted(entry["cameo"])  # "080" stays a string for any YAML reader
        flow = yaml.dump(
            entry, Dumper=_Dumper, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6
        )
        lines.append(f"  - {flow.strip()}")
    return "\n".join(lines) + "\n"


class _Quoted(str):
    """A string written in double quotes."""


class _Dumper(yaml.SafeDumper):
    """The safe dumper, with _Quoted strings in double quotes."""


_Dumper.add_representer(
    _Quoted, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def summary(translation: Translation, name: str) -> str:
    """The header comment of a converted pack: what was converted, skipped and left out, with counts."""
    lines = [
        f"Converted from the CAMEO verb dictionary {name} by warlog ({translation.verbs} verb lines, "
        f"{translation.patterns} patterns): {translation.converted} of them gave {len(translation.triggers)} "
        "trigger entries.",
        "Not expressible as a dependency trigger, skipped:",
    ]
    lines += [f"  {count:5d}  {reason}" for reason, count in translation.skipped.most_common()]
    if translation.left_out:
        lines.append("Trigger entries left out by choice:")
        lines += [f"  {count:5d}  {reason}" for reason, count in translation.left_out.most_common()]
    return "\n".join(lines)


def convert_cameo_verbs(
    path: Path,
    header: PackHeader,
    *,
    strict: bool = True,
    table: dict[str, PloverCode] | None = None,
    ontology: Ontology | None = None,
    exclude: Collection[tuple[str, str | None]] = (),
    types: Collection[str] | None = None,
    bare: bool = True,
    stop_verbs: Collection[str] = (),
    origin: bool = False,
    nouns: Mapping[str, str] | None = None,
    noun_types: Collection[str] = (),
) -> tuple[str, Translation]:
    """YAML text of a trigger pack made from a CAMEO verb dictionary, and the translation it holds.

    Args:
        path: the dictionary file.
        header: the pack's name, version, licence, source, description, and a comment put above the
            conversion summary.
        strict: raise on the first malformed line; when False, skip such lines and list them in the
            pack's header comment.
        table: the CAMEO-to-PLOVER table (default: the built-in one).
        ontology: types, modes and contexts (default: the built-in ontology).
        exclude, types, bare, stop_verbs, origin, nouns, noun_types: as for `warlog.packs.cameo_triggers.translate`.

    Raises:
        PackError: a malformed line (`file:line: problem`), or an invalid pack name.
    """
    problems: list[PackError] = []
    dictionary = read_cameo_verbs(path, on_error=None if strict else problems.append)
    translation = translate(
        dictionary,
        read_cameo_plover() if table is None else table,
        builtin_ontology() if ontology is None else ontology,
        exclude=exclude,
        types=types,
        bare=bare,
        stop_verbs=stop_verbs,
        origin=origin,
        nouns=nouns,
        noun_types=noun_types,
    )
    comment = [header.comment] if header.comment else []
    comment.append(summary(translation, path.name))
    comment += [f"skipped line: {str(p).replace(str(path), path.name, 1)}" for p in problems]
    return dump_trigger_pack(translation.triggers, replace(header, comment="\n".join(comment))), translation


VIOLENT_AND_PROTEST = ("ASSAULT", "PROTEST")


def nouns_of(lexicon: Iterable[Trigger]) -> dict[str, str]:
    """Noun lemma -> type of a lexicon's noun triggers; a phrase's head noun counts for ASSAULT and PROTEST
    ("military operation": "operation"), whose events a converted verb must not take over."""
    nouns = {t.lemma.split()[-1]: t.type for t in lexicon if t.pos == "NOUN" and t.type in VIOLENT_AND_PROTEST}
    nouns.update({t.lemma: t.type for t in lexicon if t.pos == "NOUN" and not t.is_phrase})
    return nouns


def import_cameo_verbs(path: Path, dest_dir: Path, *, strict: bool = True) -> Path:
    """Convert a CAMEO verb dictionary into a user trigger pack in `dest_dir` and return the pack's path.

    The pack is named `cameo-<file stem>`; its version is a digest of the file, so importing the same file
    twice gives the same pack. Words the built-in lexicon defines (lemma and particle) are left out: a
    user pack's word replaces the built-in one, and the built-in triggers are the checked ones.

    Raises:
        PackError: as for `convert_cameo_verbs`, or the pack cannot be written.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise PackError(f"{path}:1: cannot read the verb dictionary: {e}") from e
    name = "cameo-" + (re.sub(r"[^a-z0-9]+", "-", Path(path).stem.lower()).strip("-") or "verbs")
    version = "sha256-" + hashlib.sha256(data).hexdigest()[:12]
    ontology = builtin_ontology()
    known = {(t.lemma, t.particle) for t in ontology.lexicon if t.pos == "VERB"}
    nouns = nouns_of(ontology.lexicon)
    header = PackHeader(name, version, source=f"CAMEO verb dictionary {Path(path).name}")
    text, _ = convert_cameo_verbs(
        Path(path), header, strict=strict, ontology=ontology, exclude=known, nouns=nouns, noun_types=VIOLENT_AND_PROTEST
    )
    target = Path(dest_dir) / f"{name}.yaml"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as e:
        raise PackError(f"{target}:1: cannot write the pack: {e}") from e
    return target
