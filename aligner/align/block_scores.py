"""Bead scores for a block of grid rows at once, equal bit for bit to `BeadScorer`'s per-row calls.

The banded search asks, for every grid row and bead shape, the scores of one run of target starts:
about 12 scorer calls per row and pass, each of a few dozen numpy operations on arrays of a few
dozen cells. On a novel the calls' overhead, not their arithmetic, was the search's time. Here
every term but one is computed for all the (source start, target start) pairs of a block of rows
in one go, with the same element-wise operations in the same order, so each value is the very
float the per-row call gives. The exception is the span similarity: a matrix–vector product whose
rounding may depend on how many rows it is given, so it is still taken one source span at a time
over the same rows of target spans as before (a BLAS call with no numpy around it).
"""
from __future__ import annotations

import numpy as np

from aligner.align.dp import one_by_one
from aligner.align.scoring import log_prior
from aligner.align.untranslated import _ragged


def block_scores(scorer, a: int, b: int, i0: np.ndarray, j_start: np.ndarray, j_stop: np.ndarray) -> np.ndarray:
    """The scores of beads (i0[k], a, b, j) for j in j_start[k]..j_stop[k]-1, for every k in turn,
    as one array: what `scorer(i0[k], a, b, np.arange(j_start[k], j_stop[k]))` returns, concatenated."""
    count = j_stop - j_start
    if a == 0 or b == 0 or scorer.use_prior or not len(i0):  # not what the search asks in blocks: per call
        return one_by_one(scorer)(a, b, i0, j_start, j_stop)
    pairs = _Pairs(i0, j_start, j_stop, np.repeat(i0, count), _ragged(j_start, count))
    return sum(_terms(scorer, a, b, pairs))


class _Pairs:
    """A block's (source start, target start) pairs: per call k, i0[k] with a run of target starts."""

    def __init__(self, i0, j_start, j_stop, i, j):
        self.i0, self.j_start, self.j_stop = i0, j_start, j_stop  # one per call
        self.i, self.j = i, j  # one per pair
        self.calls = list(zip(i0.tolist(), j_start.tolist(), j_stop.tolist()))

    def call_of_pair(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.calls)), self.j_stop - self.j_start)

    def shifted(self, di: int, dj: int) -> "_Pairs":
        return _Pairs(self.i0 + di, self.j_start + dj, self.j_stop + dj, self.i + di, self.j + dj)


def _terms(scorer, a: int, b: int, at: _Pairs) -> list:
    """`BeadScorer.terms`' values, in its order (the sum adds them up the same way)."""
    p = scorer.p
    similarity = _similarity_llr(scorer, a, b, at)
    out = [p.sim_weight * similarity]
    if p.member_weight and (a > 1 or (b > 1 and p.member_target)):
        out.append(p.member_weight * p.sim_weight * _member_evidence(scorer, a, b, at, similarity))
    ls = scorer.src.cum_len[at.i + a] - scorer.src.cum_len[at.i]
    lt = scorer.tgt.span_len(b, at.j)
    out.append(p.len_weight * np.maximum(scorer.length.loglik(ls, lt), p.len_floor))
    out.append(log_prior(a, b, p.extra_penalty))
    if scorer.cues is not None and p.cue_weight:
        out.append(p.cue_weight * _cues(scorer.cues, a, b, at))
    if scorer.names is not None and p.name_weight:
        out.append(p.name_weight * _names(scorer.names, a, b, at))
    if scorer.quotes is not None and p.quote_weight:
        out.append(p.quote_weight * scorer.quotes.score(at.i, a, b, at.j))
    if scorer.lexicon is not None and p.lexicon_weight:
        out.append(_lexicon(scorer.lexicon, p.lexicon_weight, a, b, at))
    if scorer.untranslated is not None and p.untranslated_weight and a > 1:
        out.append(_untranslated(scorer.untranslated, p.untranslated_weight, a, b, at))
    if p.para_penalty and scorer.use_paragraphs:
        out.append(-p.para_penalty * scorer.paragraph_breaks(at.i, a, b, at.j))
    return out


def _similarity_llr(scorer, a: int, b: int, at: _Pairs) -> np.ndarray:
    """`BeadScorer.similarity_llr` without the encoder prior (whose scorers are scored per call)."""
    sim = np.concatenate([_span_sims(scorer, a, b, i, s, e) for i, s, e in at.calls])
    base_s = (scorer.src_base_cum[at.i + a] - scorer.src_base_cum[at.i]) / a
    base_t = (scorer.tgt_base_cum[at.j + b] - scorer.tgt_base_cum[at.j]) / b
    margin = sim - 0.5 * (base_s + base_t)
    if scorer.spans is not None and a + b > 2:
        margin = scorer.spans.standardise(a, b, margin)
    w = scorer.sim.weight
    return w * scorer.sim.llr(margin) if w > 0 else np.zeros(len(at.j))


MEMO_SIZE = 8192  # span similarity runs kept per scorer: those of a block of rows, all its shapes (≈ 8 MB)


def _span_sims(scorer, a: int, b: int, i: int, start: int, stop: int) -> np.ndarray:
    """Cosines of source span (i, a) with target spans (start..stop-1, b), as `BeadScorer.margin`
    takes them. A bead's parts are scored over the runs of target starts the bead's shape reaches,
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


def _member_evidence(scorer, a: int, b: int, at: _Pairs, full: np.ndarray) -> np.ndarray:
    """`BeadScorer.member_evidence`, given the bead's own similarity."""
    total = np.zeros(len(at.j))
    if a > 1:
        total += np.minimum(full - _similarity_llr(scorer, a - 1, b, at.shifted(1, 0)), 0.0)
        total += np.minimum(full - _similarity_llr(scorer, a - 1, b, at), 0.0)
    if b > 1 and scorer.p.member_target:
        total += np.minimum(full - _similarity_llr(scorer, a, b - 1, at.shifted(0, 1)), 0.0)
        total += np.minimum(full - _similarity_llr(scorer, a, b - 1, at), 0.0)
    return total


def _cues(cues, a: int, b: int, at: _Pairs) -> np.ndarray:
    """`CueModel.score` as a look-up of each pair's two cue patterns (16 × 16 values, not a sum per pair)."""
    first, call = int(at.j.min()), at.call_of_pair()
    source = cues.patterns(cues.src_cum, at.i0, a)
    target = cues.patterns(cues.tgt_cum, np.arange(first, int(at.j.max()) + 1), b)
    return cues.pattern_scores[source[call], target[at.j - first]]


def _names(names, a: int, b: int, at: _Pairs) -> np.ndarray:
    """`NameModel.score`: the names both spans have, counted for the block's source spans against the
    target spans its pairs reach with one matrix product (sums of 0s and 1s: exact)."""
    if not names.src_cum.shape[1]:
        return np.zeros(len(at.j))
    s_has = (names.src_cum[at.i0 + a] - names.src_cum[at.i0]) > 0  # (calls, names)
    first = int(at.j.min())
    reach = np.arange(first, int(at.j.max()) + 1)
    t_has = (names.tgt_cum[reach + b] - names.tgt_cum[reach]) > 0  # (targets reached, names)
    shared = s_has.astype(np.float32) @ t_has.T.astype(np.float32)
    return names.llr[np.minimum(shared[at.call_of_pair(), at.j - first].astype(np.int64), 2)]


def _lexicon(lexicon, weight: float, a: int, b: int, at: _Pairs) -> np.ndarray:
    """weight × `LexiconModel.score`: its table where the per-call score reads it, else that score."""
    table = lexicon.tables.get((a, b))
    out = np.empty(len(at.j))
    fast = np.zeros(len(at.calls), bool)
    if table is not None:
        fast = (at.j_start >= lexicon.first[at.i0 + a - 1]) & (at.j_stop - 1 + b <= lexicon.last[at.i0])
    _fill(out, at, fast, lambda i, j: weight * table[i, j - lexicon.first[i]],
          lambda i, s, e: weight * lexicon.score(i, a, b, np.arange(s, e)))
    return out


def _untranslated(untranslated, weight: float, a: int, b: int, at: _Pairs) -> np.ndarray:
    """weight × `EdgeCoverage.score`: its table where the per-call score reads it for both edge
    sentences, else that score."""
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


def _fill(out: np.ndarray, at: _Pairs, fast: np.ndarray, gather, per_call) -> None:
    """`out` from `gather` over the pairs of the calls that read tables, the rest call by call."""
    fast_pairs = np.repeat(fast, at.j_stop - at.j_start)
    if fast_pairs.any():
        out[fast_pairs] = gather(at.i[fast_pairs], at.j[fast_pairs])
    ends = np.cumsum(at.j_stop - at.j_start)
    for k in np.flatnonzero(~fast).tolist():
        i, s, e = at.calls[k]
        out[ends[k] - (e - s) : ends[k]] = per_call(i, s, e)
