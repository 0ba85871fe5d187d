"""Sentence alignment: `align(source, target, encoder)` → beads, monotone, every sentence once.

How it works (each step in its own module):
1. `spans` — embed every sentence once; spans of 2–4 sentences start as normalised sums.
2. `anchors` — k-nearest-neighbour margins and a monotone chain of confident 1–1 anchors.
3. `band` — the part of the grid near the anchors: memory grows with the text, not its square.
4. `scoring` + `dp` — banded dynamic programming over beads 0–1, 1–0, 1–1 … 3–2 / 2–3.
"""
from __future__ import annotations

from aligner.align.core import align
from aligner.align.scoring import Params

__all__ = ["align", "Params"]
