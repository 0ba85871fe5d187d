"""Banded dynamic programming over beads: the heaviest monotone path from (0, 0) to (n, m).

Grid cell (r, c) means r source and c target sentences are consumed. A bead (a, b) steps from
(r-a, c-b) to (r, c). The search walks the rows in order and handles a whole row's band at once
with numpy; the bead scores it adds are asked for a block of ROW_BLOCK rows at a time (one call
per bead shape, see `BeadScorer.many`), not a row at a time. Sentences without a counterpart come in runs (a translator drops or adds a passage,
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
ROW_BLOCK = 128  # rows whose bead scores are computed together (bounds their memory: 128 × band width × shapes)


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
    run_breaks: "tuple[np.ndarray, np.ndarray, float] | None" = None,
) -> list[tuple[int, int, int, int]]:
    """Best path as beads (i0, a, j0, b): source i0..i0+a-1 with target j0..j0+b-1, in order.

    `types` lists the bead shapes; (1, 0) and (0, 1) enable runs of unmatched sentences.
    `run_breaks` (source and target paragraph starts, n + 1 and m + 1 booleans, and a cost): a run of
    unmatched sentences pays the cost for each paragraph that starts inside it (after its first
    sentence), so that of two equal readings of a dropped paragraph the run is the paragraph itself.
    """
    lo, hi = band.lo, band.hi
    back: list[np.ndarray] = []
    origin: list[np.ndarray] = []
    best: list[np.ndarray] = []
    steps = [(t, a, b) for t, (a, b) in enumerate(types) if a > 0 and b > 0]
    src_runs, tgt_runs = (1, 0) in types, (0, 1) in types
    many = getattr(score, "many", None) or one_by_one(score)
    # source runs: run_best[c] = max over earlier rows k of best[k][c] - S[k] - bonus·k
    run_best = np.full(m + 1, -np.inf)
    run_from = np.zeros(m + 1, np.int64)
    cum_null = 0.0  # S[r]: summed null scores of source sentences 0..r-1
    report_every = max(1, n // 50)
    src_break, tgt_break = (np.zeros(n + 1), np.zeros(m + 1)) if run_breaks is None else \
        (run_breaks[0] * run_breaks[2], run_breaks[1] * run_breaks[2])  # each sentence pays, a run's first is refunded
    block: list[list[tuple]] = []
    for r in range(n + 1):
        if r % ROW_BLOCK == 0:
            block = _block_steps(r, min(r + ROW_BLOCK, n + 1), lo, hi, steps, many)
        cols = np.arange(lo[r], hi[r] + 1)
        row = np.full(len(cols), -np.inf)
        arg = np.full(len(cols), -1, np.int8)
        org = np.zeros(len(cols), np.int64)
        if r == 0:
            row[cols == 0] = 0.0
        if r > 0 and src_runs:
            cum_null += float(score(r - 1, 1, 0, cols[:1])[0]) - src_break[r - 1]
            cand = run_best[cols] + cum_null + run_bonus * (r - 1)
            better = cand > row
            row[better], arg[better], org[better] = cand[better], SRC_RUN, run_from[cols][better]
        for t, a, k0, k1, p0, values in block[r % ROW_BLOCK]:
            cand = best[r - a][p0 : p0 + k1 - k0] + values
            cells = row[k0:k1]  # a view: writing into it writes the row
            better = cand > cells
            cells[better] = cand[better]
            arg[k0:k1][better] = t
        if tgt_runs and len(cols) > 1:
            # reach[c] = max_{k<c} row[k] + T[c] - T[k] + bonus·(c-k-1), T = summed target nulls
            cum = np.concatenate([[0.0], np.cumsum(score(r, 0, 1, cols[:-1]) - tgt_break[cols[:-1]])])
            steps_from = cols - cols[0]
            with np.errstate(invalid="ignore"):
                value = row - cum - run_bonus * steps_from + tgt_break[cols]
            prefix = np.maximum.accumulate(value)
            at = np.maximum.accumulate(np.where(value == prefix, np.arange(len(cols)), 0))
            reach = np.full(len(cols), -np.inf)
            reach[1:] = prefix[:-1] + cum[1:] + run_bonus * (steps_from[1:] - 1)
            better = reach > row + 1e-9
            row[better], arg[better], org[better] = reach[better], TGT_RUN, cols[at[np.maximum(np.arange(len(cols)) - 1, 0)]][better]
        if src_runs:
            value = row - cum_null - run_bonus * r + src_break[r]
            improve = value > run_best[cols]
            run_best[cols[improve]] = value[improve]
            run_from[cols[improve]] = r
        best.append(row)
        back.append(arg)
        origin.append(org)
        if progress and (r % report_every == 0 or r == n):
            progress("align", r, n)
    return _trace(n, m, band, back, origin, types)


def _block_steps(r0: int, r1: int, lo: np.ndarray, hi: np.ndarray, steps, many) -> list[list[tuple]]:
    """For each row r0..r1-1, the a–b steps that reach it: (type, a, its cells k0:k1 in the row,
    where they start in row r-a's stored cells, their bead scores). A step's cells are one run of
    columns, those whose bead starts inside row r-a's band; the scores of a whole block of rows
    come from one `many` call per bead shape instead of one scorer call per row and shape."""
    out: list[list[tuple]] = [[] for _ in range(r1 - r0)]
    for t, a, b in steps:
        rows = np.arange(max(r0, a), r1)
        if not len(rows):
            continue
        c0 = np.maximum(lo[rows], lo[rows - a] + b)  # first and last column a step of this shape reaches
        c1 = np.minimum(hi[rows], hi[rows - a] + b)
        keep = c0 <= c1
        rows, c0, c1 = rows[keep], c0[keep], c1[keep]
        if not len(rows):
            continue
        values = many(a, b, rows - a, c0 - b, c1 - b + 1)
        ends = np.cumsum(c1 - c0 + 1)
        for r, first, last, end in zip(rows.tolist(), c0.tolist(), c1.tolist(), ends.tolist()):
            count = last - first + 1
            out[r - r0].append((t, a, first - int(lo[r]), last + 1 - int(lo[r]), first - b - int(lo[r - a]),
                                values[end - count : end]))
    return out  # each row's steps in the order of `types`, as the per-row search compared them


def one_by_one(score: BeadScore):
    """`many` for a plain score function: one call per source start (see BeadScorer.many)."""
    def many(a: int, b: int, i0: np.ndarray, j_start: np.ndarray, j_stop: np.ndarray) -> np.ndarray:
        parts = [np.asarray(score(i, a, b, np.arange(s, e)), dtype=float)
                 for i, s, e in zip(i0.tolist(), j_start.tolist(), j_stop.tolist())]
        return np.concatenate(parts) if parts else np.zeros(0)
    return many


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
