"""Bead scores term by term, for one call's beads or a block of the search's grid rows at once.

This is where `BeadScorer`'s terms are computed (the module docstring of `scoring` says what each
is). The banded search asks, for every grid row and bead shape, the scores of one run of target
starts: about 12 scorer calls per row and pass, each of a few dozen numpy operations on a few
dozen cells, so on a novel the calls' overhead, not their arithmetic, was the search's time. The
search therefore asks for a block of rows at once (`block_scores`), and every term but one is
computed for all its (source start, target start) pairs in one go, with element-wise operations
that give each pair the very float a call for its row alone gives. The exception is the span
similarity: a matrix–vector product whose rounding may depend on how many rows it is given, so it
is taken one source span at a time over its run of target spans (a BLAS call with no numpy around
it). A call for scattered pairs (`BeadScorer(i0s, a, b, j0s)`, as `confidence` asks) is a block
of one-pair runs whose similarities are taken row by row.
"""
from __future__ import annotations

import numpy as np

from aligner.align.dp import one_by_one
from aligner.align.scoring import log_prior, rowwise
from aligner.align.untranslated import _ragged


def block_scores(scorer, a: int, b: int, i0: np.ndarray, j_start: np.ndarray, j_stop: np.ndarray) -> np.ndarray:
    """The scores of beads (i0[k], a, b, j) for j in j_start[k]..j_stop[k]-1, for every k in turn,
    as one array: what `scorer(i0[k], a, b, np.arange(j_start[k], j_stop[k]))` returns, concatenated."""
    if a == 0 or b == 0 or not len(i0):  # nulls are a look-up per call
        return one_by_one(scorer)(a, b, i0, j_start, j_stop)
    return sum(terms(scorer, a, b, Pairs.runs(i0, j_start, j_stop)).values())


class Pairs:
    """(source start, target start) pairs to score: per call k, i0[k] with a run of target starts
    (`runs`), or scattered pairs (`scattered`), each its own run of one — of one source span
    (`one_source`: its vector against the gathered target spans, as such a call always took it)."""

    def __init__(self, i0, j_start, j_stop, i, j, scattered: bool = False, one_source: bool = False):
        self.i0, self.j_start, self.j_stop = i0, j_start, j_stop  # one per call
        self.i, self.j = i, j  # one per pair
        self.scattered, self.one_source = scattered, one_source
        self.calls = list(zip(i0.tolist(), j_start.tolist(), j_stop.tolist()))

    @classmethod
    def runs(cls, i0: np.ndarray, j_start: np.ndarray, j_stop: np.ndarray) -> "Pairs":
        count = j_stop - j_start
        return cls(i0, j_start, j_stop, np.repeat(i0, count), _ragged(j_start, count))

    @classmethod
    def of_call(cls, i0: "int | np.ndarray", j0: np.ndarray) -> "Pairs":
        """The beads one scorer call asks for: source span i0 with each target start of j0 (a run
        of them, as the search asks), or the pairs (i0[k], j0[k]) when i0 is an array too."""
        j0 = np.asarray(j0, dtype=np.int64)
        if np.ndim(i0) == 0 and len(j0) and j0[-1] - j0[0] + 1 == len(j0):
            return cls.runs(np.array([i0], dtype=np.int64), j0[:1], j0[-1:] + 1)
        i = np.broadcast_to(np.asarray(i0, dtype=np.int64), j0.shape).copy()
        return cls(i, j0, j0 + 1, i, j0, scattered=True, one_source=np.ndim(i0) == 0)

    def call_of_pair(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.calls)), self.j_stop - self.j_start)

    def shifted(self, di: int, dj: int) -> "Pairs":
        return Pairs(self.i0 + di, self.j_start + dj, self.j_stop + dj, self.i + di, self.j + dj, self.scattered,
                     self.one_source)

    def source(self) -> "int | np.ndarray":
        """The source start of every pair: one, or one per pair."""
        return int(self.i[0]) if self.one_source else self.i


def terms(scorer, a: int, b: int, at: Pairs) -> dict[str, np.ndarray | float]:
    """The score of beads with a, b ≥ 1 sentences at `at`, term by term (`BeadScorer.terms`; their
    sum, in this order, is the score)."""
    p = scorer.p
    similarity = similarity_llr(scorer, a, b, at)
    out = {"similarity": p.sim_weight * similarity}
    if p.member_weight and (a > 1 or (b > 1 and p.member_target)):
        out["member"] = p.member_weight * p.sim_weight * _member_evidence(scorer, a, b, at, similarity)
    ls = scorer.src.cum_len[at.i + a] - scorer.src.cum_len[at.i]
    lt = scorer.tgt.span_len(b, at.j)
    out["length"] = p.len_weight * np.maximum(scorer.length.loglik(ls, lt), p.len_floor)
    out["shape"] = log_prior(a, b, p.extra_penalty)  # a scalar: numpy broadcasts it
    if scorer.cues is not None and p.cue_weight:
        out["cues"] = p.cue_weight * _cues(scorer.cues, a, b, at)
    if scorer.names is not None and p.name_weight:
        out["names"] = p.name_weight * _names(scorer.names, a, b, at)
    if scorer.numbers is not None and p.number_weight:
        out["numbers"] = p.number_weight * _names(scorer.numbers, a, b, at)
    if scorer.quotes is not None and p.quote_weight:
        out["quotes"] = p.quote_weight * scorer.quotes.score(at.i, a, b, at.j)
    if scorer.lexicon is not None and p.lexicon_weight:
        out["lexicon"] = _lexicon(scorer.lexicon, p.lexicon_weight, a, b, at)
    if scorer.untranslated is not None and p.untranslated_weight and a > 1:
        out["untranslated"] = _untranslated(scorer.untranslated, p.untranslated_weight, a, b, at)
    if p.para_penalty and scorer.use_paragraphs:
        out["paragraphs"] = -p.para_penalty * scorer.paragraph_breaks(at.i, a, b, at.j)
    return out


def margins(scorer, a: int, b: int, at: Pairs) -> np.ndarray:
    """Margin similarity of the beads: the cosine of their span vectors minus the mean of their
    sentences' nearest-neighbour similarities (as LASER and vecalign)."""
    if at.scattered:
        sim = rowwise(scorer.tgt_spans[b][at.j], scorer.src_spans[a][at.source()])
    else:
        sim = np.concatenate([_span_sims(scorer, a, b, i, s, e) for i, s, e in at.calls])
    base_s = (scorer.src_base_cum[at.i + a] - scorer.src_base_cum[at.i]) / a
    base_t = (scorer.tgt_base_cum[at.j + b] - scorer.tgt_base_cum[at.j]) / b
    return sim - 0.5 * (base_s + base_t)


def similarity_llr(scorer, a: int, b: int, at: Pairs) -> np.ndarray:
    """The similarity evidence of beads: the document's own model of their margin (bigger beads
    standardised to the 1–1 scale, see SpanCalibration), blended with the encoder prior on the
    plain cosine when the document had few anchors."""
    margin = margins(scorer, a, b, at)
    if scorer.spans is not None and a + b > 2:
        margin = scorer.spans.standardise(a, b, margin)
    w = scorer.sim.weight
    out = w * scorer.sim.llr(margin) if w > 0 else np.zeros(len(at.j))
    if scorer.use_prior:
        raw = scorer.raw_cosine(at.source(), a, b, at.j) if at.scattered else \
            np.concatenate([scorer.raw_cosine(i, a, b, np.arange(s, e)) for i, s, e in at.calls])
        out = out + (1 - w) * scorer.sim.prior.llr(raw)
    return out


MEMO_SIZE = 8192  # span similarity runs kept per scorer: those of a block of rows, all its shapes (≈ 8 MB)


def _span_sims(scorer, a: int, b: int, i: int, start: int, stop: int) -> np.ndarray:
    """Cosines of source span (i, a) with target spans (start..stop-1, b). A bead's parts are scored over the runs of target starts the bead's shape reaches,
    which are often the very runs their own shapes reach in that row: 30% of these products on the
    benchmark novel were ones already made, kept here (the same call, the same floats)."""
    memo = scorer.__dict__.setdefault("_span_sims", {})
    key = (a, b, i, start, stop)
    sims = memo.get(key)
    if sims is None:
        sims = memo[key] = scorer.tgt_spans[b][start:stop] @ scorer.src_spans[a][i]
        if len(memo) > MEMO_SIZE:
            del memo[next(iter(memo))]  # the oldest: rows the search has left behind
    return sims


def _member_evidence(scorer, a: int, b: int, at: Pairs, full: np.ndarray) -> np.ndarray:
    """Evidence that the first or last source sentence of a bead does not belong: how much the
    bead's similarity `full` drops by including it (the bead without it matches better), as an LLR.
    An omitted sentence then costs the bead it would ride along in, so omissions stay 1–0 beads
    instead of being glued to a neighbour (as Bertalign does). Only drops count. Source side only
    by default: translators' added sentences usually elaborate a neighbour and belong with it (MAC
    gold has no 0–1 beads), while a missing source sentence is what a reviewer must see."""
    total = np.zeros(len(at.j))
    if a > 1:
        total += np.minimum(full - similarity_llr(scorer, a - 1, b, at.shifted(1, 0)), 0.0)
        total += np.minimum(full - similarity_llr(scorer, a - 1, b, at), 0.0)
    if b > 1 and scorer.p.member_target:
        total += np.minimum(full - similarity_llr(scorer, a, b - 1, at.shifted(0, 1)), 0.0)
        total += np.minimum(full - similarity_llr(scorer, a, b - 1, at), 0.0)
    return total


def _cues(cues, a: int, b: int, at: Pairs) -> np.ndarray:
    """`CueModel.score` as a look-up of each pair's two cue patterns (16 × 16 values, not a sum per pair)."""
    first, call = int(at.j.min()), at.call_of_pair()
    source = cues.patterns(cues.src_cum, at.i0, a)
    target = cues.patterns(cues.tgt_cum, np.arange(first, int(at.j.max()) + 1), b)
    return cues.pattern_scores[source[call], target[at.j - first]]


def _names(names, a: int, b: int, at: Pairs) -> np.ndarray:
    """`NameModel.score`: the names both spans have, counted for the block's source spans against the
    target spans its pairs reach with one matrix product (sums of 0s and 1s: exact)."""
    if not names.src_cum.shape[1]:
        return np.zeros(len(at.j))
    s_has = (names.src_cum[at.i0 + a] - names.src_cum[at.i0]) > 0  # (calls, names)
    if at.scattered:  # pairs anywhere in the document (the confidences'): each pair's own target span, not a
        # (pairs × every target between them) product, 1.5 GB and 8 s on the 20,566-sentence benchmark novel
        t_has = (names.tgt_cum[at.j + b] - names.tgt_cum[at.j]) > 0
        return names.llr[np.minimum(np.count_nonzero(s_has & t_has, axis=1), 2)]
    first = int(at.j.min())
    reach = np.arange(first, int(at.j.max()) + 1)
    t_has = (names.tgt_cum[reach + b] - names.tgt_cum[reach]) > 0  # (targets reached, names)
    shared = s_has.astype(np.float32) @ t_has.T.astype(np.float32)
    return names.llr[np.minimum(shared[at.call_of_pair(), at.j - first].astype(np.int64), 2)]


def _lexicon(lexicon, weight: float, a: int, b: int, at: Pairs) -> np.ndarray:
    """weight × `LexiconModel.score`: its table where the per-call score reads it, else that score."""
    if at.scattered:  # the score reads no table for scattered pairs
        return weight * lexicon.score(at.source(), a, b, at.j)
    table = lexicon.tables.get((a, b))
    out = np.empty(len(at.j))
    fast = np.zeros(len(at.calls), bool)
    if table is not None:
        fast = (at.j_start >= lexicon.first[at.i0 + a - 1]) & (at.j_stop - 1 + b <= lexicon.last[at.i0])
    _fill(out, at, fast, lambda i, j: weight * table[i, j - lexicon.first[i]],
          lambda i, s, e: weight * lexicon.score(i, a, b, np.arange(s, e)))
    return out


def _untranslated(untranslated, weight: float, a: int, b: int, at: Pairs) -> np.ndarray:
    """weight × `EdgeCoverage.score`: its table where the per-call score reads it for both edge
    sentences, else that score."""
    if at.scattered:
        return weight * untranslated.score(at.source(), a, b, at.j)
    table = untranslated.tables.get(b)
    out = np.empty(len(at.j))
    fast = np.zeros(len(at.calls), bool)
    if table is not None:
        first, last = untranslated.first, untranslated.last
        fast = (at.j_start >= first[at.i0]) & (at.j_stop - 1 + b <= last[at.i0]) \
            & (at.j_start >= first[at.i0 + a - 1]) & (at.j_stop - 1 + b <= last[at.i0 + a - 1])

    def tables(i, j):
        end = i + a - 1
        return weight * (table[i, j - first[i]] + table[end, j - first[end]])
    _fill(out, at, fast, tables, lambda i, s, e: weight * untranslated.score(i, a, b, np.arange(s, e)))
    return out


def _fill(out: np.ndarray, at: Pairs, fast: np.ndarray, gather, per_call) -> None:
    """`out` from `gather` over the pairs of the calls that read tables, the rest call by call."""
    fast_pairs = np.repeat(fast, at.j_stop - at.j_start)
    if fast_pairs.any():
        out[fast_pairs] = gather(at.i[fast_pairs], at.j[fast_pairs])
    ends = np.cumsum(at.j_stop - at.j_start)
    for k in np.flatnonzero(~fast).tolist():
        i, s, e = at.calls[k]
        out[ends[k] - (e - s) : ends[k]] = per_call(i, s, e)
