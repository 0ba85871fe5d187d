"""The anchor chain: the same chain as a plain row-by-row prefix maximum, in O(log m) per candidate."""
import time
from pathlib import Path

import numpy as np
import pytest

from aligner.align.anchors import Copies, Neighbours, anchor_chain, neighbours
from aligner.align.band import band_from_anchors

MAC_DEV = Path("/work/shared/benchmarks/mac-zh-en/dev")


def reference_chain(nb: Neighbours, m: int, min_margin: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """The chain as it was first written: after each row, the prefix maximum over every target column."""
    n, k = nb.src_idx.shape
    margin = nb.src_sim - 0.5 * (nb.src_base[:, None] + nb.tgt_base[nb.src_idx])
    best_val, best_pt = np.zeros(m + 1), np.full(m + 1, -1, np.int64)
    ends_val, ends_pt = np.zeros(m + 1), np.full(m + 1, -1, np.int64)
    pts_i, pts_j, prev = [], [], []
    positions = np.arange(m + 1)
    for i in range(n):
        keep = margin[i] > min_margin
        if not keep.any():
            continue
        js, ws = nb.src_idx[i][keep], margin[i][keep]
        vals = best_val[js] + ws
        ids = np.arange(len(pts_i), len(pts_i) + len(js))
        pts_i.extend([i] * len(js))
        pts_j.extend(js.tolist())
        prev.extend(best_pt[js].tolist())
        better = vals > ends_val[js + 1]
        ends_val[js[better] + 1] = vals[better]
        ends_pt[js[better] + 1] = ids[better]
        best_val = np.maximum.accumulate(ends_val)
        best_pt = ends_pt[np.maximum.accumulate(np.where(ends_val == best_val, positions, 0))]
    chain, p = [], int(best_pt[m])
    while p >= 0:
        chain.append(p)
        p = prev[p]
    chain.reverse()
    return np.array([pts_i[p] for p in chain], np.int64), np.array([pts_j[p] for p in chain], np.int64)


@pytest.fixture(scope="module")
def chapters():
    """Each MAC dev chapter's neighbours (real sentences, embeddings from the cache) and its target count."""
    from aligner.embed import get_encoder

    encoder = get_encoder()
    out = []
    for path in sorted((MAC_DEV / "zh").glob("*.txt")):
        zh = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        en = [line for line in (MAC_DEV / "en" / path.name).read_text(encoding="utf-8").splitlines() if line.strip()]
        emb = encoder.encode(zh + en)
        out.append((neighbours(emb[: len(zh)], emb[len(zh):]), len(en)))
    return out


def _assert_same(nb: Neighbours, m: int, min_margin: float = 0.0) -> int:
    fast, slow = anchor_chain(nb, m, min_margin), reference_chain(nb, m, min_margin)
    assert np.array_equal(fast[0], slow[0]) and np.array_equal(fast[1], slow[1])
    assert fast[0].dtype == fast[1].dtype == np.int64
    return len(fast[0])


def test_the_chain_on_real_chapters_is_the_reference_chain(chapters):
    assert min(_assert_same(nb, m) for nb, m in chapters) > 50
    assert sum(_assert_same(nb, m, 0.02) for nb, m in chapters) > 50
    # the six chapters one after another: a novel's chain, crossing from one chapter to the next
    m = sum(m for _, m in chapters)
    offsets = np.cumsum([0] + [m for _, m in chapters])
    joined = Neighbours(np.concatenate([nb.src_idx + off for (nb, _), off in zip(chapters, offsets)]),
                        *(np.concatenate([getattr(nb, name) for nb, _ in chapters]) for name in ("src_sim", "src_base", "tgt_base")))
    assert _assert_same(joined, m) > 800


def test_a_novels_repeated_lines_keep_their_anchors(chapters):
    # a line the English writes twice and the Chinese once ("He didn't seem to hear.") names its first copy
    # by share-out; only where both texts hold a sentence several times is the copy a guess kept out of the
    # chain (see test_near_repeats). Marking the novel's lines too cost MAC dev 0.004 strict F1
    assert not any(nb.guessed is not None and nb.guessed.any() for nb, _ in chapters)
    assert sum(nb.guessed is not None for nb, _ in chapters) >= 3  # chapters with repeated lines went through copies


@pytest.mark.parametrize("seed", range(40))
def test_the_chain_with_ties_and_crossings_is_the_reference_chain(seed):
    # margins on a coarse grid, so that many chains weigh exactly the same; candidates far off the diagonal
    rng = np.random.default_rng(seed)
    n, m, k = rng.integers(1, 80), rng.integers(1, 80), 4
    k = min(k, m)
    idx = np.array([rng.choice(m, k, replace=False) for _ in range(n)])
    sim = np.round(rng.uniform(-0.2, 1, size=(n, k)), 1).astype(np.float32)
    nb = Neighbours(idx, sim, np.zeros(n, np.float32), np.round(rng.uniform(0, 0.4, size=m), 1).astype(np.float32))
    _assert_same(nb, m)
    _assert_same(nb, m, 0.3)


def test_no_candidate_gives_an_empty_chain():
    nb = Neighbours(np.zeros((3, 1), np.int64), np.full((3, 1), -1.0, np.float32), np.zeros(3, np.float32), np.zeros(1, np.float32))
    assert [len(c) for c in anchor_chain(nb, 1)] == [0, 0]


def test_the_chain_of_a_long_novel_takes_no_time_per_target_column():
    # the prefix maximum over every target column once per source row took 2.6 s on a 20,566 × 27,440
    # novel, and grows as n × m; on 60,000 × 60,000 sentences near the diagonal the chain takes well under a second
    rng = np.random.default_rng(0)
    n = m = 60_000
    idx = np.clip(np.arange(n)[:, None] + rng.integers(-3, 4, size=(n, 4)), 0, m - 1)
    sim = rng.uniform(0.3, 0.9, size=(n, 4)).astype(np.float32)
    nb = Neighbours(idx, sim, np.full(n, 0.5, np.float32), np.full(m, 0.5, np.float32))
    start = time.process_time()
    chain_i, chain_j = anchor_chain(nb, m)
    assert time.process_time() - start < 1.5
    assert len(chain_i) > n // 2 and np.all(np.diff(chain_i) > 0) and np.all(np.diff(chain_j) > 0)


# A text repeated: the joint statement written k times in both languages, so every copy translates its copy.
TEXTS = Path(__file__).parent.parent / "texts"


def _sample(lang: str) -> tuple[str, str]:
    return ((TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8").strip() + "\n\n",
            (TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8").strip() + "\n\n")


@pytest.fixture(scope="module")
def encoder():
    from aligner.embed import get_encoder

    return get_encoder()


def _embedded(zh: str, tgt: str, encoder):
    from aligner.pipeline import load_document

    source, target = load_document(zh), load_document(tgt)
    emb = np.asarray(encoder.encode([s.norm for s in source.sentences] + [s.norm for s in target.sentences]), np.float32)
    return source, target, emb[: len(source.sentences)], emb[len(source.sentences):]


def test_copies_group_equal_rows_in_order():
    x = np.array([[1, 0], [0, 1], [1, 0], [0.6, 0.8], [1, 0], [0, 1]], np.float32)
    copies = Copies.of(x)
    assert copies.group.tolist() == [0, 1, 0, 2, 0, 1]
    assert copies.rank.tolist() == [0, 0, 1, 0, 2, 1]
    assert copies.first.tolist() == [0, 1, 3] and copies.size.tolist() == [3, 2, 1]
    assert [copies.members[s : s + c].tolist() for s, c in zip(copies.start, copies.size)] == [[0, 2, 4], [1, 5], [3]]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_neighbours_of_a_text_written_five_times_are_those_of_the_text_once(lang, encoder):
    # five copies used to fill each sentence's four nearest with copies of its partner: the neighbourhood
    # mean was the partner's similarity (margin 0, no anchor in the repeated text) and the copy named arbitrary
    zh, tgt = _sample(lang)
    _, _, src1, tgt1 = _embedded(zh, tgt, encoder)
    _, _, src5, tgt5 = _embedded(zh * 5, tgt * 5, encoder)
    n, m = len(src1), len(tgt1)
    once, five = neighbours(src1, tgt1, 4), neighbours(src5, tgt5, 4)
    copy = np.repeat(np.arange(5), n)[:, None]
    assert np.array_equal(five.src_idx, np.tile(once.src_idx, (5, 1)) + copy * m)  # the q-th copy names the q-th copy
    assert np.array_equal(five.src_sim, np.tile(once.src_sim, (5, 1)))
    assert np.array_equal(five.src_base, np.tile(once.src_base, 5))
    assert np.array_equal(five.tgt_base, np.tile(once.tgt_base, 5))


def test_the_anchors_of_a_text_written_forty_times_follow_the_diagonal(encoder):
    # 40 copies (0.3 MB of Chinese against 0.8 MB of Russian): the chain took 6 anchors at 5 copies, jumping
    # between copies, and the band left the diagonal; now each copy's anchors are those of the text alone
    zh, tgt = _sample("ru")
    _, _, src1, tgt1 = _embedded(zh, tgt, encoder)
    _, _, src40, tgt40 = _embedded(zh * 40, tgt * 40, encoder)
    n, m = len(src1), len(tgt1)
    once_i, once_j = anchor_chain(neighbours(src1, tgt1, 4), m)
    many_i, many_j = anchor_chain(neighbours(src40, tgt40, 4), 40 * m)
    copy = np.repeat(np.arange(40), len(once_i))
    assert np.array_equal(many_i, np.tile(once_i, 40) + copy * n)
    assert np.array_equal(many_j, np.tile(once_j, 40) + copy * m)
    band = band_from_anchors(many_i, many_j, 40 * n, 40 * m)
    assert band.max_width == band_from_anchors(once_i, once_j, n, m).max_width < 32
