"""The library's front door, as a developer meets it in a notebook: `import aligner`, align, read, catch."""
from __future__ import annotations

from pathlib import Path

import pytest

import aligner
from aligner.errors import AlignerError, LanguageError

TEXTS = Path(__file__).resolve().parents[1] / "texts"


@pytest.fixture(scope="module")
def sample() -> aligner.Alignment:
    zh = (TEXTS / "joint-statement.zh.txt").read_text(encoding="utf-8")
    ru = (TEXTS / "joint-statement.ru.txt").read_text(encoding="utf-8")
    return aligner.align_texts(zh, ru, source_name="zh.txt", target_name="ru.txt")


def test_an_alignment_shows_itself_in_a_line_not_its_whole_text(sample):
    """A notebook echoes the result: a page of text per document (a book: megabytes) buries the output."""
    shown = repr(sample)
    assert len(shown) < 300 and "\n" not in shown
    assert f"{len(sample.beads)} pairs" in shown and "zh.txt" in shown and "ru.txt" in shown
    flagged = sum(1 for b in sample.beads if b.flags)
    assert f"{flagged} flagged" in shown
    source = repr(sample.source)
    assert len(source) < 200 and f"{len(sample.source)} sentences" in source and "'zh'" in source
    assert sample.source.text[40:60] not in source


def test_a_pair_gives_both_its_texts(sample):
    omitted = next(b for b in sample.beads if not b.tgt)
    both = next(b for b in sample.beads if len(b.src) == 1 and len(b.tgt) == 2)
    assert sample.texts(omitted) == (sample.source.span_text(omitted.src), "")
    zh, ru = sample.texts(both)
    assert zh == sample.source.sentences[both.src[0]].text
    assert ru.startswith(sample.target.sentences[both.tgt[0]].text)
    assert ru.endswith(sample.target.sentences[both.tgt[1]].text)


def test_a_three_way_result_shows_itself_in_a_line():
    from aligner.threeway import align_three_texts

    texts = [(TEXTS / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "ru", "en")]
    result = align_three_texts(*texts)
    shown = repr(result)
    assert len(shown) < 300 and "\n" not in shown
    assert f"{len(result.rows)} rows" in shown and "ru" in shown and "en" in shown
