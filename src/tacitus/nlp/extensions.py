"""Every custom attribute tacitus puts on spaCy objects, declared once. Values are plain JSON-able
data so Docs can cross process boundaries (spaCy serialises user data with msgpack)."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRS = {
    "meta": None,           # input metadata: id, title, published, url, source, input
    "local_actors": None,   # actors defined inside this article (abbreviations, people): {id: info}
    "actor_info": None,     # every resolved actor: {actor_id: info}
    "focus_country": None,  # the article's most-mentioned country (ISO3), a fallback for agents
    "places": None,         # resolved places as dicts, written by the geocode stage
    "dates": None,          # resolved temporal expressions as dicts, written by the dates stage
    "counts": None,         # tolls as dicts, written by the counts stage
    "quotes": None,         # quotes and indirect speech as dicts, written by the quotes stage
    "citations": None,      # outlets and bodies credited, written by the quotes stage
    "tone": None,           # document tone, written by the tone stage
    "events": None,         # events as dicts, written by the events stage
    "event_context": None,  # where and when each event happened: {event id: {location, date}}
    "record": None,         # the article record (JSON form), written by assemble
}

# span groups, one per layer
MENTIONS = "tacitus_mentions"   # dictionary matches: label_ = entry id, kb_id_ = how it matched
ACTORS = "tacitus_actors"       # resolved noun phrases: label_ = actor id, kb_id_ = method
PLACES = "tacitus_places"       # toponyms: label_ = kind hint, kb_id_ = detection rule


def register() -> None:
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
