"""Near-repeated passages: a paragraph written several times with one number or word changed in each copy.

Contract clauses, statutes and statements repeat a sentence with one date or sum changed. Built from
the sample joint statement: one paragraph written k times, copy q edited the same way in the Chinese
and its translation; the truth is the sample's own alignment, copied into each copy. Measured on
110 such texts (5 edits × 11 copy counts and dropped copies × ru/en): with every copy translated
each copy pairs with its own; where the translation drops a copy the anchors went one copy off
(see `anchors.anchor_chain`), which the first and last tests below lock out.
"""
from pathlib import Path

import numpy as np
import pytest

from aligner.align import align
from aligner.align.anchors import anchor_chain, neighbours
from aligner.pipeline import load_document

TEXTS = Path(__file__).parent.parent / "texts"
CHINESE_NUMERALS = "一二三四五六七八九十"


def _edit(kind: str, q: int) -> dict[str, tuple[str, str]]:
    """What copy q changes, as (old, new) in each language ('' old: a prefix, a clause number)."""
    if kind == "date":  # the preamble: the day of the visit
        return {"zh": ("2022年2月4日", f"2022年2月{4 + q}日"), "en": ("4 February 2022", f"{4 + q} February 2022"),
                "ru": ("4 февраля 2022", f"{4 + q} февраля 2022")}
    if kind == "sum":  # the climate paragraph: the yearly sum (1000亿 = 100 billion)
        x = 1000 + 100 * q
        return {"zh": ("1000亿美元", f"{x}亿美元"), "en": ("100 billion", f"{x // 10} billion"),
                "ru": ("100 млрд", f"{x // 10} млрд")}
    if kind == "year":  # the development paragraph: the agenda's year
        y = 2030 + 5 * q
        return {"zh": ("2030年", f"{y}年"), "en": ("2030 Agenda", f"{y} Agenda"), "ru": ("до 2030 года", f"до {y} года")}
    assert kind == "clause"  # the world paragraph as numbered clauses
    return {"zh": ("", f"第{CHINESE_NUMERALS[q]}条 "), "en": ("", f"Article {q + 1} "), "ru": ("", f"Статья {q + 1} ")}


PARAGRAPH = {"date": 1, "sum": 15, "year": 11, "clause": 3}  # the Chinese paragraph each edit is in


@pytest.fixture(scope="module")
def encoder():
    from aligner.embed import get_encoder

    return get_encoder()


@pytest.fixture(scope="module")
def samples(encoder):
    """Each language's sample texts, documents and alignment."""
    out = {}
    for lang in ("en", "ru"):
        zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8").strip()
        tgt = (TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8").strip()
        source, target = load_document(zh), load_document(tgt)
        out[lang] = zh, tgt, source, target, align(source, target, encoder)
    return out


def _with_near_copies(sample, lang: str, kind: str, k: int, drop: int | None = None):
    """The sample with paragraph PARAGRAPH[kind] written k times, copy q edited by `_edit(kind, q)`;
    the translation leaves out copy `drop`. Returns both texts, the true (i, j) pairs of the whole text
    and each sentence's copy (-1: outside the copies)."""
    zh, tgt, source, target, beads = sample
    inside = [b for b in beads if b.src and all(source.sentences[i].paragraph == PARAGRAPH[kind] for i in b.src)]
    src = [i for b in inside for i in b.src]
    tgt_ids = [j for b in inside for j in b.tgt]
    i0, ns = min(src), len(src)
    j0 = min(tgt_ids)
    nt = max(tgt_ids) + 1 - j0  # with a sentence the translation added inside the paragraph
    z0, z1 = source.sentences[i0].start, source.sentences[i0 + ns - 1].end
    t0, t1 = target.sentences[j0].start, target.sentences[j0 + nt - 1].end
    kept = [q for q in range(k) if q != drop]

    def copy(text: str, side: str, q: int) -> str:
        old, new = _edit(kind, q)[side]
        assert old in text
        return text.replace(old, new, 1) if old else new + text

    zh2 = zh[:z0] + "\n\n".join(copy(zh[z0:z1], "zh", q) for q in range(k)) + zh[z1:]
    tgt2 = tgt[:t0] + "\n\n".join(copy(tgt[t0:t1], lang, q) for q in kept) + tgt[t1:]
    truth = set()
    for b in beads:
        for i in b.src:
            for j in b.tgt:
                if i0 <= i < i0 + ns:
                    truth |= {(i + q * ns, j + p * nt) for p, q in enumerate(kept)}
                else:
                    truth.add((i if i < i0 else i + (k - 1) * ns, j if j < j0 else j + (len(kept) - 1) * nt))
    src_copy = np.full(len(source.sentences) + (k - 1) * ns, -1)
    tgt_copy = np.full(len(target.sentences) + (len(kept) - 1) * nt, -1)
    for q in range(k):
        src_copy[i0 + q * ns : i0 + (q + 1) * ns] = q
    for p, q in enumerate(kept):
        tgt_copy[j0 + p * nt : j0 + (p + 1) * nt] = q
    return zh2, tgt2, truth, src_copy, tgt_copy


def _pairs_in_copies(zh2: str, tgt2: str, src_copy: np.ndarray, encoder) -> tuple[set, int]:
    """The (i, j) pairs of the alignment whose Chinese lies in a copy, and the count of sentences per text."""
    source, target = load_document(zh2), load_document(tgt2)
    assert len(source.sentences) == len(src_copy)  # the edits keep the sentences as they were
    beads = align(source, target, encoder)
    return {(i, j) for b in beads for i in b.src for j in b.tgt if src_copy[i] >= 0}, len(target.sentences)


@pytest.mark.parametrize("lang,kind", [("en", "date"), ("ru", "date"), ("en", "clause"), ("ru", "year")])
def test_a_paragraph_written_ten_times_with_one_change_each_pairs_copy_with_copy(lang, kind, samples, encoder):
    # locks in what was measured before any change: with every copy translated, near-copies pair in order
    zh2, tgt2, truth, src_copy, tgt_copy = _with_near_copies(samples[lang], lang, kind, 10)
    got, m = _pairs_in_copies(zh2, tgt2, src_copy, encoder)
    assert m == len(tgt_copy)
    assert got == {(i, j) for i, j in truth if src_copy[i] >= 0}
    assert len({src_copy[i] for i, _ in got}) == 10


@pytest.mark.parametrize("k,drop", [(5, 4), (10, 6)])
def test_a_near_copy_the_translation_drops_leaves_the_other_copies_with_their_own(k, drop, samples, encoder):
    # the climate paragraph (6 Chinese sentences, one the English adds) with a different sum in each copy;
    # the English leaves one copy out. Before: 11 (k=5) and 24 (k=10) pairs joined a copy to another
    # copy's translation, the anchors one copy off and the band too narrow to reach the true pairs
    zh2, tgt2, truth, src_copy, tgt_copy = _with_near_copies(samples["en"], "en", "sum", k, drop)
    got, _ = _pairs_in_copies(zh2, tgt2, src_copy, encoder)
    assert all(src_copy[i] == tgt_copy[j] for i, j in got)
    assert got == {(i, j) for i, j in truth if src_copy[i] >= 0}
    assert drop not in {src_copy[i] for i, _ in got}  # the dropped copy's sentences pair with nothing


def _embedded(zh: str, tgt: str, encoder) -> tuple[np.ndarray, np.ndarray]:
    source, target = load_document(zh), load_document(tgt)
    emb = np.asarray(encoder.encode([s.norm for s in source.sentences] + [s.norm for s in target.sentences]), np.float32)
    return emb[: len(source.sentences)], emb[len(source.sentences):]


def test_no_anchor_joins_a_copy_to_another_copys_translation(samples, encoder):
    # the statement written 40 times, each copy with its own date, agenda year and sum, the English without
    # copy 17: the share-out named for copies 17-39 the copy before their own, and 729 of 1,807 anchors
    # joined a copy to another copy's translation (767 wrong pairs in the end); now none does
    zh, tgt, source, target, _ = samples["en"]
    n, m = len(source.sentences), len(target.sentences)

    def edited(text: str, side: str, q: int) -> str:
        for kind, edit_q in (("date", q % 20), ("year", q), ("sum", q)):
            text = text.replace(*_edit(kind, edit_q)[side], 1)
        return text

    kept = [q for q in range(40) if q != 17]
    src, tgt_emb = _embedded("\n\n".join(edited(zh, "zh", q) for q in range(40)),
                             "\n\n".join(edited(tgt, "en", q) for q in kept), encoder)
    assert len(src) == 40 * n and len(tgt_emb) == 39 * m
    nb = neighbours(src, tgt_emb, 4)
    anchor_i, anchor_j = anchor_chain(nb, len(tgt_emb))
    assert np.array_equal(anchor_i // n, np.array(kept)[anchor_j // m])
    assert len(set((anchor_i // n).tolist())) > 30  # the changed sentences still anchor nearly every copy
    assert nb.guessed.any()  # the unchanged sentences: 40 copies against 39
