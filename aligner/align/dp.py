"""Banded dynamic programming over beads: the heaviest monotone path from (0, 0) to (n, m).

Grid cell (r, c) means r source and c target sentences are consumed. A bead (a, b) steps from
(r-a, c-b) to (r, c). The search walks the rows in order and handles a whole row's band at once
with numpy. Sentences without a counterpart come in runs (a translator drops or adds a passage,
not a random sentence here and there): a run of k 1–0 (or 0–1) beads scores the sum of their
null scores plus `run_bonus` for each sentence after the first. Runs are found with running
maxima — per column across rows for the source, a prefix maximum along the row for the target —
so they cost O(m) memory and no loop over cells. Memory is the band's cell count (a float, a
byte and an int per cell).
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from aligner.align.band import Band
from aligner.types import Progress

# score(first source index, a, b, first target indices) -> scores of those beads (one per index)
BeadScore = Callable[[int, int, int, np.ndarray], np.ndarray]

SRC_RUN = -2  # back-pointer: a run of 1–0 beads ends here (its first row is in `origin`)
TGT_RUN = -3  # back-pointer: a run of 0–1 beads ends here (its first column is in `origin`)


def bead_types(max_total: int = 5, max_split: int = 5) -> list[tuple[int, int]]:
    """1–0 and 0–1, then every a–b with a, b ≥ 1 and a + b ≤ max_total, and 1–b up to 1–max_split
    (one source sentence translated as that many)."""
    types = [(1, 0), (0, 1)]
    types += [(a, b) for a in range(1, max_total) for b in range(1, max_total) if a + b <= max_total]
    types += [(1, b) for b in range(max_total, max_split + 1)]
    return types


def banded_dp(
    n: int,
    m: int,
    band: Band,
    score: BeadScore,
    types: list[tuple[int, int]],
    progress: Progress | None = None,
    run_bonus: float = 0.0,
) -> list[tuple[int, int, int, int]]:
    """Best path as beads (i0, a, j0, b): source i0..i0+a-1 with target j0..j0+b-1, in order.

    `types` lists the bead shapes; (1, 0) and (0, 1) enable runs of unmatched sentences.
    """
    lo, hi = band.lo, band.hi
    back: list[np.ndarray] = []
    origin: list[np.ndarray] = []
    best: list[np.ndarray] = []
    steps = [(t, a, b) for t, (a, b) in enumerate(types) if a > 0 and b > 0]
    src_runs, tgt_runs = (1, 0) in types, (0, 1) in types
    # source runs: run_best[c] = max over earlier rows k of best[k][c] - S[k] - bonus·k
    run_best = np.full(m + 1, -np.inf)
    run_from = np.zeros(m + 1, np.int64)
    cum_null = 0.0  # S[r]: summed null scores of source sentences 0..r-1
    report_every = max(1, n // 50)
    for r in range(n + 1):
        cols = np.arange(lo[r], hi[r] + 1)
        row = np.full(len(cols), -np.inf)
        arg = np.full(len(cols), -1, np.int8)
        org = np.zeros(len(cols), np.int64)
        if r == 0:
            row[cols == 0] = 0.0
        if r > 0 and src_runs:
            cum_null += float(score(r - 1, 1, 0, cols[:1])[0])
            cand = run_best[cols] + cum_null + run_bonus * (r - 1)
            better = cand > row
            row[better], arg[better], org[better] = cand[better], SRC_RUN, run_from[cols][better]
        for t, a, b in steps:
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
        if tgt_runs and len(cols) > 1:
            # reach[c] = max_{k<c} row[k] + T[c] - T[k] + bonus·(c-k-1), T = summed target nulls
            cum = np.concatenate([[0.0], np.cumsum(score(r, 0, 1, cols[:-1]))])
            steps_from = cols - cols[0]
            with np.errstate(invalid="ignore"):
                value = row - cum - run_bonus * steps_from
            prefix = np.maximum.accumulate(value)
            at = np.maximum.accumulate(np.where(value == prefix, np.arange(len(cols)), 0))
            reach = np.full(len(cols), -np.inf)
            reach[1:] = prefix[:-1] + cum[1:] + run_bonus * (steps_from[1:] - 1)
            better = reach > row + 1e-9
            row[better], arg[better], org[better] = reach[better], TGT_RUN, cols[at[np.maximum(np.arange(len(cols)) - 1, 0)]][better]
        if src_runs:
            value = row - cum_null - run_bonus * r
            improve = value > run_best[cols]
            run_best[cols[improve]] = value[improve]
            run_from[cols[improve]] = r
        best.append(row)
        back.append(arg)
        origin.append(org)
        if progress and (r % report_every == 0 or r == n):
            progress("align", r, n)
    return _trace(n, m, band, back, origin, types)


def _trace(n: int, m: int, band: Band, back, origin, types) -> list[tuple[int, int, int, int]]:
    beads = []
    r, c = n, m
    while r > 0 or c > 0:
        k = c - band.lo[r]
        t = int(back[r][k])
        if t == SRC_RUN:
            start = int(origin[r][k])
            beads.extend((x, 1, c, 0) for x in range(r - 1, start - 1, -1))
            r = start
        elif t == TGT_RUN:
            start = int(origin[r][k])
            beads.extend((r, 0, y, 1) for y in range(c - 1, start - 1, -1))
            c = start
        elif t < 0:
            raise RuntimeError(f"alignment search found no path through cell ({r}, {c})")
        else:
            a, b = types[t]
            beads.append((r - a, a, c - b, b))
            r, c = r - a, c - b
    beads.reverse()
    return beads
