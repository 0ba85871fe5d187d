"""A Chinese sentence whose English was left out, glued onto a neighbouring pair (`aligner.align.untranslated`)."""
from __future__ import annotations

import numpy as np
import pytest

from aligner.align import align
from aligner.align.band import full_band
from aligner.align.core import DEFAULT_PARAMS
from aligner.align.lexicon import lexicon_features
from aligner.align.untranslated import SIZES, EdgeCoverage
from test_align import MemoEncoder, mac_excerpt, presplit

@pytest.fixture(scope="module")
def encoder():
    return MemoEncoder()


@pytest.fixture(scope="module")
def everlasting_sorrow():
    """The evidence fitted on the gold 1–1 pairs of the first 50 beads of The Song of Everlasting
    Sorrow (王安忆, MAC dev 005), every bead in its band; with the lines and the gold."""
    zh, en, gold = mac_excerpt("005", 50)
    features = lexicon_features(zh, en, "zh", "en")
    ones = [(s[0], t[0]) for s, t in gold if len(s) == len(t) == 1]
    i, j = np.array([x for x, _ in ones]), np.array([y for _, y in ones])
    return EdgeCoverage.estimate(features, i, j, full_band(len(zh), len(en))), zh, en, gold


def test_precomputed_tables_agree_with_direct_scores(everlasting_sorrow):
    model, zh, en, _ = everlasting_sorrow
    assert 0.05 < model.q < 0.6  # a literary translation renders some of its Chinese words by a gloss
    for b in range(1, SIZES + 1):
        j0 = np.arange(0, len(en) - b + 1)
        for i in range(len(zh)):
            assert np.allclose(model.sentence(i, b, j0), model.direct(i, b, j0), atol=1e-4)
            assert (model.direct(i, b, j0) <= 0).all()  # evidence against a place only
    # the confidence's calls: arrays of beads of one shape
    i0 = np.array([0, 5, 9])
    assert np.allclose(model.score(i0, 2, 2, np.array([1, 6, 11])),
                       [model.score(int(i), 2, 2, np.array([j]))[0] for i, j in zip(i0, [1, 6, 11])], atol=1e-4)
    assert not model.score(3, 1, 2, np.array([3, 4])).any()  # beads of one Chinese sentence: no evidence


def test_tables_over_a_narrow_band_agree_with_direct_scores_to_the_last_sentence():
    # the tables slice each stem's window of English sentences out of a view (`_has_from`) instead of
    # gathering it cell by cell: every window, to those that run past the last sentence, as computed directly
    from aligner.align.band import band_from_anchors

    zh, en, gold = mac_excerpt("005", 10_000)
    features = lexicon_features(zh, en, "zh", "en")
    ones = [(s[0], t[0]) for s, t in gold if len(s) == len(t) == 1]
    i, j = np.array([x for x, _ in ones]), np.array([y for _, y in ones])
    model = EdgeCoverage.estimate(features, i, j, band_from_anchors(i, j, len(zh), len(en), 2, 12))
    width = model.last - model.first
    assert len(zh) > 200 and width.max() < 40 and (model.last == len(en)).sum() > 5
    for b in range(1, SIZES + 1):
        for k in range(len(zh)):
            j0 = np.arange(model.first[k], model.last[k] - b + 1)
            assert np.allclose(model.tables[b][k, :len(j0)], model.direct(k, b, j0), atol=1e-4)


def test_a_sentence_is_rendered_by_its_own_english_not_by_its_neighbours(everlasting_sorrow):
    """这同情使王琦瑶变得慷慨了 … (zh 7, gold en 9): its own English renders its words (sympathy,
    magnanimity), the previous pair's two English sentences none of them."""
    model, zh, en, gold = everlasting_sorrow
    assert ((6,), (7, 8)) in gold and ((7,), (9,)) in gold
    assert model.sentence(7, 1, np.array([9]))[0] > -0.5
    assert model.sentence(7, 2, np.array([7]))[0] < -2.0
    assert model.score(6, 2, 2, np.array([7]))[0] < -2.0  # the glued bead (6, 7):(7, 8) pays for it


def test_an_untranslated_sentence_is_left_unmatched_not_glued_to_its_neighbour(encoder):
    """The English of zh 7 deleted from the excerpt: the aligner used to glue zh 7 onto the previous
    pair (a 2–3 bead (6, 7):(7, 8, 9) that also took the next sentence's English); with the
    dictionary's evidence zh 7 is a 1–0 bead, flagged omitted, and its neighbours keep their pairs."""
    zh, en, gold = mac_excerpt("005", 50)
    assert ((7,), (9,)) in gold
    en_out = en[:9] + en[10:]
    got = {(b.src, b.tgt) for b in align(presplit(zh, "zh"), presplit(en_out, "en"), encoder)}
    assert ((7,), ()) in got
    assert ((6,), (7, 8)) in got and ((8,), (9, 10)) in got  # en 10, 11 of the gold, one earlier now
    without = {(b.src, b.tgt) for b in align(presplit(zh, "zh"), presplit(en_out, "en"), encoder,
                                             params=DEFAULT_PARAMS.but(untranslated_weight=0))}
    assert ((7,), ()) not in without



def _rectangular_tables(model: EdgeCoverage) -> dict[int, np.ndarray]:
    """The tables as first built: every row as wide as the widest window."""
    from aligner.align.untranslated import BLOCK

    f, n = model.f, model.n
    width = int((model.last - model.first).max())
    tables = {b: np.zeros((n, max(width + 1 - b, 0)), np.float32) for b in range(1, SIZES + 1)}
    for start in range(0, n, BLOCK):
        end = min(start + BLOCK, n)
        word = np.arange(f.word_offsets[start], f.word_offsets[end])
        if not len(word):
            continue
        i = model.sentence_of_word[word]
        cols = model.first[i][:, None] + np.arange(width)[None, :]
        covered = model.has(word, np.minimum(cols, model.m - 1)) & (cols < model.last[i][:, None])
        cum = np.concatenate([np.zeros((len(word), 1), np.int32), np.cumsum(covered, axis=1, dtype=np.int32)], axis=1)
        bounds = f.word_offsets[start : end + 1] - f.word_offsets[start]
        for b in range(1, SIZES + 1):
            values = model._llr(cum[:, b:] - cum[:, :-b] > 0, word[:, None], b)
            by_sentence = np.concatenate([np.zeros((1, values.shape[1])), np.cumsum(values, axis=0)])
            tables[b][start:end] = np.minimum(by_sentence[bounds[1:]] - by_sentence[bounds[:-1]], 0.0)
    return tables


def test_tables_kept_at_each_rows_width_hold_the_rectangles_values():
    """Each row kept at its own width (141 MB as rectangles on the 20,566-sentence novel, a third of
    it needed): the same float32 values, bit for bit, as the rectangles, over a band with rows of many widths."""
    from aligner.align.band import band_from_anchors

    zh, en, gold = mac_excerpt("002", 10_000)
    features = lexicon_features(zh, en, "zh", "en")
    ones = [(s[0], t[0]) for s, t in gold if len(s) == len(t) == 1][::6]
    i, j = np.array([x for x, _ in ones]), np.array([y for _, y in ones])
    model = EdgeCoverage.estimate(features, i, j, band_from_anchors(i, j, len(zh), len(en), 4, 40))
    widths = model.last - model.first
    assert len(set(widths.tolist())) > 10
    reference = _rectangular_tables(model)
    for b, rect in reference.items():
        table = model.tables[b]
        assert table.values.dtype == np.float32 and len(table.values) < rect.size
        for k in range(model.n):
            assert np.array_equal(table[k, :], rect[k, : max(widths[k] + 1 - b, 0)]), (b, k)
