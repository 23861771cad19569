"""Coded errors. Each code is stable so users can grep logs and scripts can branch on it; each
message says what went wrong with which input and what to do about it."""

from __future__ import annotations

CODES: dict[str, str] = {
    "T001": "input is empty",
    "T002": "input looks binary, not text",
    "T003": "input is not valid text in the expected encoding",
    "T004": "input is too large",
    "T005": "malformed record (JSON, a CSV row, a feed, a WARC archive)",
    "T006": "record has no text",
    "T007": "no article text could be extracted from the HTML",
    "T008": "unreadable date",
    "T009": "input not found",
    "T010": "unsupported input format",
    "T011": "spaCy pipeline not installed",
    "T012": "internal error while processing this input",
    "T013": "invalid setting",
    "T014": "cannot read input",
    "T015": "cannot read the gold file",
    "T016": "a field has the wrong type",
    "T017": "invalid characters were replaced or removed from the text",
    "T018": "the article took longer than the time budget",
    "T019": "the id already names a different article",
}


class TacitusError(Exception):
    """An error with a stable code, the input it concerns, and advice."""

    def __init__(self, code: str, message: str, *, source: str | None = None, hint: str | None = None):
        self.code = code
        self.source = source
        self.hint = hint
        self.detail = message
        parts = [f"{code} {message}"]
        if source:
            parts[0] = f"{code} {source}: {message}"
        if hint:
            parts.append(hint)
        super().__init__(" — ".join(parts))

    @property
    def message(self) -> str:
        return str(self)

    def __reduce__(self):
        # Exceptions pickle as cls(*args); ours take keywords, and a Failure crosses to the workers
        return _rebuild, (type(self), self.code, self.detail, self.source, self.hint)


def _rebuild(cls: type[TacitusError], code: str, detail: str, source: str | None, hint: str | None) -> TacitusError:
    return cls(code, detail, source=source, hint=hint)


class InputError(TacitusError):
    """One input could not be read; the run goes on with the others."""


class SettingsError(TacitusError):
    """A setting is wrong; nothing can run until it is fixed."""
