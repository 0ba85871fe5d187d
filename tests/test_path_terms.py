"""benchmarks/path_terms.py: reference alignments as walks over the grid."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from path_terms import true_path  # noqa: E402


def test_reference_beads_become_a_walk_with_one_null_bead_per_sentence():
    pairs = [((0,), (0, 1)), ((1, 2), ()), ((), (2,)), ((3,), (3,))]
    assert true_path(pairs, 4, 4) == [(0, 1, 0, 2), (1, 1, 2, 0), (2, 1, 2, 0), (3, 0, 2, 1), (3, 1, 3, 1)]


def test_a_reference_that_crosses_itself_is_refused():
    with pytest.raises(ValueError, match="not monotone"):
        true_path([((0,), (1,)), ((1,), (0,))], 2, 2)
