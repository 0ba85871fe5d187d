"""Span vectors made when the search asks for them, from one running sum per side and weighting.

The search reads the unit vector of every run of 2–5 consecutive sentences (see `spans.Side`).
Kept as float32 arrays, one per size and weighting, they took 16 bytes per sentence and
dimension on each side (590 MB at a 20,000-sentence novel, ~1 GB at the peak of building them with
their float64 temporaries). Here only the float64 running sum of the rows is kept (8 bytes), and a
span vector is the same arithmetic on it as before (a difference of two running sums, divided by
its length, rounded to float32), so every vector is the same float as the array held. The search
moves along the text, so vectors are made a block of starts at a time and the last two blocks kept.
"""
from __future__ import annotations

import numpy as np

BLOCK = 512  # span starts made together
OVERLAP = 512  # each block also holds the next this many starts, so that a band row's run is one slice of it
KEPT = 2  # blocks kept per size and weighting: the search's current one and the one before
CHUNK = 4096  # rows of a scattered request made at once (bounds the float64 temporaries)


def unit_rows(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.maximum(norms, 1e-12)).astype(np.float32)


def running_sums(rows: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """(k + 1, d) float64: row t is the sum of the first t rows (each times its weight), added in
    order: the very floats of `np.cumsum(rows * weights[:, None], axis=0, dtype=np.float64)` after
    a zero row, made a block at a time so that no float64 copy of all the rows is needed."""
    k, d = rows.shape
    cum = np.zeros((k + 1, d), np.float64)
    for r0 in range(0, k, BLOCK):
        r1 = min(r0 + BLOCK, k)
        part = rows[r0:r1] if weights is None else rows[r0:r1] * weights[r0:r1, None]
        if r0 == 0:  # the first sum is the first row itself (0.0 + -0.0 would be +0.0)
            np.cumsum(part, axis=0, dtype=np.float64, out=cum[1:r1 + 1])
        else:  # carry on from the sum so far, adding one row after another as cumsum does
            cum[r0:r1 + 1] = np.cumsum(np.concatenate([cum[r0:r0 + 1], part]), axis=0, dtype=np.float64)
    return cum


class SpanVectors:
    """The (k - size + 1, d) float32 unit vectors of the sums of every run of `size` rows, indexed as
    that array would be (an integer, a slice or an array of starts), made from `cum` (`running_sums`)."""

    def __init__(self, cum: np.ndarray, size: int):
        self.cum, self.size = cum, size
        self.shape = (max(0, len(cum) - size), cum.shape[1])
        self._blocks: dict[int, np.ndarray] = {}

    def __len__(self) -> int:
        return self.shape[0]

    def _rows(self, start: np.ndarray | int, stop: int | None = None) -> np.ndarray:
        """Vectors of the starts start..stop-1 (or of an array of starts): the arithmetic of the
        whole array, row by row."""
        if stop is None:
            return unit_rows(self.cum[start + self.size] - self.cum[start])
        return unit_rows(self.cum[start + self.size:stop + self.size] - self.cum[start:stop])

    def _block(self, b: int) -> np.ndarray:
        block = self._blocks.get(b)
        if block is None:
            start = b * BLOCK
            block = self._rows(start, min(start + BLOCK + OVERLAP, len(self)))
            if len(self._blocks) >= KEPT:
                del self._blocks[next(iter(self._blocks))]  # the oldest
            self._blocks[b] = block
        return block

    def __getitem__(self, key):
        n = len(self)
        if isinstance(key, slice):
            start, stop, step = key.indices(n)
            if step != 1:
                return self[np.arange(start, stop, step)]
            if stop <= start:
                return np.zeros((0, self.shape[1]), np.float32)
            b = start // BLOCK
            if stop <= b * BLOCK + BLOCK + OVERLAP:
                return self._block(b)[start - b * BLOCK:stop - b * BLOCK]
            return self._rows(start, stop)
        if isinstance(key, (int, np.integer)):
            i = int(key) + (n if key < 0 else 0)
            if not 0 <= i < n:
                raise IndexError(f"span start {key} out of range for {n} spans")
            return self._block(i // BLOCK)[i % BLOCK]
        starts = np.asarray(key, dtype=np.int64)
        flat = np.where(starts < 0, starts + n, starts).ravel()
        if len(flat) and (flat.min() < 0 or flat.max() >= n):
            raise IndexError(f"span starts out of range for {n} spans")
        out = np.empty((len(flat), self.shape[1]), np.float32)
        for c in range(0, len(flat), CHUNK):
            out[c:c + CHUNK] = self._rows(flat[c:c + CHUNK])
        return out.reshape(starts.shape + (self.shape[1],))
