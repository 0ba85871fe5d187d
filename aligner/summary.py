"""The numbers a reviewer reads first: counts per status, coverage, where the trouble is.

Coverage is by characters of the original text (whitespace not counted), so a long omitted
paragraph weighs more than a short heading. A pair is *confident* when both sides are present
and the review step did not call it weak.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aligner.types import WEAK, Alignment, Bead, Document


@dataclass(frozen=True)
class Coverage:
    """Share (0–1) of each side's characters that lies in confident pairs."""

    source: float
    target: float


def is_confident(bead: Bead) -> bool:
    """Both sides present and not flagged weak (other flags do not make the pairing doubtful)."""
    return bool(bead.src and bead.tgt) and not any(f.kind == WEAK for f in bead.flags)


def _char_counts(doc: Document) -> np.ndarray:
    """Non-whitespace characters per sentence."""
    return np.array([sum(not c.isspace() for c in s.text) for s in doc.sentences], dtype=np.int64)


def coverage(alignment: Alignment) -> Coverage:
    """How much of the Chinese and of the translation confident pairs cover, by characters."""
    shares = []
    for doc, side in ((alignment.source, "src"), (alignment.target, "tgt")):
        counts = _char_counts(doc)
        total = int(counts.sum())
        covered = [i for b in alignment.beads if is_confident(b) for i in getattr(b, side)]
        shares.append(float(counts[covered].sum()) / total if total else 0.0)
    return Coverage(source=shares[0], target=shares[1])


def confidence_track(alignment: Alignment) -> list[dict]:
    """One point per pair for a chart along the document.

    `position` is where the pair starts, as a share (0–1) of the Chinese text; a pair with no
    Chinese sits where the previous pair's Chinese ends, so gaps show at their place.
    """
    from aligner.export.status import status

    sentences = alignment.source.sentences
    length = max(len(alignment.source.text), 1)
    points, here = [], 0
    for number, bead in enumerate(alignment.beads, start=1):
        if bead.src:
            here = sentences[bead.src[0]].start
        points.append({
            "pair": number,
            "position": round(here / length, 4),
            "score": round(float(bead.score), 3),
            "status": status(bead),
            "type": bead.kind,
        })
        if bead.src:
            here = sentences[bead.src[-1]].end
    return points
