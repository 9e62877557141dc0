"""Fit the resolver's weights on gold toponyms and say how it does on documents it did not see.

Training data: GeoWebNews (``shared/dev/geowebnews``: ``N.txt`` and ``N.places.gold.jsonl``, each gold
toponym with its span and coordinates). Every document is run through the geoparser; each span that
overlaps a gold toponym gives one row per candidate the resolver scored in its last pass (its
features as the resolver saw them, context included), labelled 1 when the candidate lies within
161 km of the gold point (what ``shared/dev/score/score_places.py`` counts as right), else 0. Spans
none of whose candidates is right, or all of them, teach nothing and are left out. Each span weighs
1 in all (its candidates share it), so names with hundreds of namesakes do not drown the rest.

The context features depend on the choices of the previous pass, which depend on the weights: the
fit is repeated (``--rounds``), each round's geoparser using the weights of the round before,
starting from ``START`` (hand-set weights, close to the rules the model replaced).

The held-out split: fit on the even-numbered documents, score on the odd-numbered ones (and
the other way round for a second figure); the shipped model is then fitted on all of them.

    python -m thucydides.learn.train_resolver --dev ../shared/dev/geowebnews \\
        --out src/thucydides/learn/resolver.json
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from thucydides.config import Settings
from thucydides.gazetteer import Gazetteer
from thucydides.geoparse import Geoparser
from thucydides.geoparse.resolve import FEATURES
from thucydides.learn.resolver import ResolverModel
from thucydides.model import Document

PAIRWISE = False
C = 1.0  # inverse regularisation strength (chosen on the held-out half: flat between 0.3 and 3)
MIN_SPANS = 10  # a feature must tell the candidates of this many spans apart to be fitted
RIGHT_KM = 161.0
EVENT_KM = 15.0
# The Syrian event places count this much each: far fewer than the toponyms of GeoWebNews, they alone
# show the cues, neighbourhoods and districts of war reporting.
EVENT_WEIGHT = 3.0
# Features whose direction is a fact: a fit that gives one the other sign leaves it out (weight 0).
SIGNS = {
    "close_spelling": -1,
    "others_own_name": -1,
    "cue_fits": 1,
    "cue_says_governorate": -1,
    "cue_differs": -1,
    "head_only": -1,
    "seat_namesake": -1,
    "foreign": -1,
    "focus_country": 1,
    "country_named": 1,
    "governorate_named": 1,
    "other_governorate": -1,
    "inside_container": 1,
    "outside_container": -1,
    "alias": 1,
    "near_paragraph": 1,
    "near_report": 1,
    "same_name": 1,
    "list_near": 1,
    "lonely_neighbourhood": -1,
    "dateline_country": 1,
    "dateline_near": 1,
}
# Hand-set weights the first round starts from (the rules the model replaced, as log-odds).
START = {
    "match": 1.5,
    "country_name": 1.0,
    "kind_country": 0.7,
    "kind_city": 0.55,
    "kind_admin1": 0.4,
    "kind_town": 0.35,
    "kind_site": 0.3,
    "kind_neighbourhood": 0.25,
    "kind_village": 0.2,
    "kind_admin2": 0.1,
    "population": 0.9,
    "cue_fits": 1.0,
    "cue_says_governorate": -1.5,
    "cue_differs": -0.4,
    "head_only": -0.3,
    "others_own_name": -0.5,
    "focus_country": 0.8,
    "country_named": 0.2,
    "foreign": -0.6,
    "governorate_named": 0.5,
    "other_governorate": -0.4,
    "inside_container": 1.2,
    "outside_container": -0.8,
    "alias": 1.0,
    "near_paragraph": 0.7,
    "near_report": 0.2,
    "same_name": 0.8,
    "lonely_neighbourhood": -0.6,
    "seat_namesake": -0.4,
}


@dataclass(frozen=True, slots=True)
class Gold:
    """A gold toponym: its span, its point, and how near a candidate must lie to be right."""

    start: int
    end: int
    latitude: float
    longitude: float
    within_km: float = RIGHT_KM
    weight: float = 1.0  # how much the span counts in the fit


def start_model() -> ResolverModel:
    """The hand-set starting point."""
    return ResolverModel(
        names=FEATURES,
        weights=tuple(START.get(name, 0.0) for name in FEATURES),
        intercept=-2.0,
        about="hand-set starting point",
    )


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance, as the scorer computes it."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def read_gold(path: Path) -> list[Gold]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Gold(r["start"], r["end"], r["latitude"], r["longitude"]) for r in rows]


def load_documents(folder: Path, settings: Settings) -> list[tuple[str, Document, list[Gold]]]:
    """(id, annotated document, gold toponyms) of every document of the folder that has gold."""
    from thucydides.ingest.sources import read_inputs
    from thucydides.nlp.annotate import Annotator
    from thucydides.nlp.model import load_nlp

    annotator = Annotator(load_nlp(settings.spacy_model), entities=False)
    out = []
    paths = sorted(folder.glob("*.places.gold.jsonl"), key=lambda p: _number(p.name.split(".")[0]))
    for gold_path in paths:
        doc_id = gold_path.name.split(".")[0]
        for found in read_inputs([str(folder / f"{doc_id}.txt")], settings=settings):
            if isinstance(found, Document):
                out.append((doc_id, annotator(found), read_gold(gold_path)))
    return out


def load_event_gold(
    gold_dir: Path, text_dir: Path, settings: Settings
) -> list[tuple[str, Document, list[Gold]]]:
    """Syrian reports whose events we coded (``tests/gold/fakes/dev``): each event's place as written,
    wherever the text writes it inside the event's evidence, with the event's point; right within
    ``EVENT_KM`` (what ``shared/dev/score/score_events.py`` counts as the same place)."""
    from thucydides.ingest.sources import read_inputs
    from thucydides.nlp.annotate import Annotator
    from thucydides.nlp.model import load_nlp

    annotator = Annotator(load_nlp(settings.spacy_model), entities=False)
    out = []
    for gold_path in sorted(gold_dir.glob("*.gold.jsonl")):
        doc_id = gold_path.name.split(".")[0]
        text_path = text_dir / f"{doc_id}.txt"
        if not text_path.is_file():
            continue
        events = [
            json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        for found in read_inputs([str(text_path)], settings=settings):
            if not isinstance(found, Document):
                continue
            gold: dict[int, Gold] = {}
            for event in events:
                written, lat, lon = (
                    event.get("location_as_written"),
                    event.get("latitude"),
                    event.get("longitude"),
                )
                if not written or lat is None or lon is None:
                    continue
                for evidence in event.get("evidence") or ():
                    at = found.text.find(written, evidence["start"], evidence["end"])
                    while at >= 0:
                        gold.setdefault(at, Gold(at, at + len(written), lat, lon, EVENT_KM, EVENT_WEIGHT))
                        at = found.text.find(written, at + 1, evidence["end"])
            if gold:
                out.append(
                    (f"fakes-{doc_id}", annotator(found), sorted(gold.values(), key=lambda g: g.start))
                )
    return out


def _number(doc_id: str) -> int:
    return int(doc_id) if doc_id.isdigit() else -1


def rows_of(
    geoparser: Geoparser, docs: Iterable[tuple[str, Document, list[Gold]]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(features, labels, sample weights, span number) of the candidates of every span that overlaps a
    gold toponym."""
    features: list[list[float]] = []
    labels: list[int] = []
    weights: list[float] = []
    groups: list[int] = []
    span_number = 0
    for _, doc, gold in docs:
        items, _ = geoparser.resolve(doc)
        for item in items:
            target = next((g for g in gold if item.span.start < g.end and g.start < item.span.end), None)
            if target is None or len(item.scored) < 2:
                continue
            right = [
                int(
                    candidate.place.latitude is not None
                    and candidate.place.longitude is not None
                    and km(
                        (target.latitude, target.longitude),
                        (candidate.place.latitude, candidate.place.longitude),
                    )
                    <= target.within_km
                )
                for candidate, _, _, _ in item.scored
            ]
            positives = sum(right)
            if positives in (0, len(right)):
                continue
            negatives = len(right) - positives
            span_number += 1
            for (_, _, values, _), label in zip(item.scored, right, strict=True):
                features.append(values)
                labels.append(label)
                weights.append(target.weight * (0.5 / positives if label else 0.5 / negatives))
                groups.append(span_number)
    return np.array(features), np.array(labels), np.array(weights), np.array(groups)


def pairs_of(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ranking rows: for every right and wrong candidate of one span, their difference (label 1) and
    its opposite (label 0), each span weighing 1 in all."""
    rows: list[np.ndarray] = []
    labels: list[int] = []
    weights: list[float] = []
    for group in np.unique(groups):
        members = np.flatnonzero(groups == group)
        right = [i for i in members if y[i]]
        wrong = [i for i in members if not y[i]]
        share = 0.5 / (len(right) * len(wrong))
        for r in right:
            for o in wrong:
                rows += [x[r] - x[o], x[o] - x[r]]
                labels += [1, 0]
                weights += [share, share]
    return np.array(rows), np.array(labels), np.array(weights)


def fit(
    x: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    groups: np.ndarray,
    *,
    about: str = "",
    pairwise: bool = PAIRWISE,
    c: float = C,
) -> ResolverModel:
    """A logistic regression over the rows, as a shippable ``ResolverModel``.

    ``pairwise``: fitted on the differences between right and wrong candidates of one span
    (a ranking model: no intercept), else on the candidates one by one. A feature that tells the
    candidates of fewer than ``MIN_SPANS`` spans apart is not fitted: the data say nothing of it,
    and it keeps its hand-set weight (``START``). A feature whose sign is a fact (``SIGNS``) and that
    the fit gives the other sign is left out at 0."""
    taught = spans_telling_apart(x, groups) >= MIN_SPANS
    fixed = np.array([0.0 if taught[i] else START.get(name, 0.0) for i, name in enumerate(FEATURES)])
    if pairwise:
        x, y, w = pairs_of(x, y, groups)
    while True:
        regression = LogisticRegression(C=c, max_iter=2000, fit_intercept=not pairwise)
        regression.fit(x[:, taught], y, sample_weight=w)
        weights = fixed.copy()
        weights[taught] = regression.coef_[0]
        wrong = [i for i, name in enumerate(FEATURES) if taught[i] and weights[i] * SIGNS.get(name, 0) < 0]
        if not wrong:
            break
        # The data give a fact the wrong sign (too few spans, or another feature stands in for it):
        # leave the worst one out, at 0, and fit again.
        worst = max(wrong, key=lambda i: abs(weights[i]))
        taught[worst] = False
        fixed[worst] = 0.0
    model = ResolverModel(
        names=FEATURES,
        weights=tuple(float(v) for v in weights),
        intercept=float(regression.intercept_[0]) if not pairwise else 0.0,
        about=about,
    )
    # The shipped model must score exactly as the fitted one (plus the fixed part).
    sample = x[:200]
    expected = regression.decision_function(sample[:, taught]) + sample @ fixed
    if not np.allclose([model.logit(row) for row in sample], expected, atol=1e-6):
        raise AssertionError("the shipped weights score differently from the fitted model")
    return model


def spans_telling_apart(x: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """For each feature, how many spans have candidates that differ in it (a span's rows are adjacent)."""
    if not len(groups):
        return np.zeros(x.shape[1], dtype=int)
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    differ = np.maximum.reduceat(x, starts, axis=0) != np.minimum.reduceat(x, starts, axis=0)
    return np.asarray(differ.sum(axis=0))


def train(
    gazetteer: Gazetteer,
    docs: Sequence[tuple[str, Document, list[Gold]]],
    *,
    rounds: int,
    about: str,
    pairwise: bool = PAIRWISE,
    c: float = C,
) -> ResolverModel:
    """Fit ``rounds`` times, each round's features computed with the previous round's weights."""
    model = start_model()
    for round_number in range(rounds):
        geoparser = Geoparser(gazetteer, model=model)
        x, y, w, groups = rows_of(geoparser, docs)
        model = fit(x, y, w, groups, about=about, pairwise=pairwise, c=c)
        print(f"  round {round_number + 1}: {len(y)} candidate rows, {int(y.sum())} right")
    return model


def score(geoparser: Geoparser, docs: Sequence[tuple[str, Document, list[Gold]]]) -> dict[str, float]:
    """recall, precision, right among found and end to end within 161 km, as score_places.py counts."""
    n_gold = found = right = n_pred = hits = 0
    for _, doc, gold in docs:
        mentions = [
            (
                m.mention.start,
                m.mention.end,
                m.place.latitude if m.place else None,
                m.place.longitude if m.place else None,
            )
            for m in geoparser(doc).places
        ]
        n_pred += len(mentions)
        hits += sum(1 for start, end, _, _ in mentions if any(start < g.end and g.start < end for g in gold))
        for g in gold:
            n_gold += 1
            over = [m for m in mentions if m[0] < g.end and g.start < m[1]]
            if not over:
                continue
            found += 1
            _, _, latitude, longitude = over[0]
            if latitude is not None and longitude is not None:
                right += km((g.latitude, g.longitude), (latitude, longitude)) <= RIGHT_KM
    return {
        "recall": round(found / n_gold, 3) if n_gold else 0.0,
        "precision": round(hits / n_pred, 3) if n_pred else 0.0,
        "acc161_found": round(right / found, 3) if found else 0.0,
        "e2e161": round(right / n_gold, 3) if n_gold else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", type=Path, default=Path("../shared/dev/geowebnews"), help="gold folder")
    parser.add_argument(
        "--events",
        type=Path,
        default=Path(__file__).resolve().parents[3] / "tests/gold/fakes/dev",
        help="Syrian event gold we coded (added to every fit; 'none' to leave out)",
    )
    parser.add_argument("--event-texts", type=Path, default=Path("../shared/dev/fakes"), help="their texts")
    parser.add_argument("--out", type=Path, help="where to save the model fitted on all documents (.json)")
    parser.add_argument("--rounds", type=int, default=3, help="fits, each on the last one's features")
    parser.add_argument("--limit", type=int, help="use only the first N documents (quick runs)")
    parser.add_argument("--pairwise", action="store_true", default=PAIRWISE, help="fit a ranking model")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    args = parser.parse_args()
    settings = Settings.from_env()
    gazetteer = Gazetteer.ensure(settings)
    docs = load_documents(args.dev, settings)[: args.limit]
    even = [d for d in docs if _number(d[0]) % 2 == 0]
    odd = [d for d in docs if _number(d[0]) % 2 == 1]
    print(f"{len(docs)} documents ({len(even)} even, {len(odd)} odd)")
    events = load_event_gold(args.events, args.event_texts, settings) if args.events.name != "none" else []
    if events:
        print(f"and {len(events)} Syrian reports with {sum(len(g) for _, _, g in events)} event places coded")
    start = Geoparser(gazetteer, model=start_model())
    print(f"hand-set start, odd half:  {score(start, odd)}")
    print(f"hand-set start, even half: {score(start, even)}")
    for name, train_on, test_on in (("even", even, odd), ("odd", odd, even)):
        print(f"fitting on the {name} half")
        model = train(
            gazetteer,
            [*train_on, *events],
            rounds=args.rounds,
            about=f"{name} half",
            pairwise=args.pairwise,
            c=args.c,
        )
        held_out = "odd" if name == "even" else "even"
        print(f"  held out ({held_out} half): {score(Geoparser(gazetteer, model=model), test_on)}")
    if args.out:
        print("fitting on all documents")
        model = train(
            gazetteer,
            [*docs, *events],
            rounds=args.rounds,
            pairwise=args.pairwise,
            c=args.c,
            about=f"logistic regression ({'pairwise' if args.pairwise else 'pointwise'}) on the candidates "
            f"of {len(docs)} GeoWebNews documents and {len(events)} Syrian reports we coded "
            "(learn/train_resolver.py)",
        )
        print(f"  all documents (seen in fitting): {score(Geoparser(gazetteer, model=model), docs)}")
        model.save(args.out)
        print(f"saved {args.out}")


if __name__ == "__main__":
    main()
