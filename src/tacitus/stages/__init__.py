"""The pipeline stages, as registered spaCy components, in the order they run.

Importing this package registers the factories. STAGES is the order the pipeline adds them in;
`tacitus stages` lists them with what each requires and assigns (from spaCy's own metadata)."""

from . import actors, assemble, context, counts, dates, events, geocode, paragraphs, places, quotes, tone  # noqa: F401,E501

STAGES: tuple[str, ...] = ("tacitus_paragraphs", "tacitus_actors", "tacitus_places", "tacitus_geocode",
                           "tacitus_dates", "tacitus_counts", "tacitus_quotes", "tacitus_tone", "tacitus_events",
                           "tacitus_context", "tacitus_assemble")
# where each goes in the spaCy pipeline (default: at the end)
PLACEMENT: dict[str, dict[str, str]] = {"tacitus_paragraphs": {"before": "parser"}}
# which settings each stage takes as config
CONFIG: dict[str, tuple[str, ...]] = {"tacitus_actors": ("lexicons",), "tacitus_events": ("lexicons",),
                                      "tacitus_places": ("gazetteer",), "tacitus_geocode": ("gazetteer",),
                                      "tacitus_assemble": ("min_confidence",)}
