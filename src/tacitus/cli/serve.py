"""`tacitus serve`: the explorer (REST API + web page) over an event store, on 127.0.0.1 by default."""

from __future__ import annotations

import ipaddress
import os

import typer

from . import options as o
from .common import fail, handles_errors


@handles_errors
def serve(
    db: o.Db = None,
    host: str = typer.Option("127.0.0.1", help="address to listen on; anything but loopback exposes the store"),
    port: int = typer.Option(8000, min=0, max=65535, help="port (0 picks a free one)"),
    allow_writes: bool = typer.Option(False, "--allow-writes", help="let POST /api/extract store pasted articles"),
    open_browser: bool = typer.Option(False, "--open", help="open the explorer in the default browser"),
    workers: int = typer.Option(1, min=1, max=64,
                                help="server processes, each with its own read-only connection and cache (more "
                                     "use more cores for many clients; --allow-writes needs one)"),
) -> None:
    """Serve the explorer: map, timeline, filters, article view and the REST API (/docs)."""
    import socket

    import uvicorn

    from ..store import store_path
    from ..web import create_app

    path = store_path(db)
    if allow_writes and workers > 1:
        fail("--allow-writes needs --workers 1 (only one process can hold the store for writing)")
    app = create_app(path, allow_writes=allow_writes)  # a StoreError says why it cannot be opened
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        typer.echo(f"warning: listening on {host}: anyone who can reach this machine can read the store", err=True)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        fail(f"cannot listen on {host}:{port} ({e.strerror}); pick another with --port")
    real_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{real_port}/"
    typer.echo(f"tacitus explorer: open {url} in a browser  (store {path}; API docs {url}docs; Ctrl-C stops it)")
    if open_browser:
        import webbrowser
        webbrowser.open(url)
    if workers == 1:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
        return
    app.state.store.close()  # each worker opens the store itself (read-only: processes can share it)
    from uvicorn.supervisors import Multiprocess

    os.environ[WORKER_DB] = str(path.resolve())
    config = uvicorn.Config(f"{__name__}:worker_app", factory=True, workers=workers, log_level="warning")
    Multiprocess(config, sockets=[sock]).run()


WORKER_DB = "TACITUS_SERVE_DB"


def worker_app():
    """The app of one worker process of `serve --workers N` (read-only on the store it names)."""
    from ..web import create_app

    return create_app(os.environ[WORKER_DB])
