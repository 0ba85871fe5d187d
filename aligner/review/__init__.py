"""Review: add flags a reviewer should look at to the beads of an alignment, in place.

Each check lives in its own module and adds `Flag(kind, reason)`s with a reason a person can
read. `review` runs them in a fixed order; it is cheap (no encoder calls unless one is given).

Flag kinds: `omitted`, `added` (gaps: a run of adjacent unmatched sentences is merged into one
bead per side, so one flag covers one passage), `weak` (low aligner confidence), `number`.
"""
from __future__ import annotations

from aligner.review.gaps import gap_flags
from aligner.review.number_flags import NUMBER, number_flags
from aligner.review.weak import weak_flags
from aligner.types import Alignment


def review(alignment: Alignment) -> None:
    """Flag omitted and added passages (merging adjacent null beads), weak pairs and number mismatches."""
    gap_flags(alignment)
    weak_flags(alignment)
    number_flags(alignment)


__all__ = ["review", "NUMBER"]
