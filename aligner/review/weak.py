"""Pairs the aligner itself is unsure about (`weak`).

A low score on a pair with both sides usually means the boundary is wrong or the translation is
loose; either way a reviewer should read it. Where the aligner found another reading of the
boundaries about as likely, the reason names it (`Bead.doubt`). Null beads are flagged by `gaps`.
"""
from __future__ import annotations

from dataclasses import replace

from aligner.types import WEAK, Alignment, Bead, Doubt, Flag

# Below this 0–1 confidence a pair is worth a second look (see benchmarks/gaps.py).
WEAK_BELOW = 0.5


def weak_flags(alignment: Alignment, threshold: float = WEAK_BELOW) -> None:
    """Flag pairs with both sides whose score is below `threshold`."""
    for bead in alignment.beads:
        if bead.src and bead.tgt and bead.score < threshold:
            if not any(f.kind == WEAK for f in bead.flags):
                bead.flags.append(Flag(WEAK, weak_reason(bead.score, bead.doubt)))


def weak_reason(score: float, doubt: Doubt | None) -> str:
    """'low alignment confidence (0.26)', followed by the other reading when there is one."""
    reason = f"low alignment confidence ({score:.2f})"
    return f"{reason}: {doubt.reason}" if doubt else reason


def without_doubt(bead: Bead) -> Bead:
    """A copy of `bead` that no longer offers its other reading (its weak flag says so too):
    for a pair whose neighbour a reviewer changed, the reading it named may no longer exist."""
    flags = [Flag(WEAK, weak_reason(bead.score, None)) if f.kind == WEAK else f for f in bead.flags]
    return replace(bead, doubt=None, flags=flags)
