"""Two simple aligners the benchmark compares against, on the same banded search.

- `gale_church`: length only (Gale & Church 1993): beads 1–1, 1–0, 0–1, 2–1, 1–2, 2–2 with the
  original priors and a Gaussian on the character-length difference; ratio and variance from the
  document pair (ratio = total target / total source characters, variance 6.8 as published,
  scaled by the ratio).
- `one_to_one`: embeddings only, 1–1 beads or nulls: the DP maximises the summed cosine of
  centred sentence embeddings; a pair is kept when it beats "no counterpart" (cosine 0).
"""
from __future__ import annotations

import math

import numpy as np

from aligner.align.anchors import anchor_chain, neighbours
from aligner.align.band import band_from_anchors, full_band
from aligner.align.dp import banded_dp
from aligner.align.spans import side_of
from aligner.types import Bead, Document, Progress

GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2, (2, 2): 0.011}
GC_VARIANCE = 6.8
FULL_BAND_CELLS = 4_000_000  # below this the length-only search can afford the whole grid


def _beads(path) -> list[Bead]:
    return [Bead(tuple(range(i0, i0 + a)), tuple(range(j0, j0 + b)), score=0.5) for i0, a, j0, b in path]


def gale_church(source: Document, target: Document, encoder=None, progress: Progress | None = None, **_) -> list[Bead]:
    """Length-only alignment; needs no encoder."""
    n, m = len(source.sentences), len(target.sentences)
    d = 1  # dummy embedding width: the Side only needs lengths here
    src = side_of(source, np.ones((n, d), np.float32), 2)
    tgt = side_of(target, np.ones((m, d), np.float32), 2)
    ratio = tgt.cum_len[-1] / max(src.cum_len[-1], 1.0)
    log_prior = {t: math.log(p) for t, p in GC_PRIORS.items()}

    def score(i0: int, a: int, b: int, j0: np.ndarray) -> np.ndarray:
        ls = src.cum_len[i0 + a] - src.cum_len[i0]
        lt = tgt.cum_len[j0 + b] - tgt.cum_len[j0]
        mean = (ls + lt / ratio) / 2
        z = (lt - ls * ratio) / np.sqrt(np.maximum(mean, 1.0) * GC_VARIANCE * ratio)
        # log of the two-sided tail probability, as in the original
        tail = np.maximum(2 * (1 - _normal_cdf(np.abs(z))), 1e-12)
        return log_prior[(a, b)] + np.log(tail)

    band = full_band(n, m) if (n + 1) * (m + 1) <= FULL_BAND_CELLS else _diagonal_band(n, m)
    return _beads(banded_dp(n, m, band, score, list(GC_PRIORS), progress))


def one_to_one(source: Document, target: Document, encoder, progress: Progress | None = None, **_) -> list[Bead]:
    """Embedding-only 1–1 matching with nulls."""
    n, m = len(source.sentences), len(target.sentences)
    emb = encoder.encode([s.norm for s in source.sentences] + [s.norm for s in target.sentences], progress)
    src, tgt = side_of(source, emb[:n], 1), side_of(target, emb[n:], 1)
    nb = neighbours(src.emb, tgt.emb)
    ai, aj = anchor_chain(nb, m)
    band = band_from_anchors(ai, aj, n, m)

    def score(i0: int, a: int, b: int, j0: np.ndarray) -> np.ndarray:
        if a == 0 or b == 0:
            return np.zeros(len(j0))
        return tgt.emb[j0] @ src.emb[i0]

    return _beads(banded_dp(n, m, band, score, [(1, 1), (1, 0), (0, 1)], progress))


def _normal_cdf(x: np.ndarray) -> np.ndarray:
    from math import erf, sqrt

    return 0.5 * (1 + np.vectorize(erf)(x / sqrt(2)))


def _diagonal_band(n: int, m: int, width: int = 200):
    rows = np.arange(n + 1)
    centre = rows * m / max(n, 1)
    from aligner.align.band import make_band

    return make_band(np.floor(centre - width).astype(np.int64), np.ceil(centre + width).astype(np.int64), m)
