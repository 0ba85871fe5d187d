"""Sentence alignment: `align(source, target, encoder)` → beads, monotone, every sentence once.

How it works (each step in its own module):
1. `spans` — embed every sentence once (its `norm`), centre each side on its mean; spans of 2–4
   sentences are length-weighted normalised sums, so no joined text is ever embedded.
2. `anchors` — k-nearest-neighbour margins (blocked, linear memory) and the heaviest monotone
   chain of 1–1 candidates.
3. `band` — the part of the grid around the anchors: memory grows with the text, not its square.
4. `scoring` — each bead's score is a sum of log-likelihood ratios fitted on the document pair
   itself: margin similarity, Gale–Church length, punctuation and name cues (`cues`), paragraph
   boundaries, shape priors, runs of unmatched sentences, and for Chinese–English a dictionary's
   coverage of the English words (`lexicon`).
5. `dp` — banded dynamic programming over beads 1–0, 0–1, a–b up to 5 sentences in all, and 1–5;
   run three times (`core.best_path`): once to re-fit the models on its 1–1 beads, once with
   them, and once over equal-weight spans whose unmatched passages are taken (`paths`).

`baselines` holds the length-only and 1–1-only aligners the benchmark compares against.
"""
from __future__ import annotations

from aligner.align.core import align
from aligner.align.scoring import Params

__all__ = ["align", "Params"]
