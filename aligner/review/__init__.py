"""Review: add flags a reviewer should look at to the beads of an alignment, in place.

Each check lives in its own module and adds `Flag(kind, reason)`s with a reason a person can
read. `review` runs them in a fixed order and is cheap: with an encoder it only re-reads the
sentence embeddings the aligner already cached.

Flag kinds: `omitted`, `added` (gaps: a run of adjacent unmatched sentences is merged into one
bead per side, so one flag covers one passage), `weak` (low aligner confidence), `partial`
(translation far shorter/longer than the document's own length ratio predicts), `number`
(numbers that do not agree), `name` (a name, acronym or Latin-script token on one side only),
`term` (a glossary term whose required rendering the translation lacks; only with a glossary).
Warnings about the document pair as a whole go to `Alignment.warnings`.
"""
from __future__ import annotations

from aligner.embed.base import Encoder
from aligner.review.gaps import gap_flags
from aligner.review.memo import ReviewMemo
from aligner.review.moved import moved_flags
from aligner.review.names import NAME, name_flags
from aligner.review.number_flags import NUMBER, number_flags
from aligner.review.partial import PARTIAL, partial_flags
from aligner.review.terms import TERM, term_flags
from aligner.review.unrelated import check_translation
from aligner.review.vectors import sentence_vectors
from aligner.review.weak import weak_flags
from aligner.types import Alignment, Progress

# Each check's share of a review's time, in per cent (a 1,360-pair chapter, MAC dev: names 2.0 s, numbers 1.2 s,
# the whole translation's check 0.7 s, partial 0.4 s, the rest a blink): reported after each, the "reviewing"
# bar moves as the time goes instead of standing at 0% for the minute a novel takes.
REVIEW_STEPS = (("gaps", 1), ("weak", 1), ("vectors", 3), ("translation", 15), ("moved", 1), ("partial", 10), ("numbers", 25),
                ("names", 44), ("terms", 1))
REVIEW_TOTAL = sum(share for _, share in REVIEW_STEPS)
REVIEW_UNITS = 100  # a share counted in hundredths, so that a long check's part done moves the bar
# Each check as a progress bar names it while it runs (a novel's review takes a minute, most of it on names).
STEP_WORDS = {"gaps": "unmatched passages", "weak": "weak pairs", "vectors": "sentence embeddings",
              "translation": "whether it is a translation", "moved": "moved passages", "partial": "partial translations",
              "numbers": "numbers", "names": "names", "terms": "glossary terms"}


def review_step(done: int, total: int) -> str:
    """The words for the check running when the review reports (`done`, `total`), "" for a count that is not
    the review's own (`progress` hears REVIEW_TOTAL × REVIEW_UNITS as its total)."""
    if total != REVIEW_TOTAL * REVIEW_UNITS or not 0 <= done < total:
        return ""
    end = 0
    for name, share in REVIEW_STEPS:
        end += share * REVIEW_UNITS
        if done < end:
            return STEP_WORDS[name]
    return ""


def review(alignment: Alignment, encoder: Encoder | None = None, flag_from: int = 0,
           memo: ReviewMemo | None = None, progress: Progress | None = None) -> None:
    """Flag gaps (merging adjacent null beads), weak pairs, partial translations, numbers, names and
    the terms of the alignment's glossary.

    `encoder` (the one that aligned the texts) sharpens the partial check with similarities;
    without it the check uses lengths only. With it, the texts are also checked to be a
    translation of each other at all (`unrelated`): if not, a warning and every pair weak.

    `flag_from`: the partial, number, name and term checks flag only the beads from this index on; those before
    it (1–1 pairs, so that merging gaps leaves every index in place) are the document's normal, as a correction
    reviews its new pairs (`corrections.review_in_context`), and the beads flagged get the flags a full review
    gives them. `memo` keeps what the checks work out per document and per pair for the next such review.
    `progress` hears ("review", done, REVIEW_TOTAL × REVIEW_UNITS) after each check, weighted by its share of the time.
    """
    done = _steps(progress)
    gap_flags(alignment)
    done("gaps")
    weak_flags(alignment)
    done("weak")
    vectors = sentence_vectors(alignment, encoder) if encoder is not None else None
    done("vectors")
    unrelated = vectors is not None and check_translation(alignment, vectors)
    done("translation")
    if vectors is not None and flag_from == 0 and not unrelated:  # another text's passages are not moved ones
        moved_flags(alignment, vectors)
    done("moved")
    partial_flags(alignment, vectors, flag_from, memo)
    done("partial")
    number_flags(alignment, flag_from, memo, checked=lambda steps, of: done.within("numbers", steps, of))
    done("numbers")
    name_flags(alignment, flag_from=flag_from, memo=memo, checked=lambda pairs, of: done.within("names", pairs, of))
    done("names")
    term_flags(alignment, flag_from)
    done("terms")


def _steps(progress: Progress | None):
    """A call per check done, that reports the review's progress so far (nothing without `progress`); its
    `within(name, done, total)` reports part of a long check done (names: a block of pairs at a time)."""
    shares = dict(REVIEW_STEPS)
    so_far = 0

    def report(units: int) -> None:
        if progress is not None:
            progress("review", units, REVIEW_TOTAL * REVIEW_UNITS)

    def step(name: str) -> None:
        nonlocal so_far
        so_far += shares[name]
        report(so_far * REVIEW_UNITS)

    def within(name: str, done: int, total: int) -> None:
        report(so_far * REVIEW_UNITS + shares[name] * REVIEW_UNITS * done // max(total, 1))

    step.within = within
    report(0)
    return step


__all__ = ["review", "review_step", "NAME", "NUMBER", "PARTIAL", "TERM"]
