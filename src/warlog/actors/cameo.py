"""What a CAMEO actor code (as in PETRARCH dictionaries) says about an actor: country, kind, parent.

A code is a country (ISO alpha-3, or one of CAMEO's own country codes) or an international type
(IGO, NGO, IMG, MNC, ...), followed by 3-letter role codes: SYRGOV is Syria's government, SYRREBMUS
Syria's Islamist rebels, IGOUNOKID UNICEF (a UN body). Parents point at warlog's own ids: the
country packs' `<iso3>.gov` and `<iso3>.mil`, scoped agents (`syr.reb`, `rus.cop`), and the IGO and
armed-group ids of the built-in packs.
"""

from __future__ import annotations

from dataclasses import dataclass

from warlog.packs.validators import country_codes

# CAMEO country codes that are not ISO 3166-1 alpha-3; those of states that no longer exist
# (SUN, YUG, DDR, CSK) and of regions (MEA, WAF, ...) carry no country.
CAMEO_COUNTRIES = {"TMP": "TLS", "KSV": "XKX", "KOS": "XKX", "ROM": "ROU", "ZAR": "COD", "BUR": "MMR"}

# role code -> (kind of an organization with this role, suffix of the scoped parent or None)
ROLES: dict[str, tuple[str, str | None]] = {
    "GOV": ("government", "gov"),
    "LEG": ("government", "gov"),
    "JUD": ("government", "gov"),
    "MIL": ("military", "mil"),
    "COP": ("police", "cop"),
    "SPY": ("intelligence", "spy"),
    "REB": ("rebel_group", "reb"),
    "INS": ("rebel_group", "reb"),
    "UAF": ("armed_group", "uaf"),
    "OPP": ("political_party", "opp"),
    "PTY": ("political_party", None),
    "MED": ("media", "med"),
    "CVL": ("civilians", "cvl"),
    "NGO": ("ngo", None),
    "HRI": ("ngo", None),
    "REF": ("ngo", None),
    "ELI": ("person", None),
    "REL": ("religious_group", None),
    "MUS": ("religious_group", None),
    "CHR": ("religious_group", None),
    "JEW": ("religious_group", None),
    "BUD": ("religious_group", None),
    "HIN": ("religious_group", None),
}

# international codes: longest prefix wins -> (kind, parent id or None)
INTERNATIONAL: dict[str, tuple[str, str | None]] = {
    "IGO": ("igo", None),
    "IGOUNO": ("igo", "un"),
    "IGOWSTNAT": ("igo", "nato"),
    "IGOEUREEC": ("igo", "eu"),
    "IGOARBARL": ("igo", "arab-league"),
    "IGOAFRAFU": ("igo", "african-union"),
    "IGOWAFWAS": ("igo", "ecowas"),
    "NGO": ("ngo", None),
    "IMG": ("armed_group", None),
    "IMGMUSALQ": ("armed_group", "al-qaeda"),
    "IMGMUSISI": ("armed_group", "isil"),
    "MNC": ("organization", None),
    "INT": ("organization", None),
}

# codes whose holders are out of scope for war reporting: businesses and corporations
SKIPPED_ROLES = frozenset({"BUS", "MNC"})


@dataclass(frozen=True, slots=True)
class CodeMeaning:
    """The country, kind and parent a CAMEO code gives an organization (a person's kind is "person")."""

    code: str
    country: str | None
    kind: str
    parent: str | None
    roles: tuple[str, ...]

    @property
    def skipped(self) -> bool:
        """Whether the code marks a business, which warlog's packs leave out."""
        return bool(SKIPPED_ROLES.intersection(self.roles)) or self.code.startswith("MNC")


def country_of(code: str) -> str | None:
    """The ISO alpha-3 country of a 3-letter CAMEO country code, or None."""
    iso = CAMEO_COUNTRIES.get(code, code)
    return iso if iso in country_codes() else None


def interpret(code: str) -> CodeMeaning | None:
    """The meaning of a CAMEO actor code such as "SYRGOV", "IGOUNOKID" or "IMGMUSISI"; None for "---"."""
    code = code.strip().upper()
    if not code or set(code) <= {"-", "~"}:
        return None
    prefix = max((p for p in INTERNATIONAL if code.startswith(p)), key=len, default=None)
    if prefix is not None:
        kind, parent = INTERNATIONAL[prefix]
        return CodeMeaning(code, None, kind, parent, _chunks(code[3:]))
    country = country_of(code[:3])
    rest = code[3:] if country or len(code) > 3 else ""
    roles = _chunks(rest)
    # a second country code names a territory of the first: GBRVGBGOV is the British Virgin Islands
    while roles and roles[0] not in ROLES and country_of(roles[0]):
        country, roles = country_of(roles[0]), roles[1:]
    if country is None and code[:3] in ROLES:
        roles = (code[:3], *roles)
    role = next((r for r in roles if r in ROLES), None)
    if role is None:
        kind = "state" if not roles and country else "organization"
        return CodeMeaning(code, country, kind, country.lower() if country and roles else None, roles)
    kind, suffix = ROLES[role]
    if country is None or role == "ELI":
        parent = None
    elif suffix is None:
        parent = country.lower()
    else:
        parent = f"{country.lower()}.{suffix}"
    return CodeMeaning(code, country, kind, parent, roles)


def _chunks(text: str) -> tuple[str, ...]:
    return tuple(text[i : i + 3] for i in range(0, len(text), 3) if text[i : i + 3])
