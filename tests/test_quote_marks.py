"""Quoted passages found from the quotation marks alone (no parse): every style, nesting, strays,
quotes over paragraphs, and linear time on pathological input."""

import pytest

from tacitus.stages import quote_marks
from tacitus.stages.quote_marks import passages


def words(text):
    return [[text[a:b] for a, b in p.fragments] for p in passages(text)]


def test_curly_split_around_the_cue():
    assert words("“We will stay,” she said, “until the end.”") == [["We will stay,"], ["until the end."]]


def test_straight_marks_and_inches():
    assert words('He is 6\'3" tall and "very fit," he said.') == [["very fit,"]]


def test_typewriter_and_double_apostrophe_marks():
    assert words("Not paying taxes ''makes me smart,'' he said. ``Yes,'' she said.") == [["makes me smart,"], ["Yes,"]]


def test_guillemets_and_low_marks():
    assert words("Il a dit «nous restons» et „wir bleiben“.") == [["nous restons"], ["wir bleiben"]]


def test_single_marks_but_not_apostrophes():
    assert words("It’s ‘in their heads.’ Rock ’n’ roll isn’t dead.") == [["in their heads."]]


def test_nested_quote_stays_inside():
    text = '"He read the question: “Do you think so?” Forty-three, yes."'
    assert words(text) == [["He read the question: “Do you think so?” Forty-three, yes."]]


def test_writers_mix_straight_and_curly():
    assert words('"Oz has a huge pulpit,” said Gorski. “He can’t.”') == [["Oz has a huge pulpit,"], ["He can’t."]]


def test_closing_mark_opening_a_paragraph():
    assert words("”Fortunately, he is open about it.” ― Beck Pimentel") == [["Fortunately, he is open about it."]]


def test_stray_mark_does_not_swallow_the_paragraph():
    text = '"The mayor stepped up to the podium, the crowd chanting “Four more years!”\n\n“Exactly,” Dana said.'
    assert words(text) == [["Four more years!"], ["Exactly,"]]


def test_quote_over_paragraphs_is_one_passage():
    text = "He said: “We took the hill at dawn.\n\n“We will hold it.\n\n“It is ours,” he added. “D"
    ps = passages(text)
    assert [[text[a:b] for a, b in p.fragments] for p in ps] == [["We took the hill at dawn.", "We will hold it.",
                                                                   "It is ours,"]]


def test_unclosed_at_the_end_is_dropped():
    assert words("He said “we will") == []


def test_marks_are_scanned_a_bounded_number_of_times(monkeypatch):
    """Linear: each paragraph is paired at most MAX_RESCANS + 1 times, whatever its marks."""
    calls = []
    real = quote_marks._scan

    def counting(*a):
        calls.append(1)
        return real(*a)

    monkeypatch.setattr(quote_marks, "_scan", counting)
    passages('"He said ' * 4000)
    assert len(calls) <= quote_marks.MAX_RESCANS + 1
    calls.clear()
    passages('“He said, \n\n' * 2000)
    assert len(calls) <= 2000 * (quote_marks.MAX_RESCANS + 1)


@pytest.mark.parametrize("text", ['"He said ' * 12000, "“He said, " * 10000, '“A,” he said. "B ' * 6000])
def test_pathological_marks_are_scanned_a_bounded_number_of_times(monkeypatch, text):
    """The work is bounded by the number of paragraphs, not of marks (how long it takes:
    benchmarks/pathological.py)."""
    calls = []
    real = quote_marks._scan

    def counting(*a):
        calls.append(1)
        return real(*a)

    monkeypatch.setattr(quote_marks, "_scan", counting)
    text = text[:100_000]
    passages(text)
    assert len(calls) <= (text.count("\n\n") + 1) * (quote_marks.MAX_RESCANS + 1)
