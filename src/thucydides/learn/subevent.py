"""Which ACLED sub-event type a sentence reports, if any: a linear model over word and character n-grams.

The model is a linear SVM fitted by ``learn/train_subevent.py`` (scikit-learn) and shipped as plain
arrays (``subevent.npz``: vocabularies, idf weights, coefficients), never as a pickle, so it loads
offline, fast, and the same on every scikit-learn version. Features are those of the training
pipeline: a TF-IDF block of lower-cased word 1-2-grams and one of character 2-5-grams inside word
boundaries, each with sublinear term frequency and unit length, side by side.

The rules read the sides, places, figures and dates; this model reads the wording as a whole,
which is what types an event when no trigger word of the rules is there or when several are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

from thucydides.errors import ResourceError
from thucydides.learn.arrays import load_arrays

NO_EVENT = "NONE"
MODEL_FILE = "subevent.npz"

# The two feature blocks, shared with the training script so that both build the same features.
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)


@dataclass(frozen=True, slots=True)
class SubEventGuess:
    """The model's label for one text, its decision value and its lead over the runner-up."""

    label: str  # a sub-event type of the taxonomy, or NO_EVENT
    score: float
    margin: float
    runner_up: str


def word_vectorizer(vocabulary: dict[str, int] | None = None, **options: object) -> CountVectorizer:
    """Counts of lower-cased word 1-2-grams."""
    return CountVectorizer(ngram_range=WORD_NGRAMS, lowercase=True, vocabulary=vocabulary, **options)


def char_vectorizer(vocabulary: dict[str, int] | None = None, **options: object) -> CountVectorizer:
    """Counts of lower-cased character 2-5-grams inside word boundaries."""
    return CountVectorizer(
        analyzer="char_wb", ngram_range=CHAR_NGRAMS, lowercase=True, vocabulary=vocabulary, **options
    )


def tfidf_block(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF times IDF, each row scaled to unit length (scikit-learn's TfidfTransformer)."""
    matrix = counts.astype(np.float64).tocsr()
    matrix.data = 1.0 + np.log(matrix.data)
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


class SubEventModel:
    """A fitted model: ``guess(texts)`` gives one ``SubEventGuess`` per text."""

    def __init__(
        self,
        *,
        labels: Sequence[str],
        word_vocabulary: Sequence[str],
        char_vocabulary: Sequence[str],
        word_idf: np.ndarray,
        char_idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
    ) -> None:
        self.labels = tuple(labels)
        self._words = word_vectorizer({term: i for i, term in enumerate(word_vocabulary)})
        self._chars = char_vectorizer({term: i for i, term in enumerate(char_vocabulary)})
        self._word_idf = np.asarray(word_idf, dtype=np.float64)
        self._char_idf = np.asarray(char_idf, dtype=np.float64)
        self._coef = np.asarray(coef, dtype=np.float64)
        self._intercept = np.asarray(intercept, dtype=np.float64)
        expected = len(word_vocabulary) + len(char_vocabulary)
        if self._coef.shape != (len(self.labels), expected):
            raise ResourceError(
                f"The sub-event model's coefficients have shape {self._coef.shape}, expected "
                f"({len(self.labels)}, {expected}). Retrain it with learn/train_subevent.py."
            )

    @classmethod
    def load(cls, path: str | Path | None = None) -> SubEventModel:
        """The model shipped with Thucydides, or the one saved at ``path``."""
        arrays = load_arrays(path, MODEL_FILE, what="sub-event model", trainer="learn/train_subevent.py")
        return cls(
            labels=[str(label) for label in arrays["labels"]],
            word_vocabulary=[str(term) for term in arrays["word_vocabulary"]],
            char_vocabulary=[str(term) for term in arrays["char_vocabulary"]],
            word_idf=arrays["word_idf"],
            char_idf=arrays["char_idf"],
            coef=arrays["coef"],
            intercept=arrays["intercept"],
        )

    def save(self, path: str | Path) -> None:
        """Write the model as plain arrays (no pickle)."""
        vocabulary = self._words.vocabulary
        chars = self._chars.vocabulary
        assert isinstance(vocabulary, dict) and isinstance(chars, dict)
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            word_vocabulary=np.array(sorted(vocabulary, key=vocabulary.__getitem__)),
            char_vocabulary=np.array(sorted(chars, key=chars.__getitem__)),
            word_idf=self._word_idf.astype(np.float32),
            char_idf=self._char_idf.astype(np.float32),
            coef=self._coef.astype(np.float16),
            intercept=self._intercept.astype(np.float32),
        )

    def features(self, texts: Sequence[str]) -> sparse.csr_matrix:
        words = tfidf_block(self._words.transform(texts), self._word_idf)
        chars = tfidf_block(self._chars.transform(texts), self._char_idf)
        return sparse.csr_matrix(sparse.hstack([words, chars]))

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        """Decision values, one row per text, one column per label."""
        if not texts:
            return np.zeros((0, len(self.labels)))
        return np.asarray(self.features(texts) @ self._coef.T) + self._intercept

    def guess(self, texts: Sequence[str]) -> list[SubEventGuess]:
        scores = self.decision(texts)
        guesses = []
        for row in scores:
            order = np.argsort(row)[::-1]
            best, second = int(order[0]), int(order[1])
            guesses.append(
                SubEventGuess(
                    label=self.labels[best],
                    score=float(row[best]),
                    margin=float(row[best] - row[second]),
                    runner_up=self.labels[second],
                )
            )
        return guesses
