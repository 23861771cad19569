"""The pipeline stages, as registered spaCy components, in the order they run.

Importing this package registers the factories. STAGES is the order the pipeline adds them in;
`tacitus stages` lists them with what each requires and assigns (from spaCy's own metadata)."""

from . import actors, assemble, events, paragraphs  # noqa: F401  (registers the factories)

STAGES: tuple[str, ...] = ("tacitus_paragraphs", "tacitus_actors", "tacitus_events", "tacitus_assemble")
# where each goes in the spaCy pipeline (default: at the end)
PLACEMENT: dict[str, dict[str, str]] = {"tacitus_paragraphs": {"before": "parser"}}
NO_CONFIG = {"tacitus_paragraphs", "tacitus_assemble"}
