"""The page fetcher of `ingest --fetch`, against a server on 127.0.0.1: robots.txt is obeyed (and
an unreachable one forbids the host), failures that may pass are retried with backoff and
Retry-After, the User-Agent says who asks, and the size cap holds."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tacitus.errors import InputError
from tacitus.ingest.fetch import USER_AGENT, Fetcher


class Site:
    def __init__(self, robots: tuple[int, str] | None):
        self.robots = robots
        self.hits: list[tuple[str, str]] = []  # (path, user agent)
        self.flaky = 2  # 503 answers before /flaky succeeds


def _server(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a):  # quiet
            pass

        def _send(self, code: int, body: bytes, headers: dict | None = None):
            self.send_response(code)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            site.hits.append((self.path, self.headers.get("User-Agent", "")))
            if self.path == "/robots.txt":
                if site.robots is None:
                    return self._send(404, b"")
                return self._send(site.robots[0], site.robots[1].encode())
            if self.path == "/flaky":
                if site.flaky:
                    site.flaky -= 1
                    return self._send(503, b"busy", {"Retry-After": "0"})
                return self._send(200, b"<html><body><p>finally</p></body></html>")
            if self.path == "/gone":
                return self._send(404, b"")
            if self.path == "/big":
                return self._send(200, b"x" * 5000)
            return self._send(200, b"<html><body><p>hello</p></body></html>")

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}"


@pytest.fixture()
def site(request):
    s = Site(getattr(request, "param", (200, "User-agent: *\nDisallow: /private\n")))
    srv, base = _server(s)
    yield s, base
    srv.shutdown()


def fetcher(**kw) -> Fetcher:
    return Fetcher(pause=0, backoff=0.01, timeout=5, **kw)


def test_robots_txt_is_obeyed_and_asked_once(site):
    s, base = site
    f = fetcher()
    assert b"hello" in f.get(f"{base}/news/1")
    with pytest.raises(InputError) as e:
        f.get(f"{base}/private/report")
    assert e.value.code == "T014" and "robots.txt" in str(e.value)
    f.get(f"{base}/news/2")
    assert [p for p, _ in s.hits].count("/robots.txt") == 1
    assert "/private/report" not in [p for p, _ in s.hits]


def test_a_real_user_agent(site):
    s, base = site
    fetcher().get(f"{base}/news/1")
    agents = {ua for _, ua in s.hits}
    assert agents == {USER_AGENT} and USER_AGENT.startswith("tacitus/") and "+http" in USER_AGENT


@pytest.mark.parametrize("site", [None], indirect=True)
def test_no_robots_txt_allows_all(site):
    _, base = site
    assert b"hello" in fetcher().get(f"{base}/private/x")


@pytest.mark.parametrize("site", [(500, "")], indirect=True)
def test_an_unreadable_robots_txt_allows_nothing(site):
    s, base = site
    with pytest.raises(InputError, match="could not be read"):
        fetcher(retries=1).get(f"{base}/news/1")
    assert "/news/1" not in [p for p, _ in s.hits]


def test_retries_with_backoff_then_succeeds(site):
    s, base = site
    assert b"finally" in fetcher(retries=3).get(f"{base}/flaky")
    assert [p for p, _ in s.hits].count("/flaky") == 3


def test_gives_up_after_the_retries(site):
    s, base = site
    s.flaky = 10
    with pytest.raises(InputError, match="HTTP 503"):
        fetcher(retries=2).get(f"{base}/flaky")
    assert [p for p, _ in s.hits].count("/flaky") == 3


def test_no_retry_for_an_answer_that_will_not_change(site):
    s, base = site
    with pytest.raises(InputError, match="HTTP 404"):
        fetcher(retries=3).get(f"{base}/gone")
    assert [p for p, _ in s.hits].count("/gone") == 1


def test_size_cap_and_bad_urls(site):
    _, base = site
    with pytest.raises(InputError) as e:
        fetcher(max_bytes=100).get(f"{base}/big")
    assert e.value.code == "T004"
    with pytest.raises(InputError, match="only http and https"):
        fetcher().get("file:///etc/passwd")


def test_crawl_delay_is_kept(site, monkeypatch):
    s, base = site
    s.robots = (200, "User-agent: *\nCrawl-delay: 7\n")
    f = fetcher()
    waits: list[float] = []
    monkeypatch.setattr("tacitus.ingest.fetch.time.sleep", lambda x: waits.append(x))
    f.get(f"{base}/a")
    f.get(f"{base}/b")
    assert waits and max(waits) > 6
