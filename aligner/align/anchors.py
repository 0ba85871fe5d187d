"""First pass: nearest neighbours of every sentence and a monotone chain of confident 1–1 anchors.

Similarities are computed in blocks of rows, so memory stays linear in the text; only the k best
targets per source sentence (and k best sources per target sentence) are kept. Their mean is each
sentence's "neighbourhood" similarity, the baseline of the margin score (as in LASER / vecalign).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BLOCK_ROWS = 512


@dataclass
class Neighbours:
    """k nearest neighbours on each side and the mean similarity to them."""

    src_idx: np.ndarray  # (n, k) target indices, best first
    src_sim: np.ndarray  # (n, k)
    src_base: np.ndarray  # (n,) mean of the k best similarities of each source sentence
    tgt_base: np.ndarray  # (m,) same for each target sentence


def _top_k_rows(sims: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    k = min(k, sims.shape[1])
    idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    val = np.take_along_axis(sims, idx, axis=1)
    order = np.argsort(-val, axis=1)
    return np.take_along_axis(idx, order, axis=1), np.take_along_axis(val, order, axis=1)


def neighbours(src: np.ndarray, tgt: np.ndarray, k: int = 4) -> Neighbours:
    """Blocked k-nearest-neighbour search in both directions (cosine on unit rows)."""
    n, m = len(src), len(tgt)
    k_src, k_tgt = min(k, m), min(k, n)
    src_idx = np.zeros((n, k_src), np.int64)
    src_sim = np.zeros((n, k_src), np.float32)
    # running k best per target column, kept a row per column: np.partition along the rows of a
    # C-ordered array reads each column's values from contiguous memory (the same values in the same
    # order as partitioning the columns in place, so the same result; half the time on a novel)
    col_best = np.full((m, k_tgt), -np.inf, np.float32)
    for start in range(0, n, BLOCK_ROWS):
        sims = src[start : start + BLOCK_ROWS] @ tgt.T
        src_idx[start : start + len(sims)], src_sim[start : start + len(sims)] = _top_k_rows(sims, k_src)
        both = np.concatenate([col_best, sims.T], axis=1)
        col_best = -np.partition(-both, k_tgt - 1, axis=1)[:, :k_tgt]
    return Neighbours(src_idx, src_sim, src_sim.mean(axis=1), np.ascontiguousarray(col_best.T).mean(axis=0))


def anchor_chain(nb: Neighbours, m: int, min_margin: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """The heaviest strictly monotone chain of candidate pairs (i, j), weighted by their margin.

    Candidates are each source sentence's k nearest targets whose similarity beats both sentences'
    neighbourhood means. The chain is a weighted longest-increasing-subsequence, solved row by row
    with a running prefix maximum over target positions (O(m) vector work per row, O(m) memory).
    """
    n, k = nb.src_idx.shape
    margin = nb.src_sim - 0.5 * (nb.src_base[:, None] + nb.tgt_base[nb.src_idx])
    best_val = np.zeros(m + 1)  # best_val[j]: heaviest chain whose last target index is < j
    best_pt = np.full(m + 1, -1, np.int64)  # the point that chain ends with
    ends_val = np.zeros(m + 1)  # chains ending exactly at target j-1 (stored at j)
    ends_pt = np.full(m + 1, -1, np.int64)
    pts_i, pts_j, prev = [], [], []
    positions = np.arange(m + 1)
    for i in range(n):
        keep = margin[i] > min_margin
        if not keep.any():
            continue
        js, ws = nb.src_idx[i][keep], margin[i][keep]
        vals = best_val[js] + ws
        ids = np.arange(len(pts_i), len(pts_i) + len(js))
        pts_i.extend([i] * len(js))
        pts_j.extend(js.tolist())
        prev.extend(best_pt[js].tolist())
        better = vals > ends_val[js + 1]
        ends_val[js[better] + 1] = vals[better]
        ends_pt[js[better] + 1] = ids[better]
        best_val = np.maximum.accumulate(ends_val)
        at = np.maximum.accumulate(np.where(ends_val == best_val, positions, 0))
        best_pt = ends_pt[at]
    if not pts_i:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    chain = []
    p = int(best_pt[m])
    while p >= 0:
        chain.append(p)
        p = prev[p]
    chain.reverse()
    return np.array([pts_i[p] for p in chain], np.int64), np.array([pts_j[p] for p in chain], np.int64)
