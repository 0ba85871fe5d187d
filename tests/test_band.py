"""The band the fine search is confined to: where it must reach, and what it may cost."""
from __future__ import annotations

import numpy as np

from aligner.align.band import band_from_anchors, pressed_anchors


def test_a_row_through_an_anchor_reaches_both_neighbouring_anchors():
    """The row just after anchored pair (10, 20) must hold a run of unmatched target sentences up to the next
    anchor (11, 60): a 40-sentence passage the translation adds right after the pair."""
    band = band_from_anchors(np.array([0, 10, 11, 30]), np.array([0, 20, 60, 80]), 40, 100, margin=8)
    row = 11  # grid row after source sentence 10: the path is at column 21 there, and must reach column 61
    assert band.lo[row] <= 21 - 8 and band.hi[row] >= 61 + 8
    assert band.hi[5] <= 21 + 8, "a row between two anchors spans their rectangle, not more"


def test_a_short_wide_stretch_is_kept_whole_and_a_long_one_narrowed():
    """A chapter the translation adds (420 sentences between two consecutive Chinese sentences) is kept whole;
    2,000 unanchored sentences on each side are narrowed around their diagonal; the cells stay linear."""
    n, m = 3000, 3500
    i = np.array([100, 101, 1000, 2999])
    j = np.array([100, 521, 1420, 3499])
    band = band_from_anchors(i, j, n, m, margin=8, max_width=256)
    # grid row 101 (after source sentence 100, paired with target 100): the path runs down to column 521 there
    assert band.lo[101] <= 101 and band.hi[101] >= 522, "the added chapter's row holds the whole of it"
    assert band.max_width < 600
    assert (band.hi[1500] - band.lo[1500]) <= 257, "a long stretch is narrowed"
    assert band.cells <= 256 * 2 * (n + m)


def test_a_path_along_the_edge_names_the_anchors_that_set_it():
    anchors_i, anchors_j = np.array([9, 19, 29]), np.array([9, 20, 30])
    band = band_from_anchors(anchors_i, anchors_j, 40, 40, margin=2)
    inside = [(i, 1, i, 1) for i in range(40)]
    assert not len(pressed_anchors(band, inside, anchors_i, 40))
    assert band.hi[12] == 23  # rows 11–19 reach column 23: anchor (19, 20) is grid point (20, 21), plus 2
    edge = [(i, 1, i, 1) for i in range(12)] + [(12, 0, j, 1) for j in range(12, 23)] \
        + [(i, 1, 23, 0) for i in range(12, 20)] + [(i, 1, i + 3, 1) for i in range(20, 37)] \
        + [(i, 1, 40, 0) for i in range(37, 40)]
    assert [j for _, _, j0, b in edge for j in range(j0, j0 + b)] == list(range(40))
    assert [i for i0, a, _, _ in edge for i in range(i0, i0 + a)] == list(range(40))
    assert set(pressed_anchors(band, edge, anchors_i, 40).tolist()) == {0, 1}  # the anchors either side of rows 12–19


def test_an_anchor_between_an_omission_and_an_addition_is_named():
    from aligner.align.band import wedged_anchors

    anchor_i, anchor_j = np.array([2, 8, 9]), np.array([2, 5, 40])
    # 3–7 unmatched Chinese, the anchored pair (8, 5), then English 6–39 unmatched: the lookalike pattern
    path = [(i, 1, i, 1) for i in range(3)] + [(3, 1, 3, 1), (4, 1, 4, 1)] + [(i, 1, 5, 0) for i in range(5, 8)] \
        + [(8, 1, 5, 1)] + [(9, 0, j, 1) for j in range(6, 40)] + [(9, 1, 40, 1)]
    assert wedged_anchors(path, anchor_i, anchor_j).tolist() == [1]
    # the same pair with unmatched sentences of one text only on both sides: a plain omission, no suspicion
    one_side = [(i, 1, i, 1) for i in range(5)] + [(i, 1, 5, 0) for i in range(5, 8)] + [(8, 1, 5, 1), (9, 1, 6, 0)]
    assert not len(wedged_anchors(one_side, anchor_i, anchor_j))
