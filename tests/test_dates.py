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
    ("the 1980s", "1980", "1989", "decade", "explicit"),
    ("the '90s", "1990", "1999", "decade", "explicit"),
    ("earlier this month", "2017-10-01", "2017-10-17", "week", "relative_to_published"),
    ("later this year", "2017-10-17", "2017-12-31", "month", "relative_to_published"),
    ("late last year", "2016-09-01", "2016-12-31", "month", "relative_to_published"),
    ("in August 2013", "2013-08", "2013-08", "month", "explicit"),
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


# --- issue #14: names are no dates, historical incidents keep their own date, fallbacks say so ---


def test_a_person_named_may_is_no_date(extract):
    art = extract("Theresa May met the president in London on Friday. May said the talks went well.",
                  published="2017-10-17")
    assert not [d for d in art.dates if d.text.strip() == "May"]
    assert [d for d in art.dates if d.text.endswith("Friday")][0].start == "2017-10-13"


def test_friday_in_a_report_published_on_friday_is_that_day(extract):
    art = extract("Police arrested three protesters in Nairobi on Friday.", published="2021-06-18")
    ev = events_of(art, "17")[0]
    assert ev.date.start == "2021-06-18" and ev.date.method.startswith("weekday_relative_to_published")


def test_a_historical_incident_keeps_its_own_date(extract):
    art = extract("The 1995 massacre in Srebrenica killed 8,000 men, a court heard on Friday.",
                  published="2021-07-11")
    massacre = [e for e in art.events if e.trigger.text == "massacre"][0]
    assert (massacre.date.start, massacre.date.precision) == ("1995", "year")


def test_event_date_from_an_earlier_sentence_of_the_paragraph(extract):
    art = extract("On 3 May 2020, gunmen attacked a village near Kidal. Separately, hundreds of residents "
                  "protested in Gao against the army.", published="2020-05-06")
    protest = events_of(art, "14")[0]
    assert protest.date.start == "2020-05-03" and protest.date.method.endswith(":paragraph")


def test_the_publication_date_fallback_is_less_precise(extract):
    art = extract("Nigerian troops clashed with Boko Haram fighters near Maiduguri.", published="2023-05-16")
    d = events_of(art, "19")[0].date
    assert (d.start, d.end, d.precision, d.method) == ("2023-05-16", "2023-05-16", "week", "publication_date")


def test_last_year_is_a_date_not_a_duration(extract):
    art = extract("Last year, roadside bombs killed 12 police officers near Mandera.", published="2024-03-19")
    ev = events_of(art, "18")[0]
    assert (ev.date.start, ev.date.precision) == ("2023", "year") and ev.current is False


def test_two_days_after_counts_back_from_the_incident_just_told(extract):
    """'The raid came two days after X': X happened two days before the raid, whose day the text
    has just given, not two days before the report."""
    art = extract("Gunmen raided a police station in Garissa on Sunday, killing four officers.\n\nThe raid came "
                  "two days after soldiers clashed with militants near Dadaab.", published="2024-03-20")
    clash = [e for e in art.events if e.trigger.text == "clashed"][0]
    assert (clash.date.start, clash.date.method) == ("2024-03-15", "anchored:anchored")


def test_a_date_of_its_own_inside_an_anchored_phrase_wins(extract):
    art = extract("The shelling came a day after the army repelled an assault on the city on Thursday.",
                  published="2024-09-24")
    repelled = [e for e in art.events if e.trigger.text == "repelled"][0]
    assert repelled.date.start == "2024-09-19" and repelled.date.method.endswith(":clause")


def test_months_with_last_or_this_year(extract):
    art = extract("The government survived a crisis in June last year, cut fuel prices in March this year and "
                  "faced strikes last December.", published="2025-07-09")
    got = {d.text: (d.start, d.precision) for d in art.dates}
    assert got["June last year"] == ("2024-06", "month")
    assert got["March this year"] == ("2025-03", "month")
    assert got["last December"] == ("2024-12", "month")


def test_an_undated_conflict_mention_below_the_lead_takes_the_leads_day(extract):
    """A body paragraph that names no date of its own goes on telling of the lead's day (`:lead`);
    once another incident's day has been told, it no longer does."""
    art = extract("Police fired tear gas at protesters in Lusaka and several other towns on Monday, leaving "
                  "three dead, rights groups said.\n\nIn Ndola, protesters set fire to a police post.\n\n"
                  "On Saturday, gunmen attacked a bus near Kabwe.\n\nIn Kitwe, rioters looted shops.",
                  published="2025-07-09")
    by = {e.trigger.text: e.date for e in art.events}
    assert (by["set"].start, by["set"].method) == ("2025-07-07", "weekday_relative_to_published:lead")
    assert by["looted"].method == "publication_date"
