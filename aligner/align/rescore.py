"""Scores for pairs a reviewer made: the aligner's own confidence, not a number carried over.

A reviewer who merges two pairs, splits one or moves a sentence makes pairs the aligner never
scored. Giving them the lower score of the pairs they came from said "2–2 · 1.00 · ok" for two
confident 1–1 pairs merged by mistake, and a made-up weak score for a merge the aligner itself had
suggested. Here the document's models are fitted as the aligner fitted them (the same embeddings,
from the cache, and the same passes), once per document pair, and a new pair is scored as the
aligner scores its own (`confidence.bead_confidences`): the probability that its sides match,
times its score against the paths that differ only around it, among its new neighbours.

A pair of a shape the aligner never searches (a 3–3 or a 1–6 made by hand) has no calibrated score
and is left to the caller's fallback (None).
"""
from __future__ import annotations

from aligner.align import fits
from aligner.align.confidence import Bead4, bead_confidences
from aligner.align.core import DEFAULT_PARAMS, fitted_search, side_names
from aligner.errors import AlignerError
from aligner.types import Bead, Document


class BeadRescorer:
    """The fitted search of one document pair, kept to score the pairs corrections make."""

    def __init__(self, source: Document, target: Document, encoder, params=DEFAULT_PARAMS):
        # the models the alignment of these documents fitted, where it kept them (`fits`); else fitted again: the
        # embeddings come from the cache after an alignment, and the passes fit the models as the alignment did
        key = fits.fit_key(source, target, getattr(encoder, "name", ""), params)
        self.fit = fits.recall(key)
        if self.fit is None:
            search, _ = fitted_search(source, target, encoder, params=params)
            self.fit = fits.Fit(search.scorer, tuple(search.types))
            fits.remember(key, self.fit)
        self.names = side_names(source, target)

    def scores(self, beads: list[Bead], indices: range) -> list[float | None]:
        """Confidence of beads[k] for k in `indices`, each among its neighbours in `beads` (None for a
        shape the aligner does not score; such a neighbour gives no context)."""
        if not len(indices):
            return []
        lo, hi = max(indices[0] - 1, 0), min(indices[-1] + 2, len(beads))
        window = _as_path(beads, lo, hi)
        shapes = set(self.fit.types) | {(1, 0), (0, 1)}
        found: dict[int, float] = {}
        run: list[int] = []  # consecutive beads of searched shapes, scored together
        for k in range(lo, hi + 1):
            if k < hi and (window[k - lo][1], window[k - lo][3]) in shapes:
                run.append(k)
                continue
            if run:
                confidences, _ = bead_confidences(self.fit.scorer, [window[r - lo] for r in run],
                                                  set(self.fit.types), *self.names)
                found.update(zip(run, confidences))
            run = []
        return [found.get(k) for k in indices]


def _as_path(beads: list[Bead], lo: int, hi: int) -> list[Bead4]:
    """beads[lo:hi] as (i0, a, j0, b), an empty side placed where the sentences before it end."""
    i = next((b.src[-1] + 1 for b in reversed(beads[:lo]) if b.src), 0)
    j = next((b.tgt[-1] + 1 for b in reversed(beads[:lo]) if b.tgt), 0)
    out = []
    for bead in beads[lo:hi]:
        i0, j0 = (bead.src[0] if bead.src else i), (bead.tgt[0] if bead.tgt else j)
        out.append((i0, len(bead.src), j0, len(bead.tgt)))
        i, j = i0 + len(bead.src), j0 + len(bead.tgt)
    return out


class LazyRescorer:
    """A `corrections.Scorer` that fits the document's models at the first correction (a reviewer who
    only reads pays nothing), with the encoder of `model` (None: the offline default). Where that
    model cannot be loaded (a project opened on another machine) the corrections keep their fallback."""

    def __init__(self, source: Document, target: Document, model: str | None = None):
        self.source, self.target, self.model = source, target, model
        self._fitted: BeadRescorer | None = None
        self._failed = False

    def __call__(self, beads: list[Bead], indices: range) -> list[float | None]:
        if self._fitted is None and not self._failed:
            from aligner.embed import get_encoder

            try:
                self._fitted = BeadRescorer(self.source, self.target, get_encoder(self.model))
            except AlignerError:
                self._failed = True
        return self._fitted.scores(beads, indices) if self._fitted is not None else [None] * len(indices)

    @property
    def prepared(self) -> bool:
        """Whether the next correction finds the models at hand (fitted here, kept from the alignment by `fits`,
        or not to be had), rather than fitting them first: a page says which it waits for."""
        if self._fitted is not None or self._failed:
            return True
        from aligner.embed import get_encoder

        try:
            name = getattr(get_encoder(self.model), "name", "")
        except AlignerError:
            return True  # no models to fit: the corrections keep their fallback at once
        return fits.recall(fits.fit_key(self.source, self.target, name, DEFAULT_PARAMS)) is not None

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_fitted": None}
