"""Build the generated actor packs: countries.yaml (pycountry + curated facts + Phoenix country names)
and phoenix.yaml (named organizations and persons of the Phoenix/PETRARCH2 dictionaries).

    .venv/bin/python scripts/build_actor_packs.py [--phoenix DIR] [--out DIR]

The hand-curated packs (conflicts.yaml, igos.yaml, agents.yaml) are read, not written: a Phoenix entry
whose name they already know is left out, and so is any Phoenix alias they already use, so the
generated packs never contradict the curated ones. The result is loaded once to check it.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from importlib import metadata
from pathlib import Path

import pycountry
import yaml

from warlog.actors.cameo import INTERNATIONAL
from warlog.actors.entries import PetrarchActor, clean_aliases, display_name, entry_to_actor
from warlog.actors.kb import KnowledgeBase
from warlog.actors.petrarch import parse_petrarch_actors
from warlog.packs.actors import (
    ActorModel,
    AffiliationModel,
    PackModel,
    dump_pack,
    normalize_alias,
    read_pack,
)

ROOT = Path(__file__).resolve().parent.parent
VERSION = "2026.11.0"
PHOENIX_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
PHOENIX_LICENSE = "MIT (Phoenix/PETRARCH2 dictionaries, (c) 2014 Open Event Data Alliance)"
ACTOR_FILES = ("Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt", "Phoenix.Countries.actors.txt")
CURATED = ("conflicts.yaml", "igos.yaml", "agents.yaml")
# persons are kept for the countries of the wars since 2011 and the permanent members of the UN
# Security Council, when one of their roles lasted into 2001 or later: the rest of Phoenix's 18,000
# office holders would triple the packs' load time for names that war reporting rarely uses.
PERSON_COUNTRIES = frozenset(
    "SYR IRQ YEM LBY AFG UKR RUS MLI BFA NER TCD SDN SSD SOM ISR PSE LBN MMR NGA COD CAF ETH ERI IRN TUR SAU"
    " ARE PAK EGY CMR MOZ ARM AZE JOR QAT USA GBR FRA CHN".split()
)
PERSONS_SINCE = "2001-01-01"
# NGOs are kept when they work on human rights, refugees or health, the ones war reporting cites
NGO_SECTORS = ("HRI", "REF", "HLH", "IRC")
# people that warlog must find in the text, never in its knowledge base (see the reference document)
EXCLUDED_NAMES = frozenset({"hussein hamedani", "michael weiss", "hassan hassan"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phoenix", type=Path, default=ROOT.parent / "shared" / "data" / "actors" / "phoenix")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "warlog" / "data" / "packs" / "actors")
    args = parser.parse_args()
    problems: list[str] = []
    entries = {
        name: parse_petrarch_actors(args.phoenix / name, on_error=lambda e: problems.append(str(e)))
        for name in ACTOR_FILES
    }
    countries = build_countries(entries[ACTOR_FILES[2]])
    (args.out / "countries.yaml").write_text(countries, encoding="utf-8")
    curated = [read_pack(path).model for path in [args.out / "countries.yaml", *(args.out / n for n in CURATED)]]
    phoenix = build_phoenix(entries, curated, problems)
    (args.out / "phoenix.yaml").write_text(phoenix, encoding="utf-8")
    start = time.perf_counter()
    kb = KnowledgeBase.from_packs(sorted(args.out.glob("*.yaml")))
    elapsed = time.perf_counter() - start
    for pack in kb.packs:
        print(f"{pack.path.name}: {pack.actors} actors, {pack.path.stat().st_size / 1e6:.2f} MB")
    print(f"{len(kb)} actors load in {elapsed:.2f} s ({kb.version}); {len(problems)} Phoenix lines skipped")
    return 0


def build_countries(entries: list[PetrarchActor]) -> str:
    """countries.yaml: a state, its government and its armed forces for every country."""
    curated = yaml.safe_load((ROOT / "scripts" / "actor_sources" / "countries.yaml").read_text("utf-8"))
    phoenix_names = country_names(entries)
    all_names = {iso: _names_of(iso, facts) for iso, facts in curated.items()}
    taken = {normalize_alias(n): iso for iso, names in all_names.items() for n in names}
    actors: list[ActorModel] = []
    for iso, facts in sorted(curated.items()):
        name, *official = all_names[iso]
        demonyms = facts.get("demonyms", [])
        extra = [n for n in phoenix_names.get(iso, []) if _clean_country_alias(n, iso, all_names[iso], taken)]
        aliases = clean_aliases(name, [*official, *facts.get("aliases", []), *extra])
        aliases = [a for a in aliases if normalize_alias(a) not in map(normalize_alias, demonyms)]
        actors.append(
            ActorModel(
                id=iso.lower(),
                name=name,
                kind="state",
                country=iso,
                cameo=iso,
                aliases=aliases,
                demonyms=demonyms,
                metonyms=facts.get("metonyms", []),
            )
        )
        if not facts.get("territory"):
            actors += government_and_army(iso, name, demonyms[0] if demonyms else name, facts)
    pack = PackModel(
        pack="warlog-countries",
        version=VERSION,
        license=PHOENIX_LICENSE,
        source=f"pycountry {metadata.version('pycountry')}; "
        f"scripts/actor_sources/countries.yaml; petrarch2@{PHOENIX_COMMIT[:7]}",
        description="every country, its government and its armed forces",
        actors=actors,
    )
    return dump_pack(pack, header=_header("countries.yaml", "pycountry, curated facts and Phoenix country names"))


def _names_of(iso: str, facts: dict) -> list[str]:
    country = pycountry.countries.get(alpha_3=iso)
    names = [facts.get("name") or getattr(country, "common_name", None) or country.name] if country else [facts["name"]]
    if country is not None:
        names += [n for n in (getattr(country, "official_name", None), country.name) if n and "," not in n]
    return list(dict.fromkeys(n.removeprefix("the ") for n in names))


def government_and_army(iso: str, name: str, demonym: str, facts: dict) -> list[ActorModel]:
    gov, mil = facts.get("gov", {}), facts.get("mil", {})
    gov_name = gov.get("name", f"Government of {name}")
    gov_aliases = [
        f"{demonym} government",
        f"{name} government",
        f"{demonym} regime",
        f"{demonym} authorities",
        f"Government of {name}",
        *gov.get("aliases", []),
    ]
    mil_name = mil.get("name", f"{demonym} Armed Forces")
    mil_aliases = [
        f"{demonym} armed forces",
        f"{demonym} military",
        f"{demonym} army",
        f"{name} armed forces",
        f"{demonym} forces",
        f"{demonym} troops",
        *mil.get("aliases", []),
    ]
    state, gov_id = iso.lower(), f"{iso.lower()}.gov"
    return [
        ActorModel(
            id=gov_id,
            name=gov_name,
            kind="government",
            country=iso,
            cameo=f"{iso}GOV",
            aliases=clean_aliases(gov_name, gov_aliases),
            metonyms=gov.get("metonyms", []),
            parents=[AffiliationModel(id=state)],
        ),
        ActorModel(
            id=f"{state}.mil",
            name=mil_name,
            kind="military",
            country=iso,
            cameo=f"{iso}MIL",
            aliases=clean_aliases(mil_name, mil_aliases),
            metonyms=mil.get("metonyms", []),
            parents=[AffiliationModel(id=gov_id)],
        ),
    ]


def country_names(entries: list[PetrarchActor]) -> dict[str, list[str]]:
    """Phoenix's names for each country: the entries coded with a bare country code ([SYR])."""
    names: dict[str, list[str]] = {}
    for entry in entries:
        codes = {c.code for c in entry.codes}
        if len(codes) == 1 and len(code := codes.pop()) == 3 and pycountry.countries.get(alpha_3=code):
            names.setdefault(code, []).extend(display_name(n) for n in entry.names)
    return names


def _clean_country_alias(alias: str, iso: str, names: list[str], taken: dict[str, str]) -> bool:
    """A Phoenix country name is kept when it is a spelling of the country's own name ("Afghanestan",
    "Islamic Republic of Afghanistan"), not a city, a province or another country's name."""
    key = normalize_alias(alias)
    if taken.get(key, iso) != iso or len(key) < 4:
        return False
    own = [normalize_alias(n) for n in names]
    if any(f" {n} " in f" {key} " for n in own) and len(key.split()) <= 6:
        return True
    return any(difflib.SequenceMatcher(None, key, n).ratio() >= 0.8 for n in own) and " " not in key


def known_keys(packs: list[PackModel]) -> set[str]:
    """The lookup keys of every name the curated and country packs use."""
    return {
        _key(form)
        for pack in packs
        for actor in pack.actors
        for form in (actor.name, *actor.aliases, *actor.demonyms, *actor.metonyms)
    }


def _key(form: str) -> str:
    """A loose key for collisions: "IAEA", "Iaea" and "I.A.E.A." are one name."""
    return normalize_alias(form).replace(".", "")


def build_phoenix(entries: dict[str, list[PetrarchActor]], curated: list[PackModel], problems: list[str]) -> str:
    """phoenix.yaml: organizations and persons that the curated packs do not already name."""
    known = known_keys(curated)
    taken = {actor.id for pack in curated for actor in pack.actors}
    actors: list[ActorModel] = []
    seen: set[tuple[str, str | None]] = set()
    for file_entries in entries.values():
        for entry in file_entries:
            actor = entry_to_actor(entry, taken)
            if actor is None or not _wanted(actor) or _key(actor.name) in known:
                continue
            if (_key(actor.name), actor.country) in seen:
                continue  # Phoenix repeats some entries (the NGO lists twice)
            seen.add((_key(actor.name), actor.country))
            aliases = [a for a in actor.aliases if _key(a) not in known]
            actors.append(actor.model_copy(update={"aliases": aliases}))
    header = _header("phoenix.yaml", f"{', '.join(ACTOR_FILES)} ({len(problems)} malformed lines skipped)")
    pack = PackModel(
        pack="warlog-phoenix",
        version=VERSION,
        license=PHOENIX_LICENSE,
        source=f"petrarch2@{PHOENIX_COMMIT} data/dictionaries",
        actors=actors,
        description="organizations and persons of the Phoenix/PETRARCH2 actor dictionaries",
    )
    return dump_pack(pack, header=header)


def _wanted(actor: ActorModel) -> bool:
    if normalize_alias(actor.name) in EXCLUDED_NAMES:
        return False
    if actor.kind == "ngo" and not any(s in (actor.cameo or "") for s in NGO_SECTORS):
        return False
    if actor.cameo and len(actor.cameo) == 3 and actor.cameo not in INTERNATIONAL:
        return False  # a former state or a region ([SUN], [WEU]): not an actor of its own
    if actor.kind != "person":
        return True
    if actor.country is not None and actor.country not in PERSON_COUNTRIES:
        return False
    if actor.country is None and not (actor.cameo or "").startswith("IGO"):
        return False
    return any(p.valid_to is None or p.valid_to >= PERSONS_SINCE for p in actor.parents) or not actor.parents


def _header(file_name: str, sources: str) -> str:
    return (
        f"{file_name}: generated by scripts/build_actor_packs.py from {sources}; do not edit by hand.\n"
        "Phoenix/PETRARCH2 dictionaries: github.com/openeventdata/petrarch2 "
        f"(commit {PHOENIX_COMMIT}), data/dictionaries.\n"
        "The MIT License (MIT). Copyright (c) 2014 Open Event Data Alliance. The full licence text is in\n"
        "LICENSE-phoenix.txt beside this file."
    )


if __name__ == "__main__":
    sys.exit(main())
