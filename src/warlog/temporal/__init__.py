"""Dates of the text, normalized against the publication date.

    >>> normalize("on Thursday night", "2015-10-10")
    When(value='2015-10-08', precision='day', text='on Thursday night')
    >>> [m.text for m in find_dates(nlp("Since 2011, and on Thursday night, ..."), "2015-10-10")]
    ['Since 2011', 'Thursday night']

Values are ISO 8601: a day "2015-10-08", a week "2015-W41", a month "2015-05", a season as an interval of
months "2014-06/2014-08", a year "2015", a period "2015-10-07/2015-10-10" (".." for an open end:
"2011/.."). `date_bounds` turns any of them into its first and last day.
"""

from warlog.temporal.find import DateMention, find_dates
from warlog.temporal.normalize import normalize
from warlog.temporal.points import date_bounds

__all__ = ["DateMention", "date_bounds", "find_dates", "normalize"]
