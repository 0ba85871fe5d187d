"""`align()`: the contract the pipeline calls."""
from __future__ import annotations

import numpy as np

from aligner.align import fits
from aligner.align.confidence import bead_confidences
from aligner.align.paths import adopt_gaps, join_speech_tags, split_notes
from aligner.align.passengers import trim_passengers
from aligner.align.scoring import EncoderPrior, Params, encoder_prior
from aligner.align.lexicon import lexicon_features
from aligner.align.search import RELEASES, Search
from aligner.align.spans import attach_names, side_of
from aligner.embed.base import Encoder
from aligner.types import LANGUAGE_NAMES, Bead, Document, Progress

MAX_SPAN = 5  # sentences a span may have on either side (see search.MAX_SPLIT)
DEFAULT_PARAMS = Params()
# The search's preparation, step by step: each a stage of its own ("plan names"), so that a bar names what takes
# the minutes on a novel (RESULTS.md: names 75 s, models 214 s) instead of standing at one figure.
PLAN_STAGES = ("plan spans", "plan names", "plan dictionary", "plan models")


def step_words(part: str) -> str:
    """A step of the search as a person reads it, for every progress bar (the page's, the command line's): "pass 2
    of 3" for a pass's "2/3", "sentence groups" for "spans"; the other steps (names, dictionary, models) say
    themselves."""
    done, slash, passes = part.partition("/")
    if slash and done.isdigit() and passes.isdigit():
        return f"pass {done} of {passes}"
    return {"spans": "sentence groups"}.get(part, part)


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

    Reported stage by stage (PLAN_STAGES), each from 0 to its total: on a 20,000-sentence novel they take
    minutes, which the bar showed as one 'plan' stage standing at a figure."""
    report = progress or (lambda *_: None)
    report("plan spans", 0, 2)
    src = side_of(source, src_emb, MAX_SPAN, centre=params.centre, weight_power=params.span_weight)
    report("plan spans", 1, 2)
    tgt = side_of(target, tgt_emb, MAX_SPAN, centre=params.centre, weight_power=params.span_weight)
    report("plan spans", 2, 2)
    report("plan names", 0, 2)
    attach_names(src, tgt, source, target, lambda done: report("plan names", done, 2))
    report("plan dictionary", 0, 1)
    lexicon = lexicon_features([s.norm for s in source.sentences], [s.norm for s in target.sentences], source.lang,
                               target.lang) if params.lexicon_weight or params.untranslated_weight else None
    report("plan dictionary", 1, 1)
    return Search(src, tgt, params, prior, lexicon, lambda done, total: report("plan models", done, total))


def best_path(search: Search, progress: Progress | None = None) -> list[tuple[int, int, int, int]]:
    """The search's best path as (i0, a, j0, b) beads.

    Pass one scores with the document's first models; pass two with models re-fitted on pass
    one's 1–1 beads. Length-weighted spans judge how split sentences group (see `side_of`), but
    let a short sentence without a counterpart ride along in a bigger bead; spans that weight
    every sentence equally make such a passenger cost its bead (see `block_scores._member_evidence`). So with
    a gap scorer, pass one uses equal weights (its 1–1 beads only feed the re-fit), and a third
    pass with equal weights and the re-fitted models gives its opinion on unmatched passages:
    where it leaves sentences unmatched and pass two does not, its stretch is taken. Last, a translation
    sentence riding at the edge of a pair beside an added passage joins the passage where that scores higher
    (see `passengers`), a Chinese speech tag left alone after a quotation joins its pair (`join_speech_tags`), and a
    translator's note at the edge of a pair leaves it (`split_notes`).
    """
    n = len(search.src)
    passes = 1 + bool(search.params.refit) + (search.gap_scorer is not None)
    report = _pass(progress, n, passes)
    path = _run(search, report(0), gap=search.params.refit)
    if search.params.refit:  # second pass: the document's models re-fitted on the first path's 1–1 beads
        if progress is not None:  # the re-fit takes a while on a novel: the bar says the next pass began
            report(1)("align", 0, n)
        search.refit(path)
        path = _run(search, report(1))
    if search.gap_scorer is not None:
        path = adopt_gaps(path, _run(search, report(passes - 1), gap=True))
    path = trim_passengers(path, search.scorer, search.params.null_run_bonus)
    path = join_speech_tags(path, search.src.tags, set(search.types))
    return split_notes(path, search.src.notes, search.tgt.notes)


def _run(search: Search, progress: Progress | None, gap: bool = False) -> list[tuple[int, int, int, int]]:
    """One pass (`gap`: under the gap scorer); where its path pressed against the band's edge or took a doubtful
    anchor as a pair, those anchors are dropped and the pass runs again in the wider band (`Search.release`),
    at most RELEASES times."""
    for rounds in range(RELEASES + 1):
        path = search.run(progress, scorer=search.gap_scorer if gap else None)
        if rounds == RELEASES or not search.release(path):
            return path


def _pass(progress: Progress | None, n: int, passes: int):
    """Report pass k of the search as its own stage, "align 2/3", over its n rows: the bar says which of the
    passes runs (one 'align' stage of passes x n rows said 33% when the first pass was done)."""
    def one(k: int):
        if progress is None:
            return None
        return lambda stage, done, total: progress(f"align {k + 1}/{passes}", done, total)
    return one
