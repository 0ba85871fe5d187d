"""Whether the translation is a translation of this Chinese text at all.

A reviewer who picked the wrong file (the next chapter's translation, another statement) still
gets an alignment: the search pairs each sentence with its least-bad partner, and a pair's
confidence weighs it against its neighbours, not against what translations look like, so many
pairs came out `ok` (chapter 6 of MAC dev against chapter 5's translation: 26 of 77, one at
0.998). The whole document says more than any pair: in a real translation the sentences paired
in a bead are far more alike than sentences 10–20 apart; in unrelated texts they are barely
more alike, whatever the search chose.

The contrast is d′ = (mean similarity inside beads − mean 10–20 apart) / spread 10–20 apart,
over every (Chinese, translation) sentence pair inside a bead. MAC dev chapters measure 1.5–2.5,
the sample texts 3.1–3.3; each chapter against another chapter's translation 0.2–0.5 and the
joint statement against a novel 0.6. A document too short for that comparison is judged by the
encoder's fixed prior where one is known (`align.scoring.ENCODER_PRIORS`): most of its paired
Chinese sentences must look like translations of their best partner in their pair (MAC dev: at
most 30% of the 1–1 pairs look unrelated in a real chapter, at least 70% against another
chapter's translation). Windows of 4–12 pairs of the MAC chapters, 60 real and 60 against
another chapter's translation: 7% of the real ones are called unrelated, 98% of the wrong ones;
counting every pair of sentences inside a pair instead, as before, called 28% of the real ones
unrelated (a 1–3 pair's Chinese matches each English sentence only in part). A loose translation
can fail the prior and still be one: its pairs stand out from the rest of its own grid, so a short
text is called unrelated only when that contrast (paired sentences against those neither paired nor
beside a pair) is under MIN_CONTRAST too, or too few such pairs are left to tell: the same windows
then give 2% of the real ones (one window too short for the contrast) and 98% of the wrong ones
(d′ of the real windows 0.3–4.5, 5th percentile 1.0; of the wrong ones −0.6 to 0.6).

When the texts do not look like translations, the alignment carries a warning and every pair
is flagged `weak` with a score of at most UNRELATED_SCORE, so that no pair of the wrong file is
exported as `ok` or passes `--min-score` (a pair with other flags too shows as `flagged`).
"""
from __future__ import annotations

import numpy as np

from aligner.review.vectors import SentenceVectors
from aligner.types import LANGUAGE_NAMES, WEAK, Alignment, Flag

FAR = np.array([-20, -15, -10, 10, 15, 20])  # offsets of the reference pairs, in translation sentences
MIN_CONTRAST = 1.0  # d′ below which the texts do not look like a translation of each other
MIN_COMPARED = 30  # pairs needed on each side of the comparison
MAX_UNRELATED_SHARE = 0.5  # a short document: the share of paired sentences the prior calls unrelated
MIN_PAIRED = 3  # fewer paired sentences say nothing either way
MIN_FAR = 10  # pairs of a short text neither paired nor beside a pair, needed for its own contrast
UNRELATED_SCORE = 0.1  # the score of every pair of texts that are not a translation of each other


def check_translation(alignment: Alignment, vectors: SentenceVectors) -> bool:
    """Warn on `alignment` and flag its pairs weak when the texts do not look like translations (True then)."""
    verdict = unrelated_reason(alignment, vectors)
    if verdict is None:
        return False
    target = LANGUAGE_NAMES.get(alignment.target.lang, alignment.target.lang)
    alignment.warnings.append(
        f"The two texts do not look like translations of each other ({verdict}); check that the {target} "
        "file is the translation of this Chinese text. No pair is left ok: each has a weak flag and a score "
        f"of at most {UNRELATED_SCORE:.2f}.")
    for bead in alignment.beads:
        if bead.src and bead.tgt:
            bead.score = min(bead.score, UNRELATED_SCORE)  # so that --min-score leaves them out too
            if not any(f.kind == WEAK for f in bead.flags):
                bead.flags.append(Flag(WEAK, "the texts do not look like translations of each other"))
    return True


def unrelated_reason(alignment: Alignment, vectors: SentenceVectors) -> str | None:
    """A short reason when the texts look unrelated, else None (also when there is too little to tell)."""
    inside_i, inside_j = _inside_pairs(alignment)
    if len(inside_i) < MIN_PAIRED:
        return None
    es, et = vectors.src, vectors.tgt
    inside = np.einsum("kd,kd->k", es[inside_i], et[inside_j])
    far_i = np.repeat(inside_i, len(FAR))
    far_j = (inside_j[:, None] + FAR[None, :]).ravel()
    ok = (far_j >= 0) & (far_j < len(et))
    far = np.einsum("kd,kd->k", es[far_i[ok]], et[far_j[ok]])
    if len(inside) >= MIN_COMPARED and len(far) >= MIN_COMPARED:
        contrast = (inside.mean() - far.mean()) / max(far.std(), 1e-6)
        if contrast >= MIN_CONTRAST:
            return None
        return (f"sentences paired here are hardly more alike than sentences 10–20 apart: contrast {contrast:.1f}, "
                f"against at least 1.5 in real translations")
    from aligner.align.scoring import encoder_prior

    prior = encoder_prior(vectors.model)
    if prior is None:
        return None
    contrast = _near_contrast(es, et, inside_i, inside_j)
    if contrast is not None and contrast >= MIN_CONTRAST:
        return None  # its pairs stand out from the rest of the grid as a translation's do
    # each Chinese sentence by its best partner in its pair: in a 1–3 pair the Chinese matches each of the three
    # only in part, and a title paired with "Chapter 1" and its subtitle matches the one and not the other
    llr = prior.llr(inside)
    best = np.full(len(alignment.source), -np.inf)
    np.maximum.at(best, inside_i, llr)
    unrelated = float((best[np.unique(inside_i)] < 0).mean())
    if unrelated <= MAX_UNRELATED_SHARE:
        return None
    return f"{unrelated:.0%} of the paired Chinese sentences match no better than unrelated sentences do"


def _near_contrast(es: np.ndarray, et: np.ndarray, inside_i: np.ndarray, inside_j: np.ndarray) -> float | None:
    """A short text's d′: the paired sentences against every pair of sentences neither paired nor beside a pair (a
    short text has too few pairs 10–20 apart); None when fewer than MIN_FAR such pairs are left."""
    sims = es @ et.T
    inside = np.zeros(sims.shape, bool)
    inside[inside_i, inside_j] = True
    near = inside.copy()
    near[1:] |= inside[:-1]
    near[:-1] |= inside[1:]
    near[:, 1:] |= inside[:, :-1]
    near[:, :-1] |= inside[:, 1:]
    far = sims[~near]
    if far.size < MIN_FAR:
        return None
    return float((sims[inside].mean() - far.mean()) / max(far.std(), 1e-6))


def _inside_pairs(alignment: Alignment) -> tuple[np.ndarray, np.ndarray]:
    """Every (Chinese sentence, translation sentence) of the same pair."""
    pairs = [(i, j) for bead in alignment.beads for i in bead.src for j in bead.tgt]
    if not pairs:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    i, j = np.array(pairs, dtype=np.int64).T
    return i, j
