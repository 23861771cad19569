"""The explorer under a hostile page (#17): a request whose Host is not the address the server
listens on is refused (DNS rebinding), a write from another origin is refused, and an article
whose id holds '/' or '..' is reachable."""

from __future__ import annotations

import http.client
import socket
import threading
import time

import pytest
from fastapi.testclient import TestClient

from tacitus.ingest.items import Item
from tacitus.ingestion import ingest
from tacitus.store import open_store
from tacitus.web import create_app

TEXT = "Rebels attacked an army base near Gao, Mali, on Monday, killing four soldiers, officials said."


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipe):
    path = tmp_path_factory.mktemp("web") / "w.duckdb"
    with open_store(path) as s:
        ingest([Item(text=TEXT, input="a", id="https://news.example/2024/05/06/gao", published="2024-05-06"),
                Item(text=TEXT + " Again.", input="b", id="../../etc/passwd", published="2024-05-06")], s, pipe,
               n_process=1)
    return path


@pytest.fixture(scope="module")
def client(db, pipe):
    with TestClient(create_app(db, allow_writes=True, pipeline_factory=lambda: pipe),
                    raise_server_exceptions=False) as c:
        yield c


def test_a_foreign_host_is_refused(client):
    assert client.get("/api/health").status_code == 200
    r = client.get("/api/health", headers={"Host": "evil.example"})
    assert r.status_code == 403 and "DNS rebinding" in r.text
    assert client.get("/", headers={"Host": "evil.example:80"}).status_code == 403


def test_a_write_from_another_origin_is_refused(client):
    body = {"text": TEXT, "published": "2024-05-06"}
    r = client.post("/api/extract", json=body, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "evil.example" in r.text
    r = client.post("/api/extract", json=body, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    assert client.post("/api/extract", json=body, headers={"Origin": "http://testserver"}).status_code == 200
    assert client.post("/api/extract", json=body).status_code == 200  # curl and scripts send no Origin


def test_ids_with_slashes_and_dots_are_reachable(client):
    for aid in ("https://news.example/2024/05/06/gao", "../../etc/passwd"):
        quoted = aid.replace("/", "%2F").replace(".", "%2E")
        r = client.get(f"/api/articles/{quoted}")
        assert r.status_code == 200 and r.json()["id"] == aid, (aid, r.status_code)


def _serve(app, sock):
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    t = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    t.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    return server, t


def _get(port: int, host: str, method: str = "GET", headers: dict | None = None) -> int:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.putrequest(method, "/api/health", skip_host=True)
    c.putheader("Host", host)
    for k, v in (headers or {}).items():
        c.putheader(k, v)
    c.endheaders()
    status = c.getresponse().status
    c.close()
    return status


def test_the_server_answers_only_to_the_address_it_listens_on(db, tmp_path):
    import shutil

    copy = tmp_path / "served.duckdb"  # the module's client holds the store open for writing
    shutil.copy(db, copy)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server, t = _serve(create_app(copy), sock)
    try:
        assert _get(port, f"127.0.0.1:{port}") == 200
        assert _get(port, f"localhost:{port}") == 200
        assert _get(port, "evil.example") == 403
        assert _get(port, f"evil.example:{port}") == 403
        assert _get(port, "127.0.0.1:1") == 403  # another port: another server
    finally:
        server.should_exit = True
        t.join(timeout=10)


def test_serve_with_workers(db, tmp_path):
    """`tacitus serve --workers 2`: processes that share the socket, each read-only on the store,
    answer with the same headers as one."""
    import re
    import shutil
    import subprocess
    import sys

    copy = tmp_path / "workers.duckdb"  # the module's client holds the store open for writing
    shutil.copy(db, copy)
    srv = subprocess.Popen([sys.executable, "-m", "tacitus.cli", "serve", "--db", str(copy), "--port", "0",
                            "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", srv.stdout.readline())[1])
        deadline, statuses = time.time() + 60, []
        while time.time() < deadline and len(statuses) < 6:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                c.request("GET", "/api/facets?country=MLI")
                r = c.getresponse()
                statuses.append((r.status, "script-src 'self'" in (r.getheader("Content-Security-Policy") or ""),
                                 b'"total":' in r.read()))
                c.close()
            except OSError:
                time.sleep(0.2)
        assert statuses and all(s == (200, True, True) for s in statuses), statuses
    finally:
        srv.terminate()
        assert srv.wait(timeout=30) is not None
