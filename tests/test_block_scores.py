"""The search's fast paths give what the straightforward ones give: the banded DP scoring blocks of
rows against a cell-by-cell DP, and the scorer's block scores bit for bit against its per-row calls."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aligner.align.band import Band, full_band, make_band
from aligner.align import dp
from aligner.align.dp import banded_dp, bead_types

ROOT = Path(__file__).resolve().parents[1]
MAC = Path("/work/shared/benchmarks/mac-zh-en/dev")


class TableScore:
    """Random bead scores from tables (a plain function: no `many`, one call per row and shape). A
    sentence left unmatched costs the same wherever the other side stands, as in BeadScorer."""

    def __init__(self, n: int, m: int, types, rng):
        self.table = {t: rng.normal(0, 3, (n + 1, m + 1)) for t in types}
        self.table[(1, 0)][:] = self.table[(1, 0)][:, :1]
        self.table[(0, 1)][:] = self.table[(0, 1)][:1, :]

    def __call__(self, i0, a, b, j0):
        return self.table[(a, b)][i0, j0]


def reference_dp(n: int, m: int, band: Band, score: TableScore, types, bonus: float, breaks=None):
    """Cell by cell: the best of every bead shape, every run of 1–0 beads down the column and every
    run of 0–1 beads along the row, with the score of the best path to each cell; with `breaks`
    (paragraph starts of each side and a cost), a run pays the cost per paragraph starting after its first sentence."""
    src_starts, tgt_starts, cost = breaks if breaks is not None else (np.zeros(n + 1), np.zeros(m + 1), 0.0)
    best, back = {(0, 0): 0.0}, {}
    src_null = np.concatenate([[0.0], np.cumsum(score.table[(1, 0)][:n, 0])])
    tgt_null = np.concatenate([[0.0], np.cumsum(score.table[(0, 1)][0, :m])])
    for r in range(n + 1):
        for c in range(band.lo[r], band.hi[r] + 1):
            if (r, c) == (0, 0):
                continue
            options = []
            for a, b in types:
                if a and b and r >= a and band.lo[r - a] <= c - b <= band.hi[r - a] and (r - a, c - b) in best:
                    options.append((best[r - a, c - b] + score(r - a, a, b, c - b), [(r - a, a, c - b, b)], (r - a, c - b)))
            for k in range(r):  # source sentences k..r-1 unmatched
                if (k, c) in best:
                    nulls = src_null[r] - src_null[k] - cost * src_starts[k + 1 : r].sum()
                    options.append((best[k, c] + nulls + bonus * (r - k - 1), [(x, 1, c, 0) for x in range(k, r)], (k, c)))
            for k in range(band.lo[r], c):  # target sentences k..c-1 unmatched
                if (r, k) in best:
                    nulls = tgt_null[c] - tgt_null[k] - cost * tgt_starts[k + 1 : c].sum()
                    options.append((best[r, k] + nulls + bonus * (c - k - 1), [(r, 0, y, 1) for y in range(k, c)], (r, k)))
            if options:
                value, beads, previous = max(options, key=lambda option: option[0])
                best[r, c], back[r, c] = value, (beads, previous)
    path, cell = [], (n, m)
    while cell != (0, 0):
        beads, cell = back[cell]
        path[:0] = beads
    return best[n, m], path


def path_score(path, score: TableScore, bonus: float, breaks=None) -> float:
    total = sum(score(i0, a, b, j0) for i0, a, j0, b in path)
    runs = [(x, y) for x, y in zip(path, path[1:]) if (x[1], x[3]) == (y[1], y[3]) and 0 in (x[1], x[3])]
    total += bonus * len(runs)
    if breaks is not None:  # a run's later sentence that starts a paragraph
        src_starts, tgt_starts, cost = breaks
        total -= cost * sum(src_starts[y[0]] if y[1] else tgt_starts[y[2]] for _, y in runs)
    return total


@pytest.mark.parametrize("seed", range(6))
def test_the_banded_search_finds_the_cell_by_cell_best_path(seed, monkeypatch):
    """Several blocks of rows, a full band and a narrow one, with and without run bonus."""
    monkeypatch.setattr(dp, "ROW_BLOCK", 16)
    rng = np.random.default_rng(seed)
    n, m = 40 + int(rng.integers(0, 20)), 40 + int(rng.integers(0, 20))
    types = bead_types()
    score = TableScore(n, m, types, rng)
    centre = np.linspace(0, m, n + 1)
    band = full_band(n, m) if seed % 2 else make_band((centre - 6).astype(np.int64), (centre + 6).astype(np.int64), m)
    bonus = 0.0 if seed < 2 else 4.0
    path = banded_dp(n, m, band, score, types, run_bonus=bonus)
    value, reference = reference_dp(n, m, band, score, types, bonus)
    # (paths may differ only where a sentence left out on each side comes in either order: a tie)
    assert path_score(path, score, bonus) == pytest.approx(value) == path_score(reference, score, bonus)
    assert [i for i0, a, _, _ in path for i in range(i0, i0 + a)] == list(range(n))
    assert [j for _, _, j0, b in path for j in range(j0, j0 + b)] == list(range(m))


@pytest.mark.parametrize("seed", range(3))  # seeds whose best path the cost changes
def test_runs_pay_for_the_paragraphs_starting_inside_them_as_the_cell_by_cell_search_counts_them(seed, monkeypatch):
    """`run_breaks`: the banded search's running maxima charge a run of unmatched sentences for each paragraph
    that starts after its first sentence, exactly as trying every run cell by cell does."""
    monkeypatch.setattr(dp, "ROW_BLOCK", 16)
    rng = np.random.default_rng(100 + seed)
    n, m = 40 + int(rng.integers(0, 20)), 40 + int(rng.integers(0, 20))
    types = bead_types()
    score = TableScore(n, m, types, rng)
    for t in ((1, 0), (0, 1)):  # unmatched sentences cheap enough that long runs are on the best paths
        score.table[t] += 4.0
    breaks = (rng.random(n + 1) < 0.3, rng.random(m + 1) < 0.3, 3.0)
    band = full_band(n, m) if seed % 2 else make_band((np.linspace(0, m, n + 1) - 6).astype(np.int64),
                                                      (np.linspace(0, m, n + 1) + 6).astype(np.int64), m)
    path = banded_dp(n, m, band, score, types, run_bonus=4.0, run_breaks=breaks)
    value, reference = reference_dp(n, m, band, score, types, 4.0, breaks)
    assert path_score(path, score, 4.0, breaks) == pytest.approx(value) == path_score(reference, score, 4.0, breaks)
    assert path != banded_dp(n, m, band, score, types, run_bonus=4.0)  # the cost decides between paths here


@pytest.fixture(scope="module")
def searches():
    """Searches over real text, every term of the scorer present: the sample statement (paragraphs,
    the dictionary's terms) and a MAC chapter, each with its first-pass and re-fitted scorers."""
    from aligner.align.core import best_path, plan
    from aligner.align.scoring import encoder_prior
    from aligner.embed import get_encoder
    from aligner.pipeline import load_document

    encoder = get_encoder()
    out = []
    for zh, en in [((ROOT / "texts" / "joint-statement.zh.txt").read_text(encoding="utf-8"),
                    (ROOT / "texts" / "joint-statement.en.txt").read_text(encoding="utf-8")),
                   ((MAC / "zh" / "003.txt").read_text(encoding="utf-8"), (MAC / "en" / "003.txt").read_text(encoding="utf-8"))]:
        source, target = load_document(zh, "zh"), load_document(en, "en")
        n = len(source.sentences)
        emb = encoder.encode([s.norm for s in source.sentences] + [s.norm for s in target.sentences])
        search = plan(source, target, emb[:n], emb[n:], prior=encoder_prior(encoder.name))
        out.append(("first", search.scorer, search.gap_scorer))
        best_path(search)  # re-fits the models: the scorers of the second and third passes
        out.append(("refitted", search.scorer, search.gap_scorer))
    return out


def test_block_scores_are_the_per_row_scores_bit_for_bit(searches):
    """Every bead shape; runs of target starts along the band, where the dictionary's tables are
    read, and anywhere in the text, where they are not."""
    rng = np.random.default_rng(3)
    shapes = [(a, b) for a, b in bead_types() if a and b]
    inside = outside = 0
    for _, *scorers in searches:
        for scorer in scorers:
            n, m = len(scorer.src), len(scorer.tgt)
            assert scorer.lexicon is not None and scorer.untranslated is not None and scorer.names is not None
            for a, b in shapes:
                i0 = rng.integers(0, n - a + 1, 40)
                anywhere = rng.integers(0, m - b + 1, 40)
                along = scorer.lexicon.first[i0 + a - 1] + rng.integers(0, 8, 40)
                j_start = np.minimum(np.where(np.arange(40) % 2, anywhere, along), m - b)
                j_stop = np.minimum(j_start + rng.integers(1, 30, 40), m - b + 1)
                one_by_one = np.concatenate([scorer(int(i), a, b, np.arange(s, e)) for i, s, e in zip(i0, j_start, j_stop)])
                assert np.array_equal(scorer.many(a, b, i0, j_start, j_stop), one_by_one), (a, b)
                read = (j_start >= scorer.lexicon.first[i0 + a - 1]) & (j_stop - 1 + b <= scorer.lexicon.last[i0])
                inside, outside = inside + read.sum(), outside + (~read).sum()
    assert inside > 500 and outside > 500


def test_the_statement_uses_paragraphs(searches):
    """(So the test above compares the paragraph term too.)"""
    assert searches[0][1].use_paragraphs


@pytest.mark.parametrize("n, m", [(37, 53), (53, 37), (3, 70)])
def test_nearest_neighbours_in_blocks_are_those_of_the_whole_matrix(n, m, monkeypatch):
    """Blocks of 8 source rows, each target's k best kept across blocks, against the full matrix."""
    from aligner.align import anchors

    monkeypatch.setattr(anchors, "BLOCK_ROWS", 8)
    rng = np.random.default_rng(n)
    src = rng.normal(size=(n, 16)).astype(np.float32)
    tgt = rng.normal(size=(m, 16)).astype(np.float32)
    nb = anchors.neighbours(src, tgt, 4)
    full = src @ tgt.T
    k = min(4, n)
    assert np.array_equal(nb.src_idx, np.argsort(-full, axis=1)[:, :4])
    assert np.allclose(nb.src_base, np.sort(full, axis=1)[:, -4:].mean(axis=1), rtol=1e-6)
    assert np.allclose(nb.tgt_base, np.sort(full, axis=0)[-k:].mean(axis=0), rtol=1e-6)


def test_scattered_pairs_name_terms_are_each_pairs_own_bit_for_bit(searches):
    """The confidences score pairs from anywhere in the document at once: their name term is each
    pair's own, as a call for that pair alone gives it, and takes memory in the pairs, not in the pairs
    times the targets between the first and the last (1.5 GB and 8 s on the 20,566-sentence novel)."""
    import tracemalloc

    from aligner.align.block_scores import Pairs, _names, terms

    rng = np.random.default_rng(5)
    checked = 0
    for _, scorer, _ in searches:
        n, m = len(scorer.src), len(scorer.tgt)
        for a, b in [(1, 1), (1, 2), (2, 1), (2, 3)]:
            i0 = rng.integers(0, n - a + 1, 300)
            j0 = rng.integers(0, m - b + 1, 300)
            together = terms(scorer, a, b, Pairs.of_call(i0, j0))["names"]
            alone = [terms(scorer, a, b, Pairs.of_call(int(i), np.array([j])))["names"] for i, j in zip(i0, j0)]
            assert np.array_equal(together, np.concatenate(alone))
            checked += int(np.count_nonzero(together != together.min()))
        pairs = Pairs.of_call(np.repeat(rng.integers(0, n, 40), 50), np.tile(np.linspace(0, m - 1, 50).astype(np.int64), 40))
        tracemalloc.start()
        try:
            _names(scorer.names, 1, 1, pairs)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 1000 * max(m, 300), (peak, m)  # 2,000 pairs: not 2,000 × m floats
    assert checked > 20  # pairs sharing names, and not
