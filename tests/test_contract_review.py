"""A contract and two translations of it end to end (tests/data/contract): article headings, numbered clauses
and items pair one to one with no flag, and faults planted in the translations are each flagged."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from aligner.review import NAME, NUMBER
from aligner.types import ADDED, OMITTED, Alignment

DATA = Path(__file__).resolve().parent / "data" / "contract"
ZH = (DATA / "services.zh.txt").read_text(encoding="utf-8")
FLAGS = (NUMBER, NAME, OMITTED, ADDED)

# (what the faithful translation says, what the damaged one says instead)
DAMAGE = {
    "en": [("(2) 60% of the total contract price within fifteen working days after the system passes acceptance;\n", ""),
           ("(3) the remaining", "(2) the remaining"),
           ("(1) 30%", "(1) 35%")],
    "ru": [("1 200 000,00 (один миллион двести тысяч)", "1 300 000,00 (один миллион триста тысяч)"),
           ("не более 5%", "не более 10%"),
           ("информационные системы»\n", "информационные системы»\nСторона В: ООО «Уральские сети»\n")],
}
# (a few words of the flagged pair's Chinese, or "" for an added sentence; kind; reason)
PLANTED = {
    "en": [("（二）系统验收合格后", OMITTED, "no counterpart in the English for 1 sentence"),
           ("（三）剩余10%", NUMBER, "三 ≠ 2"),
           ("（一）合同签订后", NUMBER, "30% ≠ 35%")],
    "ru": [("壹佰贰拾万元整", NUMBER, "壹佰贰拾万 ≠ 1 300 000,00; 1,200,000.00 ≠ один миллион триста тысяч"),
           ("不超过合同总金额的5%", NUMBER, "5% ≠ 10%"),
           ("", ADDED, "no counterpart in the Chinese for 1 sentence")],
}


def _translation(lang: str) -> str:
    return (DATA / f"services.{lang}.txt").read_text(encoding="utf-8")


def _damaged(lang: str) -> str:
    text = _translation(lang)
    for faithful, damaged in DAMAGE[lang]:
        assert faithful in text
        text = text.replace(faithful, damaged)
    return text


@cache
def aligned(lang: str, damaged: bool) -> Alignment:
    from aligner import align_texts

    return align_texts(ZH, _damaged(lang) if damaged else _translation(lang))


def _found(a: Alignment) -> list[tuple[str, str, str]]:
    return [(a.source.span_text(b.src), f.kind, f.reason) for b in a.beads for f in b.flags if f.kind in FLAGS]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_faithful_contract_pairs_heading_by_heading_and_item_by_item_with_no_flag(lang):
    a = aligned(lang, damaged=False)
    assert len(a.source.sentences) == len(a.target.sentences) == 22
    assert [(b.src, b.tgt) for b in a.beads] == [((i,), (i,)) for i in range(22)]
    assert _found(a) == []
    heads = {"ru": ("Статья 1. Предмет договора", "1) 30%"), "en": ("Article 1 Subject Matter", "(1) 30%")}[lang]
    pairs = {a.source.span_text(b.src): a.target.span_text(b.tgt) for b in a.beads}
    assert pairs["第一条 合同标的"].startswith(heads[0])
    assert pairs["（一）合同签订后十个工作日内，支付合同总金额的30%；"].startswith(heads[1])


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_planted_faults_are_flagged_and_nothing_else(lang):
    """Before items were compared by their numbers, the English item renumbered after the one left out, （三） as
    "(2)", went unflagged."""
    a = aligned(lang, damaged=True)
    found = _found(a)
    assert len(found) == len(PLANTED[lang]), found
    for words, kind, reason in PLANTED[lang]:
        assert any(words in text and (kind, reason) == (k, r) for text, k, r in found), (words, found)
