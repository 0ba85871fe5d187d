"""A Chinese–Russian reviewer's documents end to end (tests/data/zh-ru: news, contract, report, briefing): every
fault planted in the Russian gets its flag, and no faithful pair gets a number or name flag."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from aligner.review import NAME, NUMBER
from aligner.types import ADDED, OMITTED, Alignment

DATA = Path(__file__).resolve().parent / "data" / "zh-ru"

# (document, a few words of the flagged pair's Chinese, or of its Russian for an added sentence, kind, reason)
PLANTED = [
    ("news", "中国汽车对俄出口量", None, None),  # 增长了1.3倍 as «в 2,3 раза»: faithful
    ("news", "При этом доля машиностроительной", ADDED, "no counterpart in the Chinese for 1 sentence"),
    ("news", "比上年多二十三列", NUMBER, "二十三 ≠ двадцать пять"),
    ("news", "俄罗斯对华原油出口量", OMITTED, "no counterpart in the Russian for 1 sentence"),
    ("news", "第八届中俄博览会", NUMBER, "3 ≠ апреля"),
    ("contract", "十个工作日内", NUMBER, "十 ≠ пятнадцати"),
    ("contract", "第一批不少于600立方米", NUMBER, "600 ≠ 500"),
    ("contract", "违约金总额不超过", OMITTED, "no counterpart in the Russian for 1 sentence"),
    ("contract", "仲裁地点为北京", NAME, "Beijing (北京) only in the Chinese"),
    ("contract", "Все изменения и дополнения", ADDED, "no counterpart in the Chinese for 1 sentence"),
    ("contract", "甲方代表：刘建国", NAME, "刘建国 ≠ Лю Цзяньхуа"),
    ("report", "净利润为7.2亿元", NUMBER, "7.2亿 ≠ 72 млн"),
    ("report", "毛利率为31.4%", NUMBER, "1.2 ≠ 2,1 процентного"),
    ("report", "现金流量净额", OMITTED, "no counterpart in the Russian for 1 sentence"),
    ("report", "达到三成", NUMBER, "三成 ≠ трети"),
    ("report", "Кроме того, компания намерена", ADDED, "no counterpart in the Chinese for 1 sentence"),
    ("press", "上海合作组织外长理事会", NAME, "Moscow (莫斯科) only in the Chinese"),
    ("press", "中方一贯主张", OMITTED, "no counterpart in the Russian for 1 sentence"),
    ("press", "两国人员往来约为25万人次", NAME, "赵立坚 (Чжао Лицзянь) ≠ Чжан Лицзянь"),
    ("press", "共有46个代表团参加", NUMBER, "46 ≠ шестьдесят четыре"),
    ("press", "Следующий брифинг состоится", ADDED, "no counterpart in the Chinese for 1 sentence"),
]
DOCUMENTS = ("news", "contract", "report", "press")


@cache
def aligned(name: str) -> Alignment:
    from aligner import align_files

    return align_files(DATA / f"{name}.zh.txt", DATA / f"{name}.ru.txt")


def _flags(a: Alignment) -> list[tuple[str, str, str]]:
    """(the pair's Chinese and Russian, kind, reason) of every flag but low confidence and a clause likely missing."""
    return [(a.source.span_text(b.src) + " | " + a.target.span_text(b.tgt), f.kind, f.reason)
            for b in a.beads for f in b.flags if f.kind in (NUMBER, NAME, OMITTED, ADDED)]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_planted_fault_is_flagged_and_nothing_else(name):
    found = _flags(aligned(name))
    expected = [(words, kind, reason) for doc, words, kind, reason in PLANTED if doc == name and kind]
    for words, kind, reason in expected:
        assert any(words in pair and (kind, reason) == (k, r) for pair, k, r in found), (words, kind, reason, found)
    unexpected = [(pair, k, r) for pair, k, r in found
                  if not any(words in pair and (kind, reason) == (k, r) for words, kind, reason in expected)]
    assert unexpected == []


def test_a_cp1251_translation_reads_and_aligns_as_its_utf_8_copy(tmp_path):
    russian = tmp_path / "news.ru.txt"
    russian.write_bytes((DATA / "news.ru.txt").read_text(encoding="utf-8").encode("cp1251"))
    from aligner import align_files

    a = align_files(DATA / "news.zh.txt", russian)
    assert _flags(a) == _flags(aligned("news"))
