"""Casualty counts: numbers as reporting writes them, and tolls read off the parse of the default model."""

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from warlog.events.numbers import Count, find_counts, parse_count
from warlog.events.tolls import TollMention, find_tolls
from warlog.settings import DEFAULT_MODEL

# -- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two-hundred", (200, 200)),
        ("200", (200, 200)),
        ("1,200", (1200, 1200)),
        ("60-70", (60, 70)),
        ("60–70", (60, 70)),
        ("60 to 70", (60, 70)),
        ("between 60 and 70", (60, 70)),
        ("five or six", (5, 6)),
        ("sixty-seventy", (60, 70)),
        ("hundreds", (100, None)),
        ("dozens", (12, None)),
        ("scores", (20, None)),
        ("thousands", (1000, None)),
        ("tens of thousands", (10_000, None)),
        ("hundreds of thousands", (100_000, None)),
        ("a dozen", (12, 12)),
        ("half a dozen", (6, 6)),
        ("two dozen", (24, 24)),
        ("several", (3, None)),
        ("some", (3, None)),
        ("several hundred", (300, None)),
        ("a few", (2, None)),
        ("a few dozen", (24, None)),
        ("a couple", (2, 2)),
        ("both", (2, 2)),
        ("at least 12", (12, None)),
        ("more than 20", (20, None)),
        ("over 20", (20, None)),
        ("20 or more", (20, None)),
        ("20-plus", (20, None)),
        ("up to 30", (None, 30)),
        ("as many as 30", (None, 30)),
        ("nearly 30", (None, 30)),
        ("about 30", (30, 30)),
        ("some 30", (30, 30)),
        ("an estimated 500", (500, 500)),
        ("a total of 20", (20, 20)),
        ("another 13", (13, 13)),
        ("a", (1, 1)),
        ("an", (1, 1)),
        ("one", (1, 1)),
        ("another", (1, 1)),
        ("Twenty-five", (25, 25)),
        ("ninety-nine", (99, 99)),
        ("a hundred", (100, 100)),
        ("one hundred and twenty", (120, 120)),
        ("fifteen hundred", (1500, 1500)),
        ("three thousand", (3000, 3000)),
        ("2.5 million", (2_500_000, 2_500_000)),
        ("no one", (0, 0)),
        ("nobody", (0, 0)),
        ("none", (0, 0)),
        ("no", (0, 0)),
    ],
)
def test_parse_count(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    "text", ["", "the", "Syria", "2.5", "5km", "1st", "$5", "over a", "two hundred and", "killed", "hundred"]
)
def test_not_a_count(text):
    assert parse_count(text) is None


def test_find_counts_offsets():
    text = "On 2 July at least 12 fighters and two-hundred jihadists; the toll rose from 10 to 20."
    counts = find_counts(text)
    assert [text[c.start : c.end] for c in counts] == ["2", "at least 12", "two-hundred", "10", "20"]
    assert counts[1] == Count(text.index("at least"), text.index(" fighters"), 12, None)


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen".split()
_UNITS += ["seventeen", "eighteen", "nineteen"]
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _spell(n: int) -> str:
    """English words for 0 < n < 10**9, written the way reporters do ("one hundred and five", "forty-two")."""
    for scale, name in ((1_000_000, "million"), (1_000, "thousand"), (100, "hundred")):
        if n >= scale:
            head, rest = divmod(n, scale)
            tail = "" if rest == 0 else (" and " if rest < 100 else " ") + _spell(rest)
            return f"{_spell(head)} {name}{tail}"
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + ("" if unit == 0 else "-" + _UNITS[unit])


@given(st.integers(min_value=1, max_value=999_999_999))
def test_spelled_numbers_read_back(n):
    assert parse_count(_spell(n)) == (n, n)
    assert parse_count(f"{n:,}") == (n, n)
    assert parse_count(f"at least {n}") == (n, None)


@given(st.integers(min_value=1, max_value=10_000), st.integers(min_value=1, max_value=10_000))
def test_ranges_read_back(low, extra):
    high = low + extra
    assert parse_count(f"{low}-{high}") == (low, high)
    assert parse_count(f"between {low:,} and {high:,}") == (low, high)
    assert parse_count(f"{_spell(low)} to {_spell(high)}") == (low, high)


# -- tolls --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


def _summary(doc, toll: TollMention):
    victims = doc.text[toll.victims[0] : toll.victims[1]] if toll.victims else None
    return toll.kind, toll.min, toll.max, toll.text, victims, toll.aggregate


K, W, C, M = "killed", "wounded", "captured", "missing"
CASES = [
    # the object of a verb; "since September" makes it a total over a period
    (
        "Russia says its air strikes killed two-hundred I.S. jihadists near Raqqa.",
        [(K, 200, 200, "two-hundred I.S. jihadists", "I.S. jihadists", False)],
    ),
    (
        "Russia claims it has killed two-hundred I.S. jihadists since September.",
        [(K, 200, 200, "two-hundred I.S. jihadists", "I.S. jihadists", True)],
    ),
    # a relative clause on the count
    (
        "Residents mourned the hundreds of people Russia killed in Aleppo.",
        [(K, 100, None, "hundreds of people", "people", False)],
    ),
    # a participle on the noun, a total for the year, and a count compared with it
    (
        "Gen. Hamedani is among the 60-70 Iranians killed in Syria this year—as compared to 140 total since 2011.",
        [(K, 60, 70, "60-70 Iranians", "Iranians", True), (K, 140, 140, "140 total", None, True)],
    ),
    (
        "The fighting killed 11 people, compared with 4 the week before.",
        [(K, 11, 11, "11 people", "people", False), (K, 4, 4, "4", None, False)],
    ),
    # passive subjects, killed and wounded kept apart
    (
        "Two people were killed and 18 were wounded during a mortar attack on the market.",
        [(K, 2, 2, "Two people", "people", False), (W, 18, 18, "18", None, False)],
    ),
    (
        "The militants overran the outpost, killing at least 12 fighters.",
        [(K, 12, None, "at least 12 fighters", "fighters", False)],
    ),
    (
        "Three Libyan government troops were killed on 2 July in clashes near Sirte.",
        [(K, 3, 3, "Three Libyan government troops", "Libyan government troops", False)],
    ),
    ("3 soldiers died in the blast.", [(K, 3, 3, "3 soldiers", "soldiers", False)]),
    ("Both victims died at the scene.", [(K, 2, 2, "Both victims", "victims", False)]),
    # a result: "left 5 dead", "shot dead", "found dead"
    (
        "The attack left 5 dead and 20 injured.",
        [(K, 5, 5, "5 dead", None, False), (W, 20, 20, "20", None, False)],
    ),
    ("A civilian was shot dead at a checkpoint.", [(K, 1, 1, "A civilian", "civilian", False)]),
    ("On 8 May 2020, a man was found dead near the market.", [(K, 1, 1, "a man", "man", False)]),
    # headlines
    (
        "Nine dead and 14 injured after rival clans clashed over grazing land.",
        [(K, 9, 9, "Nine dead", None, False), (W, 14, 14, "14", None, False)],
    ),
    (
        "Seven killed, 15 wounded in market blast.",
        [(K, 7, 7, "Seven", None, False), (W, 15, 15, "15", None, False)],
    ),
    # nouns that are the toll
    ("Police said two bodies were recovered.", [(K, 2, 2, "two bodies", None, False)]),
    ("The bodies of two men were found in a ditch.", [(K, 2, 2, "two men", "men", False)]),
    ("The blast claimed 10 lives.", [(K, 10, 10, "10 lives", None, False)]),
    ("The clashes caused 20 casualties.", [(K, None, 20, "20 casualties", None, False)]),
    ("No casualties were reported.", [(K, 0, 0, "No casualties", None, False)]),
    (
        "Neither fatalities nor injuries were reported.",
        [(K, 0, 0, "Neither fatalities", None, False), (W, 0, 0, "Neither fatalities nor injuries", None, False)],
    ),
    # the death toll
    ("The death toll since March has reached 300.", [(K, 300, 300, "300", None, True)]),
    (
        "At least four people died, bringing the death toll to 45.",
        [(K, 4, None, "At least four people", "people", False), (K, 45, 45, "45", None, False)],
    ),
    # zero
    ("No one was killed in the shelling.", [(K, 0, 0, "No one", None, False)]),
    ("None of the guards were hurt.", [(W, 0, 0, "None of the guards", "guards", False)]),
    # ranges and bounds
    ("Between 60 and 70 villagers were massacred.", [(K, 60, 70, "Between 60 and 70 villagers", "villagers", False)]),
    (
        "Up to 30 people may have been killed in the strikes.",
        [(K, None, 30, "Up to 30 people", "people", False)],
    ),
    ("More than 20 were injured.", [(W, 20, None, "More than 20", None, False)]),
    # several people in one subject are one toll, their sum; a definite person among them counts one
    (
        "Three policemen and a civilian were killed when gunmen attacked the station.",
        [(K, 4, 4, "Three policemen and a civilian", "policemen", False)],
    ),
    ("A shepherd and his nephew died in the raid.", [(K, 2, 2, "A shepherd and his nephew", "shepherd", False)]),
    (
        "At least 5 rebels as well as 2 soldiers were killed near the border.",
        [(K, 7, None, "At least 5 rebels as well as 2 soldiers", "rebels", False)],
    ),
    # a part set apart by "including" is not added
    (
        "Nine fighters, including two commanders, were killed in the raid.",
        [(K, 9, 9, "Nine fighters", "fighters", False)],
    ),
    # ACLED's coding note splits the toll between events: each counts its share, rounded down
    (
        "Seven soldiers were killed in the two ambushes. Fatalities split between 2 events.",
        [(K, 3, 3, "Seven soldiers", "soldiers", False)],
    ),
    (
        "A villager was killed. Total fatalities divided equally across three events.",
        [(K, 0, 0, "A villager", "villager", False)],
    ),
    ("Militants beheaded a police officer.", [(K, 1, 1, "a police officer", "police officer", False)]),
    (
        "Two aid workers were abducted and later killed.",
        [(C, 2, 2, "Two aid workers", "aid workers", False), (K, 2, 2, "Two aid workers", "aid workers", False)],
    ),
    # captured and missing
    (
        "Dozens of protesters were arrested outside parliament.",
        [(C, 12, None, "Dozens of protesters", "protesters", False)],
    ),
    ("Two were abducted by gunmen on the highway.", [(C, 2, 2, "Two", None, False)]),
    (
        "Gunmen kidnapped 12 students and took three teachers hostage.",
        [(C, 12, 12, "12 students", "students", False), (C, 3, 3, "three teachers", "teachers", False)],
    ),
    (
        "So far this year, 50 journalists have been arrested.",
        [(C, 50, 50, "50 journalists", "journalists", True)],
    ),
    ("Around 40 fishermen remain missing after the raid.", [(M, 40, 40, "Around 40 fishermen", "fishermen", False)]),
    (
        "Thousands of people have disappeared since 2011.",
        [(M, 1000, None, "Thousands of people", "people", True)],
    ),
    (
        "Government forces have killed 300 civilians since the war began.",
        [(K, 300, 300, "300 civilians", "civilians", True)],
    ),
    # no toll: ACLED's coding notes, no number, things that are not people, unrealized or negated verbs
    ("Fatalities coded as 10.", []),
    ("A group of journalists were detained.", []),
    ("Police seized 4 rifles and captured 3 villages.", []),
    ("The mob tried to lynch three men.", []),
    ("The two guards were not hurt.", []),
    ("Troops entered the town on 3 May with 200 vehicles.", []),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_tolls(nlp, text, expected):
    doc = nlp(text)
    assert [_summary(doc, toll) for toll in find_tolls(doc)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Two people were killed and 18 were wounded during a mortar attack on the market.", "killed"),
        ("The militants overran the outpost, killing at least 12 fighters.", "killing"),
        ("3 soldiers died in the blast.", "died"),
        ("The death toll since March has reached 300.", "toll"),
        ("No casualties were reported.", "casualties"),
        ("The attack left 5 dead and 20 injured.", "dead"),
        ("A civilian was shot dead at a checkpoint.", "shot"),
    ],
)
def test_trigger_is_the_word_that_states_the_toll(nlp, text, trigger):
    doc = nlp(text)
    assert doc[find_tolls(doc)[0].trigger].text == trigger


@pytest.mark.slow
def test_every_offset_quotes_the_text(nlp):
    for doc in nlp.pipe(text for text, _ in CASES):
        for toll in find_tolls(doc):
            assert toll.text == doc.text[toll.start : toll.end]
            assert toll.trigger is not None and 0 <= toll.trigger < len(doc)
            if toll.victims is not None:
                assert toll.start <= toll.victims[0] < toll.victims[1] <= toll.end


def test_an_unparsed_doc_has_no_tolls():
    assert find_tolls(spacy.blank("en")("Two people were killed.")) == []
