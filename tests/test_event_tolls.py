"""The dead, the wounded and the captured of an event are counted apart."""

import pytest


@pytest.mark.parametrize(
    ("text", "killed", "wounded", "captured"),
    [
        ("Two people were killed and 18 were wounded during a mortar attack against Baidoa.", 2, 18, None),
        ("Police arrested 30 protesters in Harare on Monday.", None, None, 30),
        ("Gunmen killed four soldiers and abducted two officers near Maiduguri.", 4, None, 2),
    ],
)
def test_tolls_stay_apart(pipeline, text, killed, wounded, captured):
    report = pipeline.extract(text, published="2016-07-05")
    found = {
        "killed": [e.fatalities.min for e in report.events if e.fatalities],
        "wounded": [e.wounded.min for e in report.events if e.wounded],
        "captured": [e.captured.min for e in report.events if e.captured],
    }
    for kind, value in (("killed", killed), ("wounded", wounded), ("captured", captured)):
        assert found[kind] == ([value] if value is not None else []), (kind, found)
