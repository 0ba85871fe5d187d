"""Adapt the encoder to one document pair: a rotation between the two sides' embedding spaces.

A small multilingual encoder places a Chinese sentence and its English translation near each
other, but not on top of each other: each language keeps its own tilt. The first path's 1–1
beads are hundreds of (source, target) pairs from this very document, enough to fit an
orthogonal map (Procrustes: a rotation cannot overfit the way a free linear map can) that turns
the source vectors towards their translations. Cross-fitted by position: the map applied to a
sentence is fitted on pairs from the other part of the document, so a pair is never rewarded
for having been in its own training set.
"""
from __future__ import annotations

import numpy as np

FOLDS = 2
MIN_PAIRS = 40  # fewer pairs than this: keep the encoder's own space


def procrustes(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The rotation W minimising ‖xW − y‖ (rows paired)."""
    u, _, vt = np.linalg.svd(x.T.astype(np.float64) @ y.astype(np.float64))
    return (u @ vt).astype(np.float32)


def rotate_source(src_emb: np.ndarray, pair_i: np.ndarray, x: np.ndarray, y: np.ndarray,
                  blend: float = 1.0, folds: int = FOLDS) -> np.ndarray | None:
    """Source vectors moved towards the target space (unit rows), or None if too few pairs.

    Training pairs are rows of `x` (source side) and `y` (target side); `pair_i` is where each
    pair starts in the source, for the folds. `blend` mixes the rotated vector with the original
    one (1 = rotated only)."""
    n = len(src_emb)
    if len(pair_i) < MIN_PAIRS * folds / max(folds - 1, 1):
        return None
    fold_of = np.minimum((np.arange(n) * folds) // max(n, 1), folds - 1)
    out = np.empty_like(src_emb)
    for f in range(folds):
        train = fold_of[pair_i] != f
        w = procrustes(x[train], y[train])
        rows = fold_of == f
        out[rows] = (1 - blend) * src_emb[rows] + blend * (src_emb[rows] @ w)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return (out / np.maximum(norms, 1e-12)).astype(np.float32)
