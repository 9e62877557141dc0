"""Optimal one-to-one assignment (the Hungarian algorithm), for the small matrices of one document."""

from __future__ import annotations

import math
from collections.abc import Sequence


def max_weight_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Pairs ``(row, column)``, each row and column used at most once, maximising the summed weight.

    Only pairs with a positive weight are returned: a weight of 0 or less means
    "may not be paired". Runs in O(n² m) for an n x m matrix (Kuhn-Munkres with
    potentials, shortest augmenting paths).
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    transpose = rows > cols
    if transpose:
        weights = [[weights[r][c] for r in range(rows)] for c in range(cols)]
        rows, cols = cols, rows
    # Minimise cost = -weight; forbidden pairs cost 0, the same as leaving a row unpaired.
    cost = [[-max(w, 0.0) for w in row] for row in weights]
    column_of = _hungarian(cost, rows, cols)
    pairs = [(r, c) for r, c in enumerate(column_of) if weights[r][c] > 0]
    return sorted((c, r) for r, c in pairs) if transpose else pairs


def _hungarian(cost: list[list[float]], rows: int, cols: int) -> list[int]:
    """Column assigned to each row for a minimum-cost assignment, ``rows <= cols``."""
    # 1-based arrays; index 0 of the columns is the virtual start of each augmenting path.
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    row_of = [0] * (cols + 1)  # row_of[j]: row assigned to column j (0: none)
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        row_of[0] = i
        j0 = 0
        minv = [math.inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0 = row_of[j0]
            delta = math.inf
            j1 = 0
            for j in range(1, cols + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if reduced < minv[j]:
                    minv[j] = reduced
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(cols + 1):
                if used[j]:
                    u[row_of[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if row_of[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            row_of[j0] = row_of[j1]
            j0 = j1
    column_of = [0] * rows
    for j in range(1, cols + 1):
        if row_of[j]:
            column_of[row_of[j] - 1] = j - 1
    return column_of
