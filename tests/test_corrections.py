"""Corrections on a real alignment keep the invariants, re-flag what changed, and undo exactly."""
from __future__ import annotations

from pathlib import Path

import pytest

from aligner.corrections import CorrectionError, Corrections
from sample_pairs import assert_invariants, sample_alignment, shapes

ROOT = Path(__file__).resolve().parents[1]


def kinds(bead) -> set[str]:
    return {f.kind for f in bead.flags}


def test_merge_with_next_joins_two_pairs_and_undo_restores_them():
    a = sample_alignment()
    original = shapes(a)
    c = Corrections(a)
    edit = c.merge_with_next(0)
    assert_invariants(a)
    assert shapes(a)[0] == ((0, 1), (0, 1, 2))
    assert len(a.beads) == len(original) - 1
    assert edit.op == "merge" and "pair 1" in edit.description
    assert c.undo() is edit
    assert shapes(a) == original
    assert c.history == []


def test_merging_an_omission_into_its_neighbour_clears_the_omitted_flag():
    a = sample_alignment()
    assert "omitted" in kinds(a.beads[3])
    c = Corrections(a)
    c.merge_with_next(3)  # zh 3 with the added ru 4: the reviewer says they are a pair
    assert shapes(a)[3] == ((3,), (4,))
    assert not kinds(a.beads[3]) & {"omitted", "added"}
    c.undo()
    assert "omitted" in kinds(a.beads[3]) and "added" in kinds(a.beads[4])


def test_splitting_a_one_to_one_pair_gives_an_omission_and_an_addition():
    a = sample_alignment()
    c = Corrections(a)
    c.split(1, src_at=1, tgt_at=0)
    assert_invariants(a)
    assert shapes(a)[1:3] == [((1,), ()), ((), (2,))]
    assert "omitted" in kinds(a.beads[1])
    assert "added" in kinds(a.beads[2])
    assert a.beads[1].score == 0.0
    c.undo()
    assert shapes(a) == shapes(sample_alignment())


def test_splitting_a_one_to_two_pair_between_its_translations():
    a = sample_alignment()
    Corrections(a).split(0, src_at=1, tgt_at=1)
    assert shapes(a)[:2] == [((0,), (0,)), ((), (1,))]
    assert "added" in kinds(a.beads[1])
    assert_invariants(a)


def test_split_that_leaves_an_empty_part_is_refused():
    a = sample_alignment()
    with pytest.raises(CorrectionError, match="no sentences"):
        Corrections(a).split(1, src_at=0, tgt_at=0)
    with pytest.raises(CorrectionError, match="cannot be cut"):
        Corrections(a).split(1, src_at=2, tgt_at=0)
    assert shapes(a) == shapes(sample_alignment())


def test_move_last_translation_sentence_down_to_the_next_pair():
    a = sample_alignment()
    c = Corrections(a)
    c.move(0, "tgt", "down")  # "Визит состоялся 4 февраля 2022 года." goes with pair 2
    assert shapes(a)[:2] == [((0,), (0,)), ((1,), (1, 2))]
    assert_invariants(a)
    c.undo()
    assert shapes(a)[:2] == [((0,), (0, 1)), ((1,), (2,))]


def test_move_first_sentence_up_and_an_emptied_pair_disappears():
    a = sample_alignment()
    c = Corrections(a)
    n = len(a.beads)
    c.move(4, "tgt", "up")  # the added Russian sentence joins the omitted Chinese one
    assert len(a.beads) == n - 1
    assert shapes(a)[3] == ((3,), (4,))
    assert_invariants(a)
    assert not kinds(a.beads[3]) & {"omitted", "added"}
    c.undo()
    assert len(a.beads) == n


def test_move_without_a_neighbour_or_a_sentence_is_refused_with_a_reason():
    a = sample_alignment()
    c = Corrections(a)
    with pytest.raises(CorrectionError, match="no previous pair"):
        c.move(0, "src", "up")
    with pytest.raises(CorrectionError, match="no next pair"):
        c.move(len(a.beads) - 1, "tgt", "down")
    with pytest.raises(CorrectionError, match="no translated sentence"):
        c.move(3, "tgt", "up")
    with pytest.raises(CorrectionError, match="last pair"):
        c.merge_with_next(len(a.beads) - 1)
    with pytest.raises(CorrectionError, match="no pair 99"):
        c.mark_reviewed(98)
    assert c.history == []


def test_reviewed_and_note_are_kept_and_undone_one_at_a_time():
    a = sample_alignment()
    c = Corrections(a)
    flags_before = list(a.beads[6].flags)
    c.mark_reviewed(6)
    c.set_note(6, "  Перевод вольный, смысл сохранён.  ")
    assert a.beads[6].reviewed and a.beads[6].note == "Перевод вольный, смысл сохранён."
    assert a.beads[6].flags == flags_before  # reviewing does not change what review found
    c.undo()
    assert a.beads[6].reviewed and a.beads[6].note == ""
    c.undo()
    assert not a.beads[6].reviewed
    assert c.undo() is None


def test_a_merged_pair_must_be_reviewed_again_and_keeps_notes():
    a = sample_alignment()
    c = Corrections(a)
    c.mark_reviewed(1)
    c.set_note(2, "check the name")
    c.merge_with_next(1)
    assert not a.beads[1].reviewed
    assert a.beads[1].note == "check the name"


def test_scorer_scores_the_new_pairs_and_low_scores_are_flagged_weak():
    a = sample_alignment()
    seen = []

    def scorer(beads, indices):
        seen.extend((beads[k].src, beads[k].tgt) for k in indices)
        return [0.2 for _ in indices]

    Corrections(a, scorer=scorer).merge_with_next(1)
    assert seen == [((1, 2), (2, 3))]
    assert a.beads[1].score == 0.2
    assert "weak" in kinds(a.beads[1])


def test_without_a_scorer_a_merged_pair_keeps_the_lower_confidence_of_its_pairs():
    a = sample_alignment()
    c = Corrections(a)
    c.merge_with_next(1)  # 0.9 and 0.88
    assert a.beads[1].score == pytest.approx(0.88)
    c.move(2, "src", "up")  # the omitted zh 3 joins pair 2: the aligner never paired it, so no confidence
    assert shapes(a)[1] == ((1, 2, 3), (2, 3)) and a.beads[1].score == 0.0 and "weak" in kinds(a.beads[1])
    c.undo()
    c.merge_with_next(2)  # omitted zh 3 + added ru 4: no pairing to take a confidence from
    assert shapes(a)[2] == ((3,), (4,))
    assert a.beads[2].score == 0.0 and "weak" in kinds(a.beads[2])


def test_history_replays_into_the_same_beads_after_many_edits():
    a = sample_alignment()
    c = Corrections(a)
    c.merge_with_next(0)
    c.split(0, src_at=1, tgt_at=2)
    c.move(2, "src", "down")
    c.mark_reviewed(0)
    assert_invariants(a)
    for _ in range(4):
        c.undo()
        assert_invariants(a)
    assert shapes(a) == shapes(sample_alignment())


def test_the_review_step_sees_the_rest_of_the_document_but_flags_only_new_pairs():
    a = sample_alignment()
    original = shapes(a)
    seen = {}

    def recheck(context, fresh):
        seen["context"] = [(b.src, b.tgt) for b in context.beads]
        seen["fresh"] = [(b.src, b.tgt) for b in fresh]
        from aligner.corrections import review_in_context

        return review_in_context(context, fresh)

    c = Corrections(a, recheck=recheck)
    c.merge_with_next(1)
    assert seen["context"] == original[:1] + original[3:]
    assert seen["fresh"] == [((1, 2), (2, 3))]
    flags_elsewhere = [b.flags for b in a.beads[2:]]
    assert flags_elsewhere == [b.flags for b in sample_alignment().beads[3:]]  # untouched pairs keep theirs


def test_following_the_aligners_doubt_makes_the_other_reading():
    from aligner.types import Doubt

    a = sample_alignment()
    # pair 1 is zh 0 with ru 0–1; suppose the aligner thought ru 1 may belong to the pair after
    a.beads[0].doubt = Doubt("its last Russian sentence may belong to the pair after", "move", (0, "tgt", "down"))
    c = Corrections(a)
    edit = c.follow_doubt(0)
    assert shapes(a)[:2] == [((0,), (0,)), ((1,), (1, 2))]
    assert edit.op == "move" and a.beads[0].doubt is None and a.beads[1].doubt is None
    assert_invariants(a)
    c.undo()
    assert shapes(a)[:2] == [((0,), (0, 1)), ((1,), (2,))]
    a.beads[1].doubt = Doubt("the last Russian sentence of the pair before may belong here", "move", (-1, "tgt", "down"))
    c.follow_doubt(1)
    assert shapes(a)[:2] == [((0,), (0,)), ((1,), (1, 2))]
    c.undo()
    a.beads[1].doubt = Doubt("it may be one pair with the pair before", "merge", (-1,))
    c.follow_doubt(1)
    assert shapes(a)[0] == ((0, 1), (0, 1, 2))


def test_a_pair_without_a_doubt_has_nothing_to_follow():
    a = sample_alignment()
    with pytest.raises(CorrectionError, match="no other reading of pair 3"):
        Corrections(a).follow_doubt(2)


def test_changing_a_pair_withdraws_the_neighbours_doubt_about_it_and_undo_brings_it_back():
    from aligner.review import review
    from aligner.types import Doubt

    a = sample_alignment(reviewed=False)
    about_before = Doubt("the last Russian sentence of the pair before may belong here", "move", (-1, "tgt", "down"))
    a.beads[6].doubt = about_before  # zh 5 ↔ ru 6, a weak pair, doubting pair 6 (zh 4 ↔ ru 5)
    review(a)
    weak = [f.reason for f in a.beads[6].flags if f.kind == "weak"]
    assert weak == ["low alignment confidence (0.45): the last Russian sentence of the pair before may belong here"]
    c = Corrections(a)
    c.merge_with_next(4)  # the added ru 4 joined with pair 6: the doubted pair is not what it was
    assert shapes(a)[4:] == [((4,), (4, 5)), ((5,), (6,))]
    assert a.beads[5].doubt is None
    assert [f.reason for f in a.beads[5].flags if f.kind == "weak"] == ["low alignment confidence (0.45)"]
    with pytest.raises(CorrectionError, match="no other reading"):
        c.follow_doubt(5)
    c.undo()
    assert a.beads[6].doubt == about_before
    assert [f.reason for f in a.beads[6].flags if f.kind == "weak"] == weak


def test_a_doubt_about_other_pairs_survives_a_correction_elsewhere():
    from aligner.types import Doubt

    a = sample_alignment()
    own_split = Doubt("it may be two pairs", "split", (1, 1))
    a.beads[0].doubt = own_split
    a.beads[6].doubt = Doubt("its Russian sentence may belong to the pair before", "move", (0, "tgt", "up"))
    c = Corrections(a)
    c.merge_with_next(1)  # pairs 2 and 3, next to pair 1 (whose doubt is about itself)
    assert a.beads[0].doubt == own_split
    c.undo()
    c.merge_with_next(3)  # pairs 4 and 5: pair 7's doubt is about pair 6, which is untouched
    assert a.beads[5].doubt is not None


def test_a_history_from_other_pairs_is_refused_before_undo_could_corrupt_them():
    """A developer re-aligns (a changed text, another model) and hands the old history over: undo
    put a merged pair back over pairs that were never merged, so a sentence appeared twice."""
    edited = Corrections(sample_alignment())
    edited.merge_with_next(3)
    with pytest.raises(CorrectionError, match="history does not match"):
        Corrections(sample_alignment(), history=edited.history)


def test_undo_refuses_when_the_pairs_were_changed_behind_its_back():
    c = Corrections(sample_alignment())
    c.merge_with_next(3)
    c.alignment.beads = sample_alignment().beads  # replaced directly, not through a correction
    before = shapes(c.alignment)
    with pytest.raises(CorrectionError, match="changed"):
        c.undo()
    assert shapes(c.alignment) == before and len(c.history) == 1
    assert_invariants(c.alignment)


def test_an_omitted_sentence_merged_into_a_pair_takes_none_of_its_confidence():
    # the Russian sample leaves zh 15 omitted after a 1.0 pair; merged into that pair it kept 1.0 (and
    # showed so on the review page), a confidence the aligner never had for the new pairing
    from pathlib import Path

    from aligner import align_texts

    root = Path(__file__).resolve().parents[1] / "texts"
    a = align_texts((root / "joint-statement.zh.txt").read_text(encoding="utf-8"),
                    (root / "joint-statement.ru.txt").read_text(encoding="utf-8"))
    i = next(i for i, (b, n) in enumerate(zip(a.beads, a.beads[1:])) if b.src and b.tgt and b.score > 0.9
             and n.src and not n.tgt)
    pair, omitted = a.beads[i], a.beads[i + 1]
    c = Corrections(a)
    c.merge_with_next(i)
    merged = a.beads[i]
    assert (merged.src, merged.tgt) == (pair.src + omitted.src, pair.tgt)
    assert merged.score == 0.0 and "weak" in kinds(merged)
    c.undo()
    assert a.beads[i].score == pair.score
    other = next(j for j, (b, n) in enumerate(zip(a.beads, a.beads[1:])) if b.src and b.tgt and n.src and n.tgt)
    scores = a.beads[other].score, a.beads[other + 1].score
    c.merge_with_next(other)  # two pairs the aligner made: the lower of their confidences, as before
    assert a.beads[other].score == pytest.approx(min(scores))


def test_redo_makes_again_what_undo_took_back_until_a_new_correction():
    a = sample_alignment()
    original = shapes(a)
    c = Corrections(a)
    c.merge_with_next(0)
    c.set_note(0, "ask the translator")
    c.mark_reviewed(1)
    done = [(b.src, b.tgt, b.note, b.reviewed) for b in a.beads]
    assert c.redo() is None  # nothing undone yet
    for _ in range(3):
        c.undo()
    assert shapes(a) == original and not a.beads[0].note
    assert [c.redo().op for _ in range(3)] == ["merge", "note", "review"]
    assert [(b.src, b.tgt, b.note, b.reviewed) for b in a.beads] == done
    assert_invariants(a)
    assert [e.op for e in c.history] == ["merge", "note", "review"] and c.redo() is None
    c.undo()
    c.undo()
    c.split(0, 1, 1)  # a new correction: the two undone ones no longer fit
    assert c.redo() is None and [e.op for e in c.history] == ["merge", "split"]
    c.undo()
    assert c.redo().op == "split"


def test_the_pair_a_correction_changed_is_told_apart_from_a_neighbour_whose_doubt_it_withdrew():
    from aligner.corrections import first_changed
    from aligner.types import Doubt

    a = sample_alignment()
    a.beads[2].doubt = Doubt("its last Russian sentence may belong to the pair after", "move", (0, "tgt", "down"))
    c = Corrections(a)
    merge = c.merge_with_next(3)  # pairs 4 and 5: pair 3's doubt about pair 4 is withdrawn with it
    assert merge.start == 2 and a.beads[2].doubt is None
    assert first_changed(merge) == 3 and shapes(a)[3] == ((3,), (4,))
    assert first_changed(c.mark_reviewed(3)) == 3 and first_changed(c.set_note(0, "x")) == 0
    c.undo()
    c.undo()
    assert first_changed(c.undo()) == 3  # undone: the same pairs, the other way round


def test_pairs_a_reviewer_makes_are_scored_as_the_aligner_scores_its_own():
    """Two confident pairs merged by mistake are no '2–2 · 1.00 · ok': the aligner's model, fitted once
    on the document (embeddings from the cache), scores the new pair among its neighbours."""
    from aligner import align_files
    from aligner.align.rescore import BeadRescorer, LazyRescorer
    from aligner.embed import get_encoder

    a = align_files(ROOT / "texts" / "joint-statement.zh.txt", ROOT / "texts" / "joint-statement.en.txt")
    rescorer = BeadRescorer(a.source, a.target, get_encoder())
    assert rescorer.scores(a.beads, range(len(a.beads))) == pytest.approx([b.score for b in a.beads])  # its own, unchanged
    k = next(k for k in range(len(a.beads) - 1) if all(len(b.src) == len(b.tgt) == 1 and b.score > 0.9
                                                        for b in a.beads[k : k + 2]))
    without = Corrections(align_files(ROOT / "texts" / "joint-statement.zh.txt", ROOT / "texts" / "joint-statement.en.txt"))
    without.merge_with_next(k)
    assert without.beads[k].score > 0.9  # the lower score of its parts, as before
    c = Corrections(a, scorer=LazyRescorer(a.source, a.target))
    c.merge_with_next(k)
    assert a.beads[k].score < 0.1 and "weak" in kinds(a.beads[k])
    c.undo()
    assert a.beads[k].score > 0.9
    import pickle

    copy = pickle.loads(pickle.dumps(c))  # the page's reload store: the documents, not the fitted model
    assert copy.scorer._fitted is None and copy.scorer.source.text == a.source.text


def test_a_hand_made_pair_of_a_shape_the_aligner_never_searches_keeps_the_fallback_score():
    from aligner import align_files
    from aligner.align.rescore import BeadRescorer
    from aligner.embed import get_encoder

    a = align_files(ROOT / "texts" / "joint-statement.zh.txt", ROOT / "texts" / "joint-statement.en.txt")
    c = Corrections(a, scorer=BeadRescorer(a.source, a.target, get_encoder()).scores)
    k = next(k for k in range(len(a.beads) - 2) if all(len(b.src) == len(b.tgt) == 1 for b in a.beads[k : k + 3]))
    c.merge_with_next(k)
    parts = (a.beads[k].score, a.beads[k + 1].score)
    c.merge_with_next(k)  # 3–3: beyond the shapes searched (a + b ≤ 5)
    assert (len(a.beads[k].src), len(a.beads[k].tgt)) == (3, 3)
    assert a.beads[k].score == min(parts)  # the lower score of the pairs it came from


def test_a_model_that_cannot_be_loaded_leaves_corrections_their_fallback_score(tmp_path):
    from aligner.align.rescore import LazyRescorer

    a = sample_alignment()
    c = Corrections(a, scorer=LazyRescorer(a.source, a.target, str(tmp_path / "no-such-model")))
    c.merge_with_next(1)
    assert c.scorer._failed and a.beads[1].score == min(b.score for b in sample_alignment().beads[1:3])
