"""Which gazetteer entry a place name means: a logistic regression over features of each candidate.

The features are computed by ``geoparse/resolve.py`` (``FEATURES`` there names them, in order): how
well the name matched, the entry's kind and population, what the document says about it (the
country in focus, the governorates named, a container, closeness to the other places, the list it
stands in). ``learn/train_resolver.py`` fits the weights on gold toponyms (scikit-learn) and saves
them as plain JSON (``resolver.json``: feature names, one weight each, the intercept), never as a
pickle, so the model loads offline, fast, the same on every scikit-learn version, and can be read.

A candidate's score is the model's probability that it is the place meant; the resolver takes the
best one. ``contributions`` says how much each feature added, for ``--explain``.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from thucydides.errors import ResourceError

MODEL_FILE = "resolver.json"


@dataclass(frozen=True, slots=True)
class ResolverModel:
    """Weights of a fitted model: ``probability(values)`` for one candidate's feature values."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    about: str = ""  # what it was fitted on, and how it did on held-out data

    def __post_init__(self) -> None:
        if len(self.names) != len(self.weights):
            raise ResourceError(
                f"The resolver model has {len(self.weights)} weights for {len(self.names)} features. "
                "Retrain it with learn/train_resolver.py."
            )

    def logit(self, values: Sequence[float]) -> float:
        """The model's log-odds that the candidate is the place meant."""
        if len(values) != len(self.weights):
            raise ValueError(f"{len(values)} feature values for a model of {len(self.weights)} features")
        # Terms of zero features add nothing (a zero, whatever its sign, leaves a sum as it is):
        # summed in feature order, as a plain loop over the non-zero ones would.
        total: float = sum(map(operator.mul, self.weights, values))
        return self.intercept + total

    def probability(self, values: Sequence[float]) -> float:
        """The model's probability (0..1) that the candidate is the place meant."""
        z = self.logit(values)
        return 1.0 / (1.0 + math.exp(-z)) if z >= -60 else 0.0

    def contributions(self, values: Sequence[float]) -> dict[str, float]:
        """What each non-zero feature adds to the log-odds (weight times value)."""
        return {
            name: round(w * v, 4) for name, w, v in zip(self.names, self.weights, values, strict=True) if v
        }

    def check(self, expected: Sequence[str]) -> ResolverModel:
        """This model, after checking that it was fitted on exactly these features, in this order."""
        if tuple(expected) != self.names:
            missing = sorted(set(expected) - set(self.names))
            extra = sorted(set(self.names) - set(expected))
            raise ResourceError(
                f"The resolver model's features differ from the code's (missing {missing}, extra {extra}, "
                "or another order). Retrain it with learn/train_resolver.py."
            )
        return self

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ResolverModel:
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise ResourceError("The resolver model's 'weights' must map feature names to numbers.")
        intercept = data.get("intercept", 0.0)
        assert isinstance(intercept, int | float)
        return cls(
            names=tuple(str(name) for name in weights),
            weights=tuple(float(value) for value in weights.values()),
            intercept=float(intercept),
            about=str(data.get("about", "")),
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "about": self.about,
            "intercept": round(self.intercept, 6),
            "weights": {name: round(w, 6) for name, w in zip(self.names, self.weights, strict=True)},
        }

    @classmethod
    def load(cls, path: str | Path | None = None) -> ResolverModel:
        """The model shipped with Thucydides, or the one saved at ``path``."""
        try:
            if path is None:
                text = (resources.files("thucydides.learn") / MODEL_FILE).read_text(encoding="utf-8")
            else:
                text = Path(path).read_text(encoding="utf-8")
            data = json.loads(text)
        except (OSError, ValueError) as error:
            raise ResourceError(
                f"Cannot read the resolver model ({path or MODEL_FILE}): {error}. "
                "Reinstall Thucydides or retrain it with learn/train_resolver.py."
            ) from error
        return cls.from_dict(data)

    def save(self, path: str | Path) -> None:
        """Write the model as plain JSON."""
        Path(path).write_text(json.dumps(self.as_dict(), indent=1) + "\n", encoding="utf-8")


@cache
def shipped_model() -> ResolverModel:
    """The model shipped with Thucydides, read once."""
    return ResolverModel.load()
