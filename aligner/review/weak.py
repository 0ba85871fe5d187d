"""Pairs the aligner itself is unsure about (`weak`).

A low score on a pair with both sides usually means the boundary is wrong or the translation is
loose; either way a reviewer should read it. Null beads are flagged by `gaps`, not here.
"""
from __future__ import annotations

from aligner.types import WEAK, Alignment, Flag

# Below this 0–1 confidence a pair is worth a second look (see benchmarks/gaps.py).
WEAK_BELOW = 0.5


def weak_flags(alignment: Alignment, threshold: float = WEAK_BELOW) -> None:
    """Flag pairs with both sides whose score is below `threshold`."""
    for bead in alignment.beads:
        if bead.src and bead.tgt and bead.score < threshold:
            if not any(f.kind == WEAK for f in bead.flags):
                bead.flags.append(Flag(WEAK, f"low alignment confidence ({bead.score:.2f})"))
