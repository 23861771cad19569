"""The pipeline under hostile input (#17): text normalised once at the door (lone surrogates and
control characters, counted in `errors`), fields of the wrong type refused with a code, the size
limit per item, dates kept inside the calendar, long articles parsed in bounded pieces with
offsets into the whole text, and an article that breaks costs only itself."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from tacitus.errors import TacitusError
from tacitus.ingest.items import Failure, Item

TEXT = "Rebels attacked an army base near Gao on Monday, killing four soldiers, officials said."


def run(pipe, *items):
    return list(pipe.run(list(items), n_process=1))


def test_lone_surrogates_are_replaced_and_counted(pipe):
    (rec,) = run(pipe, Item(text="Caf\udce9 owners said rebels attacked a base near Gao on Monday.", input="s",
                            title="T\ud800itle", published="2024-05-06"))
    assert rec["ok"] and rec["text"].startswith("Caf\ufffd owners") and rec["title"] == "T\ufffditle"
    (t017,) = [e for e in rec["errors"] if e["code"] == "T017"]
    assert "2 character(s)" in t017["message"]
    json.dumps(rec, ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_a_surrogate_pair_stays_one_character():
    from tacitus.door import clean

    assert clean("a\ud83d\ude00b") == ("a\U0001f600b", 0, 0)


def test_nul_and_control_characters_are_removed_and_counted(pipe):
    (rec,) = run(pipe, Item(text="Rebels\x00 attacked\x07 a base\x1b near Gao.\tTroops\r\nfled.", input="c"))
    assert rec["ok"] and rec["text"] == "Rebels attacked a base near Gao.\tTroops\r\nfled."
    assert any(e["code"] == "T017" and "3 control" in e["message"] for e in rec["errors"])


def test_extract_of_nothing_is_a_coded_error(pipe):
    with pytest.raises(TacitusError) as e:
        pipe.extract(None)
    assert e.value.code == "T006" and str(e.value) == "T006 <text>: the input has no text"  # the code said once
    for empty in ("", "   \n\t", "\x00\x00"):
        with pytest.raises(TacitusError) as e:
            pipe.extract(empty)
        assert e.value.code == "T001" and str(e.value).startswith("T001 <text>: ")


def test_fields_of_the_wrong_type_are_T016(pipe):
    got = list(pipe.extract_many([{"id": "a", "text": TEXT, "title": {"x": 1}}, {"id": "b", "text": 5},
                                  {"id": "c", "text": TEXT, "url": ["u"]}, {"id": ["d"], "text": TEXT},
                                  {"id": "e", "text": TEXT, "published": 2024}, {"id": 7, "text": TEXT}],
                                 n_process=1))
    assert [a.ok for a in got] == [False, False, False, False, False, True]
    assert all(a.errors[0].code == "T016" for a in got[:5]) and got[5].id == "7"
    assert "'title'" in got[0].errors[0].message and "'published'" in got[4].errors[0].message


def test_the_size_limit_holds_for_every_item(pipe):
    big = Item(text="word " * 500_000, input="big")  # 2.5 MB, over the default 2 MB
    wide = Item(text="é" * 1_200_000, input="wide")  # 1.2 M characters, 2.4 MB in UTF-8
    recs = run(pipe, big, wide, Item(text=TEXT, input="ok"))
    assert [r["errors"][0]["code"] for r in recs[:2]] == ["T004", "T004"] and recs[2]["ok"]


def test_published_at_the_calendar_ends_is_ignored_not_fatal(pipe):
    recs = run(pipe, Item(text="Rebels attacked a base in Mali last week, two years ago.", input="a",
                          published="0001-01-01"),
               Item(text="Rebels attacked a base in Mali next week.", input="b", published="9999-12-31"))
    for r in recs:
        assert r["ok"] and r["published"] is None and any(e["code"] == "T008" for e in r["errors"]), r["errors"]


def test_record_dates_are_clamped_into_the_calendar():
    from tacitus.door import clamp, clamp_dates

    assert clamp("9999-12-31") == "9989-12-31" and clamp("0001-01-01") == "0010-01-01"
    assert clamp("0003") == "0010" and clamp("2024-05") == "2024-05" and clamp("soon") == "soon"
    rec = clamp_dates({"id": "x", "published": "2024-01-01", "events": [{"date": {"start": "9999-12-30",
                                                                                    "end": "9999-12-31"}}],
                       "dates": [{"start": "0001-01-01", "end": "0001-01-02"}], "errors": []})
    assert rec["events"][0]["date"] == {"start": "9989-12-31", "end": "9989-12-31"}
    assert rec["dates"][0]["start"] == "0010-01-01" and rec["errors"][0]["code"] == "T008"


def test_door_leaves_the_given_item_as_it_was():
    from tacitus.door import admit

    item = Item(text="a\x00b", input="x")
    got = admit(item, 100)
    assert item.text == "a\x00b" and got.text == "ab" and got.admitted and admit(got, 100) is got
    assert isinstance(admit(Failure(input="bad\udcff.txt", error=TacitusError("T001", "empty", source="bad\udcff")),
                            100).input.encode(), bytes)


# ---------------------------------------------------------------------- long articles
def test_segments_cover_the_text_in_bounded_pieces():
    from tacitus import parsing

    para = "Rebels attacked a base. " * 30 + "\n\n"
    for text in (para * 200, "x" * 50_000, ("word " * 9000), "é\n" * 30_000):
        spans = parsing.segments(text, 20_000)
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a < b <= a + 20_000 for a, b in spans) and all(spans[i][1] == spans[i + 1][0]
                                                                  for i in range(len(spans) - 1))
    spans = parsing.segments(para * 200, 20_000)
    assert all(para[:5] == (para * 200)[b:b + 5] for _, b in spans[:-1])  # cut at paragraph starts


def test_long_article_offsets_point_into_the_whole_text(pipe):
    paras = [f"Rebels attacked an army base near Gao on Monday, killing {i % 40 + 2} soldiers, officials said. "
             f'"We will not stop," a spokesman for the group told Reuters in Bamako.' for i in range(600)]
    text = "\n\n".join(paras)  # about 100,000 characters: several pieces
    (rec,) = run(pipe, Item(text=text, input="long", published="2024-05-08"))
    assert rec["ok"] and rec["text"] == text
    assert rec["events"] and rec["places"] and rec["quotes"]
    for p in rec["places"]:
        assert text[p["start"]:p["end"]] == p["text"]
    for q in rec["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    for e in rec["events"]:
        assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
    last = text.rindex("Bamako")
    assert any(p["start"] == last for p in rec["places"])  # the last piece was read too


def test_dense_text_is_cut_into_pieces_of_bounded_tokens(pipe):
    from tacitus import parsing

    docs = list(parsing.pieces(pipe.nlp, 0, "x-" * 30_000))
    assert all(len(d) <= parsing.SEGMENT_TOKENS for d in docs)
    assert "".join(d.text for d in docs) == "x-" * 30_000


def test_an_article_that_breaks_the_parse_costs_only_itself(pipe, monkeypatch):
    from tacitus import parsing

    real = parsing.join

    def breaking(parsed):
        for seq, doc in real(parsed):
            if doc is not None and "BREAK" in doc.text:
                raise RuntimeError("a bug in joining")
            yield seq, doc

    monkeypatch.setattr(parsing, "join", breaking)
    recs = run(pipe, Item(text=TEXT, input="a"), Item(text="BREAK " + TEXT, input="b"), Item(text=TEXT, input="c"))
    assert [r["ok"] for r in recs] == [True, False, True]
    assert recs[1]["errors"][0]["code"] == "T012" and "RuntimeError" in recs[1]["errors"][0]["message"]


PEAK = """
from tacitus.ingest.items import Item
from tacitus.pipeline import Pipeline
from tacitus.settings import Settings


def hwm():  # this process's own peak (kB); its ru_maxrss also holds the peak of pytest, which spawned it
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))


p = Pipeline(Settings(n_process=1))
list(p.run([Item(text="Rebels attacked a base in Mali.", input="warm")]))
base = hwm()
text = {text}
rec = next(p.run([Item(text=text, input="x", published="2024-01-01")]))
assert rec.get("ok", True), rec["errors"]
print(hwm() // 1024, (hwm() - base) // 1024)
"""


@pytest.mark.slow
@pytest.mark.parametrize("text, bound_mb", [
    ('"x-" * 150_000', 700),  # 300,000 characters, 300,000 tokens: the 400 KB case took 6.6 GB
    ('("Rebels attacked an army base near Gao on Monday, killing four soldiers. " * 40 + "\\n\\n") * 120', 700),
])
def test_peak_memory_of_a_long_article_stays_bounded(text, bound_mb):
    p = subprocess.run([sys.executable, "-c", PEAK.format(text=text)], capture_output=True, text=True, timeout=1200,
                       cwd=ROOT)
    assert p.returncode == 0, p.stderr[-2000:]
    peak, grown = map(int, p.stdout.split()[-2:])
    assert grown < bound_mb, p.stdout  # what the article added
    # the child's whole peak (model included), as it measures itself (VmHWM): this process's
    # RUSAGE_CHILDREN is the largest of every child it ever waited for, other tests' included, and
    # a child's own ru_maxrss starts from this process's peak (exec keeps the old one)
    assert peak < bound_mb + 400, p.stdout
