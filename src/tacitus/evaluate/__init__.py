"""Field-level accuracy against human-coded gold: readers for gold formats, one-to-one event
matching, and the metrics. `evaluate(path)` returns a Report; `tacitus evaluate` prints it."""

from .gold import GoldDoc, read_gold
from .runner import Report, evaluate

__all__ = ["GoldDoc", "read_gold", "Report", "evaluate"]
