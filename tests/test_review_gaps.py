"""Gap and weak flags on hand-built alignments of real sentences from the seed statement."""
from __future__ import annotations

from aligner.review import review
from aligner.types import ADDED, OMITTED, WEAK, Alignment, Bead
from sample_pairs import ZH, document

RU = [
    "По приглашению Председателя КНР Си Цзиньпина Президент Российской Федерации В. В. Путин 4 февраля 2022 года посетил Китай.",
    "Главы государств провели переговоры в Пекине и приняли участие в церемонии открытия XXIV зимних Олимпийских игр.",
    "Китайская Народная Республика и Российская Федерация, далее именуемые Сторонами, заявляют о нижеследующем.",
    "Стороны также отмечают растущую роль БРИКС.",
    "Народы всех стран вправе выбирать формы и методы осуществления демократии, подходящие их государствам.",
]



def alignment(beads: list[tuple[list[int], list[int], float]]) -> Alignment:
    return Alignment(
        source=document(ZH, "zh", ""),
        target=document(RU, "ru", " "),
        beads=[Bead(tuple(s), tuple(t), score) for s, t, score in beads],
    )


def kinds(bead: Bead) -> list[str]:
    """The gap and weak flags (the hand-made pairs here may also differ in names or numbers)."""
    return [f.kind for f in bead.flags if f.kind in (OMITTED, ADDED, WEAK)]


def assert_invariants(a: Alignment) -> None:
    src = [i for b in a.beads for i in b.src]
    tgt = [j for b in a.beads for j in b.tgt]
    assert src == list(range(len(a.source)))
    assert tgt == list(range(len(a.target)))


def test_consecutive_omitted_sentences_become_one_passage():
    # 国际社会对此绝不接受 and 一个国家是否民主 … are missing in the Russian, 3 ↔ nothing
    a = alignment([([0], [0], 0.9), ([1], [1], 0.85), ([2], [2], 0.8), ([3], [], 0.2),
                   ([], [3], 0.2), ([4], [4], 0.9), ([5], [], 0.3)])
    review(a)
    assert_invariants(a)
    shapes = [(b.src, b.tgt) for b in a.beads]
    assert shapes == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()), ((), (3,)),
                      ((4,), (4,)), ((5,), ())]
    assert kinds(a.beads[3]) == [OMITTED]
    assert kinds(a.beads[4]) == [ADDED]
    assert a.beads[3].flags[0].reason == "no counterpart in the Russian for 1 sentence"
    assert a.beads[4].flags[0].reason == "no counterpart in the Chinese for 1 sentence"


def test_adjacent_null_beads_merge_and_reason_counts_sentences():
    a = alignment([([0], [0], 0.9), ([1], [], 0.1), ([2], [], 0.15), ([3], [], 0.2),
                   ([4], [1, 2], 0.4), ([5], [3, 4], 0.7)])
    review(a)
    assert_invariants(a)
    assert [(b.src, b.tgt) for b in a.beads][1] == ((1, 2, 3), ())
    assert len(a.beads) == 4
    omitted = a.beads[1]
    assert omitted.flags[0].reason == "no counterpart in the Russian for 3 sentences"
    assert omitted.score == 0.1


def test_interleaved_nulls_of_both_sides_give_one_bead_per_side():
    a = alignment([([0], [0], 0.9), ([1], [], 0.2), ([], [1], 0.2), ([2], [], 0.2),
                   ([], [2], 0.2), ([3], [3], 0.8), ([4], [4], 0.8), ([5], [], 0.2)])
    review(a)
    assert_invariants(a)
    assert [(b.src, b.tgt) for b in a.beads][1:3] == [((1, 2), ()), ((), (1, 2))]
    assert [kinds(b) for b in a.beads] == [[], [OMITTED], [ADDED], [], [], [OMITTED]]


def test_weak_flags_only_low_scoring_pairs():
    a = alignment([([0], [0], 0.92), ([1], [1], 0.31), ([2, 3], [2], 0.6), ([4, 5], [3, 4], 0.49)])
    review(a)
    assert [kinds(b) for b in a.beads] == [[], [WEAK], [], [WEAK]]
    assert "0.31" in a.beads[1].flags[0].reason


def test_review_twice_does_not_duplicate_flags():
    a = alignment([([0], [0], 0.9), ([1], [], 0.1), ([2], [1], 0.3), ([3, 4], [2, 3, 4], 0.8),
                   ([5], [], 0.1)])
    review(a)
    first = [list(b.flags) for b in a.beads]
    review(a)
    assert [b.flags for b in a.beads] == first


def test_an_agencys_end_mark_and_credits_say_what_they_are():
    """（完） and 责任编辑：张三 close a Chinese report and no translation carries them: still flagged, the reason says
    so. A passage that holds a sentence of the text reads as usual."""
    from aligner.review.gaps import gap_flags

    zh = ZH[:2] + ["（完）", "责任编辑：张三"]
    a = Alignment(document(zh, "zh", ""), document(RU[:2], "ru", " "),
                  [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9), Bead((2,), (), 0.5), Bead((3,), (), 0.5)])
    gap_flags(a)
    assert [f.reason for f in a.beads[-1].flags] == [
        "no counterpart in the Russian for 2 sentences: an end mark or editorial credit, which translations leave out"]
    b = Alignment(document(zh, "zh", ""), document(RU[:1], "ru", " "),
                  [Bead((0,), (0,), 0.9), Bead((1,), (), 0.9), Bead((2,), (), 0.5), Bead((3,), (), 0.5)])
    gap_flags(b)
    assert [f.reason for f in b.beads[-1].flags] == ["no counterpart in the Russian for 3 sentences"]


def test_credit_lines_are_told_from_text():
    from aligner.editorial import is_credit

    assert all(is_credit(t, lang) for t, lang in [
        ("（完）", "zh"), ("责任编辑：张三", "zh"), ("【编辑：李四】", "zh"), ("来源：新华网", "zh"),
        ("【纠错】 【责任编辑：张三】", "zh"),
        ("(Reporting by Jane Doe; Editing by John Smith)", "en"), ("(END)", "en"), ("Source: Xinhua", "en"),
        ("Translator: Nyoi-Bo Studio Editor: Nyoi-Bo Studio", "en"), ("TL: Alice ED: Bob", "en"),
        ("Источник: ТАСС", "ru")])
    assert not any(is_credit(t, lang) for t, lang in [
        ("他是我的编辑：很好。", "zh"), ("完成了任务。", "zh"), ("The end of the war came.", "en"),
        ("Edited by hand, the list was short.", "en"), ("Источником вдохновения стала природа.", "ru")])
