"""Fit the event-place model and say how it does on sentences it did not see.

Data: the wire sentences of ``shared/dev/event-location/sentences.jsonl``, each with the event's
verb (``VERB``) and, in most, where it happened (``LOCATION``). Spans whose offsets do not fall on
word boundaries (an annotation artefact: empty spans, stray letters) are dropped, and a sentence
is used only when its verb and at least one location span are sound.

Candidates of a sentence: spaCy's GPE, LOC and FAC entities, plus each gold location span no
entity overlaps; a candidate is positive when it overlaps a gold location span. A gold span spaCy
does not call a place gets the average place type of a true location (``label_prior``), so that
"not a spaCy place" cannot betray the answer.

Split: the sentences whose text is one of ``event-location/located/*.txt`` are held out of
training entirely, the shipped model included, and scored once; 5-fold cross-validation (grouped
by sentence text) runs on the rest. Both report top-1 accuracy (the highest-scored candidate
overlaps a gold location) against three baselines: the first candidate, the one nearest the verb,
the last one. "spaCy places only" scores the sentences whose gold overlaps a spaCy place with those
entities alone as candidates: what the extractor sees when the gold span is not handed to it.

    python -m thucydides.learn.train_event_place --dev ../shared/dev \\
        --out src/thucydides/learn/event_place.npz --cache /tmp/event-place-docs.spacy
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc, DocBin

from thucydides.config import DEFAULT_SPACY_MODEL
from thucydides.learn.event_place import PLACE_LABELS, EventPlaceModel, Features, candidate_features
from thucydides.nlp.model import load_nlp

C = 1.0  # chosen by cross-validation over 0.03-3 (top-1 0.907 at 0.03, 0.936-0.940 from 0.3 to 3)
MIN_COUNT = 3  # a feature seen in fewer training candidates is dropped
FOLDS = 5

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Example:
    """One event of one sentence: its candidates, which of them are right, and which are spaCy places."""

    text: str
    trigger: Offsets
    candidates: tuple[Offsets, ...]
    positive: tuple[bool, ...]
    from_spacy: tuple[bool, ...]
    features: tuple[Features, ...] = ()


def _overlaps(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def sound_spans(doc: Doc, spans: Sequence[dict[str, object]], label: str) -> list[Offsets]:
    """The spans of ``label`` that match their text and fall on token boundaries."""
    out = []
    for span in spans:
        if span["label"] != label:
            continue
        start, end = int(str(span["start"])), int(str(span["end"]))
        text = doc.text[start:end]
        if end - start < 2 or text != span["text"] or not any(c.isalpha() for c in text):
            continue
        stripped = text.strip()
        start += len(text) - len(text.lstrip())
        if doc.char_span(start, start + len(stripped)) is None:
            continue
        out.append((start, start + len(stripped)))
    return out


def examples_of(doc: Doc, spans: Sequence[dict[str, object]]) -> Example | None:
    """The example of one annotated sentence, or None when its verb or location is unusable."""
    triggers = sound_spans(doc, spans, "VERB")
    golds = sound_spans(doc, spans, "LOCATION")
    if not triggers or not golds:
        return None
    places = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS]
    extra: list[Offsets] = []
    for gold in golds:
        if not any(_overlaps(gold, c) for c in places + extra):
            extra.append(gold)
    candidates = sorted(places + extra)
    return Example(
        text=doc.text,
        trigger=triggers[0],
        candidates=tuple(candidates),
        positive=tuple(any(_overlaps(c, g) for g in golds) for c in candidates),
        from_spacy=tuple(c in places for c in candidates),
    )


def read_examples(
    sentences: Path, held_out_folder: Path, docs: dict[str, Doc]
) -> tuple[list[Example], list[Example]]:
    """(training examples, held-out examples) of the data set."""
    held_texts = {path.read_text(encoding="utf-8").strip() for path in held_out_folder.glob("*.txt")}
    train: list[Example] = []
    held: list[Example] = []
    for line in sentences.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        example = examples_of(docs[row["text"]], row["spans"])
        if example is not None:
            (held if row["text"].strip() in held_texts else train).append(example)
    return train, held


def parse(texts: Sequence[str], model: str, cache: Path | None) -> dict[str, Doc]:
    """Every text parsed once (``nlp.pipe``), read from / written to ``cache`` when given."""
    nlp = load_nlp(model)
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [doc.text for doc in docs] == list(texts):
            return dict(zip(texts, docs, strict=True))
    docs = list(nlp.pipe(texts, batch_size=256))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return dict(zip(texts, docs, strict=True))


def with_features(
    examples: Sequence[Example], docs: dict[str, Doc], prior: dict[str, float]
) -> list[Example]:
    return [
        Example(
            e.text,
            e.trigger,
            e.candidates,
            e.positive,
            e.from_spacy,
            tuple(candidate_features(docs[e.text], e.trigger, e.candidates, label_prior=prior)),
        )
        for e in examples
    ]


def label_prior(examples: Sequence[Example], docs: dict[str, Doc]) -> dict[str, float]:
    """The share of each spaCy place type among the candidates that are the event's location."""
    counts: Counter[str] = Counter()
    for e in examples:
        ents = [x for x in docs[e.text].ents if x.label_ in PLACE_LABELS]
        for cand, pos, spacy_place in zip(e.candidates, e.positive, e.from_spacy, strict=True):
            if pos and spacy_place:
                counts.update(x.label_ for x in ents if (x.start_char, x.end_char) == cand)
    total = sum(counts.values()) or 1
    return {name: counts[name] / total for name in PLACE_LABELS}


def fit(examples: Sequence[Example], prior: dict[str, float], *, c: float = C) -> EventPlaceModel:
    """Fit the logistic regression on every candidate of ``examples`` (features already computed)."""
    rows = [f for e in examples for f in e.features]
    target = [p for e in examples for p in e.positive]
    counts: Counter[str] = Counter(name for row in rows for name in row)
    rows = [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    regression = LogisticRegression(C=c, max_iter=5000)
    regression.fit(matrix, target)
    model = EventPlaceModel(
        features=vectorizer.get_feature_names_out().tolist(),
        coef=regression.coef_[0],
        intercept=float(regression.intercept_[0]),
        label_prior=prior,
    )
    # The shipped model must score exactly as the fitted one.
    expected = regression.decision_function(matrix[:200])
    if not np.allclose(model.decision(rows[:200]), expected, atol=1e-6):
        raise AssertionError("the shipped model scores differently from the fitted one")
    return model


Picker = Callable[[Example], int]


def nearest(e: Example) -> int:
    def gap(c: Offsets) -> int:
        return max(c[0] - e.trigger[1], e.trigger[0] - c[1], 0)

    return min(range(len(e.candidates)), key=lambda i: (gap(e.candidates[i]), i))


BASELINES: dict[str, Picker] = {
    "first candidate": lambda e: 0,
    "nearest to the verb": nearest,
    "last candidate": lambda e: len(e.candidates) - 1,
}


def spacy_only(examples: Sequence[Example]) -> list[Example]:
    """The examples whose gold overlaps a spaCy place, with spaCy's places alone as candidates."""
    out = []
    for e in examples:
        keep = [i for i, s in enumerate(e.from_spacy) if s]
        if not any(e.positive[i] for i in keep):
            continue
        out.append(
            Example(
                e.text,
                e.trigger,
                tuple(e.candidates[i] for i in keep),
                tuple(e.positive[i] for i in keep),
                tuple(True for _ in keep),
                tuple(e.features[i] for i in keep) if e.features else (),
            )
        )
    return out


def top1(examples: Sequence[Example], pick: Picker) -> float:
    return sum(e.positive[pick(e)] for e in examples) / max(1, len(examples))


def model_picker(model: EventPlaceModel) -> Picker:
    return lambda e: int(np.argmax(model.decision(e.features)))


def report(title: str, examples: Sequence[Example], pick: Picker) -> list[str]:
    """Lines of top-1 accuracy for the model and the baselines, on all examples and on those with a choice."""
    lines = []
    for subset_name, subset in (
        ("all", list(examples)),
        ("2+ candidates", [e for e in examples if len(e.candidates) > 1]),
    ):
        figures = [f"model {top1(subset, pick):.3f}"]
        figures += [f"{name} {top1(subset, base):.3f}" for name, base in BASELINES.items()]
        lines.append(f"{title}, {subset_name} ({len(subset)} events): " + "; ".join(figures))
    return lines


def cross_validate(examples: Sequence[Example], prior: dict[str, float], *, c: float = C) -> Picker:
    """A picker that scores every example with the fold model that did not see its sentence text."""
    groups = [e.text for e in examples]
    fold_of: dict[str, EventPlaceModel] = {}
    for train, test in GroupKFold(n_splits=FOLDS).split(examples, groups=groups):
        model = fit([examples[i] for i in train], prior, c=c)
        fold_of.update((examples[i].text, model) for i in test)
    return lambda e: int(np.argmax(fold_of[e.text].decision(e.features)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", type=Path, default=Path("../shared/dev"), help="shared/dev folder")
    parser.add_argument("--out", type=Path, help="where to save the fitted model (.npz)")
    parser.add_argument("--cache", type=Path, help="keep the spaCy parses here (DocBin) between runs")
    parser.add_argument("--model", default=DEFAULT_SPACY_MODEL, help="spaCy pipeline (tagger, parser, ner)")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    args = parser.parse_args()
    folder = args.dev / "event-location"
    sentences = folder / "sentences.jsonl"
    texts = sorted({json.loads(line)["text"] for line in sentences.read_text(encoding="utf-8").splitlines()})
    docs = parse(texts, args.model, args.cache)
    train, held = read_examples(sentences, folder / "located", docs)
    prior = label_prior(train, docs)
    train, held = with_features(train, docs, prior), with_features(held, docs, prior)
    print(
        f"events with a sound verb and location: {len(train)} for training, {len(held)} held out "
        f"({len({e.text for e in held})} sentences of located/); type prior "
        + ", ".join(f"{k} {v:.2f}" for k, v in prior.items())
    )
    cv_pick = cross_validate(train, prior, c=args.c)
    lines = report(f"{FOLDS}-fold cross-validation", train, cv_pick)
    lines += report(f"{FOLDS}-fold cross-validation, spaCy places only", spacy_only(train), cv_pick)
    # The shipped model never sees the held-out sentences (they are the evaluation's).
    model = fit(train, prior, c=args.c)
    pick = model_picker(model)
    lines += report("held out", held, pick) + report("held out, spaCy places only", spacy_only(held), pick)
    print("\n".join(lines))
    if args.out:
        model.save(args.out)
        print(f"saved {args.out} ({args.out.stat().st_size} bytes, {len(model.features)} features)")


if __name__ == "__main__":
    main()
