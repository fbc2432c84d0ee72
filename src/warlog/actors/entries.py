"""PETRARCH dictionary entries, as actors.petrarch reads them, made into pack actors and agents.

The conversion gives names, ids, kinds and parents. Dictionary names are upper case ("JABHAT_AL_NUSRA_");
packs want display names ("Jabhat al Nusra"). Acronyms stay in capitals so that the knowledge base
matches them case-sensitively: a single word of up to three letters, one without vowels, one with
dots, or one in parentheses ("(AAIA)").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from warlog.actors.cameo import CodeMeaning, interpret
from warlog.packs.actors import ActorModel, AffiliationModel, AgentModel, normalize_alias


@dataclass(frozen=True, slots=True)
class PetrarchCode:
    """A CAMEO code of an entry, valid between two ISO dates (None: unbounded)."""

    code: str
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(frozen=True, slots=True)
class PetrarchActor:
    """An actor entry: its names (the first is the entry's own, words joined by spaces), its codes,
    the comment on its first line, and that line's number."""

    names: tuple[str, ...]
    codes: tuple[PetrarchCode, ...]
    comment: str | None
    line: int


@dataclass(frozen=True, slots=True)
class PetrarchAgent:
    """An agent entry: a noun phrase and its plural forms (lower case), its sector code, its line."""

    nouns: tuple[str, ...]
    code: str
    line: int


# agent sector -> (kind, suffix, name template, parent suffix); the built-in agents pack uses the same
AGENT_SECTORS: dict[str, tuple[str, str, str, str | None]] = {
    "REB": ("rebel_group", "reb", "{demonym} rebels", None),
    "INS": ("rebel_group", "reb", "{demonym} rebels", None),
    "GOV": ("government", "gov", "Government of {country}", None),
    "MIL": ("military", "mil", "{demonym} armed forces", "gov"),
    "COP": ("police", "cop", "{demonym} police", "gov"),
    "SPY": ("intelligence", "spy", "{demonym} intelligence services", "gov"),
    "CVL": ("civilians", "cvl", "{demonym} civilians", None),
    "MED": ("media", "med", "{demonym} media", None),
    "OPP": ("political_party", "opp", "{demonym} opposition", None),
    "UAF": ("armed_group", "uaf", "armed groups in {country}", None),
}

LOWER_WORDS = frozenset(
    "of the and for in on at by to a an al el ad ar as ash az wa wal bin ibn de du la le les des del da di"
    " y e et und".split()
)
ORG_WORDS = frozenset(
    """army front brigade brigades battalion party movement council group organization organisation union
    force forces committee ministry assembly court agency service services department office alliance
    coalition league association federation corps guard guards militia militias jaish jaysh jabhat
    harakat liwa liwaa kataib katibat ansar hizb state republic foundation institute center centre
    network bank society trust fund mission commission parliament congress senate cabinet government
    regime administration police news times post radio tv television press declaration task observatory
    academy university school church authority authorities company kremlin duma bureau tribunal
    secretariat programme program network legion command cell cells nuclei brotherhood order
    """.split()
)
PERSON_SOURCES = ("CountryInfo", "IGOrulers")
# single words that are never an actor's alias on their own
COMMON_WORDS = frozenset(
    """government military army police state people party forces union council front movement group
    president minister leader soviet islamic national republic democratic liberation people's
    organization organisation youth zero tigers falcon falcons paradise machete mavericks muhammad
    muhammed mohammed abdullah shahin hamzah muhannad yahweh gaza gazan rafah ghazzah marxist-leninist
    resistance martyrs freedom justice unity hope country nation kingdom""".split()
)


def display_name(phrase: str) -> str:
    """A dictionary phrase ("JABHAT_AL-NUSRA_", "ISLAMIC ARMY OF ADEN (IAA)") in display case."""
    words = phrase.replace("_", " ").split()
    single = len(words) == 1
    return " ".join(_display_word(w, first=i == 0, single=single) for i, w in enumerate(words))


def _display_word(word: str, *, first: bool, single: bool) -> str:
    letters = [c for c in word if c.isalpha()]
    vowels = [c for c in letters if c.lower() in "aeiouy"]
    acronym = word.startswith("(") and len(letters) <= 5
    if "." in word.strip(".") or acronym or (letters and not vowels):
        return word.upper()
    if single and len(letters) <= 3:
        return word.upper()
    parts = re.split(r"([-'])", word.lower())
    shaped = []
    for i, part in enumerate(parts):
        after_apostrophe = i > 1 and parts[i - 1] == "'" and len(parts[i - 2]) > 1  # Da'esh, not O'Brien
        keep_lower = part in LOWER_WORDS and not (first and i == 0) or after_apostrophe
        shaped.append(part if keep_lower else part[:1].upper() + part[1:])
    return "".join(shaped)


def split_acronyms(name: str) -> tuple[str, tuple[str, ...]]:
    """A display name without its parenthesized acronyms, and those acronyms: "Islamic Army (IAA)"."""
    acronyms = tuple(a.strip() for a in re.findall(r"\(([^()]*)\)", name) if a.strip())
    return " ".join(re.sub(r"\([^()]*\)", " ", name).split()), acronyms


def slug(text: str) -> str:
    """An id fragment: ASCII lower case words joined by hyphens ("Da'esh" -> "daesh")."""
    ascii_text = unicodedata.normalize("NFKD", normalize_alias(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.replace("'", "")).strip("-")


def is_person(entry: PetrarchActor, meanings: Iterable[CodeMeaning]) -> bool:
    """Whether a dictionary entry is a person: from a leaders list, an elite code, or a dated name of
    two to five words with no organization word in it."""
    if entry.comment and any(source in entry.comment for source in PERSON_SOURCES):
        return True
    if any(m.kind == "person" for m in meanings):
        return True
    words = normalize_alias(entry.names[0]).split()
    if any(w in ORG_WORDS for w in words) or not 2 <= len(words) <= 5:
        return False
    return any(c.valid_from or c.valid_to for c in entry.codes) or words[0] in ("abu", "sheikh", "mullah")


def entry_to_actor(entry: PetrarchActor, taken: set[str]) -> ActorModel | None:
    """The pack actor of a dictionary entry, with an id not in `taken` (which it joins); None for an
    entry without codes, a country name, or a business."""
    meanings = [(code, m) for code in entry.codes if (m := interpret(code.code)) is not None]
    if not meanings or all(m.skipped for _, m in meanings):
        return None
    if all(m.kind == "state" for _, m in meanings):
        return None  # a country's name: the countries pack has those
    person = is_person(entry, [m for _, m in meanings])
    main = next((m for _, m in meanings if m.kind != "person" and m.parent), meanings[0][1])
    name, acronyms = split_acronyms(display_name(entry.names[0]))
    if not slug(name):
        return None
    country = next((m.country for _, m in meanings if m.country), None)
    if person:
        base = f"person.{slug(name)}"
    else:
        base = f"{country.lower()}.{slug(name)}" if country else slug(name)
    actor_id = _free(base, taken)
    parents = {
        (m.parent, c.valid_from, c.valid_to): None
        for c, m in meanings
        if m.parent and m.parent != actor_id and not m.skipped
    }
    return ActorModel(
        id=actor_id,
        name=name,
        kind="person" if person else main.kind if main.kind != "state" else "organization",
        country=country,
        cameo=main.code,
        aliases=clean_aliases(name, [*acronyms, *(display_name(n) for n in entry.names[1:])]),
        parents=[AffiliationModel(id=p, valid_from=f, valid_to=t) for p, f, t in parents],
    )


def clean_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    """Aliases without repeats, without the name itself, and without lone common words."""
    seen = {normalize_alias(name)}
    kept = []
    for alias in aliases:
        alias, acronyms = split_acronyms(alias)
        for form in (alias, *acronyms):
            key = normalize_alias(form)
            if not key or key in seen or len(key) < 2 or key in COMMON_WORDS or key.isdigit():
                continue
            seen.add(key)
            kept.append(form)
    return kept


def _free(base: str, taken: set[str]) -> str:
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def agents_to_specs(agents: Iterable[PetrarchAgent]) -> list[AgentModel]:
    """One agent spec per sector of AGENT_SECTORS, with the nouns of every agent of that sector."""
    nouns: dict[str, dict[str, None]] = {}
    for agent in agents:
        sector = agent.code.replace("~", "")[:3]
        if sector in AGENT_SECTORS:
            nouns.setdefault(AGENT_SECTORS[sector][1], {}).update(dict.fromkeys(agent.nouns))
    specs = []
    for kind, suffix, template, parent in {v[1]: v for v in AGENT_SECTORS.values()}.values():
        if suffix in nouns:
            specs.append(AgentModel(nouns=list(nouns[suffix]), kind=kind, suffix=suffix, name=template, parent=parent))
    return specs
