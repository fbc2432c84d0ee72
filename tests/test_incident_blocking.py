"""Incidents by blocking: the date window and the place grid find the incidents that comparing every
pair of accounts finds (the same pairs, linked the same way)."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.incidents.cluster import (
    Account,
    _account_interval,
    _across_documents,
    group_accounts,
)
from warlog.incidents.linkage import link
from warlog.incidents.policy import Telling
from warlog.model import Document, Event, Evidence, Place, When

ACTORS = ("a", "b", "c")


def _place(rng: random.Random, n: int) -> Place | None:
    kind = rng.random()
    if kind < 0.1:
        return None
    country = rng.choice(["SYR", "IRQ", None])
    if kind < 0.2:
        return Place(f"area{n}", "Area", country, 35.0, 38.0, rng.choice(["country", "region"]), 3)
    if kind < 0.25:
        return Place(f"nowhere{n}", "Somewhere", country)  # no coordinates
    lat = rng.choice([0.0, 35.0, 89.7, -60.0]) + rng.uniform(-1.5, 1.5)  # near the equator, a pole, the date line
    lon = rng.choice([37.0, 179.8, -179.8]) + rng.uniform(-0.8, 0.8)
    return Place(f"p{n}", "Town", country, max(-90.0, min(90.0, lat)), lon, "city", 1)


def _accounts(seed: int, count: int) -> list[Account]:
    rng = random.Random(seed)
    accounts = []
    for n in range(count):
        day = rng.randint(1, 28)
        published = None if rng.random() < 0.05 else f"2020-05-{min(28, day + rng.randint(0, 3)):02}"
        dated = rng.random() < 0.8
        value = rng.choice([f"2020-05-{day:02}", "2020-05"]) if dated else None
        place = _place(rng, n)
        event = Event(
            id=f"e{n}", type=rng.choice(["ASSAULT", "ASSAULT", "PROTEST"]), evidence=Evidence(0, 1, "x"),
            actors=tuple(rng.sample(ACTORS, rng.randint(0, 2))),
            recipients=tuple(rng.sample(ACTORS, rng.randint(0, 1))),
            place=None if place is None else place.id, date=When(value, "day", value) if value else None,
        )  # fmt: skip
        document = Document(id=f"d{rng.randint(0, count // 2)}", text="x", published=published)
        accounts.append(Account(document=document, event=event, place=place))
    return accounts


def _every_pair(accounts: list[Account], max_km: float, max_days: int) -> set[frozenset[str]]:
    policy = _across_documents(max_km=max_km, max_days=max_days)
    tellings = [
        Telling.of_event(a.event, located=a.place, interval=_account_interval(a, policy.lag_days)) for a in accounts
    ]
    every_pair = ((i, j) for i in range(len(accounts)) for j in range(i + 1, len(accounts)))
    groups = link(tellings, [a.document.id for a in accounts], every_pair, policy)
    return {frozenset(accounts[i].key for i in group) for group in groups}


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([0.0, 5.0, 50.0, 300.0]), st.sampled_from([0, 3, 10]))
def test_blocking_finds_the_incidents_of_every_pair(seed: int, max_km: float, max_days: int) -> None:
    accounts = _accounts(seed, 60)
    groups = group_accounts(accounts, max_km=max_km, max_days=max_days)
    assert {frozenset(a.key for a in g) for g in groups} == _every_pair(accounts, max_km, max_days)


@pytest.mark.parametrize("seed", [1, 2])
def test_blocking_finds_merges_in_a_crowded_month(seed: int) -> None:
    accounts = _accounts(seed, 300)
    groups = group_accounts(accounts)
    assert any(len(g) > 1 for g in groups)  # the fixture exercises merging
    assert {frozenset(a.key for a in g) for g in groups} == _every_pair(accounts, 50.0, 3)
