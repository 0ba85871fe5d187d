"""The whole search: embed each sentence once, anchor, band, fine banded pass.

Kept apart from `align()` so tests and the benchmark can look inside (band size, anchors, the
length model) without re-running anything.
"""
from __future__ import annotations

from dataclasses import InitVar, dataclass, field, replace
from typing import Callable

import numpy as np

from aligner.align.adapt import rotate_source
from aligner.align.anchors import Neighbours, anchor_chain, neighbours
from aligner.align.cues import CueModel, NameModel, QuoteModel
from aligner.align.band import Band, band_from_anchors, pressed_anchors, wedged_anchors
from aligner.align.dp import bead_types, banded_dp
from aligner.align.lexicon import LexiconFeatures, LexiconModel
from aligner.align.scoring import BeadScorer, EncoderPrior, LengthModel, Params, SimilarityModel, SpanCalibration
from aligner.align.spans import Side
from aligner.align.untranslated import EdgeCoverage

# Numbers both sides write are anchors only in a text made of figures: in formal texts 17–93% of the
# first path's 1–1 pairs share one (statements, reports, contracts), in the MAC novels 1–10%, where a
# translator's reordered countdown or date costs more than the few figures tell.
NUMBERS_MIN_SHARE = 0.15
NEIGHBOURS = 4  # k of the k-nearest-neighbour margin (LASER / vecalign use 4)
BAND_MARGIN = 8  # sentences of slack around the anchors' rectangles
MAX_BAND_WIDTH = 256  # never store more than this many cells per grid row
MAX_BEAD_SENTENCES = 5  # a–b beads with a + b ≤ 5: 1–4, 4–1, 2–3, 3–2 (3–3, 2–4 gained nothing on MAC dev, cost 25% time)
RELEASES = 3  # rounds of dropping the anchors a path pressed against or wedged (see `Search.release`); one is the rule
MAX_SPLIT = 5  # and 1–5: one long Chinese sentence as five (MAC dev +0.004 strict F1 for 3% more search time)
# The steps of making a search, as a progress bar counts them: neighbours, anchors and band, length model,
# similarity model, cue models, scorers (minutes on a novel, each step seconds to a minute)
MODEL_STEPS = 6


@dataclass
class Search:
    """Everything the search computed for one document pair."""

    src: Side
    tgt: Side
    params: Params
    prior: "EncoderPrior | None" = None  # fixed similarity model of the encoder, for small documents
    lexicon: "LexiconFeatures | None" = None  # dictionary view of a Chinese–English pair (see `lexicon`)
    report: InitVar["Callable[[int, int], None] | None"] = None  # (steps done, MODEL_STEPS) as the models are made
    neighbours: Neighbours = field(init=False)
    anchor_i: np.ndarray = field(init=False)
    anchor_j: np.ndarray = field(init=False)
    band: Band = field(init=False)
    length: LengthModel = field(init=False)
    similarity: SimilarityModel = field(init=False)
    scorer: BeadScorer = field(init=False)
    types: list[tuple[int, int]] = field(init=False)  # the bead shapes searched (see dp.bead_types)
    gap_scorer: "BeadScorer | None" = field(init=False)  # over equal-weight spans, for unmatched passages

    def __post_init__(self, report: "Callable[[int, int], None] | None" = None) -> None:
        n, m = len(self.src), len(self.tgt)
        step = _counter(report)
        self.types = [t for t in bead_types(MAX_BEAD_SENTENCES, MAX_SPLIT) if max(t) <= self.src.max_span]
        self.neighbours = neighbours(self.src.emb, self.tgt.emb, NEIGHBOURS)
        step()
        self.anchor_i, self.anchor_j = anchor_chain(self.neighbours, m)
        self.band = band_from_anchors(self.anchor_i, self.anchor_j, n, m, BAND_MARGIN, MAX_BAND_WIDTH)
        step()
        self.fit(self.anchor_i, self.anchor_j, step)

    def fit(self, pair_i: np.ndarray, pair_j: np.ndarray, step: "Callable[[], None] | None" = None) -> None:
        """Estimate the document's models from pairs believed to be 1–1 translations (`step()` after each)."""
        step = step or (lambda: None)
        self.pair_i, self.pair_j = pair_i, pair_j
        self.length = LengthModel.estimate(self.src, self.tgt, pair_i, pair_j)
        step()
        self.similarity = SimilarityModel.estimate(self.neighbours, self.src, self.tgt, pair_i, pair_j, self.prior)
        step()
        self.rescore(step)

    def refit(self, path: list[tuple[int, int, int, int]]) -> None:
        """Re-estimate from the 1–1 beads of a first path: more pairs, and not only the easy ones
        (anchors are nearest neighbours, which overstates how well true pairs match)."""
        ones = [(i0, j0) for i0, a, j0, b in path if a == 1 and b == 1]
        if len(ones) < 8:
            return
        pair_i, pair_j = np.array([i for i, _ in ones]), np.array([j for _, j in ones])
        if self.params.adapt:
            self.adapt([bead for bead in path if bead[1] and bead[3]])
        self.fit(pair_i, pair_j)

    def adapt(self, beads: list[tuple[int, int, int, int]]) -> None:
        """Rotate the source side part of the way towards the target space (see `adapt`), fitted
        on the first path's pairs, each side as its span vector: with length-weighted spans the
        1–n beads of a literary text teach the rotation as much as its 1–1 beads (MAC dev strict
        F1 0.890 → 0.900 against fitting on the 1–1 beads alone; with equal-weight spans adding
        them gained nothing)."""
        if not beads:
            return
        starts = np.array([i0 for i0, _, _, _ in beads])
        x = np.stack([self.src.spans[a][i0] for i0, a, _, _ in beads])
        y = np.stack([self.tgt.spans[b][j0] for _, _, j0, b in beads])
        rotated = rotate_source(self.src.emb, starts, x, y, self.params.adapt, self.params.adapt_folds)
        if rotated is None:
            return
        self.src = replace(self.src, emb=rotated)  # every other field kept; spans recomputed from `emb`
        # the neighbourhood baselines of the margins stay those of the encoder's own space:
        # recomputing them with the rotated vectors cost MAC dev 0.002 and the gaps benchmark's
        # added-passage F1 0.03

    def rescore(self, step: "Callable[[], None] | None" = None) -> None:
        """Rebuild the scorers (after span embeddings or models changed). The old ones are let go
        first: their dictionary tables stayed alive beside the new ones (+0.2 GB at 5,900 sentences)."""
        step = step or (lambda: None)
        self.scorer = self.gap_scorer = None
        cues = self._cue_models()
        step()
        self.scorer = self._scorer(False, cues)
        self.gap_scorer = None
        if self.params.gap_opinion and self.src.weight_power:  # equal weights already: no second opinion
            self.gap_scorer = self._scorer(True, cues)
        step()

    def _cue_models(self) -> tuple:
        """Punctuation cues, romanised names, quotation continuity and the dictionary's two directions
        (see `lexicon`, `untranslated`), fitted on the current pairs."""
        p, src, tgt, i, j = self.params, self.src, self.tgt, self.pair_i, self.pair_j
        cues = CueModel.estimate(src.cues, tgt.cues, i, j) if p.cue_weight and src.cues is not None \
            and tgt.cues is not None else None
        names = NameModel.estimate(src.names, tgt.names, i, j) if p.name_weight and src.names is not None \
            and tgt.names is not None else None
        numbers = NameModel.estimate(src.numbers, tgt.numbers, i, j, only_shared=True, min_share=NUMBERS_MIN_SHARE) \
            if p.number_weight and src.numbers is not None \
            and tgt.numbers is not None else None
        quotes = QuoteModel.estimate(src.quoted, tgt.quoted, i, j) if p.quote_weight and src.quoted is not None \
            and tgt.quoted is not None else None
        lexicon = LexiconModel.estimate(self.lexicon, i, j, self.types, self.band) \
            if p.lexicon_weight and self.lexicon is not None else None
        untranslated = EdgeCoverage.estimate(self.lexicon, i, j, self.band) \
            if p.untranslated_weight and self.lexicon is not None else None
        return cues, names, numbers, quotes, lexicon, untranslated

    def _scorer(self, flat: bool, cues: tuple) -> BeadScorer:
        """A scorer over length-weighted spans, or equal-weight ones (`flat`), sharing the cue models."""
        scorer = BeadScorer(self.src, self.tgt, self.neighbours, self.length, self.similarity, self.params, flat=flat)
        if self.params.calibrate_spans:
            scorer.spans = SpanCalibration.estimate(scorer.margin, len(self.src), len(self.tgt), self.pair_i,
                                                    self.pair_j, self.types)
        scorer.cues, scorer.names, scorer.numbers, scorer.quotes, scorer.lexicon, scorer.untranslated = cues
        return scorer

    def release(self, path: list[tuple[int, int, int, int]]) -> bool:
        """Drop the anchors `path` pressed against (see `band.pressed_anchors`) or took as a pair between an
        omission and an addition (`band.wedged_anchors`), and widen the band there; False when there were none.
        A wider band only adds paths, so the search's best can only score higher. The models stay as fitted; the
        scorers are rebuilt, as their dictionary tables cover the band."""
        dropped = np.union1d(pressed_anchors(self.band, path, self.anchor_i, len(self.tgt)),
                             wedged_anchors(path, self.anchor_i, self.anchor_j))
        if not len(dropped):
            return False
        keep = np.ones(len(self.anchor_i), bool)
        keep[dropped] = False
        self.anchor_i, self.anchor_j = self.anchor_i[keep], self.anchor_j[keep]
        self.band = band_from_anchors(self.anchor_i, self.anchor_j, len(self.src), len(self.tgt), BAND_MARGIN,
                                      MAX_BAND_WIDTH)
        self.rescore()
        return True

    def run(self, progress=None, scorer: BeadScorer | None = None) -> list[tuple[int, int, int, int]]:
        """The best path as (i0, a, j0, b) beads, under `scorer` (default: the main one)."""
        scorer = scorer or self.scorer
        breaks = (scorer.src_para_start, scorer.tgt_para_start, self.params.para_penalty) \
            if self.params.para_penalty and scorer.use_paragraphs else None
        return banded_dp(len(self.src), len(self.tgt), self.band, scorer, self.types, progress,
                         self.params.null_run_bonus, breaks)


def _counter(report: "Callable[[int, int], None] | None") -> "Callable[[], None]":
    """A call per step of making a search done, that reports (steps so far, MODEL_STEPS), from 0."""
    done = 0
    if report is not None:
        report(0, MODEL_STEPS)

    def step() -> None:
        nonlocal done
        done += 1
        if report is not None:
            report(min(done, MODEL_STEPS), MODEL_STEPS)
    return step
