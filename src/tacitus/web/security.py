"""What keeps the explorer to itself: response headers that keep untrusted article text inert in
the browser (a Content-Security-Policy that allows only the app's own scripts, styles and data: no
inline script, no eval, no other host; no MIME sniffing, no framing, no referrer), and a check that
each request is meant for this server and that writes come from its own page (HostCheck)."""

from __future__ import annotations

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# the OpenAPI pages (Swagger UI, ReDoc, served from the package by fastapi-offline) start themselves
# with an inline script; they show the API's own description, never article text
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("img-src 'self' data:", "img-src 'self' data: blob:")
DOCS_PATHS = ("/docs", "/redoc")


class SecurityHeaders:
    """Adds the headers above to every HTTP response (a plain ASGI middleware: it only rewrites the
    response's start message, where Starlette's BaseHTTPMiddleware runs each request through a task
    and a stream of its own)."""

    COMMON = ((b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
              (b"referrer-policy", b"no-referrer"), (b"cross-origin-opener-policy", b"same-origin"))
    NAMES = frozenset({b"content-security-policy"} | {k for k, _ in COMMON})

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = (DOCS_CSP if scope.get("path", "").startswith(DOCS_PATHS) else CSP).encode("latin-1")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in self.NAMES]
                message = {**message, "headers": [*headers, (b"content-security-policy", csp), *self.COMMON]}
            await send(message)
        await self.app(scope, receive, send_with_headers)


class HostCheck:
    """Refuses requests not meant for this server (DNS rebinding: a page on another site whose name
    is pointed at 127.0.0.1 would otherwise read the store, or write to it with --allow-writes),
    and writes sent from another origin's page.

    The Host header must name the address the connection came in on (the ASGI `server`, which is
    what the server listens on), by its IP or, for a loopback address, as `localhost`; on an
    address that is not loopback, the machine's own names also do, as do `allowed_hosts`. A
    request that is not GET/HEAD/OPTIONS and carries an Origin (browsers always send one on
    cross-site writes) must come from that same host, and never with Sec-Fetch-Site cross-site."""

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
    LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})

    def __init__(self, app, allowed_hosts: tuple[str, ...] = ()):
        self.app = app
        self.allowed = frozenset(h.lower() for h in allowed_hosts)

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        host = headers.get("host", "")
        why = self._host_refused(host, scope)
        if why is None and scope.get("method", "GET") not in self.SAFE:
            why = self._origin_refused(headers, host, scope.get("scheme", "http"))
        if why is None:
            return await self.app(scope, receive, send)
        body = why.encode()
        await send({"type": "http.response.start", "status": 403,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    def _host_refused(self, host: str, scope) -> str | None:
        server = scope.get("server")
        if not server:
            return None  # not served over a socket (e.g. an in-process client): nothing to check against
        addr, port = str(server[0]).lower(), server[1]
        name, given_port = _split_host(host)
        if given_port is None:
            given_port = 443 if scope.get("scheme") in ("https", "wss") else 80
        names = {addr, addr.strip("[]")} | self.allowed
        if _loopback(addr):
            names |= self.LOOPBACK
        else:
            names |= _own_names()
        if name in names and (given_port == port or name in self.allowed):
            return None
        return (f"refused: this server answers to {addr}:{port}, not to Host {host!r} (a page elsewhere may be "
                "trying to reach it through DNS rebinding)")

    @staticmethod
    def _origin_refused(headers: dict[str, str], host: str, scheme: str) -> str | None:
        if headers.get("sec-fetch-site") == "cross-site":
            return "refused: a write from another site's page"
        origin = headers.get("origin")
        if origin is None:
            return None  # not a browser's cross-origin request (curl, scripts, same-origin forms in old browsers)
        if origin.lower() != f"{scheme}://{host}".lower():
            return f"refused: a write from {origin!r}, not from this server's own page"
        return None


def _split_host(host: str) -> tuple[str, int | None]:
    host = host.strip().lower()
    if host.startswith("["):  # [v6]:port
        end = host.find("]")
        name, rest = host[1:end], host[end + 1:]
        return name, int(rest[1:]) if rest.startswith(":") and rest[1:].isdigit() else None
    name, sep, port = host.rpartition(":")
    if sep and port.isdigit() and ":" not in name:
        return name, int(port)
    return host, None


def _loopback(addr: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(addr.strip("[]")).is_loopback
    except ValueError:
        return addr == "localhost"


def _own_names() -> set[str]:
    import socket

    names = {socket.gethostname().lower()}
    try:
        names.add(socket.getfqdn().lower())
    except OSError:
        pass
    return names
