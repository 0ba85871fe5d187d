"""The band the fine search is confined to: rows of the DP grid with a [lo, hi] column range each.

Between two consecutive anchors the band covers the whole rectangle they span (plus a margin), so
an omission or a run of split sentences between anchors stays reachable; a rectangle wider than
`max_width` is narrowed around the straight line between the anchors. The band's size is
O((n + m) · width), never n × m.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Band:
    """Grid row r (r source sentences consumed) may hold target positions lo[r]..hi[r] inclusive."""

    lo: np.ndarray  # (n+1,) non-decreasing
    hi: np.ndarray  # (n+1,) non-decreasing, hi[r] >= lo[r]

    @property
    def cells(self) -> int:
        """How many DP cells the search stores: the measure of its memory."""
        return int(np.sum(self.hi - self.lo + 1))

    @property
    def max_width(self) -> int:
        return int(np.max(self.hi - self.lo + 1))


def band_from_anchors(
    anchor_i: np.ndarray, anchor_j: np.ndarray, n: int, m: int, margin: int = 8, max_width: int = 256
) -> Band:
    """A band through the corners (0, 0), (n, m) and the grid cells just after each anchor pair."""
    # Anchor pair (i, j) means the path passes (i, j) -> (i+1, j+1); add both corners.
    pi = np.concatenate([[0], anchor_i + 1, [n]]).astype(np.int64)
    pj = np.concatenate([[0], anchor_j + 1, [m]]).astype(np.int64)
    rows = np.arange(n + 1)
    # A row through an anchor's grid point belongs to both rectangles that meet there: the one before (its
    # columns from the anchor before) and the one after (up to the anchor after). With only the anchor's own
    # column that row was 17 cells wide, so a passage the translation adds right after an anchored pair
    # could not be an unmatched run there: the next Chinese sentence had to pair inside it.
    after = np.minimum(np.searchsorted(pi, rows, side="right"), len(pi) - 1)  # first anchor below this row
    before = np.maximum(np.searchsorted(pi, rows, side="left") - 1, 0)  # last anchor above this row
    lo = pj[before] - margin - 1
    hi = pj[after] + margin
    centre = np.interp(rows, pi, pj)
    # A stretch too wide for its rows is narrowed around the line between its anchors, unless its anchors
    # themselves are half the cap apart or more and it is short: a passage the translation adds between two
    # pairs (a chapter: 420 sentences between two Chinese ones) is a stretch a row or two high, whose whole
    # width costs less than its rows would at the cap. Such a stretch keeps at most max_width × (its rows +
    # the columns between its anchors) cells: O((n + m) · max_width) in all, as before.
    width, rows_of, columns = hi - lo + 1, pi[after] - pi[before] + 1, pj[after] - pj[before]
    added = (2 * columns >= max_width) & (rows_of * width <= max_width * (rows_of + columns))
    wide = (width > max_width) & ~added
    lo = np.where(wide, np.floor(centre - max_width / 2), lo).astype(np.int64)
    hi = np.where(wide, np.ceil(centre + max_width / 2), hi).astype(np.int64)
    return make_band(lo, hi, m)


def make_band(lo: np.ndarray, hi: np.ndarray, m: int) -> Band:
    """Clip to the grid, make both edges non-decreasing and consecutive rows overlap (a path exists)."""
    lo = np.clip(lo, 0, m)
    hi = np.clip(hi, 0, m)
    lo[0] = 0
    hi[-1] = m
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    hi = np.maximum(hi, lo)
    lo[1:] = np.minimum(lo[1:], hi[:-1])  # row r can be entered from row r-1 by a 1–0 bead
    return Band(lo.astype(np.int64), hi.astype(np.int64))


def full_band(n: int, m: int) -> Band:
    """Every cell: only for tiny inputs and tests."""
    return Band(np.zeros(n + 1, np.int64), np.full(n + 1, m, np.int64))


def pressed_anchors(band: Band, path: list[tuple[int, int, int, int]], anchor_i: np.ndarray, m: int) -> np.ndarray:
    """The anchors (indices into `anchor_i`) on either side of each grid point where `path` runs along the band's
    edge: a column at a row's `hi` below m, or at its `lo` above 0.

    A band is as good as its anchors. One wrong anchor (a short "不……" taken for an English line 19 sentences
    early) narrows the rectangles beside it away from the true pairs, and the best path the band allows then
    runs along its edge, through a run of unmatched sentences on both sides: ten Chinese, then eleven English
    sentences, every one of them translated. A path that follows its anchors lies the margin away from the edge
    beside each of them, so a touch says the band may have decided there, not the text: the search runs again
    without those anchors and keeps what the wider band finds.
    """
    pi = np.asarray(anchor_i, np.int64) + 1  # anchor pair (i, j): the path passes grid point (i + 1, j + 1)
    beads = np.asarray(path, np.int64).reshape(-1, 4)
    r = np.concatenate([[0], beads[:, 0] + beads[:, 1]])  # the grid points the path passes, from (0, 0)
    c = np.concatenate([[0], beads[:, 2] + beads[:, 3]])
    pressed = ((c == band.hi[r]) & (c < m)) | ((c == band.lo[r]) & (c > 0))
    r = r[pressed]
    after = np.searchsorted(pi, r, side="left")  # the anchors that set this row's edges
    before = np.searchsorted(pi, r, side="right") - 1
    near = np.concatenate([after[after < len(pi)], before[before >= 0]])
    return np.unique(near)


def wedged_anchors(path: list[tuple[int, int, int, int]], anchor_i: np.ndarray, anchor_j: np.ndarray) -> np.ndarray:
    """The anchors (indices into `anchor_i`) that the path takes as a 1–1 pair between unmatched sentences of one
    text just before and of the other just after: an omission and an addition meeting at one pair.

    A translation that adds a passage gives one unmatched run. A lookalike in it (a planted sentence the encoder
    reads as a translation of a Chinese sentence six pairs on) taken as an anchor gives two: the Chinese between
    the true pairs and the lookalike unmatched, and the added passage with the true translations of that Chinese
    after it. Without the anchor the band lets the search weigh the single run against the pair.
    """
    anchors = {(int(i), int(j)): k for k, (i, j) in enumerate(zip(anchor_i, anchor_j))}
    wedged = []
    for before, (i0, a, j0, b), after in zip(path, path[1:], path[2:]):
        if a == b == 1 and (i0, j0) in anchors:
            sides = {"src" if bead[3] == 0 else "tgt" for bead in (before, after) if not (bead[1] and bead[3])}
            if len(sides) == 2:
                wedged.append(anchors[(i0, j0)])
    return np.array(wedged, np.int64)
