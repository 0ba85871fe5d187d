"""A correction costs only its own pairs: the aligner's fitted models are kept from the alignment (not fitted
again), and the review of the new pairs works out the context pairs' numbers and names once. The pairs and
flags are exactly those of the full work: a fresh fit, and a review of the whole context."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from aligner import align_files
from aligner.align import fits
from aligner.corrections import Corrections, ContextReview, context_pairs
from aligner.review import review
from aligner.types import Alignment, Bead, Document, Sentence

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "texts"


@pytest.fixture
def kept_fits():
    """Fits kept as on the review page (which turns keeping on), and the setting put back after."""
    before = fits._limit
    fits.keep(2)
    yield
    fits.keep(before)


def full_review(context: Alignment, fresh: list[Bead]) -> list[Bead]:
    """The new pairs reviewed as they were before the memo: the whole context flagged too, nothing kept."""
    others = context_pairs(context)
    whole = Alignment(context.source, context.target, others + list(fresh), context.model, context.glossary)
    review(whole)
    return whole.beads[len(others):]


def aligned(lang: str) -> Alignment:
    return align_files(TEXTS / "joint-statement.zh.txt", TEXTS / f"joint-statement.{lang}.txt")


def repeated(a: Alignment, copies: int) -> Alignment:
    """The aligned document pair `copies` times over (real sentences, more than CONTEXT_PAIRS 1–1 pairs, so the
    context is a sample of them), reviewed as the pipeline reviews."""
    def doc(d: Document) -> Document:
        text, sentences = "", []
        for c in range(copies):
            base = len(text)
            sentences += [Sentence(len(sentences), base + s.start, base + s.end, s.text, s.norm, s.paragraph)
                          for s in d.sentences]
            text += d.text + "\n\n"
        return Document(text, d.lang, sentences, d.name)

    n, m = len(a.source), len(a.target)
    beads = [Bead(tuple(i + c * n for i in b.src), tuple(j + c * m for j in b.tgt), b.score)
             for c in range(copies) for b in a.beads]
    long = Alignment(doc(a.source), doc(a.target), beads, a.model)
    review(long)
    return long


def corrections_made(c: Corrections) -> None:
    """Merges, splits, moves, a mark and a note, undone and redone, through the document."""
    n = len(c.beads)
    for k in (n // 3, n // 2, 2 * n // 3, 5):
        c.merge_with_next(k)
        c.split(k, 1, 1 if len(c.beads[k].tgt) > 1 else 0)
        c.move(k + 1, "tgt", "up")
    c.mark_reviewed(7)
    c.set_note(8, "checked")
    c.undo()
    c.undo()
    c.redo()
    doubted = [k for k, b in enumerate(c.beads) if b.doubt is not None]
    if doubted:
        c.follow_doubt(doubted[0])


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_corrections_flag_their_pairs_exactly_as_a_full_review_does(lang):
    fast, slow = aligned(lang), aligned(lang)
    corrections_made(Corrections(fast))
    corrections_made(Corrections(slow, recheck=full_review))
    assert fast.beads == slow.beads  # sentences, scores, flags with their reasons and marks, doubts, marks, notes
    assert any(b.flags for b in fast.beads)


def test_on_a_long_document_the_sampled_context_gives_the_same_flags():
    a = aligned("ru")
    fast, slow = repeated(a, 20), repeated(a, 20)
    assert sum(len(b.src) == len(b.tgt) == 1 for b in fast.beads) > 800  # the context is every other 1–1 pair
    corrections_made(Corrections(fast))
    corrections_made(Corrections(slow, recheck=full_review))
    assert fast.beads == slow.beads
    assert {f.kind for b in fast.beads for f in b.flags} >= {"number", "weak"}


def test_the_second_correction_works_out_only_its_own_pairs_numbers_and_names(monkeypatch):
    from importlib import import_module

    names, number_flags = import_module("aligner.review.names"), import_module("aligner.review.number_flags")

    a = repeated(aligned("ru"), 4)
    c = Corrections(a)
    c.merge_with_next(10)
    counted = {"quantities": 0, "names": 0}

    def counting(module, name, what):
        original = getattr(module, name)

        def count(*args, **kwargs):
            counted[what] += 1
            return original(*args, **kwargs)
        monkeypatch.setattr(module, name, count)

    counting(number_flags, "bead_quantities", "quantities")
    counting(names, "_pair_names", "names")
    c.merge_with_next(40)
    assert len(context_pairs(a)) > 100
    assert counted == {"quantities": 1, "names": 1}  # the merged pair's; the context's were kept


def test_the_memo_serves_one_document_pair_and_is_not_pickled():
    a, b = aligned("en"), aligned("ru")
    recheck = ContextReview()
    Corrections(a, recheck=recheck).merge_with_next(3)
    assert recheck.memo.source is a.source and recheck.memo.values
    Corrections(b, recheck=recheck).merge_with_next(3)  # another document pair: the memo starts afresh
    assert recheck.memo.source is b.source
    assert not any(key[0] == "names" and key[1] not in {(x.src, x.tgt) for x in b.beads} | {(x.src, x.tgt) for x in
                   context_pairs(b)} for key in recheck.memo.values)
    copy = pickle.loads(pickle.dumps(recheck))
    assert copy.memo.values == {} and copy.memo.source is None


def test_the_fit_of_the_alignment_is_kept_and_scores_as_a_fit_made_again(kept_fits, monkeypatch):
    from aligner.align import rescore
    from aligner.align.rescore import BeadRescorer, LazyRescorer
    from aligner.embed import get_encoder

    a = aligned("en")
    made_again = BeadRescorer(a.source, a.target, get_encoder())  # kept from align_files: no second fit
    fits.keep(0)  # nothing kept: this one is fitted anew
    fresh = BeadRescorer(a.source, a.target, get_encoder())
    assert fresh.fit is not made_again.fit
    fits.keep(2)
    fast, slow = aligned("en"), aligned("en")

    def no_fit(*args, **kwargs):
        raise AssertionError("the models were fitted again")

    monkeypatch.setattr(rescore, "fitted_search", no_fit)
    kept = Corrections(fast, scorer=LazyRescorer(fast.source, fast.target))
    again = Corrections(slow, scorer=fresh.scores)
    corrections_made(kept)
    corrections_made(again)
    assert fast.beads == slow.beads
    assert [b.score for b in fast.beads] != [b.score for b in aligned("en").beads]  # the corrections were scored


def test_a_kept_fit_is_for_its_own_documents_and_model_only(kept_fits):
    from aligner.align.core import DEFAULT_PARAMS
    from aligner.embed import get_encoder

    model = get_encoder().name
    a = aligned("en")
    key = fits.fit_key(a.source, a.target, model, DEFAULT_PARAMS)
    b = aligned("ru")
    assert fits.recall(key) is not None  # both kept
    assert fits.fit_key(b.source, b.target, model, DEFAULT_PARAMS) != key
    assert fits.fit_key(a.source, a.target, "another-model", DEFAULT_PARAMS) != key
    fewer = Document(a.source.text, a.source.lang, a.source.sentences[:-1], a.source.name)
    assert fits.fit_key(fewer, a.target, model, DEFAULT_PARAMS) != key
    fits.keep(3)
    aligned("en")
    aligned("en")  # again: the same key, kept once, beside the one before
    assert list(fits._kept)[-1] == key and len(fits._kept) == 2
    fits.keep(1)
    assert list(fits._kept) == [key]
    aligned("ru")  # its search lets go of the kept fit first: one fit at a time
    assert fits.recall(key) is None and len(fits._kept) == 1
    fits.keep(0)
    assert fits.recall(key) is None


def three_aligned():
    from aligner.threeway import align_files as align_three_files

    return align_three_files([TEXTS / f"joint-statement.{lang}.txt" for lang in ("zh", "ru", "en")])


def three_way_corrections_made(edits) -> None:
    """Merges, splits and moves in both translations, in turn, undone and redone, as on the three-column page."""
    for label in edits.result.labels * 2:
        beads = edits.result.alignments[label].beads
        k = next(k for k in range(len(beads) // 3, len(beads)) if beads[k].src and beads[k].tgt)
        edits.correct(label, lambda c: c.merge_with_next(k))
        edits.correct(label, lambda c: c.split(k, 1, 1 if len(c.beads[k].tgt) > 1 else 0))
        edits.correct(label, lambda c: c.move(k + 1, "tgt", "up"))
    edits.undo()
    edits.undo()
    edits.redo()


def rows_as_shown(result) -> list:
    return [(r.src, r.tgt, r.scores, [(f.side, f.kind, f.reason) for f in r.flags]) for r in result.rows]


def test_three_columns_keep_both_translations_fits_and_correct_each_as_a_full_fit_and_review_does(monkeypatch):
    """On the three-column page only the second translation's fit was kept (its search let go of the first's), so
    the first correction in the first translation ran the whole search again, and then let go of the second's.
    Both are kept now, each under its own translation's key; the corrections score and flag exactly as with
    models fitted afresh and the whole context reviewed."""
    from aligner.align import rescore
    from aligner.align.core import DEFAULT_PARAMS
    from aligner.align.rescore import BeadRescorer
    from aligner.embed import get_encoder
    from aligner.threeway_corrections import ThreeWayCorrections, fitted_scorers

    before = fits._limit
    fits.keep(1)  # as the review page keeps them (ui/state.py KEPT_FITS)
    try:
        slow = three_aligned()
        fits.keep(0)  # nothing kept: fitted anew, as a page without kept fits did
        fresh = {label: BeadRescorer(a.source, a.target, get_encoder()) for label, a in slow.alignments.items()}
        fits.keep(1)
        fast = three_aligned()
        model = get_encoder().name
        kept = {label: fits.recall(fits.fit_key(a.source, a.target, model, DEFAULT_PARAMS))
                for label, a in fast.alignments.items()}
        assert all(fit is not None for fit in kept.values()), "a translation's fit was let go of"
        assert kept["ru"] is not kept["en"] and kept["ru"].scorer is not kept["en"].scorer

        def no_fit(*args, **kwargs):
            raise AssertionError("the models were fitted again")

        monkeypatch.setattr(rescore, "fitted_search", no_fit)
        quick = ThreeWayCorrections(fast, fitted_scorers(fast))
        assert all(side.scorer.prepared for side in quick.sides.values())  # kept: nothing to prepare
        full = ThreeWayCorrections(slow)
        full.sides = {label: Corrections(a, scorer=fresh[label].scores, recheck=full_review)
                      for label, a in slow.alignments.items()}
        three_way_corrections_made(quick)
        three_way_corrections_made(full)
        for label, side in quick.sides.items():
            assert side.scorer._fitted.fit is kept[label]  # each translation scored by its own fit
        assert {label: a.beads for label, a in fast.alignments.items()} == \
               {label: a.beads for label, a in slow.alignments.items()}  # pairs, scores, flags, doubts
        assert rows_as_shown(fast) == rows_as_shown(slow)
        assert rows_as_shown(fast) != rows_as_shown(three_aligned())  # the corrections changed the rows
    finally:
        fits.keep(before)


def test_a_review_opened_from_its_file_fits_each_translation_at_its_first_correction():
    """A three-column review opened from a saved file has no fits kept (another day, another server): the first
    correction in each translation fits that translation's models, once, and the page says it is preparing."""
    from aligner.export.threeway import parse_json, render
    from aligner.threeway_corrections import ThreeWayCorrections, fitted_scorers

    before = fits._limit
    fits.keep(1)
    try:
        saved = render(three_aligned(), "json")
        fits.keep(0)  # as after a restart
        fits.keep(1)
        opened = parse_json(saved, "saved.project.json")
        edits = ThreeWayCorrections(opened, fitted_scorers(opened))
        assert [side.scorer.prepared for side in edits.sides.values()] == [False, False]
        edits.correct("ru", lambda c: c.merge_with_next(5))
        assert [side.scorer.prepared for side in edits.sides.values()] == [True, False]
        edits.correct("en", lambda c: c.merge_with_next(5))
        assert [side.scorer.prepared for side in edits.sides.values()] == [True, True]
    finally:
        fits.keep(before)


def test_the_fits_of_one_alignment_are_kept_and_let_go_of_together():
    """Three columns are one alignment of two document pairs: the second search does not make room by letting go of
    the first one's fit; the next alignment's search lets go of both."""
    before = fits._limit
    fits.keep(1)
    try:
        a, b, c = (fits.Fit(object(), ((1, 1),)) for _ in range(3))
        with fits.together():
            fits.make_room()
            fits.remember("zh-ru", a)
            fits.make_room()  # the English search, beside the Russian fit
            fits.remember("zh-en", b)
        assert fits.recall("zh-ru") is a and fits.recall("zh-en") is b
        fits.make_room()  # another text aligned: both let go of before its search
        assert fits.recall("zh-ru") is None and fits.recall("zh-en") is None
        fits.remember("other", c)
        fits.keep(2)
        with fits.together():
            fits.make_room()
            fits.remember("zh-ru", a)
            fits.remember("zh-en", b)
        assert [fits.recall(key) for key in ("other", "zh-ru", "zh-en")] == [c, a, b]  # two alignments
        fits.recall("other")  # used last: the three columns are now the oldest
        fits.make_room()
        assert [fits.recall(key) for key in ("other", "zh-ru", "zh-en")] == [c, None, None]
    finally:
        fits.keep(before)
