"""Directions of figures (aligner/review/directions.py): a fall turned into a rise keeps every number,
so only the words of direction show it; sentences from a statistical communiqué and its translations."""
from __future__ import annotations

import pytest

from aligner.review.directions import DOWN, UP, direction, direction_clash
from aligner.review.number_flags import NUMBER, number_flags
from aligner.types import Alignment, Bead
from sample_pairs import document

POPULATION = "年末全国人口140967万人，比上年末减少208万人。"
PATENTS = "全年授予专利权364.9万件，比上年下降15.3%。"


@pytest.mark.parametrize("zh, tgt, lang, expected", [
    (POPULATION, "The population was 1,409.67 million at the end of the year, an increase of 2.08 million.", "en",
     "减少 ≠ increase"),
    (POPULATION, "The population was 1,409.67 million at the end of the year, a decrease of 2.08 million.", "en", None),
    (PATENTS, "A total of 3.649 million patents were granted, up by 15.3 percent.", "en", "下降 ≠ up"),
    (PATENTS, "A total of 3.649 million patents were granted, down 15.3 percent.", "en", None),
    (PATENTS, "За год выдано 3,649 млн патентов, рост на 15,3%.", "ru", "下降 ≠ рост"),
    (PATENTS, "За год выдано 3,649 млн патентов, что на 15,3% меньше, чем годом ранее: снижение.", "ru", None),
    # Russian says which way a figure moved by comparing it: "на 2,08 млн человек меньше", "на 380 тыс. больше"
    (POPULATION, "На конец года численность населения составила 1409,67 млн человек, что на 2,08 млн человек больше, "
                 "чем на конец предыдущего года.", "ru", "减少 ≠ больше"),
    (POPULATION, "На конец года численность населения составила 1409,67 млн человек, что на 2,08 млн человек меньше, "
                 "чем на конец предыдущего года.", "ru", None),
    ("全年城镇新增就业1244万人，比上年增加38万人。", "За год в городах создано 12,44 млн новых рабочих мест, на 380 тыс. "
     "меньше, чем годом ранее.", "ru", "增加 ≠ меньше"),
    ("比上年提升3.1个百分点。", "Что на 3,1 процентного пункта ниже, чем годом ранее.", "ru", "提升 ≠ ниже"),
    # a comparative that compares no figure says nothing of one
    (PATENTS, "За год выдано 3,649 млн патентов; больше внимания уделялось качеству.", "ru", None),
    ("一季度经济负增长6.8%。", "The economy contracted by 6.8% in the first quarter.", "en", None),
    ("一季度经济负增长6.8%。", "The economy grew by 6.8% in the first quarter.", "en", "负增长 ≠ grew"),
    # both ways on one side, or a word of direction that is no figure's: nothing certain
    ("企业降低成本3%，提高效率5%。", "Firms cut costs by 3% and raised efficiency by 5%.", "en", None),
    ("出口下降2%。", "China will step up opening-up; exports fell 2%.", "en", None),
])
def test_a_fall_rendered_as_a_rise(zh, tgt, lang, expected):
    clash = direction_clash(zh, tgt, lang)
    assert (clash[0] if clash else None) == expected


def test_directions_are_read_one_way_or_none():
    assert direction("比上年下降15.3%", "zh").way == DOWN
    assert direction("负增长", "zh").way == DOWN  # not 增长
    assert direction("up by 5.2 percent", "en").way == UP
    assert direction("China will set up a fund", "en") is None
    assert direction("降低成本、提高效率", "zh") is None


def test_the_number_flag_says_a_fall_became_a_rise_and_marks_both_words():
    a = Alignment(document([POPULATION, "他的声音降低了。"], "zh", ""),
                  document(["The population was 1,409.67 million, an increase of 2.08 million.",
                            "His voice rose."], "en", " "),
                  [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9)])
    number_flags(a)
    flags = [[f for f in b.flags if f.kind == NUMBER] for b in a.beads]
    assert [f.reason for f in flags[0]] == ["减少 ≠ increase"]
    assert sorted(a.source.text[m.start:m.end] if m.side == "src" else a.target.text[m.start:m.end]
                  for m in flags[0][0].marks) == ["increase", "减少"]
    assert flags[1] == []  # no figures: a voice that rose is no statistic
