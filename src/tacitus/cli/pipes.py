"""Output into a pipe that closes early (`tacitus query ... | head`): the command stops quietly with
exit status 0, as Unix tools do, rather than with a traceback or click's status 1. stdout is wrapped
so that a broken pipe surfaces as PipeClosed (which click does not catch as an OSError)."""

from __future__ import annotations

import os
import sys
from typing import Any


class PipeClosed(Exception):
    """The reader of stdout went away."""


class PipeGuard:
    """A stream whose writes and flushes turn BrokenPipeError into PipeClosed; everything else is
    the wrapped stream's (its binary buffer is guarded the same way)."""

    def __init__(self, stream: Any):
        self._stream = stream

    def write(self, data):
        try:
            return self._stream.write(data)
        except BrokenPipeError as e:
            raise PipeClosed() from e

    def flush(self):
        try:
            return self._stream.flush()
        except BrokenPipeError as e:
            raise PipeClosed() from e

    @property
    def buffer(self):
        return PipeGuard(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_stdout() -> None:
    if not isinstance(sys.stdout, PipeGuard) and sys.stdout is not None:
        sys.stdout = PipeGuard(sys.stdout)


def quiet_exit() -> None:
    """Points stdout at /dev/null (so the interpreter's last flush cannot fail) and exits 0."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # no file descriptor to redirect (an embedded stdout): nothing will be flushed there
    sys.exit(0)
