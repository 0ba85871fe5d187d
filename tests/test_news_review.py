"""A news report and two translations of it end to end (tests/data/news: a Xinhua-style dispatch with our
Russian and English): datelines, a speech tag after a quotation, figures as the press writes them, and the
planted omission and changed number flagged with nothing else."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from aligner.review import NAME, NUMBER
from aligner.types import ADDED, OMITTED, Alignment

DATA = Path(__file__).resolve().parent / "data" / "news"
ZH = DATA / "mishustin.zh.txt"
LANGS = ("ru", "en")
FLAGS = (NUMBER, NAME, OMITTED, ADDED)

# (a few words of the flagged pair's Chinese, kind, reason)
PLANTED = {
    "ru": [("同比增长26.3%", NUMBER, "26.3% ≠ 23,6%")],
    "en": [("米舒斯京表示", OMITTED, "no counterpart in the English for 1 sentence")],
}


@cache
def aligned(lang: str) -> Alignment:
    from aligner import align_files

    return align_files(ZH, DATA / f"mishustin.{lang}.txt")


@pytest.mark.parametrize("lang, dateline", [("ru", "ПЕКИН, 5 марта. /ТАСС/. Премьер Госсовета КНР Ли Цян"),
                                            ("en", "BEIJING, March 5 (Xinhua) -- Chinese Premier Li Qiang")])
def test_the_dateline_heads_the_lead_on_each_side_and_they_pair(lang, dateline):
    a = aligned(lang)
    assert a.source.sentences[0].text.startswith("新华社北京3月5日电（记者王晓）国务院总理李强5日")
    assert a.target.sentences[0].text.startswith(dateline)
    assert (a.beads[0].src, a.beads[0].tgt) == ((0,), (0,))


@pytest.mark.parametrize("lang", LANGS)
def test_the_speech_tag_after_a_quotation_is_paired_with_it(lang):
    a = aligned(lang)
    tag = next(s.index for s in a.source.sentences if s.text == "李强说。")
    bead = next(b for b in a.beads if tag in b.src)
    assert bead.src == (tag - 1, tag) and len(bead.tgt) == 1
    assert a.target.span_text(bead.tgt).endswith({"ru": "сказал Ли Цян.", "en": 'Li said.'}[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_the_planted_faults_are_flagged_and_nothing_else(lang):
    """The bare day 5日 as "on Tuesday", "Li said", a dateline's BEIJING / ПЕКИН in capitals, a rounded figure, a
    conversion in brackets, 近三十年 and 上千名 in digits raised flags before."""
    a = aligned(lang)
    found = [(a.source.span_text(b.src), f.kind, f.reason) for b in a.beads for f in b.flags if f.kind in FLAGS]
    assert len(found) == len(PLANTED[lang]), found
    for words, kind, reason in PLANTED[lang]:
        assert any(words in text and (kind, reason) == (k, r) for text, k, r in found), (words, found)
