"""Readers under hostile input (#17): each record is decoded and validated on its own, with the
error on that record; every input (also an empty file, a header-only CSV, a feed without entries,
a truncated WARC) is accounted for exactly once; nothing a file holds stops the run."""

from __future__ import annotations

import io
import json

import pytest

from tacitus.ingest.items import Failure, Item
from tacitus.ingest.sources import iter_items

TEXT = "Rebels attacked an army base near Gao on Monday, killing four soldiers, officials said."


def read(*specs, max_bytes=10**6, **kw):
    return list(iter_items([str(s) for s in specs], max_bytes=max_bytes, **kw))


def failures(got):
    return {g.input.rsplit("/", 1)[-1]: g.error.code for g in got if isinstance(g, Failure)}


def once(got):
    names = [g.input for g in got]
    assert len(names) == len(set(names)), "an input is accounted for twice"
    return got


# ---------------------------------------------------------------------- CSV
def test_csv_bad_byte_deep_in_the_file_fails_its_row_only(tmp_path):
    f = tmp_path / "d.csv"
    with f.open("wb") as fh:
        fh.write(b"id,title,text\n")
        for i in range(400):
            t = TEXT.encode()
            if i == 300:
                t = t.replace(b"army", b"ar\xffmy")
            fh.write(f"r{i},T{i},".encode() + t + b"\n")
    got = once(read(f))
    assert len(got) == 400
    assert failures(got) == {"d.csv:302": "T003"}  # line 302: the header is line 1
    bad = next(g for g in got if isinstance(g, Failure))
    assert "0xff" in str(bad.error) and "d.csv:302" in str(bad.error)


def test_csv_field_over_the_limit_fails_its_row_and_the_next_rows_are_read(tmp_path):
    f = tmp_path / "d.csv"
    f.write_text("id,text\n" + f'a,"{TEXT}"\n' + f'b,"{"word " * 3000}"\n' + f'c,"{TEXT}"\n', encoding="utf-8")
    got = once(read(f, max_bytes=5000))
    assert [g.input.rsplit(":", 1)[1] for g in got] == ["2", "3", "4"]
    assert failures(got) == {"d.csv:3": "T004"}
    assert got[2].id == "c" and got[2].text == TEXT


def test_csv_multi_line_field_over_the_limit_is_skipped_whole(tmp_path):
    f = tmp_path / "d.csv"
    big = "\n".join(f"line {i} of a very long quoted field" for i in range(400))
    f.write_text("id,text\n" + f'a,"{big}"\n' + f"b,{TEXT}\n", encoding="utf-8")
    got = once(read(f, max_bytes=2000))
    assert failures(got) == {"d.csv:2": "T004"}
    assert [g.id for g in got if isinstance(g, Item)] == ["b"]  # no row made of the field's inner lines


def test_csv_unterminated_quote_fails_its_row_and_keeps_the_following_rows(tmp_path):
    f = tmp_path / "d.csv"
    f.write_text("id,text\n" + f'u0,"{TEXT}\n' + "".join(f"u{i},{TEXT}\n" for i in range(1, 5)), encoding="utf-8")
    got = once(read(f))
    assert failures(got) == {"d.csv:2": "T005"}
    assert [g.id for g in got if isinstance(g, Item)] == ["u1", "u2", "u3", "u4"]


def test_csv_quote_closed_inside_a_later_row_fails_only_the_row_that_opened_it(tmp_path):
    f = tmp_path / "d.csv"
    f.write_text("id,text\n" + f'u0,"{TEXT}\n' + f'u1,"{TEXT}",x\n' + f"u2,{TEXT}\n", encoding="utf-8")
    got = once(read(f))
    assert failures(got) == {"d.csv:2": "T005"}
    assert [g.id for g in got if isinstance(g, Item)] == ["u1", "u2"]


def test_csv_quoted_fields_and_literal_quotes_still_read_as_csv(tmp_path):
    f = tmp_path / "d.tsv"
    f.write_text('id\ttitle\ttext\n1\tA 12" pipe\t' + TEXT + '\n2\t"Two\nlines"\t"He said ""no""."\n',
                 encoding="utf-8")
    got = once(read(f))
    assert [type(g) for g in got] == [Item, Item]
    assert got[0].title == 'A 12" pipe' and got[1].title == "Two\nlines" and got[1].text == 'He said "no".'


def test_csv_nul_bytes_do_not_stop_the_file(tmp_path):
    f = tmp_path / "d.csv"
    f.write_bytes(b"id,text\n" + b"a,Rebels\x00 attacked a base.\n" + f"b,{TEXT}\n".encode())
    got = once(read(f))
    assert [type(g) for g in got] == [Item, Item] and "\x00" not in got[0].text


def test_header_only_and_empty_csv_are_accounted_for(tmp_path):
    (tmp_path / "h.csv").write_text("id,title,text\n", encoding="utf-8")
    (tmp_path / "e.csv").write_bytes(b"")
    (tmp_path / "blank.csv").write_text("id,text\n\n\n", encoding="utf-8")
    got = once(read(tmp_path / "h.csv", tmp_path / "e.csv", tmp_path / "blank.csv"))
    assert failures(got) == {"h.csv": "T001", "e.csv": "T001", "blank.csv": "T001"}


def test_utf16_csv_is_read_row_by_row(tmp_path):
    f = tmp_path / "excel.tsv"
    f.write_bytes(("id\ttext\r\n1\t" + TEXT + "\r\n2\tLes manifestants ont défilé.\r\n").encode("utf-16"))
    got = once(read(f, encoding="utf-16"))
    assert [g.id for g in got] == ["1", "2"] and got[1].text == "Les manifestants ont défilé."


# ---------------------------------------------------------------------- JSONL
def test_jsonl_nested_beyond_the_recursion_limit_is_T005_and_the_next_line_is_read(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text("[" * 100_000 + "]" * 100_000 + "\n" + '{"a": ' * 5000 + "1" + "}" * 5000 + "\n"
                 + json.dumps({"id": "ok", "text": TEXT}) + "\n", encoding="utf-8")
    got = once(read(f))
    assert failures(got) == {"d.jsonl:1": "T005", "d.jsonl:2": "T005"}
    assert got[2].id == "ok"


def test_jsonl_fields_of_the_wrong_type_are_named(tmp_path):
    recs = [{"id": "t1", "text": TEXT, "title": {"a": 1}}, {"id": "t2", "text": TEXT, "url": [1]},
            {"id": "t3", "text": TEXT, "source": 5}, {"id": {"x": 1}, "text": TEXT}, {"id": "t5", "text": 7},
            {"id": "t6", "text": TEXT, "published": 20240101}, {"id": 7, "text": TEXT}, {"id": True, "text": TEXT}]
    f = tmp_path / "d.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    got = once(read(f))
    assert failures(got) == {f"d.jsonl:{n}": "T016" for n in (1, 2, 3, 4, 5, 6, 8)}
    for g, field in zip(got, ["title", "url", "source", "id", "text", "published"], strict=False):
        assert f"'{field}'" in str(g.error)
    assert got[6].id == "7"
    assert got[0].id == "t1"  # the failure still names the record


def test_jsonl_huge_numbers_and_bad_json_are_T005(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text('{"id": "n", "text": "x", "n": ' + "9" * 5000 + "}\n" + "{nope\n" + "[1, 2]\n", encoding="utf-8")
    assert failures(once(read(f))) == {"d.jsonl:1": "T005", "d.jsonl:2": "T005", "d.jsonl:3": "T005"}


def test_jsonl_line_over_the_limit_is_read_in_bounded_pieces(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"id": "big", "text": "x" * 50_000}) + "\n" + json.dumps({"id": "ok", "text": TEXT})
                 + "\n", encoding="utf-8")
    got = once(read(f, max_bytes=1000))
    assert failures(got) == {"d.jsonl:1": "T004"} and got[1].id == "ok"


def test_empty_jsonl_is_accounted_for(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "b.jsonl").write_text("\n  \n\n", encoding="utf-8")
    assert failures(once(read(tmp_path / "e.jsonl", tmp_path / "b.jsonl"))) == {"e.jsonl": "T001",
                                                                                "b.jsonl": "T001"}


def test_stdin_bad_bytes_fail_their_line(monkeypatch):
    import sys

    raw = io.BytesIO(json.dumps({"id": "a", "text": TEXT}).encode() + b"\n" + b'{"id": "b", "text": "x\xff"}\n')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw))
    got = once(read("-"))
    assert isinstance(got[0], Item) and failures(got) == {"<stdin>:2": "T003"}


# ---------------------------------------------------------------------- feeds
def test_feed_without_entries_is_accounted_for(tmp_path):
    f = tmp_path / "n.rss"
    f.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
                 encoding="utf-8")
    assert failures(once(read(f))) == {"n.rss": "T001"}


def test_feed_entry_over_the_limit_fails_alone(tmp_path):
    f = tmp_path / "f.rss"
    f.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
        <item><title>Big</title><description>{"word " * 2000}</description></item>
        <item><title>Ok</title><description>{TEXT}</description></item></channel></rss>""", encoding="utf-8")
    got = once(read(f, max_bytes=2000))
    assert failures(got) == {"f.rss#1": "T004"} and got[1].text == TEXT


# ---------------------------------------------------------------------- WARC
def _warc(path, n=3, gz=False, html=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        body = (f"<html><head><title>T{i}</title></head><body><article><p>{TEXT} Report {i} adds more detail "
                "for the reader, who wants it.</p></article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html" if html else "image/png")],
                                   protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://x.example/{i}", "response", payload=io.BytesIO(body),
                                            http_headers=headers))
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


def test_warc_without_html_is_accounted_for(tmp_path):
    _warc(tmp_path / "img.warc", html=False)
    assert failures(once(read(tmp_path / "img.warc"))) == {"img.warc": "T007"}


@pytest.mark.parametrize("gz", [False, True])
def test_every_truncated_warc_leaves_a_trace(tmp_path, gz):
    from warcio.archiveiterator import ArchiveIterator

    name = "c.warc.gz" if gz else "c.warc"
    data = _warc(tmp_path / name, gz=gz)
    records = ArchiveIterator(io.BytesIO(data))
    starts = [records.get_record_offset() for _ in records] + [len(data)]
    # where each record's bytes end: its gzip member's end, or (uncompressed) before the blank line after it
    ends = [s - (0 if gz else 4) for s in starts[1:]]
    for cut in range(1, len(data)):
        f = tmp_path / f"cut{cut}-{name}"
        f.write_bytes(data[:cut])
        got = once(read(f))
        items = [g for g in got if isinstance(g, Item)]
        assert len(items) <= 3 and all("Report" in g.text for g in items)
        whole = sum(1 for e in ends if e <= cut)  # a cut between records leaves a shorter, whole archive
        if len(items) < 3 and not any(isinstance(g, Failure) for g in got):  # a record lost must show
            assert len(items) == whole, (cut, got)


# ---------------------------------------------------------------------- any reader
def test_a_reader_that_breaks_costs_only_its_file(tmp_path, monkeypatch):
    from tacitus.ingest import jsonl

    def boom(*a, **k):
        raise AttributeError("a bug in a reader")

    monkeypatch.setattr(jsonl, "parse_record", boom)
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n\n" + TEXT, encoding="utf-8")
    got = once(read(tmp_path / "a.jsonl", tmp_path / "b.txt"))
    assert failures(got) == {"a.jsonl": "T012"} and isinstance(got[1], Item)


def test_a_jsonl_line_of_control_characters_is_an_input(tmp_path):
    """str.strip() takes \\x1c-\\x1f for blanks; JSON does not: such a line is a record to account for."""
    f = tmp_path / "d.jsonl"
    f.write_bytes(b"\x1e\n\x0b\n \t\n" + json.dumps({"id": "ok", "text": TEXT}).encode() + b"\n")
    got = once(read(f))
    assert failures(got) == {"d.jsonl:1": "T005", "d.jsonl:2": "T005"} and got[2].id == "ok"
