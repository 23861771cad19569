"""How long the quotes stage takes on pathological quotation marks (issue 17: '"He said ' * 4000
once took 200 s), beside the parse of the same text. Figures only.

    python benchmarks/pathological.py
"""

from __future__ import annotations

import time

from tacitus.nlp.layer_types import InputMeta
from tacitus.pipeline import Pipeline

TEXTS = {"unclosed straight": '"He said ' * 12000, "unclosed curly": "“He said, " * 10000,
         "mixed": '“A,” he said. "B ' * 6000}


def main() -> None:
    pipe = Pipeline()
    for label, text in TEXTS.items():
        doc = pipe.nlp.make_doc(text[:100_000])
        doc._.meta = InputMeta(id="x", title=None, published=None, url=None, source=None, input=None)
        times: dict[str, float] = {}
        for name, proc in pipe.nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            times[name] = time.perf_counter() - t0
        parse = sum(v for k, v in times.items() if not k.startswith("tacitus_"))
        print(f"{label:18} {len(doc):7d} tokens  parse {parse:6.2f} s  quotes stage {times['tacitus_quotes']:6.3f} s  "
              f"all stages {sum(v for k, v in times.items() if k.startswith('tacitus_')):6.2f} s")


if __name__ == "__main__":
    main()
