"""The page fetcher of `ingest --fetch`: polite by rule, not by name. It asks each host's robots.txt
first (urllib.robotparser, cached per host; a missing robots.txt allows all, an unreachable one
allows nothing, as RFC 9309 says), waits between requests to a host (its Crawl-delay if longer),
retries what may pass (timeouts, 429 and 5xx answers) with exponential backoff and the server's
Retry-After, sends a User-Agent that says who it is, and caps size and time. Every failure is an
InputError T014 that says why."""

from __future__ import annotations

import email.utils
import logging
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field

from .. import __version__
from ..errors import InputError

log = logging.getLogger(__name__)

AGENT_NAME = "tacitus"
# who is asking and where to read about it; operators add a contact with $TACITUS_USER_AGENT
USER_AGENT = f"{AGENT_NAME}/{__version__} (news event coder; +https://pypi.org/project/tacitus/)"
TIMEOUT_S = 20
MAX_BYTES = 5_000_000
PER_HOST_PAUSE_S = 1.0
RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER_S = 120.0


def user_agent() -> str:
    return os.environ.get("TACITUS_USER_AGENT") or USER_AGENT


@dataclass
class Fetcher:
    """Fetches pages for one run: robots.txt per host, a pause per host, retries with backoff."""

    pause: float = PER_HOST_PAUSE_S
    timeout: float = TIMEOUT_S
    max_bytes: int = MAX_BYTES
    retries: int = 3  # attempts after the first
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    respect_robots: bool = True
    agent: str = field(default_factory=user_agent)
    last: dict[str, float] = field(default_factory=dict)
    robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def get(self, url: str) -> bytes:
        """The page's bytes, or InputError T014 (robots.txt forbids it, it cannot be fetched) or
        T004 (larger than max_bytes)."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError("T014", "cannot fetch: only http and https URLs", source=url)
        host = f"{parts.scheme}://{parts.netloc}"
        if self.respect_robots and url != f"{host}/robots.txt":
            rules = self._robots(host)
            if rules is None:
                raise InputError("T014", f"cannot fetch: {host}/robots.txt could not be read, so nothing on the host "
                                         "is fetched (RFC 9309)", source=url)
            if not rules.can_fetch(AGENT_NAME, url):
                raise InputError("T014", f"cannot fetch: {host}/robots.txt does not allow {AGENT_NAME} this page",
                                 source=url)
        return self._get(url, host)

    # ------------------------------------------------------------------ robots.txt
    def _robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        if host in self.robots:
            return self.robots[host]
        rules: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        try:
            body = self._get(f"{host}/robots.txt", host, quiet=True)
            rules.parse(body.decode("utf-8", errors="replace").splitlines())
        except _Status as e:
            if 400 <= e.status < 500:  # none there: everything is allowed
                rules.parse([])
            else:
                rules = None
        except InputError:
            rules = None
        self.robots[host] = rules
        if rules is not None:
            delay = rules.crawl_delay(AGENT_NAME)
            if delay:
                self._delays[host] = float(delay)
        return rules

    @property
    def _delays(self) -> dict[str, float]:
        if not hasattr(self, "_delay_map"):
            self._delay_map: dict[str, float] = {}
        return self._delay_map

    # ------------------------------------------------------------------ requests
    def _wait(self, host: str) -> None:
        pause = max(self.pause, self._delays.get(host, 0.0))
        wait = self.last.get(host, 0.0) + pause - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def _get(self, url: str, host: str, quiet: bool = False) -> bytes:
        delay = self.backoff
        for attempt in range(self.retries + 1):
            self._wait(host)
            req = urllib.request.Request(url, headers={"User-Agent": self.agent, "Accept": "text/html,*/*;q=0.8"})
            retry_after = None
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (the user asked)
                    data = resp.read(self.max_bytes + 1)
                break
            except urllib.error.HTTPError as e:
                if e.code not in RETRY_STATUS or attempt == self.retries:
                    if quiet:
                        raise _Status(e.code) from e
                    raise InputError("T014", f"cannot fetch: HTTP {e.code} {e.reason}", source=url) from e
                retry_after = _retry_after(e.headers.get("Retry-After"))
                why = f"HTTP {e.code}"
            except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
                if attempt == self.retries:
                    raise InputError("T014", f"cannot fetch: {getattr(e, 'reason', e)}", source=url) from e
                why = str(getattr(e, "reason", e))
            finally:
                self.last[host] = time.monotonic()
            wait = min(MAX_RETRY_AFTER_S, retry_after if retry_after is not None else delay)
            log.info("fetch %s: %s; retrying in %.1f s (%d of %d)", url, why, wait, attempt + 1, self.retries)
            time.sleep(wait)
            delay *= 2
        if len(data) > self.max_bytes:
            raise InputError("T004", f"page over {self.max_bytes} bytes", source=url)
        return data


class _Status(Exception):
    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
