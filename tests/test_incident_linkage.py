"""Incidents by complete linkage: a chain of matches cannot join accounts that cannot be one happening."""

import csv
import io
from itertools import combinations

from warlog.export import export
from warlog.incidents.cluster import Account, _account_interval, _across_documents, cluster_incidents, group_accounts
from warlog.incidents.policy import Telling
from warlog.model import Actor, Document, Event, Evidence, Place, Report, When
from warlog.store import Store

HOMS = Place("homs", "Homs", "SYR", 34.73, 36.71, "city", 1)
HAMA = Place("hama", "Hama", "SYR", 35.13, 36.75, "city", 1)  # 45 km from Homs: one incident's radius
PALMYRA = Place("palmyra", "Palmyra", "SYR", 34.56, 38.28, "town", 1)  # 145 km from Homs
PLACES = {p.id: p for p in (HOMS, HAMA, PALMYRA)}


def account(document_id, actors=("army",), recipients=("militia",), place=None, day="2020-05-04"):
    event = Event(
        id=f"e-{document_id}", type="ASSAULT", evidence=Evidence(0, 4, "test"), actors=actors,
        recipients=recipients, place=place, date=When(day, "day", day),
        codes=(("acled_event_type", "Battles"), ("acled_sub_event_type", "Armed clash")),
    )  # fmt: skip
    document = Document(id=document_id, text="told", source=f"outlet {document_id}", published="2020-05-05")
    return Account(document=document, event=event, place=PLACES.get(place) if place else None)


def keys(groups):
    return sorted(sorted(a.key.split("#")[0] for a in group) for group in groups)


def test_a_chain_through_an_unplaced_account_does_not_join_two_far_places():
    # b names no place, so it matches a (same parties, same day) and c alike; a and c lie 145 km apart
    chain = [account("a", place="homs"), account("b"), account("c", place="palmyra")]
    assert keys(group_accounts(chain)) == [["a", "b"], ["c"]]  # equal links: the first account's wins


def test_a_chain_through_shared_parties_does_not_join_two_perpetrators_and_two_victims():
    chain = [
        account("a", actors=("army",), recipients=("militia",), place="homs"),
        account("b", actors=("rebels",), recipients=("militia",), place="homs"),  # a's victims, c's attackers
        account("c", actors=("rebels",), recipients=("police",), place="homs"),  # disjoint from a in both roles
    ]
    assert len(group_accounts(chain)) == 2


def test_the_closer_link_wins_the_account_between_two_groups():
    # the unplaced b matches a (two days apart) and c (the same day) with two anchors each; a and c cannot meet
    later = "2020-05-06"
    chain = [account("a", place="homs"), account("b", day=later), account("c", place="palmyra", day=later)]
    assert keys(group_accounts(chain)) == [["a"], ["b", "c"]]


def test_compatible_accounts_still_make_one_incident():
    group = [account("a", place="homs"), account("b"), account("c", place="hama"), account("d", day="2020-05-05")]
    assert keys(group_accounts(group)) == [["a", "b", "c", "d"]]


def test_every_two_accounts_of_an_incident_are_compatible():
    places = [HOMS, HAMA, PALMYRA, None]
    accounts = [
        account(f"d{n}", actors=(f"x{n % 3}",), recipients=(f"y{n % 2}",),
                place=None if (p := places[n % 4]) is None else p.id, day=f"2020-05-{1 + n % 6:02}")
        for n in range(40)
    ]  # fmt: skip
    policy = _across_documents()
    for group in group_accounts(accounts):
        tellings = [Telling.of_event(a.event, located=a.place, interval=_account_interval(a, 7)) for a in group]
        assert all(policy.compatible(x, y) for x, y in combinations(tellings, 2))


def test_an_incident_takes_at_most_max_accounts():
    group = [account(f"d{n}", place="homs") for n in range(7)]
    groups = group_accounts(group, max_accounts=3)
    assert sorted(len(g) for g in groups) == [1, 3, 3]
    assert sorted(a.key for g in groups for a in g) == sorted(a.key for a in group)


def test_acled_csv_writes_one_row_per_incident_of_a_chain(tmp_path):
    chain = [account("a", place="homs"), account("b"), account("c", place="palmyra"), account("d", place="homs")]
    actors = (Actor("army", "Army", "state"), Actor("militia", "Militia", "armed_group"))
    with Store.open(tmp_path / "chain.duckdb") as store:
        for a in chain:
            places = (a.place,) if a.place else ()
            store.save(Report(version="test", document=a.document, events=(a.event,), actors=actors, places=places))
        incidents = store.incidents()
        out = io.BytesIO()
        written = export(store, "acled-csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert len(incidents) == 2 and written == len(rows) == len(incidents)
    assert len(cluster_incidents(chain)) == 2
