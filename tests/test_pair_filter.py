"""Filtering to problems, searching either side, jumping to the next problem."""
from __future__ import annotations

import pytest

from aligner.pair_filter import haystacks, next_problem, problems, search, select
from sample_pairs import sample_alignment


def test_problem_categories_of_each_pair():
    a = sample_alignment()
    assert [problems(b) for b in a.beads] == [
        ["merged/split"], [], [], ["omitted"], ["added"], [], ["weak"],
    ]


def test_problems_only_and_by_category():
    a = sample_alignment()
    assert select(a, problems_only=True) == [0, 3, 4, 6]
    assert select(a, problems_only=True, categories={"omitted", "added"}) == [3, 4]
    assert select(a) == list(range(len(a.beads)))


def test_search_finds_either_side_case_insensitively():
    a = sample_alignment()
    texts = haystacks(a)
    assert search(texts, "北京") == [1]
    assert search(texts, "пекине") == [1]
    assert search(texts, "брикс") == [4]
    assert search(texts, "nothing like this") == []
    assert search(texts, "兩國元首在北京") == [1]  # Traditional query, Simplified text
    assert search(texts, "２０２２") == [0]  # full-width digits
    assert select(a, query="2022", problems_only=True, texts=texts) == [0]


def test_next_problem_wraps_round():
    a = sample_alignment()
    assert next_problem(a, 0) == 3
    assert next_problem(a, 4) == 6
    assert next_problem(a, 6) == 0
    assert next_problem(a, -1, categories={"added"}) == 4


def test_reviewed_pairs_can_be_hidden_and_next_problem_skips_them():
    a = sample_alignment()
    a.beads[3].reviewed = True
    assert select(a, problems_only=True, hide_reviewed=True) == [0, 4, 6]
    assert next_problem(a, 0) == 4
    for b in a.beads:
        b.reviewed = True
    assert next_problem(a, 0) is None


def test_each_flag_kind_is_its_own_category():
    from aligner.types import Flag

    a = sample_alignment()
    a.beads[1].flags.append(Flag("number", "24 ≠ 25"))
    a.beads[2].flags += [Flag("partial", "the Russian is 40% of the length"), Flag("name", "NATO only in the Russian")]
    assert problems(a.beads[1]) == ["number"]
    assert problems(a.beads[2]) == ["name", "partial"]
    assert select(a, problems_only=True, categories={"number", "name"}) == [1, 2]
    assert select(a, problems_only=True, categories={"partial"}) == [2]
    assert next_problem(a, 2, categories={"number"}) == 1  # wraps round to the only number flag


def test_kept_pairs_keep_the_statuses_and_scores_asked_for():
    from aligner.export.status import status
    from aligner.pair_filter import kept_pairs

    a = sample_alignment()
    statuses = [status(b) for b in a.beads]
    only_ok = kept_pairs(a, {"ok"})
    assert [status(b) for b in only_ok.beads] == ["ok"] * statuses.count("ok") and statuses.count("ok") >= 3
    assert only_ok.source is a.source and only_ok.target is a.target  # the documents stay whole
    assert len(a.beads) == 7  # the original is not changed
    scores = sorted(b.score for b in a.beads)
    cut = scores[3]
    assert [b.score for b in kept_pairs(a, min_score=cut).beads] == [b.score for b in a.beads if b.score >= cut]
    assert kept_pairs(a).beads == a.beads
    with pytest.raises(ValueError, match="'good' is not a pair status"):
        kept_pairs(a, {"ok", "good"})


def test_kept_rows_of_a_three_way_result():
    from aligner.pair_filter import kept_rows
    from aligner.threeway import align_three_texts
    from aligner.export.threeway import row_status

    result = align_three_texts("双方将于2030年前实现这一目标。\n\n两国元首在北京举行会谈。",
                               "Стороны достигнут этой цели к 2035 году.\n\nГлавы государств провели переговоры в Пекине.",
                               "The two sides will reach this goal by 2030.\n\nThe two heads of state held talks in Beijing.")
    statuses = [row_status(f.kind for f in row.flags) for row in result.rows]
    assert statuses == ["flagged", "ok"]  # the Russian changes 2030 to 2035
    assert kept_rows(result, {"ok"}).rows == [result.rows[1]]
    assert kept_rows(result, {"flagged", "ok"}, min_score=1.01).rows == []
    assert kept_rows(result).rows == result.rows
