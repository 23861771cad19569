"""Readers for CSV (with a column map), WARC archives and RSS/Atom feeds, on inputs written here."""

import io

from tacitus.ingest.items import Failure, Item
from tacitus.ingest.sources import iter_items

TEXT = "Somali troops repelled an al-Shabaab attack on a base near Mogadishu on Sunday, officials said."


def test_csv_with_a_column_map(tmp_path):
    f = tmp_path / "dump.csv"
    f.write_text("guid,headline,body,date\n1,Attack repelled,\"" + TEXT + "\",2024-01-07\n2,Empty,,2024-01-08\n",
                 encoding="utf-8")
    got = list(iter_items([str(f)], max_bytes=10**6, csv_map={"text": "body", "title": "headline", "id": "guid",
                                                               "published": "date"}))
    assert isinstance(got[0], Item) and got[0].title == "Attack repelled" and got[0].id == "1"
    assert got[0].published == "2024-01-07"
    assert isinstance(got[1], Failure) and got[1].error.code == "T006"


def test_csv_columns_are_guessed(tmp_path):
    f = tmp_path / "dump.tsv"
    f.write_text("id\ttitle\ttext\n9\tT\t" + TEXT + "\n", encoding="utf-8")
    (item,) = iter_items([str(f)], max_bytes=10**6)
    assert item.text == TEXT and item.id == "9"


def _warc(path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = ("<html><head><title>Attack repelled</title></head><body><article>"
            + "".join(f"<p>{TEXT} Paragraph {i} adds detail for the reader.</p>" for i in range(4))
            + "</article></body></html>").encode()
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, body, ctype in (("https://news.example/a", html, "text/html; charset=utf-8"),
                                 ("https://news.example/logo.png", b"\x89PNG....", "image/png"),
                                 ("https://news.example/empty", b"<html><body></body></html>", "text/html")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def test_warc_responses(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    _warc(f)
    got = list(iter_items([str(f)], max_bytes=10**6))
    items = [g for g in got if isinstance(g, Item)]
    fails = [g for g in got if isinstance(g, Failure)]
    assert len(items) == 1 and items[0].url == "https://news.example/a" and "al-Shabaab" in items[0].text
    assert len(fails) == 1 and fails[0].error.code == "T007"  # the empty page; the image is not an article


def test_feed_file_without_fetching(tmp_path):
    f = tmp_path / "feed.rss"
    f.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Horn Times</title>
        <item><title>Attack repelled</title><link>https://news.example/a</link><guid>a1</guid>
        <pubDate>Sun, 07 Jan 2024 10:00:00 GMT</pubDate><description>{TEXT}</description></item>
        <item><title>No text</title><link>https://news.example/b</link></item>
        </channel></rss>""", encoding="utf-8")
    got = list(iter_items([str(f)], max_bytes=10**6, fetch=False))
    assert isinstance(got[0], Item) and got[0].source == "Horn Times" and got[0].published == "2024-01-07"
    assert got[0].text.startswith("Somali troops")
    assert isinstance(got[1], Failure) and got[1].error.code == "T006"


def test_broken_feed_and_unreachable_url(tmp_path):
    f = tmp_path / "broken.xml"
    f.write_text("<rss><channel><item><title>x", encoding="utf-8")
    got = list(iter_items([str(f)], max_bytes=10**6))
    assert all(isinstance(g, (Item, Failure)) for g in got)
    got = list(iter_items(["http://127.0.0.1:9/feed.xml"], max_bytes=10**6, fetch=True))
    assert isinstance(got[0], Failure) and got[0].error.code == "T014"
