"""Traps for the worker tests (#17): articles that stall a stage, kill their process, or break it.
A worker process imports this module when it unpickles a TrapSettings (tests put this folder on
its PYTHONPATH), so the traps are set where the articles are parsed."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from tacitus.settings import Settings
from tacitus.stages.tone import ToneStage

STALL = "STALL-IN-A-STAGE"
KILL = "KILL-THE-WORKER"

_run = ToneStage.run


def _trapped(self, doc):
    if STALL in doc.text:
        time.sleep(120)
    if KILL in doc.text:
        os._exit(9)
    return _run(self, doc)


ToneStage.run = _trapped


@dataclass(frozen=True)
class TrapSettings(Settings):
    """Settings whose unpickling sets the traps in the process that reads them."""

    time_budget: float = 120.0  # declared here too, so these tests also run against a tacitus without it


def survivors(pids: list[int], seconds: float = 20) -> list[int]:
    """The processes still alive (not zombies) after waiting up to `seconds` for them to end."""
    deadline = time.time() + seconds
    alive = list(pids)
    while alive and time.time() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if _alive(p)]
    return alive


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False
