"""Throughput of the nlp stages against a full spaCy pass: ``python bench/bench_nlp.py [REPORT.txt ...]``.

Prints words per second (median of several runs) for:

- ``nlp(text)``: every component of the model over the whole text;
- the annotator with the cheap sentence splitter only (``entities=False``), and with NER;
- the quantity and date taggers on top of the cheap annotator;
- the cheap annotator plus ``parse_sentences`` over the sentences an extractor would pick
  (here: sentences with a figure of people, or a word of violence).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from thucydides.config import DEFAULT_SPACY_MODEL
from thucydides.model import Document
from thucydides.nlp.annotate import Annotator
from thucydides.nlp.dates import DateTagger
from thucydides.nlp.model import load_nlp
from thucydides.nlp.quantities import QuantityTagger

DEFAULT_REPORT = Path(__file__).parent / "data" / "report.txt"
VIOLENCE = re.compile(
    r"\b(?:kill|attack|clash|shell|strike|struck|bomb|captur|retook|seiz|wound|injur|fight|arrest|abduct|"
    r"ambush|fire|raid|explo)",
    re.I,
)
RUNS = 7


def median_seconds(run: Callable[[], object]) -> float:
    run()  # warm-up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(path: Path) -> None:
    nlp = load_nlp(DEFAULT_SPACY_MODEL)
    text = path.read_text("utf-8")
    words = len(text.split())
    doc = Document.from_text(text, input=str(path))
    cheap, full = Annotator(nlp, entities=False), Annotator(nlp, entities=True)
    quantities, dates = QuantityTagger(), DateTagger()
    annotated = cheap(doc)
    tagged = quantities(annotated)
    with_figures = {q.mention.sentence for q in tagged.quantities}
    chosen = [s.index for s in annotated.sentences if s.index in with_figures or VIOLENCE.search(s.text)]

    rows = {
        "nlp(text), all components": lambda: nlp(text),
        "Annotator(entities=False)": lambda: cheap(doc),
        "Annotator(entities=True)": lambda: full(doc),
        "quantities + dates taggers": lambda: dates(quantities(annotated)),
        f"Annotator(entities=False) + parse_sentences ({len(chosen)}/{len(annotated.sentences)})": lambda: (
            cheap.parse_sentences(cheap(doc), chosen)
        ),
    }
    print(f"{path.name}: {len(text)} characters, {words} words, {len(annotated.sentences)} sentences")
    for label, run in rows.items():
        seconds = median_seconds(run)
        print(f"  {label:<62} {seconds * 1000:8.1f} ms {words / seconds:12,.0f} words/s")


if __name__ == "__main__":
    for arg in sys.argv[1:] or [str(DEFAULT_REPORT)]:
        bench(Path(arg))
