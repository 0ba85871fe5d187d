"""Banded dynamic programming over beads: the heaviest monotone path from (0, 0) to (n, m).

Grid cell (r, c) means r source and c target sentences are consumed. A bead (a, b) steps from
(r-a, c-b) to (r, c). The search walks the rows in order and handles a whole row's band at once
with numpy; 0–1 beads (steps within a row) are a running maximum along the row. Memory is the
band's cell count (a float and a byte per cell).
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from aligner.align.band import Band
from aligner.types import Progress

# score(first source index, a, b, first target indices) -> scores of those beads (one per index)
BeadScore = Callable[[int, int, int, np.ndarray], np.ndarray]


def bead_types(max_side: int = 4, max_total: int = 6) -> list[tuple[int, int]]:
    """1–0 and 0–1, then every a–b with 1 ≤ a, b ≤ max_side and a + b ≤ max_total."""
    types = [(1, 0), (0, 1)]
    types += [(a, b) for a in range(1, max_side + 1) for b in range(1, max_side + 1) if a + b <= max_total]
    return types


def banded_dp(
    n: int,
    m: int,
    band: Band,
    score: BeadScore,
    types: list[tuple[int, int]],
    progress: Progress | None = None,
) -> list[tuple[int, int, int, int]]:
    """Best path as beads (i0, a, j0, b): source i0..i0+a-1 with target j0..j0+b-1, in order."""
    lo, hi = band.lo, band.hi
    best: list[np.ndarray] = []
    back: list[np.ndarray] = []
    step_types = [(t, a, b) for t, (a, b) in enumerate(types) if a > 0]
    insert = types.index((0, 1)) if (0, 1) in types else None
    report_every = max(1, n // 50)
    for r in range(n + 1):
        cols = np.arange(lo[r], hi[r] + 1)
        row = np.full(len(cols), -np.inf)
        arg = np.full(len(cols), -1, np.int8)
        if r == 0:
            row[cols == 0] = 0.0
        for t, a, b in step_types:
            if a > r:
                continue
            prev_lo, prev_hi = lo[r - a], hi[r - a]
            start = cols - b
            ok = (start >= prev_lo) & (start <= prev_hi)
            if not ok.any():
                continue
            sel = np.nonzero(ok)[0]
            cand = best[r - a][start[sel] - prev_lo] + score(r - a, a, b, start[sel])
            better = cand > row[sel]
            row[sel[better]] = cand[better]
            arg[sel[better]] = t
        if insert is not None and len(cols) > 1:
            # c can also be reached from (r, c-1) by a 0–1 bead: row[c] = max_k row[k] + gain(k..c-1)
            gains = score(r, 0, 1, cols[:-1])
            cum = np.concatenate([[0.0], np.cumsum(gains)])
            with np.errstate(invalid="ignore"):
                reach = cum + np.maximum.accumulate(row - cum)
            better = reach > row + 1e-12
            row = np.where(better, reach, row)
            arg = np.where(better, np.int8(insert), arg)
        best.append(row)
        back.append(arg)
        if progress and (r % report_every == 0 or r == n):
            progress("align", r, n)
    return _trace(n, m, band, back, types)


def _trace(n: int, m: int, band: Band, back: list[np.ndarray], types) -> list[tuple[int, int, int, int]]:
    beads = []
    r, c = n, m
    while r > 0 or c > 0:
        t = int(back[r][c - band.lo[r]])
        if t < 0:
            raise RuntimeError(f"alignment search found no path through cell ({r}, {c})")
        a, b = types[t]
        beads.append((r - a, a, c - b, b))
        r, c = r - a, c - b
    beads.reverse()
    return beads
