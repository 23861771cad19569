"""The pipeline stages, as registered spaCy components, in the order they run.

Importing this package registers the factories. CLASSES maps each stage's name to its class (whose
`reads`/`writes` declare its layers, nlp/layers.py); STAGES is the order the pipeline adds them in;
`tacitus stages` lists them with what each requires and assigns (from spaCy's own metadata)."""

from ..nlp.layers import Stage
from .actors import ActorsStage
from .assemble import AssembleStage
from .context import ContextStage
from .counts import CountsStage
from .dates import DatesStage
from .events import EventsStage
from .geocode import GeocodeStage
from .incidents import IncidentsStage
from .paragraphs import ParagraphsStage
from .places import PlacesStage
from .quotes import QuotesStage
from .tolls import TollsStage
from .tone import ToneStage

ORDER: tuple[type[Stage], ...] = (ParagraphsStage, ActorsStage, PlacesStage, GeocodeStage, DatesStage, CountsStage,
                                  QuotesStage, ToneStage, EventsStage, ContextStage, TollsStage,
                                  IncidentsStage, AssembleStage)
CLASSES: dict[str, type[Stage]] = {cls.name: cls for cls in ORDER}
STAGES: tuple[str, ...] = tuple(CLASSES)
# where each goes in the spaCy pipeline (default: at the end)
PLACEMENT: dict[str, dict[str, str]] = {"tacitus_paragraphs": {"before": "parser"}}
# which settings each stage takes as config
CONFIG: dict[str, tuple[str, ...]] = {"tacitus_actors": ("lexicons",), "tacitus_events": ("lexicons",),
                                      "tacitus_incidents": ("lexicons",), "tacitus_quotes": ("lexicons",),
                                      "tacitus_places": ("gazetteer",), "tacitus_geocode": ("gazetteer",),
                                      "tacitus_context": ("gazetteer",),
                                      "tacitus_assemble": ("min_confidence",)}
