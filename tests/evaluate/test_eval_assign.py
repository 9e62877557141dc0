"""The Hungarian assignment against brute force on small matrices."""

from __future__ import annotations

import itertools
import random

import pytest

from thucydides.evaluate.assign import max_weight_assignment


def brute_force(weights: list[list[float]]) -> float:
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    if rows <= cols:
        for perm in itertools.permutations(range(cols), rows):
            best = max(best, sum(max(weights[r][c], 0.0) for r, c in enumerate(perm)))
    else:
        for perm in itertools.permutations(range(rows), cols):
            best = max(best, sum(max(weights[r][c], 0.0) for c, r in enumerate(perm)))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 5), rng.randint(1, 5)
    weights = [[rng.choice([0.0, rng.uniform(0, 10)]) for _ in range(cols)] for _ in range(rows)]
    pairs = max_weight_assignment(weights)
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert all(weights[r][c] > 0 for r, c in pairs)
    assert sum(weights[r][c] for r, c in pairs) == pytest.approx(brute_force(weights))


def test_prefers_two_fair_pairs_to_one_great_one_when_weights_say_so() -> None:
    # Greedy would take (0, 0) = 10 and stop; the optimum is 9 + 9.
    assert max_weight_assignment([[10.0, 9.0], [9.0, 0.0]]) == [(0, 1), (1, 0)]


def test_empty_and_forbidden() -> None:
    assert max_weight_assignment([]) == []
    assert max_weight_assignment([[], []]) == []
    assert max_weight_assignment([[0.0, 0.0], [0.0, 0.0]]) == []
    assert max_weight_assignment([[0.0], [5.0], [1.0]]) == [(1, 0)]
