"""People who protest are protesters (the `opp` agent, as ACLED codes "Protesters (X)"); otherwise not."""

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 6 May 2020, people protested in Lviv against the arrest of an activist.", "ukr.opp"),
        ("On 7 May 2020, residents demonstrated in Harare against fuel prices.", "zwe.opp"),
    ],
)
def test_a_protesting_crowd_is_the_protesters(pipeline, text, expected):
    report = pipeline.extract(text, published="2020-05-09")
    protests = [e for e in report.events if e.type == "PROTEST"]
    assert protests and protests[0].actors == (expected,)


def test_a_crowd_that_does_not_protest_is_not_the_protesters(pipeline):
    report = pipeline.extract("On 7 May 2020, residents fled Goma after the shelling.", published="2020-05-09")
    assert not any(a.id.endswith(".opp") for a in report.actors)
