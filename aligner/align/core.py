"""`align()`: the contract the pipeline calls."""
from __future__ import annotations

import numpy as np

from aligner.align import fits
from aligner.align.confidence import bead_confidences
from aligner.align.paths import adopt_gaps
from aligner.align.scoring import EncoderPrior, Params, encoder_prior
from aligner.align.lexicon import lexicon_features
from aligner.align.search import Search
from aligner.align.spans import attach_names, side_of
from aligner.embed.base import Encoder
from aligner.types import LANGUAGE_NAMES, Bead, Document, Progress

MAX_SPAN = 5  # sentences a span may have on either side (see search.MAX_SPLIT)
DEFAULT_PARAMS = Params()
PLAN_STEPS = 4  # span vectors, names, dictionary, neighbours and models


def align(
    source: Document,
    target: Document,
    encoder: Encoder,
    progress: Progress | None = None,
    params: Params = DEFAULT_PARAMS,
) -> list[Bead]:
    """Pair the sentences of `source` with those of `target`, in order, each sentence once.

    Beads are 1–0 / 0–1 (no counterpart), a–b with a + b ≤ 5, or 1–5; `score` is a 0–1 confidence
    (for pairs: that the sides match and the boundaries are right, see `confidence`);
    flags are left empty for review. Each sentence is embedded once (its `norm` text).
    """
    n, m = len(source.sentences), len(target.sentences)
    if n == 0 or m == 0:
        return [Bead((i,), (), score=1.0) for i in range(n)] + [Bead((), (j,), score=1.0) for j in range(m)]
    search, path = fitted_search(source, target, encoder, progress, params)
    scores, doubts = bead_confidences(search.scorer, path, set(search.types), *side_names(source, target))
    if fits.keeping():  # the review page scores a reviewer's pairs with these models (`rescore`)
        fits.remember(fits.fit_key(source, target, getattr(encoder, "name", ""), params),
                      fits.Fit(search.scorer, tuple(search.types)))
    return [
        Bead(tuple(range(i0, i0 + a)), tuple(range(j0, j0 + b)), score=score, doubt=doubt)
        for (i0, a, j0, b), score, doubt in zip(path, scores, doubts)
    ]


def fitted_search(source: Document, target: Document, encoder: Encoder, progress: Progress | None = None,
                  params: Params = DEFAULT_PARAMS) -> tuple[Search, list[tuple[int, int, int, int]]]:
    """Each sentence embedded once (its `norm` text), the search planned and its passes run: the search
    with the document's models fitted as its path found them, and that path."""
    if fits.keeping():  # the fits kept from earlier alignments would add to this search's memory
        fits.make_room()
    n = len(source.sentences)
    texts = [s.norm for s in source.sentences] + [s.norm for s in target.sentences]
    emb = np.asarray(encoder.encode(texts, progress), dtype=np.float32)
    search = plan(source, target, emb[:n], emb[n:], params, encoder_prior(getattr(encoder, "name", "")), progress)
    return search, best_path(search, progress)


def side_names(source: Document, target: Document) -> tuple[str, str]:
    """The two languages' names, as doubts word them ("its first Russian sentence …")."""
    return LANGUAGE_NAMES.get(source.lang, source.lang), LANGUAGE_NAMES.get(target.lang, target.lang)


def plan(source: Document, target: Document, src_emb: np.ndarray, tgt_emb: np.ndarray, params: Params = DEFAULT_PARAMS,
         prior: EncoderPrior | None = None, progress: Progress | None = None) -> Search:
    """The search for a document pair with its sentence embeddings: anchors, band, fitted models.

    Reported as a 'plan' stage of PLAN_STEPS steps: on a 20,000-sentence novel it takes minutes,
    which the bar showed as embedding finished and nothing happening."""
    report = progress or (lambda *_: None)
    report("plan", 0, PLAN_STEPS)
    src = side_of(source, src_emb, MAX_SPAN, centre=params.centre, weight_power=params.span_weight)
    tgt = side_of(target, tgt_emb, MAX_SPAN, centre=params.centre, weight_power=params.span_weight)
    report("plan", 1, PLAN_STEPS)
    attach_names(src, tgt, source, target)
    report("plan", 2, PLAN_STEPS)
    lexicon = lexicon_features([s.norm for s in source.sentences], [s.norm for s in target.sentences], source.lang,
                               target.lang) if params.lexicon_weight or params.untranslated_weight else None
    report("plan", 3, PLAN_STEPS)
    search = Search(src, tgt, params, prior, lexicon)
    report("plan", PLAN_STEPS, PLAN_STEPS)
    return search


def best_path(search: Search, progress: Progress | None = None) -> list[tuple[int, int, int, int]]:
    """The search's best path as (i0, a, j0, b) beads.

    Pass one scores with the document's first models; pass two with models re-fitted on pass
    one's 1–1 beads. Length-weighted spans judge how split sentences group (see `side_of`), but
    let a short sentence without a counterpart ride along in a bigger bead; spans that weight
    every sentence equally make such a passenger cost its bead (see `block_scores._member_evidence`). So with
    a gap scorer, pass one uses equal weights (its 1–1 beads only feed the re-fit), and a third
    pass with equal weights and the re-fitted models gives its opinion on unmatched passages:
    where it leaves sentences unmatched and pass two does not, its stretch is taken.
    """
    n = len(search.src)
    passes = 1 + bool(search.params.refit) + (search.gap_scorer is not None)
    report = _part(progress, n, passes)
    path = search.run(report(0), scorer=search.gap_scorer if search.params.refit else None)
    if search.params.refit:  # second pass: the document's models re-fitted on the first path's 1–1 beads
        search.refit(path)
        path = search.run(report(1))
    if search.gap_scorer is not None:
        path = adopt_gaps(path, search.run(report(passes - 1), scorer=search.gap_scorer))
    return path


def _part(progress: Progress | None, n: int, parts: int):
    """Report each pass as one part of a single 'align' stage of parts × n rows."""
    def one(k: int):
        if progress is None:
            return None
        return lambda stage, done, total: progress(stage, k * n + done, parts * n)
    return one
