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


def test_the_pairs_to_look_at_are_the_pairs_next_problem_walks_merged_split_ones_too():
    """The strip marked the pairs whose status is not ok, and Next problem walked the merged/split pairs too: one
    rule now, `pairs_to_look_at`, which both follow."""
    from aligner.export.status import status
    from aligner.pair_filter import ToLookAt, pairs_to_look_at

    a = sample_alignment()
    look = pairs_to_look_at(a)
    assert look.marked == tuple(select(a, problems_only=True)) == look.left
    assert status(a.beads[0]) == "ok" and 0 in look.marked  # a 1–2 pair, no flag: to look at for its shape
    walked, here = [], -1
    while (here := next_problem(a, here)) not in walked:
        walked.append(here)
    assert tuple(walked) == look.marked
    a.beads[3].reviewed = True
    assert pairs_to_look_at(a) == ToLookAt(look.marked, tuple(i for i in look.marked if i != 3))
    assert pairs_to_look_at(a, {"omitted", "added"}) == ToLookAt((3, 4), (4,))
    assert pairs_to_look_at(a, {"number"}) == ToLookAt((), ())
    assert pairs_to_look_at(a).next_after(0) == 4 == next_problem(a, 0)


def test_on_the_sample_texts_the_kinds_tally_what_is_left_of_the_pairs_to_look_at():
    from aligner import align_texts
    from aligner.pair_filter import PROBLEMS, KindCount, kind_tally, pairs_to_look_at
    from pathlib import Path

    texts = Path(__file__).resolve().parent.parent / "texts"
    a = align_texts(*((texts / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "ru")))
    kinds = [problems(b) for b in a.beads]
    look = pairs_to_look_at(a)
    assert look.marked == tuple(i for i, found in enumerate(kinds) if found) and len(look.marked) >= 5
    assert {"omitted", "added", "merged/split"} <= {k for found in kinds for k in found}
    for i in look.marked[::2]:
        a.beads[i].reviewed = True
    look = pairs_to_look_at(a)
    assert look.left == look.marked[1::2]
    tally = kind_tally(kinds, [b.reviewed for b in a.beads], PROBLEMS)
    assert list(tally)[:len(PROBLEMS)] == list(PROBLEMS) and tally["name"] == KindCount(0, 0)
    for kind, count in tally.items():
        of_kind = pairs_to_look_at(a, {kind})  # what the pill counts is what the strip marks with that kind chosen
        assert count == KindCount(len(of_kind.left), len(of_kind.marked)), kind


def test_the_rows_of_three_columns_to_look_at_are_those_with_a_flag():
    from aligner.pair_filter import ToLookAt, rows_to_look_at
    from aligner.threeway import align_three_texts

    result = align_three_texts("双方将于2030年前实现这一目标。\n\n两国元首在北京举行会谈。",
                               "Стороны достигнут этой цели к 2035 году.\n\nГлавы государств провели переговоры в Пекине.",
                               "The two sides will reach this goal by 2030.\n\nThe two heads of state held talks in Beijing.")
    assert rows_to_look_at(result) == ToLookAt((0,), (0,))  # the Russian changes 2030 to 2035
    assert rows_to_look_at(result, {"omitted"}) == ToLookAt((), ())
    result.rows[0].reviewed = True
    assert rows_to_look_at(result) == ToLookAt((0,), ()) and rows_to_look_at(result).next_after(-1) is None


def english_without(paragraph: int) -> str:
    """The sample's English with one paragraph left out: a passage of several Chinese sentences the Russian renders."""
    from pathlib import Path

    en = (Path(__file__).resolve().parent.parent / "texts" / "joint-statement.en.txt").read_text(encoding="utf-8")
    return "\n\n".join(p for i, p in enumerate(en.split("\n\n")) if i != paragraph)


def test_a_passage_one_translation_leaves_out_over_several_rows_is_one_problem_to_the_pills_and_the_summary():
    """The English leaves out a paragraph the Russian renders in three pairs: its omission is cut into three rows
    (its reason once, "… same passage, row 2 of 3" after), and the pills and the summary counted three omissions
    and three disagreements. They count the passage once, saying over how many rows; the strip still marks each row,
    and the passage is left until each of its rows is marked reviewed."""
    from pathlib import Path

    from aligner.pair_filter import KindCount, row_tally, rows_to_look_at
    from aligner.summary import row_counts
    from aligner.threeway import DISAGREE, align_three_texts

    texts = Path(__file__).resolve().parent.parent / "texts"
    zh, ru = ((texts / f"joint-statement.{lang}.txt").read_text(encoding="utf-8") for lang in ("zh", "ru"))
    result = align_three_texts(zh, ru, english_without(7))
    rows = result.rows

    def with_flag(kind: str, side: str | None = None) -> list[int]:
        return [r for r, row in enumerate(rows) if any(f.kind == kind and side in (None, f.side) for f in row.flags)]

    later = [r for r, row in enumerate(rows) if any(f.reason.startswith("… same passage") for f in row.flags)]
    first = later[0] - 1
    assert len(later) >= 2 and "(this row and the next" in " ".join(f.reason for f in rows[first].flags)
    passage = [first, *later]
    assert all(r in with_flag("omitted", "en") and r in with_flag(DISAGREE) for r in passage)
    omitted, disagree = with_flag("omitted"), with_flag(DISAGREE)
    tally = row_tally(result)
    assert tally["omitted"] == KindCount(len(omitted) - len(later), len(omitted) - len(later), len(omitted))
    assert tally[DISAGREE] == KindCount(len(disagree) - len(later), len(disagree) - len(later), len(disagree))
    assert tally["added"] == KindCount(len(with_flag("added")), len(with_flag("added")))  # one row each: no rows said
    assert rows_to_look_at(result).marked == tuple(r for r, row in enumerate(rows) if row.flags)  # each row marked

    counts = row_counts(result)
    assert counts.problems["en omitted"] == KindCount(len(with_flag("omitted", "en")) - len(later),
                                                       len(with_flag("omitted", "en")) - len(later),
                                                       len(with_flag("omitted", "en")))
    assert counts.problems[DISAGREE] == tally[DISAGREE] and counts.to_look_at == len(rows_to_look_at(result).marked)

    for done, r in enumerate(passage, 1):  # the passage is left until its last row is ticked off
        rows[r].reviewed = True
        assert row_tally(result)["omitted"].left == tally["omitted"].left - (done == len(passage))
    assert len(rows_to_look_at(result).left) == len(rows_to_look_at(result).marked) - len(passage)
