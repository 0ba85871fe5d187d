"""Texts that hold the same passage more than once: a repeated preamble, a refrain, a chapter pasted twice.

On the sample joint statement: written several times in both languages, each copy must align as the
text alone does; a paragraph repeated in both texts pairs with its copy; a paragraph the Chinese
holds twice and the translation once is one omitted passage.
"""
from collections import Counter
from pathlib import Path

import pytest

from aligner.align import align
from aligner.pipeline import align_documents, load_document
from aligner.types import OMITTED

TEXTS = Path(__file__).parent.parent / "texts"


@pytest.fixture(scope="module")
def encoder():
    from aligner.embed import get_encoder

    return get_encoder()


def _sample(lang: str) -> tuple[str, str]:
    return ((TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8").strip(),
            (TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8").strip())


def _pairs(zh: str, tgt: str, encoder) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each bead as its sentences' texts: copies of a passage give equal pairs."""
    source, target = load_document(zh), load_document(tgt)
    return [(tuple(source.sentences[i].text for i in b.src), tuple(target.sentences[j].text for j in b.tgt))
            for b in align(source, target, encoder)]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_each_copy_of_a_text_written_five_times_aligns_as_the_text_alone(lang, encoder):
    # before: 114 pairs for 255 Chinese sentences, runs of 44 and 87 omitted against 42 and 49 added
    zh, tgt = _sample(lang)
    once = _pairs(zh, tgt, encoder)
    assert _pairs("\n\n".join([zh] * 5), "\n\n".join([tgt] * 5), encoder) == once * 5


@pytest.fixture(scope="module", params=["ru", "en"])
def passage(request, encoder):
    """The sample, its alignment, and one of its paragraphs (five Chinese sentences) with its translation."""
    zh, tgt = _sample(request.param)
    source, target = load_document(zh), load_document(tgt)
    beads = align(source, target, encoder)
    inside = [b for b in beads if b.src and all(source.sentences[i].paragraph == 3 for i in b.src)]
    src = sorted(i for b in inside for i in b.src)
    tgts = sorted(j for b in inside for j in b.tgt)
    assert len(src) == 5 and len(tgts) >= 5
    zh_part = zh[source.sentences[src[0]].start : source.sentences[src[-1]].end]
    tgt_part = tgt[target.sentences[tgts[0]].start : target.sentences[tgts[-1]].end]
    pairs = [(tuple(source.sentences[i].text for i in b.src), tuple(target.sentences[j].text for j in b.tgt))
             for b in inside]
    return zh, tgt, zh_part, tgt_part, pairs


def test_a_paragraph_repeated_in_both_texts_pairs_with_its_copy(passage, encoder):
    zh, tgt, zh_part, tgt_part, pairs = passage
    for zh2, tgt2 in [(zh + "\n\n" + zh_part, tgt + "\n\n" + tgt_part),  # boilerplate again at the end
                      (zh.replace(zh_part, zh_part + "\n\n" + zh_part, 1), tgt.replace(tgt_part, tgt_part + "\n\n" + tgt_part, 1))]:
        got = Counter(_pairs(zh2, tgt2, encoder))
        assert all(got[pair] == 2 for pair in pairs)


def test_a_paragraph_the_chinese_holds_twice_and_the_translation_once_is_one_omitted_passage(passage, encoder):
    zh, tgt, zh_part, _, pairs = passage
    for zh2 in [zh.replace(zh_part, zh_part + "\n\n" + zh_part, 1), zh + "\n\n" + zh_part]:
        got = Counter(_pairs(zh2, tgt, encoder))
        assert all(got[pair] == 1 for pair in pairs)  # one copy pairs as the text alone does
        result = align_documents(load_document(zh2), load_document(tgt), encoder)
        omitted = [b for b in result.beads if len(b.src) > 1 and any(f.kind == OMITTED for f in b.flags)]
        assert len(omitted) == 1 and not omitted[0].tgt  # the other copy: one passage without counterpart
        # the whole copy: the reading that takes the copy's last sentence from the first copy instead scores the
        # same by every sentence's evidence (the copies embed alike), but its run crosses a paragraph start
        assert result.texts(omitted[0])[0] == zh_part
