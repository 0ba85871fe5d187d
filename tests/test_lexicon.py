"""The Chinese–English dictionary term (`aligner.align.lexicon`), on real MAC dev sentences."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from aligner.align.band import full_band
from aligner.align.core import plan
from aligner.align.dp import bead_types
from aligner.align.lexicon import LexiconModel, cedict, chinese_words, content_stems, glosses, lexicon_features, stem
from aligner.evaluate import read_align
from aligner.types import Document, Sentence

MAC = Path("/work/shared/benchmarks/mac-zh-en/dev")

# The Golden Age (王小波), MAC dev 001 line 22, with the published English (a gold 1–1 pair)
MOUNTAIN = ("那天晚上没有风，山上静得很。", "There was no wind that night either; the mountain was very still.")


def _one_to_one(doc: str, count: int) -> tuple[list[str], list[str]]:
    """The first `count` gold 1–1 pairs of a MAC dev document, as parallel lists."""
    zh = (MAC / "zh" / f"{doc}.txt").read_text(encoding="utf-8").splitlines()
    en = (MAC / "en" / f"{doc}.txt").read_text(encoding="utf-8").splitlines()
    pairs = [(zh[s[0]], en[t[0]]) for s, t in read_align(MAC / "gold" / f"{doc}.align") if len(s) == len(t) == 1]
    return [p[0] for p in pairs[:count]], [p[1] for p in pairs[:count]]


def test_glosses_and_stems_meet():
    assert "mountain" in glosses("山")
    assert {"laugh", stem("smile")} <= glosses("笑")
    assert stem("said") == "say" and "say" in glosses("说")
    assert stem("smiled") == stem("smiling") == stem("smiles") == stem("smile")
    assert content_stems("He heaved a sigh of relief") == ["heav", "sigh", "relief"]  # stop words dropped
    assert not glosses("没有这个词")  # not a headword
    words = chinese_words(MOUNTAIN[0])
    assert "晚上" in words and "晚" not in words  # longest match first
    assert "山" in words  # not 山上, which the dictionary knows only as a township's name (a proper noun)


def test_features_find_mountain_in_a_real_pair():
    features = lexicon_features([MOUNTAIN[0]], [MOUNTAIN[1]], "zh", "en")
    v = features.vocab.index("mountain")
    assert features.zh[0, v]
    assert v in features.tokens.tolist()
    assert {"wind", "night", "still"} <= set(features.vocab)  # 风, 晚上, 静
    # only stems both sides have are kept: 'either' has no gloss in this Chinese
    assert "either" not in features.vocab


def test_absent_for_russian():
    assert lexicon_features([MOUNTAIN[0]], ["В тот вечер я заманил Чэнь Цинъян с собой в горы."], "zh", "ru") is None
    zh, en = _one_to_one("001", 12)
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(12, 8)).astype(np.float32)

    def doc(texts, lang):
        return Document("", lang, [Sentence(i, 0, 0, t, t, i) for i, t in enumerate(texts)])

    assert plan(doc(zh, "zh"), doc(en, "ru"), vectors, vectors).lexicon is None  # no Chinese–Russian dictionary
    assert plan(doc(zh, "zh"), doc(en, "en"), vectors, vectors).lexicon is not None


@pytest.fixture(scope="module")
def golden_age():
    """A dictionary model fitted on 60 true 1–1 pairs of The Golden Age, every bead in its band."""
    zh, en = _one_to_one("001", 60)
    features = lexicon_features(zh, en, "zh", "en")
    pairs = np.arange(len(zh))
    return LexiconModel.estimate(features, pairs, pairs, bead_types(), full_band(len(zh), len(en))), len(zh)


def test_true_pairs_score_above_shifted_ones(golden_age):
    model, n = golden_age
    assert 0.2 < model.p < 0.9  # a literary translation: some, not all, of its words are in the dictionary
    one = lambda i, j: float(model.score(i, 1, 1, np.array([j]))[0])  # noqa: E731
    true = np.array([one(i, i) for i in range(3, n - 3)])
    shifted = np.array([one(i, i + 3) for i in range(3, n - 3)])
    assert true.mean() > shifted.mean() + 2.0
    assert (true > shifted).sum() > 3 * (true < shifted).sum()
    # the mountain sentence: its English belongs to it, not to its neighbour
    zh, _ = _one_to_one("001", 60)
    k = zh.index(MOUNTAIN[0])
    assert one(k, k) > max(one(k - 1, k), one(k + 1, k))


def test_never_argues_for_an_unmatched_sentence(golden_age):
    """Each target sentence's evidence is at least 0, and a bead scores at least what it would
    without an edge source sentence: the dictionary alone never makes a 1–0 or 0–1 bead cheaper."""
    model, n = golden_age
    j0 = np.arange(0, n - 4)
    for a in (2, 3, 4):
        for b in (1, 2, 3):
            for i0 in range(0, n - a, 7):
                full = model.score(i0, a, b, j0)
                assert (full >= 0).all()
                assert (full >= model.score(i0 + 1, a - 1, b, j0) - 1e-4).all()
                assert (full >= model.score(i0, a - 1, b, j0) - 1e-4).all()
                assert (model.score(i0, a, b + 1, j0) >= full - 1e-4).all()  # one more target sentence costs nothing


def test_a_sentences_own_evidence_keeps_what_the_floor_drops(golden_age):
    """`sentence_evidence` is the sentence's coverage LLR before the floor at 0: equal to a 1–1 bead's score where
    that is positive, negative for many of the sentences three places off, whose words the Chinese does not explain."""
    model, n = golden_age
    one = lambda i, j: float(model.score(i, 1, 1, np.array([j]))[0])  # noqa: E731
    own = np.array([model.sentence_evidence(i, 1, i) for i in range(n)])
    positive = own > 0
    assert positive.sum() > n // 2
    assert np.allclose(own[positive], [one(i, i) for i in np.flatnonzero(positive)], atol=1e-4)
    shifted = np.array([model.sentence_evidence(i, 1, i + 3) for i in range(n - 3)])
    assert (shifted < 0).sum() > (n - 3) // 3
    assert all(one(i, i + 3) == 0.0 for i in np.flatnonzero(shifted < 0))  # the bead score floors it


def test_precomputed_tables_agree_with_direct_scores(golden_age):
    model, n = golden_age

    def reference(i0, a, b, j0):
        out = model.direct(i0, a, b, j0)
        for size in range(1, a):
            for offset in range(a - size + 1):
                out = np.maximum(out, model.direct(i0 + offset, size, b, j0))
        return out

    j0 = np.arange(0, n - 5)
    for a, b in [(1, 1), (1, 3), (1, 5), (2, 1), (2, 3), (3, 2), (4, 1)]:
        assert (a, b) in model.tables
        for i0 in range(0, n - a, 5):
            assert np.allclose(model.score(i0, a, b, j0), reference(i0, a, b, j0), atol=1e-4)
    # the confidence's calls: arrays of beads of one shape
    i0 = np.array([0, 5, 9])
    assert np.allclose(model.score(i0, 1, 2, np.array([1, 4, 10])),
                       [model.score(int(i), 1, 2, np.array([j]))[0] for i, j in zip(i0, [1, 4, 10])], atol=1e-4)


def test_a_span_has_a_gloss_when_any_of_its_sentences_has_it(golden_age):
    """What the tables are built from, against the plain reading of the sentence × stem booleans."""
    model, n = golden_age
    zh = model.f.zh
    rng = np.random.default_rng(2)
    for a in (1, 2, 3, 4):
        spans = rng.integers(0, n - a + 1, 3000)
        words = rng.integers(0, zh.shape[1], 3000)
        words[::3] = model.f.tokens[rng.integers(0, len(model.f.tokens), 1000)]  # stems the English has
        expected = np.array([zh[s : s + a, w].any() for s, w in zip(spans, words)])
        assert expected.any() and not expected.all()
        assert np.array_equal(model._has(spans, a, words), expected)


def test_the_parsed_dictionary_is_cached_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNER_CACHE_DIR", str(tmp_path))
    cedict.cache_clear()
    try:
        parsed = cedict()
        copies = list((tmp_path / "lexicon").glob("cedict-*.marshal"))
        assert len(copies) == 1
        cedict.cache_clear()
        assert cedict() == parsed  # read back from the copy
        assert "mountain" in parsed["山"] and "山上" not in parsed  # lower-case readings only
    finally:
        cedict.cache_clear()


def test_building_the_tables_of_a_long_document_needs_little_more_memory_than_they_keep():
    """The tables were built from every row's window tokens at once: 7 times what they keep, 0.7 GB
    on a 5,900-sentence novel and 2 GB at 20,000. Now a block of rows at a time."""
    import tracemalloc

    from aligner.align.band import band_from_anchors

    zh = (MAC / "zh" / "001.txt").read_text(encoding="utf-8").splitlines() * 8
    en = (MAC / "en" / "001.txt").read_text(encoding="utf-8").splitlines() * 8
    features = lexicon_features(zh, en, "zh", "en")
    n, m = len(zh), len(en)
    band = band_from_anchors(np.zeros(0, np.int64), np.zeros(0, np.int64), n, m, 8, 256)  # 256 wide: a loose translation
    pairs = np.arange(0, n, 3)
    tracemalloc.start()
    try:
        model = LexiconModel.estimate(features, pairs, pairs * m // n, bead_types(), band)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    kept = sum(table.nbytes for table in model.tables.values())
    assert peak < 4 * kept, f"{peak >> 20} MB to build {kept >> 20} MB of tables"


def test_the_dictionary_features_do_not_depend_on_pythons_hash_seed():
    """A word's glosses are a set: taken in hash order, the chance a span renders a word differed in its last
    bits from one run to the next, and a tie in the search could go either way. The same text, the same tables."""
    import subprocess
    import sys

    script = ("import hashlib; from pathlib import Path; from aligner.align.lexicon import lexicon_features; "
              "from aligner.align.untranslated import EdgeCoverage; "
              f"mac = Path({str(MAC)!r}); "
              "f = lexicon_features((mac / 'zh' / '005.txt').read_text().splitlines(), "
              "(mac / 'en' / '005.txt').read_text().splitlines(), 'zh', 'en'); "
              "print(hashlib.md5(EdgeCoverage(f, 0.3).chance.tobytes() + f.stems.tobytes()).hexdigest())")
    root = Path(__file__).resolve().parents[1]
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=root,
                           env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(root)}).stdout
            for seed in (1, 2, 3, 4)}
    assert len(runs) == 1, runs


def _rectangular_tables(model: LexiconModel, max_a: int) -> dict[tuple[int, int], np.ndarray]:
    """The tables as first built: every row as wide as the widest window, all rows at once."""
    f, n = model.f, len(model.f.zh)
    width = int((model.last - model.first).max())
    shift = np.diff(model.first)
    tables = {}
    for a in range(1, max_a + 1):
        sizes = sorted(b for a_, b in model.tables if a_ == a)
        count = n - a + 1
        cum = np.zeros((count, width + 1))
        for r in range(count):
            tok = np.arange(f.offsets[model.first[r]], f.offsets[model.last[r]])
            sums = np.bincount(model.sentence_of[tok] - model.first[r], weights=model._values(a, np.full(len(tok), r), tok),
                               minlength=width)
            cum[r, 1:] = np.cumsum(np.maximum(sums, 0.0))
        for b in sizes:
            table = (cum[:, b:] - cum[:, :-b]).astype(np.float32)
            if a > 1:
                part = tables[(a - 1, b)]
                table = np.maximum(table, part[:count])
                cols = np.arange(table.shape[1])[None, :] - shift[:count, None]
                later = np.take_along_axis(part[1 : count + 1], np.clip(cols, 0, None), axis=1)
                table = np.maximum(table, np.where(cols >= 0, later, 0.0))
            tables[(a, b)] = table
    return tables


@pytest.mark.parametrize("margin, width", [(8, 256), (2, 12)])
def test_tables_kept_at_each_rows_width_hold_the_rectangles_values(margin, width, monkeypatch):
    """Every row of every table at its own width (half the memory of rectangles as wide as the widest
    row on a novel) and built in blocks of 16 rows: the same float32 values, bit for bit, as the
    rectangles built row by row, over a wide and a narrow band with anchors (rows of many widths)."""
    import aligner.align.lexicon as lexicon
    from aligner.align.band import band_from_anchors

    monkeypatch.setattr(lexicon, "WINDOW_BLOCK", 16)
    zh = (MAC / "zh" / "002.txt").read_text(encoding="utf-8").splitlines() * 2
    en = (MAC / "en" / "002.txt").read_text(encoding="utf-8").splitlines() * 2
    n, m = len(zh), len(en)
    anchors = np.arange(0, n, 9)
    band = band_from_anchors(anchors, anchors * m // n, n, m, margin, width)
    model = LexiconModel.estimate(lexicon_features(zh, en, "zh", "en"), anchors, anchors * m // n, bead_types(), band)
    widths = model.last - model.first
    assert len(set(widths.tolist())) >= 5
    reference = _rectangular_tables(model, max(a for a, _ in model.tables))
    assert set(reference) == set(model.tables) and len(reference) >= 10
    for shape, rect in reference.items():
        table = model.tables[shape]
        assert table.values.dtype == rect.dtype == np.float32
        for i in range(len(rect)):
            assert np.array_equal(table[i, :], rect[i, : max(widths[i] + 1 - shape[1], 0)]), (shape, i)
        kept = sum(max(w + 1 - shape[1], 0) for w in widths[: len(rect)])
        assert len(table.values) == kept < rect.size
