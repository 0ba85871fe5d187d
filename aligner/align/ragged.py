"""A table of rows of their own widths, kept in one flat array.

The dictionary tables hold, per source row, a value for each target sentence of the row's band
window. Windows differ in width (229 columns a row on average on the 20,566-sentence benchmark
novel, 418 at the widest): a rectangle as wide as the widest row was half padding, ~190 MB of
the ~380 MB its tables took. Read it as the rectangle was read: `table[i, k]` for row i's column k
(arrays of rows and columns, or a row and a slice of its columns).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class RaggedTable:
    """Row i's columns 0 .. widths[i]-1 are values[starts[i] : starts[i + 1]]."""

    values: np.ndarray  # (sum of widths,)
    starts: np.ndarray  # (rows + 1,) int64

    @classmethod
    def zeros(cls, widths: np.ndarray, dtype=np.float32) -> "RaggedTable":
        starts = np.concatenate([[0], np.cumsum(np.maximum(widths, 0))]).astype(np.int64)
        return cls(np.zeros(int(starts[-1]), dtype), starts)

    @property
    def widths(self) -> np.ndarray:
        return np.diff(self.starts)

    @property
    def nbytes(self) -> int:
        return self.values.nbytes + self.starts.nbytes

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, key):
        row, cols = key
        if isinstance(cols, slice):  # one row's run of columns, a view as the rectangle's was
            start = int(self.starts[row])
            width = int(self.starts[row + 1]) - start
            lo, hi, step = cols.indices(width)
            return self.values[start + lo : start + hi : step]
        return self.values[self.starts[row] + cols]

    def put_rows(self, first: int, block: np.ndarray) -> None:
        """Rows first, first+1 … from a rectangle `block` (each row's own width taken from the left)."""
        rows = np.arange(first, first + len(block))
        widths = self.starts[rows + 1] - self.starts[rows]
        keep = np.arange(block.shape[1])[None, :] < widths[:, None] if block.size else np.zeros(block.shape, bool)
        self.values[self.starts[first] : self.starts[first + len(block)]] = block[keep]

    def rows_at(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """table[rows[r], cols[r, c]] where that column is inside its row, else 0 (a rectangle's padding)."""
        widths = self.starts[rows + 1] - self.starts[rows]
        inside = (cols >= 0) & (cols < widths[:, None])
        at = np.where(inside, self.starts[rows][:, None] + cols, 0)
        return np.where(inside, self.values[at] if len(self.values) else 0.0, 0.0).astype(self.values.dtype)
