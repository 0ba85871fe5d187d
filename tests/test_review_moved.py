"""A passage the translator moved: the omitted and the added flag each say where the other is."""
from __future__ import annotations

import pytest

from aligner.align import align
from aligner.evaluate import read_align
from aligner.review import review
from aligner.types import ADDED, OMITTED, Alignment
from test_align import MAC, MemoEncoder, presplit


@pytest.fixture(scope="module")
def encoder():
    return MemoEncoder()


def reviewed(zh: list[str], en: list[str], encoder) -> Alignment:
    a = Alignment(presplit(zh, "zh"), presplit(en, "en"), align(presplit(zh, "zh"), presplit(en, "en"), encoder))
    review(a, encoder)
    return a


def reasons(a: Alignment, kind: str) -> list[tuple[tuple[int, ...], str]]:
    return [(b.src or b.tgt, f.reason) for b in a.beads for f in b.flags if f.kind == kind]


def chapter() -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    zh = (MAC / "zh" / "004.txt").read_text(encoding="utf-8").splitlines()
    en = (MAC / "en" / "004.txt").read_text(encoding="utf-8").splitlines()
    return zh, en, [b for b in read_align(MAC / "gold" / "004.align") if b[0] and b[1]]


def test_a_paragraph_moved_further_on_is_named_by_both_flags(encoder):
    zh, en, gold = chapter()
    block = [j for b in gold[80:87] for j in b[1]]  # the English of seven pairs …
    to = min(gold[130][1])  # … moved before pair 130's
    first, last = block[0], block[-1] + 1
    moved = en[:first] + en[last:to] + en[first:last] + en[to:]
    a = reviewed(zh, moved, encoder)
    omitted, added = reasons(a, OMITTED), reasons(a, ADDED)
    hinted_zh = [(span, reason) for span, reason in omitted if "moved?" in reason]
    hinted_en = [(span, reason) for span, reason in added if "moved?" in reason]
    assert len(hinted_zh) == len(hinted_en) == 1, (omitted, added)
    (zh_span, zh_reason), (en_span, en_reason) = hinted_zh[0], hinted_en[0]
    assert set(zh_span) & {i for b in gold[80:87] for i in b[0]}
    at = to - (last - first)
    assert set(en_span) & set(range(at, at + last - first))
    assert "the English further on translates it: '" + a.target.sentences[en_span[0]].text[:20] in zh_reason
    assert "it translates the Chinese earlier: '" + a.source.sentences[zh_span[0]].text[:10] in en_reason


def test_a_passage_left_out_and_another_added_from_elsewhere_are_not_called_moved(encoder):
    """The Chinese of seven pairs without their English, and 12 sentences of another novel's English 60 pairs on:
    two flags, neither a move."""
    zh, en, gold = chapter()
    dropped = [j for b in gold[80:87] for j in b[1]]
    other = (MAC / "en" / "002.txt").read_text(encoding="utf-8").splitlines()[40:52]
    to = min(gold[150][1])
    damaged = en[:to] + other + en[to:]
    damaged = damaged[:dropped[0]] + damaged[dropped[-1] + 1:]
    a = reviewed(zh, damaged, encoder)
    assert reasons(a, OMITTED) and reasons(a, ADDED)
    assert not [r for _, r in reasons(a, OMITTED) + reasons(a, ADDED) if "moved?" in r]


def test_three_russian_sentences_moved_in_the_sample_statement_are_named(encoder):
    from pathlib import Path

    from aligner.pipeline import load_document

    texts = Path(__file__).resolve().parent.parent / "texts"
    zh = load_document((texts / "joint-statement.zh.txt").read_text(encoding="utf-8"), "zh")
    ru = [s.text for s in load_document((texts / "joint-statement.ru.txt").read_text(encoding="utf-8"), "ru").sentences]
    moved = ru[:10] + ru[13:35] + ru[10:13] + ru[35:]
    target = load_document("\n".join(moved), "ru", presplit=True)
    a = Alignment(zh, target, align(zh, target, encoder))
    review(a, encoder)
    hinted = [(b.src, b.tgt, f.reason) for b in a.beads for f in b.flags if "moved?" in f.reason]
    assert len(hinted) == 2, hinted
    (zh_span, _, zh_reason), (_, ru_span, ru_reason) = hinted
    assert "the Russian further on translates it: 'Стороны призывают" in zh_reason
    assert set(ru_span) == {32, 33, 34} and "it translates the Chinese earlier: '" in ru_reason
