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
