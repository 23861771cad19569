"""Temporal expressions resolved against the publication date, and event dates."""

import datetime as dt

import pytest

from conftest import events_of
from tacitus.stages.dates import Resolver

PUB = dt.date(2017, 10, 17)  # a Tuesday


@pytest.mark.parametrize("text,start,end,precision,method", [
    ("Tuesday", "2017-10-17", "2017-10-17", "day", "weekday_relative_to_published"),
    ("earlier Tuesday", "2017-10-17", "2017-10-17", "day", "weekday_relative_to_published"),
    ("Sunday", "2017-10-15", "2017-10-15", "day", "weekday_relative_to_published"),
    ("last Tuesday", "2017-10-10", "2017-10-10", "day", "weekday_relative_to_published"),
    ("next Monday", "2017-10-23", "2017-10-23", "day", "weekday_relative_to_published"),
    ("yesterday", "2017-10-16", "2017-10-16", "day", "relative_to_published"),
    ("last night", "2017-10-16", "2017-10-16", "day", "relative_to_published"),
    ("today", "2017-10-17", "2017-10-17", "day", "relative_to_published"),
    ("last week", "2017-10-09", "2017-10-15", "week", "relative_to_published"),
    ("last month", "2017-09", "2017-09", "month", "relative_to_published"),
    ("this year", "2017", "2017", "year", "relative_to_published"),
    ("three months ago", "2017-07", "2017-07", "month", "relative_to_published"),
    ("two days ago", "2017-10-15", "2017-10-15", "day", "relative_to_published"),
    ("June", "2017-06", "2017-06", "month", "month_without_year"),
    ("in November", "2016-11", "2016-11", "month", "month_without_year"),
    ("June 5", "2017-06-05", "2017-06-05", "day", "day_without_year"),
    ("5 June 2014", "2014-06-05", "2014-06-05", "day", "explicit"),
    ("March 2011", "2011-03", "2011-03", "month", "explicit"),
    ("1994", "1994", "1994", "year", "explicit"),
    ("between 10 and 15 June", "2017-06-10", "2017-06-15", "day", "explicit_range"),
    ("from March to May", "2017-03", "2017-05", "month", "explicit_range"),
])
def test_resolution(text, start, end, precision, method):
    got = Resolver().resolve(text, PUB)
    assert got == (start, end, precision, method)


def test_durations_are_not_dates(extract):
    art = extract("After a grueling four-month battle, the army took the city.", published="2017-10-17")
    assert not any(d.text.startswith("four-month") for d in art.dates)


def test_anchored_phrase(extract):
    art = extract("The fall of Raqqa, three months after ISIS lost control of Mosul, weakens the group.",
                  published="2017-10-17")
    anchored = [d for d in art.dates if d.method == "anchored"]
    assert anchored and anchored[0].start == "2017-07" and anchored[0].precision == "month"


def test_event_dates(extract):
    art = extract("Syrian troops shelled Idlib on Sunday. The army said rebels had attacked a checkpoint "
                  "in June.", published="2017-10-17")
    shelled = [e for e in events_of(art, "19") if e.trigger.text == "shelled"][0]
    assert (shelled.date.start, shelled.date.precision) == ("2017-10-15", "day")
    assert shelled.date.method.endswith(":clause")
    attacked = [e for e in art.events if e.trigger.text == "attacked"][0]
    assert attacked.date.start == "2017-06"


def test_publication_date_is_the_last_resort_and_says_so(extract):
    art = extract("Nigerian troops clashed with Boko Haram fighters near Maiduguri.", published="2023-05-16")
    ev = events_of(art, "19")[0]
    assert (ev.date.start, ev.date.method) == ("2023-05-16", "publication_date")


def test_no_publication_date_means_no_guess(extract):
    art = extract("Nigerian troops clashed with Boko Haram fighters on Tuesday.", published=None)
    assert events_of(art, "19")[0].date is None
