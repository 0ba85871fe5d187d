"""Pairs the aligner itself is unsure about (`weak`).

A low score on a pair with both sides usually means the boundary is wrong or the translation is
loose; either way a reviewer should read it. Where the aligner found another reading of the
boundaries about as likely, the reason names it (`Bead.doubt`). Null beads are flagged by `gaps`.
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
                reason = f"low alignment confidence ({bead.score:.2f})"
                bead.flags.append(Flag(WEAK, f"{reason}: {bead.doubt.reason}" if bead.doubt else reason))
