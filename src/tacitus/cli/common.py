"""What every command shares: how the library's errors reach the user (one line on stderr, exit
status 2, no traceback), and what of the library's logging the user sees."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 2) -> NoReturn:
    """Says what went wrong and what to do, then exits (2: the command could not run as asked)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def handles_errors(fn: F) -> F:
    """Turns the library's errors about what the user gave (filters, settings, inputs, the store)
    into `fail`; anything else is a bug and keeps its traceback."""
    from ..errors import TacitusError
    from ..filters import FilterError
    from ..store.errors import StoreError

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except FilterError as e:
            fail(f"--{e}")
        except (StoreError, TacitusError) as e:
            fail(str(e))
    return run  # type: ignore[return-value]


class _Echo(logging.Handler):
    """Log records as lines on the current stderr (looked up on each record, so test runners that
    swap stderr see them)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            msg = self.format(record)
            typer.echo(msg if record.levelno < logging.WARNING else f"{record.levelname.lower()}: {msg}", err=True)
        except Exception:  # a log line must never end a command
            self.handleError(record)


def show_logs(level: int = logging.INFO) -> None:
    """The library logs under `tacitus`; the CLI shows INFO and above on stderr (once per process)."""
    logger = logging.getLogger("tacitus")
    if not any(isinstance(h, _Echo) for h in logger.handlers):
        logger.addHandler(_Echo())
        logger.propagate = False
    logger.setLevel(level)


def quiet_logs() -> None:
    """Only warnings and errors (for --quiet)."""
    logging.getLogger("tacitus").setLevel(logging.WARNING)
