"""From matching pairs of accounts to incidents whose accounts all agree: complete linkage under a cap.

Linking every matching pair and taking the connected groups (single linkage) chains: A matches B and B
matches C puts A and C in one incident even when A and C cannot be one happening (C's town is 200 km
from A's, or C's perpetrator is another). On a month of ACLED notes such chains built one incident of
hundreds of accounts. So two groups merge only when every account of one is *compatible* with every
account of the other (`IncidentPolicy.compatible`: same type family, dates within the window, places
within the radius, no disjoint perpetrators or victims). A link still needs a full match of two
documents' accounts (`same_incident`, with its anchors); compatibility is what every other pair of the
incident must keep, two events of one document included (they join one incident only through a third
document's account that matches both, and only when they are compatible).

The links are made strongest first (most anchors, then the closest dates, then input order), so the
result does not depend on the order the candidate pairs were found in, and an account between two
incompatible groups joins the one it agrees with best. An incident takes at most `max_accounts`
accounts (`MAX_ACCOUNTS`): a link that would pass the cap is not made, and the accounts stay in their
own incidents. Both groups only grow, so a merge refused once is refused for good and is not tried
again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from warlog.incidents.differences import days_apart
from warlog.incidents.policy import IncidentPolicy, Telling

__all__ = ["MAX_ACCOUNTS", "link"]

# An incident is one happening, not a month of a war: a hundred accounts is more than the reports of
# one attack in a corpus of notes; past it a group would be a trend, and comparing its every pair costs
# the square of its size.
MAX_ACCOUNTS = 100


def link(
    tellings: Sequence[Telling],
    documents: Sequence[str],
    pairs: Iterable[tuple[int, int]],
    policy: IncidentPolicy,
    *,
    max_accounts: int = MAX_ACCOUNTS,
) -> list[list[int]]:
    """The groups of 0..n-1 that the matching `pairs` (the candidates `policy.same_incident` accepts)
    build by complete linkage under the cap, each in index order, in the order of their first index."""
    found = set()
    for i, j in pairs:
        i, j = min(i, j), max(i, j)
        if documents[i] != documents[j] and policy.same_incident(tellings[i], tellings[j]):
            found.add((i, j))
    ranked = sorted(found, key=lambda p: (-policy.anchors(tellings[p[0]], tellings[p[1]]), _gap(tellings, p), p))
    owner = list(range(len(tellings)))  # each index's group, by the group's smallest index
    members: dict[int, list[int]] = {i: [i] for i in range(len(tellings))}
    refused: set[tuple[int, int]] = set()
    for i, j in ranked:
        one, other = sorted((owner[i], owner[j]))
        if one == other or (one, other) in refused:
            continue
        if len(members[one]) + len(members[other]) > max_accounts or not all(
            policy.compatible(tellings[x], tellings[y]) for x in members[one] for y in members[other]
        ):
            refused.add((one, other))
            continue
        for x in members[other]:
            owner[x] = one
        members[one].extend(members.pop(other))
    return [sorted(group) for _, group in sorted(members.items())]


def _gap(tellings: Sequence[Telling], pair: tuple[int, int]) -> int:
    a, b = (tellings[i].interval for i in pair)
    return days_apart(a, b) if a is not None and b is not None else 10**6
