"""Documents whose layout the reading and the pairing must get right, each with two translations of ours, end to
end: a contract's numbered articles, clauses and items (tests/data/contract), a press conference's speaker labels and
stage directions (tests/data/press), a manual's specification list of label lines (tests/data/manual) and a glossary
of one term a line (tests/data/glossary). The faithful translations pair one to one with no flag; faults planted
together in copies of them are each flagged, and nothing else is. (tests/test_formal_documents.py checks the flags
on formal prose, tests/data/formal, one slip at a time.)"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from aligner.review import NAME, NUMBER
from aligner.types import ADDED, OMITTED, Alignment

DATA = Path(__file__).resolve().parent / "data"
FLAGS = (NUMBER, NAME, OMITTED, ADDED)


@dataclass(frozen=True)
class Fixture:
    stem: str  # tests/data/<folder>/<name>, without .zh.txt
    sentences: int  # in each of the three texts, one to one
    # what each faithful translation says, and what its damaged copy says instead
    damage: dict[str, list[tuple[str, str]]]
    # what is flagged in each damaged copy: a few words of the pair's Chinese ("" for an added sentence), kind, reason
    planted: dict[str, list[tuple[str, str, str]]]


FIXTURES = {
    "contract": Fixture(
        "contract/services", 22,
        damage={
            "en": [("(2) 60% of the total contract price within fifteen working days after the system passes acceptance;\n",
                    ""),
                   ("(3) the remaining", "(2) the remaining"),
                   ("(1) 30%", "(1) 35%")],
            "ru": [("1 200 000,00 (один миллион двести тысяч)", "1 300 000,00 (один миллион триста тысяч)"),
                   ("не более 5%", "не более 10%"),
                   ("информационные системы»\n", "информационные системы»\nСторона В: ООО «Уральские сети»\n")],
        },
        planted={
            "en": [("（二）系统验收合格后", OMITTED, "no counterpart in the English for 1 sentence"),
                   ("（三）剩余10%", NUMBER, "三 ≠ 2"),  # the item renumbered after the one left out
                   ("（一）合同签订后", NUMBER, "30% ≠ 35%")],
            "ru": [("壹佰贰拾万元整", NUMBER, "壹佰贰拾万 ≠ 1 300 000,00; 1,200,000.00 ≠ один миллион триста тысяч"),
                   ("不超过合同总金额的5%", NUMBER, "5% ≠ 10%"),
                   ("", ADDED, "no counterpart in the Chinese for 1 sentence")],
        }),
    "press": Fixture(
        "press/briefing", 14,
        damage={
            "en": [(" What is China's comment?", ""), ("AFP:", "Reuters:")],
            "ru": [("с 15 по 17 марта", "с 15 по 18 марта"), ("посетит Японию", "посетит Южную Корею")],
        },
        planted={
            "en": [("中方对此有何评论？", OMITTED, "no counterpart in the English for 1 sentence"),
                   ("法新社记者", NAME, "AFP (法新社) only in the Chinese")],
            "ru": [("3月15日至17日", NUMBER, "17 ≠ 18"),
                   ("访问日本", NAME, "Japan (日本) only in the Chinese")],
        }),
    "manual": Fixture(
        "manual/purifier", 18,
        damage={
            "en": [("220V~50Hz", "230V~50Hz"), ("III. Operation", "IV. Operation")],
            "ru": [("Номинальная мощность: 45 Вт", "Номинальная мощность: 40 Вт"),
                   ("Внимание: при первом использовании сначала включите прибор на высокой скорости на 30 минут.\n", "")],
        },
        planted={
            "en": [("请使用220V～50Hz交流电源", NUMBER, "220 ≠ 230"),
                   ("三、使用方法", NUMBER, "三 ≠ IV")],
            "ru": [("额定功率：45W", NUMBER, "45 ≠ 40"),
                   ("注意：首次使用时", OMITTED, "no counterpart in the Russian for 1 sentence")],
        }),
}
CASES = [(name, lang) for name in FIXTURES for lang in ("ru", "en")]


def _text(fixture: Fixture, lang: str) -> str:
    return (DATA / f"{fixture.stem}.{lang}.txt").read_text(encoding="utf-8")


def _damaged(fixture: Fixture, lang: str) -> str:
    text = _text(fixture, lang)
    for faithful, damaged in fixture.damage[lang]:
        assert faithful in text
        text = text.replace(faithful, damaged)
    return text


@cache
def aligned(name: str, lang: str, damaged: bool) -> Alignment:
    from aligner import align_texts

    fixture = FIXTURES[name]
    return align_texts(_text(fixture, "zh"), _damaged(fixture, lang) if damaged else _text(fixture, lang))


def _found(a: Alignment) -> list[tuple[str, str, str]]:
    return [(a.source.span_text(b.src), f.kind, f.reason) for b in a.beads for f in b.flags if f.kind in FLAGS]


@pytest.mark.parametrize("name, lang", CASES)
def test_a_faithful_translation_pairs_one_to_one_with_no_flag(name, lang):
    a, n = aligned(name, lang, damaged=False), FIXTURES[name].sentences
    assert len(a.source.sentences) == len(a.target.sentences) == n
    assert [(b.src, b.tgt) for b in a.beads] == [((i,), (i,)) for i in range(n)]
    assert _found(a) == []


@pytest.mark.parametrize("lang, heading, item", [("ru", "Статья 1. Предмет договора", "1) 30%"),
                                                 ("en", "Article 1 Subject Matter", "(1) 30%")])
def test_a_contract_s_headings_and_items_keep_their_numbers_with_their_text(lang, heading, item):
    a = aligned("contract", lang, damaged=False)
    pairs = {a.source.span_text(b.src): a.target.span_text(b.tgt) for b in a.beads}
    assert pairs["第一条 合同标的"].startswith(heading)
    assert pairs["（一）合同签订后十个工作日内，支付合同总金额的30%；"].startswith(item)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_glossary_pairs_term_by_term(lang):
    """An English term list was "another Latin-script language" (few function words), and its lower-case lines ran
    on into one another as a sentence broken by a PDF would."""
    from aligner import align_files

    a = align_files(DATA / "glossary" / "terms.zh.txt", DATA / "glossary" / f"terms.{lang}.txt")
    assert a.target.lang == lang and len(a.source.sentences) == len(a.target.sentences) == 16
    assert [(b.src, b.tgt) for b in a.beads] == [((i,), (i,)) for i in range(16)]
    assert _found(a) == []


@pytest.mark.parametrize("lang, direction", [("ru", "(Смех в зале)"), ("en", "(Laughter)")])
def test_a_stage_direction_pairs_on_its_own_and_the_next_question_starts_anew(lang, direction):
    a = aligned("press", lang, damaged=False)
    pairs = {a.source.span_text(b.src): a.target.span_text(b.tgt) for b in a.beads}
    assert pairs["（笑声）"] == direction


@pytest.mark.parametrize("name, lang", CASES)
def test_the_planted_faults_are_flagged_and_nothing_else(name, lang):
    """Before items were compared by their numbers, the English item renumbered after the one left out, （三） as
    "(2)", went unflagged; and before agencies were known names, "Reuters:" for 法新社记者：."""
    a, planted = aligned(name, lang, damaged=True), FIXTURES[name].planted[lang]
    found = _found(a)
    assert len(found) == len(planted), found
    for words, kind, reason in planted:
        assert any(words in text and (kind, reason) == (k, r) for text, k, r in found), (words, found)
