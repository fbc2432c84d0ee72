"""Validators every pack kind shares: the id pattern and ISO 3166-1 alpha-3 country codes."""

from __future__ import annotations

from functools import cache

import pycountry

# ISO 3166 user-assigned or disputed codes that reporting needs and pycountry lacks or lists differently.
EXTRA_COUNTRY_CODES = {"XKX": "Kosovo", "PSE": "Palestine", "ESH": "Western Sahara"}

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$"


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code a pack may use (pycountry's, plus EXTRA_COUNTRY_CODES)."""
    return frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(EXTRA_COUNTRY_CODES)


def check_country(value: str | None) -> str | None:
    """`value` if it is None or a country code a pack may use; a ValueError (a pydantic validation error
    inside a model) that says what is expected otherwise."""
    if value is not None and value not in country_codes():
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-3 country code (upper case, e.g. SYR)")
    return value
