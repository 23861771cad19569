"""`tacitus serve`: the explorer (REST API + web page) over an event store, on 127.0.0.1 by default."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import typer


def serve(
    db: Path | None = typer.Option(None, "--db", help="the DuckDB store (default: $TACITUS_DB or tacitus.duckdb)"),
    host: str = typer.Option("127.0.0.1", help="address to listen on; anything but loopback exposes the store"),
    port: int = typer.Option(8000, min=0, max=65535, help="port (0 picks a free one)"),
    allow_writes: bool = typer.Option(False, "--allow-writes", help="let POST /api/extract store pasted articles"),
    open_browser: bool = typer.Option(False, "--open", help="open the explorer in the default browser"),
) -> None:
    """Serve the explorer: map, timeline, filters, article view and the REST API (/docs)."""
    import os
    import socket

    import duckdb
    import uvicorn

    from ..store.db import DEFAULT_DB
    from ..web import create_app

    path = Path(db or os.environ.get("TACITUS_DB") or DEFAULT_DB)
    try:
        app = create_app(path, allow_writes=allow_writes)
    except FileNotFoundError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    except duckdb.Error as e:
        typer.echo(f"error: cannot open {path}: {e} (is a `tacitus ingest` still writing to it?)", err=True)
        raise typer.Exit(2) from e
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
        typer.echo(f"error: cannot listen on {host}:{port} ({e.strerror}); pick another with --port", err=True)
        raise typer.Exit(2) from e
    real_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{real_port}/"
    typer.echo(f"tacitus explorer: open {url} in a browser  (store {path}; API docs {url}docs; Ctrl-C stops it)")
    if open_browser:
        import webbrowser
        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])
