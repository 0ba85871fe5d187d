"""Evidence that a Chinese sentence at the edge of a bigger bead has no translation in it.

When a translation leaves a Chinese sentence out, the aligner tends to glue that sentence onto a
neighbouring pair (a 2–1 or 2–2 bead instead of a 1–1 or 1–2 pair and a 1–0 bead): the glued bead
costs little in similarity and length, the unmatched sentence costs the null prior. The dictionary
(`lexicon`, CC-CEDICT) tells them apart from another side: a Chinese sentence whose dictionary
words the bead's English renders none of, while the rest of the bead is translated, is likely
untranslated.

For each Chinese sentence and English span the evidence is a naive-Bayes log-likelihood ratio over
the sentence's dictionary words (those with a gloss the document's English uses): under "this
sentence is translated here" a word is rendered with probability q (the translator used a
dictionary gloss, estimated per document on its 1–1 pairs) or by chance; otherwise by chance
alone, where chance is how often a span of that many English sentences has one of the word's
glosses in this document. A rendered word adds log((q + (1 − q)·r) / r), a word not rendered
log(1 − q). Only the negative part counts, and only for the first and last Chinese sentence of a
bead of two or more: it makes a glued, untranslated edge sentence cost its bead, and never argues
for a pairing.

This is the mirror of `lexicon.LexiconModel`, which scores the English words the Chinese explains
and never argues against a place. On the gaps benchmark (`benchmarks/gaps.py`, 4 rounds) a Chinese
sentence's coverage by its bead's English tells a planted omission from the rest with ROC AUC 0.89
(the encoder's best match for it: 0.76), and 0.77 among the edge sentences of bigger beads. As a
term (weight 0.75, chosen on MAC dev 001–003 among 0.3 / 0.5 / 0.75 / 1 as the highest omitted F1
that does not lower added F1; checked on 004–006): omitted F1 0.751 → 0.780 on all documents
(001–003 0.653 → 0.716, 004–006 0.809 → 0.810), added 0.837 → 0.838, sample texts unchanged,
MAC dev strict F1 0.917 → 0.918, lax 0.996. Weight 1 finds more omissions (0.787) but loses
added passages (0.824).
"""
from __future__ import annotations

import numpy as np

from aligner.align.lexicon import EDGE_SLACK, MIN_PAIRS, P_RANGE, LexiconFeatures
from aligner.align.ragged import RaggedTable

SIZES = 3  # English sentences a bead with two or more Chinese ones can have (a + b ≤ 5)
BLOCK = 256  # Chinese sentences whose tables are computed at once (bounds the memory on long documents)


class EdgeCoverage:
    """Per Chinese sentence, its coverage LLR (negative part) by English spans of 1–SIZES sentences,
    precomputed over each sentence's band window; `score` adds it up for a bead's edge sentences."""

    def __init__(self, features: LexiconFeatures, q: float, band=None):
        self.f, self.q = features, q  # q: how often the translator renders a Chinese word by a gloss
        n, m = len(features.word_offsets) - 1, len(features.offsets) - 1
        self.n, self.m = n, m
        self.en = np.zeros((m, len(features.vocab)), bool)  # English sentence j has stem v
        self.en[features.sentence_of, features.tokens] = True
        words = len(features.stem_offsets) - 1
        self.sentence_of_word = np.repeat(np.arange(n), np.diff(features.word_offsets))
        # chance that one English sentence has a gloss of the word (its stems taken as independent)
        rate = self.en.mean(axis=0) if m else np.zeros(len(features.vocab))
        miss = np.log1p(-np.minimum(rate[features.stems], 1 - 1e-9))
        self.chance = 1.0 - np.exp(np.bincount(np.repeat(np.arange(words), np.diff(features.stem_offsets)),
                                               weights=miss, minlength=words))
        self.tables: dict[int, RaggedTable] = {}
        if band is not None and n and m:
            self._precompute(band.lo, band.hi)

    @classmethod
    def estimate(cls, features: LexiconFeatures, pair_i: np.ndarray, pair_j: np.ndarray, band=None) -> "EdgeCoverage | None":
        """q from the 1–1 pairs: how many of their Chinese words their English renders, above chance
        (one rate for all words: a rate per word, smoothed towards it, was worse; see TRIED.md)."""
        f = features
        m = len(f.offsets) - 1
        ok = (pair_j >= 0) & (pair_j < m)
        pair_i, pair_j = pair_i[ok], pair_j[ok]
        if len(pair_i) < MIN_PAIRS or not m:
            return None
        count = f.word_offsets[pair_i + 1] - f.word_offsets[pair_i]
        if count.sum() < 20:
            return None
        model = cls(f, 0.0)
        word = _ragged(f.word_offsets[pair_i], count)
        covered = model.has(word, np.repeat(pair_j, count)[:, None]).mean()
        chance = model.chance[word].mean()
        q = float(np.clip((covered - chance) / max(1 - chance, 1e-6), *P_RANGE))
        return cls(f, q, band)

    def has(self, word: np.ndarray, sentence: np.ndarray) -> np.ndarray:
        """(k, c) bool: English sentence sentence[k, c] has a gloss stem of Chinese word word[k]."""
        f = self.f
        if not len(word):
            return np.zeros(sentence.shape, bool)
        count = f.stem_offsets[word + 1] - f.stem_offsets[word]  # every word has at least one
        stem = f.stems[_ragged(f.stem_offsets[word], count)]
        hit = self.en[np.repeat(sentence, count, axis=0), stem[:, None]]
        return np.logical_or.reduceat(hit, np.cumsum(count) - count, axis=0)

    def _has_from(self, word: np.ndarray, start: np.ndarray, windows: np.ndarray) -> np.ndarray:
        """has(word, start[:, None] + arange(width)): each of a word's stems' window of sentences
        sliced out whole, not gathered cell by cell (the slowest step of the search's set-up)."""
        f = self.f
        count = f.stem_offsets[word + 1] - f.stem_offsets[word]
        stem = f.stems[_ragged(f.stem_offsets[word], count)]
        return np.logical_or.reduceat(windows[stem, np.repeat(start, count)], np.cumsum(count) - count, axis=0)

    def _llr(self, has: np.ndarray, word: np.ndarray, b: int) -> np.ndarray:
        """Each word's LLR, rendered (`has`) or not, by a span of b English sentences."""
        r = np.clip(1.0 - (1.0 - self.chance[word]) ** b, 0.5 / self.m, 0.99)
        return np.where(has, np.log((self.q + (1 - self.q) * r) / r), np.log1p(-self.q))

    def _precompute(self, lo: np.ndarray, hi: np.ndarray) -> None:
        """tables[b][i, k]: the evidence of sentence i against the span of b English sentences
        starting at first[i] + k, for every span a bead with sentence i at its edge can have."""
        f, n, m = self.f, self.n, self.m
        rows = np.arange(n)
        self.first = np.clip(lo[np.maximum(rows - EDGE_SLACK, 0)], 0, m)
        self.last = np.clip(hi[np.minimum(rows + EDGE_SLACK + 1, n)] + SIZES, self.first, m)  # exclusive
        window = self.last - self.first
        width = int(window.max())
        # each row at its own width (its window's spans): as wide as the widest row, 141 MB on the 20,566-sentence novel
        self.tables = {b: RaggedTable.zeros(window + 1 - b) for b in range(1, SIZES + 1)}
        # each stem's English sentences start .. start + width - 1, for any start: views, not copies
        # (past the last sentence False, which the window's end masks anyway)
        padded = np.concatenate([self.en, np.zeros((max(width, 1), self.en.shape[1]), bool)]).T
        windows = np.lib.stride_tricks.sliding_window_view(padded, max(width, 1), axis=1)
        for start in range(0, n, BLOCK):
            end = min(start + BLOCK, n)
            word = np.arange(f.word_offsets[start], f.word_offsets[end])
            if not len(word) or not width:
                continue
            i = self.sentence_of_word[word]
            block_width = int(window[start:end].max())  # the block's widest row: its columns past that are no row's
            if not block_width:
                continue
            cols = self.first[i][:, None] + np.arange(block_width)[None, :]
            covered = self._has_from(word, self.first[i], windows[..., :block_width]) & (cols < self.last[i][:, None])
            cum = np.concatenate([np.zeros((len(word), 1), np.int32), np.cumsum(covered, axis=1, dtype=np.int32)], axis=1)
            bounds = f.word_offsets[start : end + 1] - f.word_offsets[start]
            for b in range(1, SIZES + 1):
                values = self._llr(cum[:, b:] - cum[:, :-b] > 0, word[:, None], b)  # (words, width + 1 - b)
                by_sentence = np.concatenate([np.zeros((1, values.shape[1])), np.cumsum(values, axis=0)])
                self.tables[b].put_rows(start, np.minimum(by_sentence[bounds[1:]] - by_sentence[bounds[:-1]], 0.0))

    def sentence(self, i: int, b: int, j0: np.ndarray) -> np.ndarray:
        """The evidence (≤ 0) of Chinese sentence i against English spans (j0, b), j0 ascending."""
        table = self.tables.get(b)
        if table is not None and len(j0) and j0[0] >= self.first[i] and j0[-1] + b <= self.last[i]:
            return table[i, j0 - self.first[i]]
        return self.direct(i, b, j0)

    def direct(self, i: int, b: int, j0: np.ndarray) -> np.ndarray:
        """The same computed for these spans alone (no tables)."""
        word = np.arange(self.f.word_offsets[i], self.f.word_offsets[i + 1])
        if not len(word) or not len(j0):
            return np.zeros(len(j0))
        spans = (np.asarray(j0)[:, None] + np.arange(b)[None, :]).ravel()
        inside = (spans >= 0) & (spans < self.m)
        hit = self.has(word, np.broadcast_to(np.clip(spans, 0, self.m - 1), (len(word), len(spans)))) & inside
        has = hit.reshape(len(word), len(j0), b).any(axis=2)
        return np.minimum(self._llr(has, word[:, None], b).sum(axis=0), 0.0)

    def score(self, i0: "int | np.ndarray", a: int, b: int, j0: np.ndarray) -> np.ndarray:
        """Evidence against beads (i0, a, b, j0) for each j0, ascending (or pairs (i0[k], j0[k])):
        their first and last Chinese sentence; 0 for beads of one Chinese sentence."""
        if a < 2 or b < 1:
            return np.zeros(len(j0))
        if isinstance(i0, np.ndarray):
            return np.array([float(self.score(int(i), a, b, np.array([j]))[0]) for i, j in zip(i0, j0)])
        return self.sentence(i0, b, j0) + self.sentence(i0 + a - 1, b, j0)


def _ragged(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indices starts[k] .. starts[k] + counts[k] - 1, for every k in turn."""
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(starts, counts)
