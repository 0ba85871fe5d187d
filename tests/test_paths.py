"""Comparing two paths over one grid, and taking one model's unmatched passages into another's path."""
from __future__ import annotations

import numpy as np

from aligner.align.paths import adopt_gaps, corners, differing_regions, regions
from aligner.align.spans import Side

TRUE = [(0, 1, 0, 1), (1, 1, 1, 0), (2, 1, 1, 2), (3, 1, 3, 1)]  # source 1 has no counterpart
GLUED = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 1, 3, 1)]  # the same text shifted by one


def test_regions_cover_both_paths_between_shared_corners():
    parts = regions(GLUED, TRUE)
    assert [p for p, _ in parts] == [[GLUED[0]], GLUED[1:3], [GLUED[3]]]
    assert [q for _, q in parts] == [[TRUE[0]], TRUE[1:3], [TRUE[3]]]
    assert corners(TRUE)[-1] == corners(GLUED)[-1] == (4, 4)


def test_only_the_stretches_where_the_paths_part_are_compared():
    assert differing_regions(GLUED, TRUE) == [(GLUED[1:3], TRUE[1:3])]
    assert differing_regions(TRUE, TRUE) == []


def test_an_opinion_with_an_unmatched_sentence_replaces_that_stretch_only():
    assert adopt_gaps(GLUED, TRUE) == TRUE
    # an opinion without gaps never overrides the main path
    assert adopt_gaps(TRUE, GLUED) == TRUE
    other_shape = [(0, 2, 0, 1), (2, 1, 1, 2), (3, 1, 3, 1)]
    assert adopt_gaps(GLUED, other_shape) == GLUED


def _side(lengths: list[float]) -> Side:
    emb = np.eye(len(lengths), 4, dtype=np.float32)
    return Side(emb=emb, mean=np.zeros(4, np.float32), length=np.array(lengths), paragraph=np.arange(len(lengths)),
                max_span=2)


def test_a_span_leans_towards_its_longer_sentence_like_a_mean_pooled_join():
    side = _side([90.0, 10.0])
    weighted, flat = side.spans[2][0], side.flat_spans[2][0]
    assert weighted[0] > 0.9 > weighted[1] and abs(flat[0] - flat[1]) < 1e-6
    assert np.isclose(np.linalg.norm(weighted), 1.0)
    equal = Side(emb=side.emb, mean=side.mean, length=side.length, paragraph=side.paragraph, max_span=2,
                 weight_power=0.0)
    assert np.allclose(equal.spans[2][0], flat)
