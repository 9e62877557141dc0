"""Fit the sub-event type model and say how it does on data it did not see.

Training data, all of it data we may use:

- the ACLED-labelled event descriptions of ``shared/dev/case2021`` (``N.txt`` + ``N.label``);
- wire sentences of ``shared/dev/event-location/sentences.jsonl`` that we coded ourselves with a
  sub-event type (``learn/labels/wire-subtypes-*.tsv``: line number and label only, never text);
- sentences of FA-KES articles (``shared/dev/fakes``) that we coded ourselves, NONE for what is
  no event of the article's period (``learn/labels/fakes-subtypes-*.tsv``: article, offsets and
  label). None of the articles of the blind gold set (``tests/gold/fakes``) is among them.

Cross-validation splits the CASE descriptions only (stratified, 5 folds); every fold trains on the
other folds plus all the wire sentences, and is scored on its held-out descriptions with the
weighted F1 of ``shared/dev/score/score_sets.py``. The final model is fitted on everything.

    python -m thucydides.learn.train_subevent --dev ../shared/dev --out src/thucydides/learn/subevent.npz
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from thucydides.learn.subevent import SubEventModel, char_vectorizer, word_vectorizer

LABELS_DIR = Path(__file__).resolve().parent / "labels"
C = 0.5  # chosen by cross-validation over 0.1-3 (flat between 0.3 and 1)
MAX_CHAR_FEATURES = 30_000  # keeps the shipped file near a megabyte with no loss in cross-validation
MIN_DF = 2
# Article sentences weigh less than descriptions and wire sentences: at 0.3 they lift the held-out
# F1 on article sentences from 0.59 to 0.69 for a loss of 0.01 on CASE (weights 0, 0.3, 1 tried).
ARTICLE_WEIGHT = 0.3


def case_examples(folder: Path) -> tuple[list[str], list[str], list[str]]:
    """(ids, texts, labels) of the labelled CASE descriptions."""
    ids = sorted(path.stem for path in folder.glob("*.label"))
    texts = [(folder / f"{i}.txt").read_text(encoding="utf-8") for i in ids]
    labels = [(folder / f"{i}.label").read_text(encoding="utf-8").strip() for i in ids]
    return ids, texts, labels


def wire_examples(sentences: Path, label_files: Sequence[Path]) -> tuple[list[str], list[str]]:
    """Our own labels of wire sentences: the text is read from the data set, never stored with us."""
    if not sentences.is_file():
        return [], []
    lines = sentences.read_text(encoding="utf-8").splitlines()
    texts, labels = [], []
    for path in label_files:
        for row in path.read_text(encoding="utf-8").splitlines():
            if not row.strip():
                continue
            number, label = row.split("\t")
            texts.append(json.loads(lines[int(number)])["text"])
            labels.append(label.strip())
    return texts, labels


def article_examples(folder: Path, label_files: Sequence[Path]) -> tuple[list[str], list[str]]:
    """Our own labels of article sentences, read from the articles by their offsets."""
    if not folder.is_dir():
        return [], []
    texts, labels = [], []
    for path in label_files:
        for row in path.read_text(encoding="utf-8").splitlines():
            if not row.strip():
                continue
            article, start, end, label = row.split("\t")
            text = (folder / f"{article}.txt").read_text(encoding="utf-8")
            texts.append(text[int(start) : int(end)])
            labels.append(label.strip())
    return texts, labels


def coded_examples(dev: Path) -> tuple[list[str], list[str], list[float]]:
    """Every sentence we coded ourselves (wire sentences and article sentences), with its weight."""
    wire = wire_examples(
        dev / "event-location" / "sentences.jsonl", sorted(LABELS_DIR.glob("wire-subtypes-*.tsv"))
    )
    articles = article_examples(dev / "fakes", sorted(LABELS_DIR.glob("fakes-subtypes-*.tsv")))
    weights = [1.0] * len(wire[0]) + [ARTICLE_WEIGHT] * len(articles[0])
    return wire[0] + articles[0], wire[1] + articles[1], weights


def fit(texts: Sequence[str], labels: Sequence[str], weights: Sequence[float] | None = None) -> SubEventModel:
    """Fit the features and the linear SVM, and return them as a shippable ``SubEventModel``."""
    words = word_vectorizer(min_df=MIN_DF)
    chars = char_vectorizer(min_df=MIN_DF, max_features=MAX_CHAR_FEATURES)
    word_tfidf = TfidfTransformer(sublinear_tf=True)
    char_tfidf = TfidfTransformer(sublinear_tf=True)
    x_words = word_tfidf.fit_transform(words.fit_transform(texts))
    x_chars = char_tfidf.fit_transform(chars.fit_transform(texts))
    features = sparse.hstack([x_words, x_chars]).tocsr()
    svm = LinearSVC(C=C, class_weight="balanced", max_iter=5000)
    svm.fit(features, list(labels), sample_weight=None if weights is None else list(weights))
    model = SubEventModel(
        labels=[str(label) for label in svm.classes_],
        word_vocabulary=words.get_feature_names_out().tolist(),
        char_vocabulary=chars.get_feature_names_out().tolist(),
        word_idf=word_tfidf.idf_,
        char_idf=char_tfidf.idf_,
        coef=svm.coef_,
        intercept=svm.intercept_,
    )
    # The shipped model must decide exactly as the fitted pipeline does.
    sample = list(texts[:50])
    expected = svm.decision_function(
        sparse.hstack(
            [word_tfidf.transform(words.transform(sample)), char_tfidf.transform(chars.transform(sample))]
        ).tocsr()
    )
    if not np.allclose(model.decision(sample), expected, atol=1e-6):
        raise AssertionError("the shipped features differ from the training pipeline's")
    return model


def weighted_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Weighted F1 over the gold labels, as ``score_sets.py case`` computes it."""
    counts = Counter(gold)
    total = 0.0
    for label, n in counts.items():
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        f1 = 2 * tp / (2 * tp + fp + (n - tp)) if tp else 0.0
        total += f1 * n / len(gold)
    return total


def folds_of(labels: Sequence[str], *, folds: int = 5) -> list[int]:
    """The fold of every CASE description: stratified by label, the same on every run."""
    strata = [label if labels.count(label) >= folds else "RARE" for label in labels]
    out = [0] * len(labels)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    for fold, (_, test) in enumerate(splitter.split(list(labels), strata)):
        for i in test:
            out[i] = fold
    return out


def cross_validate(
    texts: Sequence[str],
    labels: Sequence[str],
    extra: tuple[list[str], list[str], list[float]],
    *,
    folds: int = 5,
    save_to: Path | None = None,
    ids: Sequence[str] = (),
) -> list[tuple[str, float, str]]:
    """Held-out guesses (label, margin, runner-up) for every CASE description.

    ``save_to``: also save each fold's model (``fold-K.npz``) and the ids it did not see
    (``fold-K.ids``), so that the whole pipeline can be measured on unseen descriptions.
    """
    fold_of = folds_of(labels, folds=folds)
    out: list[tuple[str, float, str]] = [("", 0.0, "")] * len(texts)
    for fold in range(folds):
        train = [i for i in range(len(texts)) if fold_of[i] != fold]
        test = [i for i in range(len(texts)) if fold_of[i] == fold]
        model = fit(
            [texts[i] for i in train] + extra[0],
            [labels[i] for i in train] + extra[1],
            [1.0] * len(train) + extra[2],
        )
        if save_to is not None:
            save_to.mkdir(parents=True, exist_ok=True)
            model.save(save_to / f"fold-{fold}.npz")
            (save_to / f"fold-{fold}.ids").write_text("".join(f"{ids[i]}\n" for i in test), encoding="utf-8")
        for i, guess in zip(test, model.guess([texts[i] for i in test]), strict=True):
            out[i] = (guess.label, guess.margin, guess.runner_up)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", type=Path, default=Path("../shared/dev"), help="shared/dev folder")
    parser.add_argument("--out", type=Path, help="where to save the fitted model (.npz)")
    parser.add_argument("--cv-out", type=Path, help="write the held-out guesses as JSON Lines here")
    parser.add_argument("--fold-models", type=Path, help="save each fold's model and held-out ids here")
    args = parser.parse_args()
    ids, texts, labels = case_examples(args.dev / "case2021")
    extra = coded_examples(args.dev)
    print(f"training data: {len(texts)} CASE descriptions, {len(extra[0])} sentences coded by us")
    held_out = cross_validate(texts, labels, extra, save_to=args.fold_models, ids=ids)
    predicted = [label for label, _, _ in held_out]
    accuracy = sum(p == g for p, g in zip(predicted, labels, strict=True)) / len(labels)
    f1 = weighted_f1(labels, predicted)
    print(f"5-fold cross-validation on CASE, model alone: weighted F1 {f1:.3f}, accuracy {accuracy:.3f}")
    if args.cv_out:
        with args.cv_out.open("w", encoding="utf-8") as handle:
            for i, (label, margin, runner_up) in zip(ids, held_out, strict=True):
                guess = {"id": i, "label": label, "margin": margin, "runner_up": runner_up}
                handle.write(json.dumps(guess) + "\n")
    if args.out:
        model = fit(texts + extra[0], labels + extra[1], [1.0] * len(texts) + extra[2])
        model.save(args.out)
        print(f"saved {args.out} ({args.out.stat().st_size // 1024} KB, {len(model.labels)} labels)")


if __name__ == "__main__":
    main()
